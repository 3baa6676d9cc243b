export {
  createFoodSearch,
  type FoodSearch,
  type FoodSearchHit,
  type FoodSearchOptions,
} from './food-search.js';
export { topFoods, type TopFood, type TopFoodsBasis, type TopFoodsOptions } from './top-foods.js';
export { fitsPattern } from './diet-pattern.js';
export { splitWords, stemWord, tokenize } from './normalize.js';
