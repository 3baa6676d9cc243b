import type { Food } from '../foods.js';
import type { DietPattern } from '../profile.js';
import { splitWords } from './normalize.js';

/**
 * Whether a food fits a diet pattern, judged from its USDA food group and name words.
 * Approximate by design: a food composition table does not say how a dish was made, so
 * "Bread, white" passes as vegan although some recipes use milk, and a name that does not
 * mention its meat ("Soup, split pea") passes as vegetarian. It errs on the side of excluding
 * when a name names an animal product.
 */
export function fitsPattern(food: Food, pattern: DietPattern): boolean {
  if (pattern === 'omnivore') return true;
  const kinds = animalKinds(food);
  if (kinds.has('meat')) return false;
  if (pattern === 'pescatarian') return true;
  if (kinds.has('fish')) return false;
  if (pattern === 'vegetarian') return true;
  return !kinds.has('dairy') && !kinds.has('egg') && !kinds.has('other');
}

type AnimalKind = 'meat' | 'fish' | 'dairy' | 'egg' | 'other';

const GROUP_KINDS: readonly [RegExp, AnimalKind][] = [
  [/poultry|beef|pork|lamb|veal|game|sausage|luncheon/i, 'meat'],
  [/finfish|shellfish|fish/i, 'fish'],
  [/dairy/i, 'dairy'],
];

const MEAT_WORDS = new Set(
  'beef,pork,chicken,turkey,ham,bacon,lamb,mutton,veal,venison,duck,goose,meat,meats,sausage,sausages,salami,pepperoni,bologna,frankfurter,frankfurters,hotdog,liver,gelatin,gelatins,lard,jerky,pastrami,prosciutto,chorizo,meatball,meatballs,quail,pheasant,rabbit,bison,elk,moose,caribou,emu,ostrich,squab,giblets,tripe,tallow,oxtail,steak,burger,hamburger,cheeseburger,pepperoni'.split(
    ',',
  ),
);
const FISH_WORDS = new Set(
  'fish,salmon,tuna,cod,haddock,halibut,herring,mackerel,sardine,sardines,anchovy,anchovies,trout,pollock,tilapia,catfish,bass,snapper,swordfish,shrimp,prawn,prawns,crab,lobster,clam,clams,oyster,oysters,mussel,mussels,scallop,scallops,squid,octopus,crustaceans,mollusks,roe,caviar,eel,shad,smelt,whitefish,flounder,sole,perch,pike,carp,crayfish'.split(
    ',',
  ),
);
const DAIRY_WORDS = new Set(
  'milk,cheese,butter,cream,yogurt,whey,casein,buttermilk,ghee,kefir,custard,pudding,ricotta,mozzarella,cheddar,parmesan'.split(
    ',',
  ),
);
const EGG_WORDS = new Set(['egg', 'eggs', 'yolk', 'mayonnaise', 'meringue', 'omelet', 'eggnog']);
const OTHER_ANIMAL_WORDS = new Set(['honey']);
/** Plant words that make "milk", "butter" or "cream" a plant product: soy milk, peanut butter, coconut cream. */
const PLANT_QUALIFIERS = new Set(
  'soy,soymilk,almond,almonds,coconut,rice,oat,peanut,peanuts,cashew,cashews,sesame,sunflower,hazelnut,apple,cocoa,shea,tartar,nut,nuts,seed,seeds,bean,beans,lima'.split(
    ',',
  ),
);

function animalKinds(food: Food): Set<AnimalKind> {
  const kinds = new Set<AnimalKind>();
  for (const [pattern, kind] of GROUP_KINDS) if (pattern.test(food.group)) kinds.add(kind);
  if (/dairy and egg/i.test(food.group)) kinds.add('egg');
  const words = splitWords(food.name);
  const plantQualified = words.some((word) => PLANT_QUALIFIERS.has(word));
  for (const word of words) {
    if (MEAT_WORDS.has(word)) kinds.add('meat');
    if (FISH_WORDS.has(word)) kinds.add('fish');
    if (DAIRY_WORDS.has(word) && !(plantQualified && /^(milk|butter|cream)$/.test(word)))
      kinds.add('dairy');
    if (EGG_WORDS.has(word)) kinds.add('egg');
    if (OTHER_ANIMAL_WORDS.has(word)) kinds.add('other');
  }
  return kinds;
}
