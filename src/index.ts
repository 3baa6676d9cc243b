/**
 * The calcwise library: `import { … } from 'calcwise'`. A small, stable surface over the pure
 * core plus the bundled USDA data; everything else (CLI, server, store, planner adapters) is
 * internal and may change. README.md, section "Library", shows it in use.
 */

// Bundled food data (USDA SR24 + curated supplementary tables).
export { loadFoodIndex, loadFoods } from './data/load-foods.js';
export type { Food, FoodId, FoodIndex } from './core/foods.js';
export { NUTRIENTS, NUTRIENT_IDS, type NutrientId } from './core/nutrients.js';

// Inputs: a diary (CSV or JSON text) and a profile (parsed JSON), validated.
export { parseDiaryText } from './core/diary/index.js';
export { parseProfile } from './schemas/profile.js';
export type { Profile } from './core/profile.js';

// What the person eats, their reference intakes, and the safety screen.
export { analyzeDiary, resolveDiary, type Analysis } from './core/analysis/index.js';
export { computeTargets, type PersonalTargets } from './core/targets/index.js';
export { screenProfile, type Finding, type Severity } from './core/safety/index.js';

// Food search and top sources of a nutrient.
export { createFoodSearch, topFoods } from './core/search/index.js';

// Graded evidence.
export { EVIDENCE_NUTRIENTS, STUDIES } from './core/evidence/index.js';

// Errors are values: `{ ok: true, value } | { ok: false, error: { code, message, … } }`.
export { formatError, type CalcwiseError, type Result } from './core/result.js';
