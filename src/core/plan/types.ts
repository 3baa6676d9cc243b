import type { Food, FoodId } from '../foods.js';
import type { NutrientId, NutrientUnit } from '../nutrients.js';
import type { AllergenGroup, DietPattern, Profile } from '../profile.js';
import type { Consequence } from '../policy/types.js';
import type { Finding } from '../safety/types.js';
import type { SourceRef } from '../sources.js';
import type { PersonalTargets } from '../targets/types.js';

export const MEALS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type Meal = (typeof MEALS)[number];

/** Planner food groups (data/pantry/README.md). */
export const PANTRY_GROUPS = [
  'vegetables',
  'starchy-vegetables',
  'fruit',
  'dried-fruit',
  'grains',
  'dairy',
  'dairy-alt',
  'cheese',
  'eggs',
  'meat',
  'fish',
  'legumes',
  'nuts-seeds',
  'fats-oils',
  'fermented',
  'condiments',
  'sweets',
  'beverages',
  /** The person's own recipes, eaten by the serving (recipe-dishes.ts); not in pantry.csv. */
  'dishes',
] as const;
export type PantryGroup = (typeof PANTRY_GROUPS)[number];

/** One planner candidate: a food with the portions and tags the planner needs. */
export interface PantryItem {
  food: Food;
  group: PantryGroup;
  meals: Meal[];
  /** Amounts move in whole steps of this many grams. */
  stepG: number;
  /** When eaten on a day: at least minG and at most maxG grams that day. */
  minG: number;
  maxG: number;
  allergens: AllergenGroup[];
  patterns: DietPattern[];
  /** Sugar is added to this food (added sugars estimated from total sugars). */
  sweetened: boolean;
  /** A household portion to show amounts in ("1 cup = 244 g"). */
  portion?: { name: string; grams: number };
  /** Food-safety tags (data/pantry/safety-tags.csv) that policy exclusions match. */
  tags?: string[];
  /** How common the food is, 1 (occasional) to 3 (everyday staple); data/pantry/meal-tags.csv. */
  commonness?: number;
  /** Not eaten raw: the plan shows it cooked, with a cooking fat at the same meal. */
  notRaw?: boolean;
  /**
   * A dish (an own recipe): the pantry items it is made of, each with its grams per gram of the
   * dish. Excluding one excludes the dish; they count towards the food-group rules.
   */
  parts?: { item: PantryItem; share: number }[];
  /**
   * Cautious values per 100 g towards caps where the food's own value leaves ingredients out
   * (a dish whose ingredient has no value: that ingredient counts its group's highest value).
   */
  capPer100g?: Partial<Record<NutrientId, number>>;
}

/** A fixed day of logged food (close-my-gaps mode). */
export interface BaseDay {
  date: string;
  entries: { food: Food; grams: number }[];
}

/** A person's own habits: foods from their history, with the share of days they ate them. */
export interface PlanHabits {
  foods: ReadonlyMap<string, number>;
  /** Logged days the shares are counted over. */
  days: number;
}

export interface PlanRequest {
  profile: Profile;
  targets: PersonalTargets;
  findings: Finding[];
  /** What the plan must obey (src/core/policy); targets must already have them applied. */
  consequences?: Consequence[];
  pantry: PantryItem[];
  days: number;
  base?: BaseDay[];
  /** Deterministic effort per day's MIP (HiGHS nodes, simplex iterations); default PLAN_EFFORT. */
  effort?: { nodes?: number; leaves?: number; improvingSolutions?: number; iterations?: number };
  /** Days solved ahead of the day being fixed (rolling horizon); default LOOKAHEAD_DAYS. */
  lookahead?: number;
  /** Wall-clock safety net per solve, seconds: reaching it is a fault, never a normal stop. */
  safetyTimeLimitSec?: number;
  /** The person's own habits (from logged days): foods they eat cost less, others more. */
  habits?: PlanHabits;
  /** The person's recipes the app did not offer as dishes, and why (copied to the result). */
  unusedRecipes?: { id: FoodId; name: string; reason: string }[];
}

