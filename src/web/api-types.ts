import type { components } from './api-schema.js';
// Shapes of the calcwise HTTP API as the UI reads them. Core types are reused where the API
// returns them as they are; everything else is typed as loosely as the API promises.
import type { Food } from '../core/foods.js';
import type { NutrientId, NutrientUnit } from '../core/nutrients.js';
import type { Finding } from '../core/safety/types.js';
import type { SourceRef } from '../core/sources.js';
import type { Target } from '../core/targets/types.js';

export type { Finding, Food, NutrientId, NutrientUnit, SourceRef, Target };

export interface FoodHit {
  id: string;
  name: string;
  group: string;
  score?: number;
}

export interface TopFood {
  id?: string;
  foodId?: string;
  name: string;
  group?: string;
  amount?: number;
  value?: number;
  unit?: string;
  per?: string;
  portion?: string | { name: string; amount: number; grams: number };
}

export interface SupplementInput {
  nutrient: string;
  amount: number;
  unit: string;
  entered?: string;
}

export interface ProfileInput {
  age: number;
  sex: 'female' | 'male';
  lifeStage: 'none' | 'pregnant' | 'lactating';
  smoker: boolean;
  weightKg?: number;
  heightCm?: number;
  activity?: 'sedentary' | 'light' | 'moderate' | 'active' | 'very-active';
  energyKcal?: number;
  conditions: string[];
  medications: string[];
  supplements: SupplementInput[];
  pattern: 'omnivore' | 'pescatarian' | 'vegetarian' | 'vegan';
  exclude: string[];
  dislikes: string[];
  targets?: Record<string, { min?: number; max?: number }>;
}

/** The meal slots of a diary day, in the order of the day (src/core/diary/types.ts). */
export type DiaryMeal = 'breakfast' | 'lunch' | 'dinner' | 'snack';

/** A logged food to log again: its last amount, unit and meal (GET /api/diary/recent-foods). */
export interface QuickFood {
  food: string;
  name: string;
  amount: number;
  unit: string;
  meal?: DiaryMeal;
  count: number;
  lastDate: string;
}

export interface DiaryEntryRow {
  id: string | number;
  date: string;
  food: string;
  amount: number;
  unit: string;
  /** Absent when the entry is not assigned to a meal. */
  meal?: DiaryMeal;
  name?: string;
  grams?: number;
  createdAt?: string;
}

export interface TotalCell {
  /** From food. */
  amount: number;
  /** From the profile's supplements, where the nutrient has any. */
  supplement?: number;
  /** Food plus supplements: what targets and limits are compared with. */
  intake?: number;
  /** What the limit covers: all intake, or supplements only (the magnesium UL). */
  limitAppliesTo?: 'total' | 'supplements' | 'food';
  unit: NutrientUnit | string;
  coverage: number;
  /** Share of entries whose value lacked a component or some ingredients (a lower bound). */
  partial?: number;
  target?: number;
  targetKind?: string;
  percent?: number;
  limit?: number;
  limitKind?: string;
  overLimit?: boolean;
}

export interface AnalysisResponse {
  days: { date: string; totals: Partial<Record<NutrientId, TotalCell>> }[];
  average: Partial<Record<NutrientId, TotalCell>>;
  contributors?: Partial<
    Record<NutrientId, { foodId: string; name: string; amount: number; share: number }[]>
  >;
  balance?: Record<string, unknown>;
  targets?: unknown;
}

export interface EvidenceClaim {
  summary: string;
  grade: string;
  studies: string[];
}

export interface EvidenceNutrient {
  id: string;
  name: string;
  mechanism: string;
  reversal: EvidenceClaim;
  prevention: EvidenceClaim;
  foods: string[];
  cautions: string[];
}

/** A study of the evidence base, as the API sends it (generated from the OpenAPI document). */
export type Study = components['schemas']['Evidence']['studies'][number];

export interface PlanItem {
  foodId: string;
  name: string;
  grams: number;
  portion?: string | { name?: string; amount?: number } | null;
  meal?: string;
  /** Not eaten raw: cook it. */
  cook?: boolean;
  /** Close-my-gaps plans: kept from the diary, added by the planner, or suggested for removal. */
  change?: 'logged' | 'added' | 'removed';
}

export interface PlanDay {
  day?: number;
  date?: string;
  meals?: Record<string, unknown>;
  items: PlanItem[];
  totals?: Partial<Record<NutrientId, { amount: number; unit: string }>>;
}

/** A plan as a job (202 from POST /api/plans): poll its location until it is done. */
export interface PlanJobView {
  id: string;
  state: 'queued' | 'running' | 'done' | 'cancelled';
  location: string;
  planId?: string;
  status?: string;
  plan?: PlanResponse & { diagnosis?: unknown };
  error?: { code: string; message: string };
}

export interface PlanResponse {
  id?: string | number;
  status: string;
  /** Relative MIP gap when the solver stopped early. */
  gap?: number;
  days: PlanDay[];
  /** The whole plan's food to buy. */
  shopping?: { foodId: string; name: string; grams: number; household: string }[];
  unmet?: {
    nutrient: string;
    target?: number;
    achieved?: number;
    foodUnknown?: boolean;
    reason?: string;
    unit?: string;
  }[];
  supplements?: unknown[];
  explanation?: unknown;
  diagnosis?: unknown;
  /** The person's recipes not offered as dishes, and why. */
  unusedRecipes?: { id: string; name: string; reason: string }[];
}
