export {
  createFoodSearch,
  type FoodSearch,
  type FoodSearchHit,
  type FoodSearchIndexOptions,
  type FoodSearchOptions,
  type FoodSearchPage,
} from './food-search.js';
export { assessFoodForm, liftedDemotions, type FoodForm } from './food-form.js';
export { topFoods, type TopFood, type TopFoodsBasis, type TopFoodsOptions } from './top-foods.js';
export { fitsPattern } from './diet-pattern.js';
export { splitWords, stemWord, tokenize } from './normalize.js';
