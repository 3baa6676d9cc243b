/**
 * USDA SR24 food groups (table FD_GROUP of the SR24 release: FdGrp_Cd, FdGrp_Desc).
 * SR NDB numbers usually start with the two digits of their group code (11233 kale → 1100),
 * but not always: snacks are numbered 19xxx yet filed under 2500, and foods added late carry
 * 23xxx, 27xxx, 31xxx, 42xxx–44xxx and other numbers. data/sr24/group-assignments.tsv lists
 * those foods with their group; see data/README.md.
 */
export const SR24_FOOD_GROUPS: ReadonlyMap<string, string> = new Map([
  ['0100', 'Dairy and Egg Products'],
  ['0200', 'Spices and Herbs'],
  ['0300', 'Baby Foods'],
  ['0400', 'Fats and Oils'],
  ['0500', 'Poultry Products'],
  ['0600', 'Soups, Sauces, and Gravies'],
  ['0700', 'Sausages and Luncheon Meats'],
  ['0800', 'Breakfast Cereals'],
  ['0900', 'Fruits and Fruit Juices'],
  ['1000', 'Pork Products'],
  ['1100', 'Vegetables and Vegetable Products'],
  ['1200', 'Nut and Seed Products'],
  ['1300', 'Beef Products'],
  ['1400', 'Beverages'],
  ['1500', 'Finfish and Shellfish Products'],
  ['1600', 'Legumes and Legume Products'],
  ['1700', 'Lamb, Veal, and Game Products'],
  ['1800', 'Baked Products'],
  ['1900', 'Sweets'],
  ['2000', 'Cereal Grains and Pasta'],
  ['2100', 'Fast Foods'],
  ['2200', 'Meals, Entrees, and Side Dishes'],
  ['2500', 'Snacks'],
  ['3500', 'American Indian/Alaska Native Foods'],
  ['3600', 'Restaurant Foods'],
]);

/** The group code an NDB number implies by its first two digits, if that is a group code. */
export function groupCodeFromNdb(ndb: string): string | undefined {
  const code = `${ndb.slice(0, 2)}00`;
  return SR24_FOOD_GROUPS.has(code) ? code : undefined;
}

/**
 * The SR24 food group of a food: an explicit assignment wins, else the NDB prefix.
 * @example sr24FoodGroup('11233', new Map()) // 'Vegetables and Vegetable Products'
 */
export function sr24FoodGroup(
  ndb: string,
  assignments: ReadonlyMap<string, string>,
): string | undefined {
  const code = assignments.get(ndb) ?? groupCodeFromNdb(ndb);
  return code === undefined ? undefined : SR24_FOOD_GROUPS.get(code);
}