export interface PlanItem {
  foodId: FoodId;
  name: string;
  grams: number;
  portion: string;
  meal: Meal | 'logged';
  /**
   * Not eaten raw (maitake, green beans …): cook it. The food data may have only the raw
   * values; the meal's cooking fat is counted with it.
   */
  cook?: true;
  /** Close-my-gaps: 'logged' kept from the diary, 'added' by the plan, 'removed' from the diary. */
  change?: 'logged' | 'added' | 'removed';
}

export interface NutrientTotal {
  amount: number;
  unit: NutrientUnit;
  /** Share of the day's grams whose food has a known value for the nutrient (0..1). */
  coverage: number;
}

export interface PlanDay {
  day: number;
  date?: string;
  meals: Partial<Record<Meal | 'logged', PlanItem[]>>;
  items: PlanItem[];
  totals: Partial<Record<NutrientId, NutrientTotal>>;
  /**
   * How the day's MIP ended: proved optimal; stopped at its effort limit with the best plan
   * found and its relative gap; or 'repaired', the fallback's LP rounding repaired to whole
   * portions (gap against the LP bound).
   */
  solve?: { status: 'optimal' | 'effort-limit' | 'repaired'; gap?: number };
}

export interface Unmet {
  nutrient: NutrientId;
  unit: NutrientUnit;
  target: number;
  /** Lowest day: food plus the person's supplements. */
  achieved: number;
  /**
   * The food data has no value for this nutrient in any candidate food (iodine in SR24): what
   * the food supplies is unknown, not zero, and `achieved` counts the supplements alone.
   */
  foodUnknown?: true;
  reason: string;
}

export interface SupplementSuggestion {
  nutrient: NutrientId;
  suggestedAmount: number;
  unit: NutrientUnit;
  reason: string;
  note: 'to discuss with your clinician';
  caution?: string;
}

export interface HardLimit {
  /** Constraint name as in the model and the LP file, e.g. `cap:sodium`. */
  name: string;
  nutrient?: NutrientId;
  /** Per-day maximum for food (after the person's supplements are taken off). */
  max: number;
  label: string;
  source?: SourceRef;
  /** How a food with an unknown value is counted. */
  unknownRule?: string;
}

export interface Diagnosis {
  conflicts: { name: string; description: string }[];
  relax: string[];
}

export interface PlanResult {
  /**
   * `optimal`: every day proved optimal. `effort-limit`: at least one day stopped at its
   * deterministic effort limit (its best plan kept, gap reported). `infeasible`: no plan meets
   * the hard limits (see diagnosis). `failed`: a solver fault (see failure). `cancelled`.
   */
  status: 'optimal' | 'effort-limit' | 'infeasible' | 'failed' | 'cancelled';
  /** What went wrong when status is `failed` or `cancelled`. */
  failure?: string;
  /** Largest relative MIP gap over the days not proved optimal (absent when all were). */
  gap?: number;
  /** Sum over the days of objective − proved bound, in objective units (1 = a 1 % shortfall of a weight-1 minimum). */
  gapAbs?: number;
  objective?: number;
  days: PlanDay[];
  unmet: Unmet[];
  supplements: SupplementSuggestion[];
  explanation: {
    foods: { foodId: FoodId; name: string; serves: NutrientId[] }[];
    binding: string[];
    short: string[];
    limits: HardLimit[];
    candidates: number;
  };
  diagnosis?: Diagnosis;
  /**
   * Effort over every solve (branch-and-bound nodes, simplex iterations: deterministic, no
   * clock), the largest day model and its candidate foods.
   */
  solve: { nodes: number; iterations: number; candidates: number; cols: number; rows: number };
  /** The whole plan's food to buy, summed over days (logged and removed food left out). */
  shopping?: ShoppingItem[];
  /** The person's recipes not offered as dishes and why (absent when every one was, or none). */
  unusedRecipes?: { id: FoodId; name: string; reason: string }[];
  disclaimer: string;
}

export interface ShoppingItem {
  foodId: FoodId;
  name: string;
  grams: number;
  /** Household amount ("3 large (150 g)"), else grams. */
  household: string;
}

export const DISCLAIMER =
  'calcwise informs; it does not diagnose. Discuss supplements, medications and any change of diet with your clinician.';
