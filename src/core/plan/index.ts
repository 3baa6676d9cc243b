export * from './types.js';
export * from './solver-port.js';
export { writeLp, lpName } from './lp-format.js';
export {
  makePlan,
  portionText,
  dayTotals,
  repeatLimit,
  MIP_ABS_GAP,
  PLAN_EFFORT,
  REPAIR_EFFORT,
  LOOKAHEAD_DAYS,
  shoppingList,
  type PlanRun,
  type PlanControl,
} from './plan.js';
export {
  planSpec,
  buildPlanModel,
  habitsFromHistory,
  rowFamily,
  type PlanSpec,
  type PlanModel,
} from './model.js';
export {
  parseDietFoods,
  checkDietModel,
  buildDietModel,
  type DietFoods,
  type DietModel,
} from './generic.js';
export {
  recipeDish,
  recipeDishes,
  DISH_GROUP,
  type DishResult,
  type UnusedRecipe,
} from './recipe-dishes.js';
