// The calcwise API client: openapi-fetch over the types generated from the OpenAPI document.
// Every error body is `{ error: { code, message, field } }`.
import createClient from 'openapi-fetch';
import type { components, operations, paths } from './api-schema.js';
import type { LabInput } from '../core/labs/index.js';
import type {
  DiaryEntryRow,
  DiaryMeal,
  PlanJobView,
  PlanResponse,
  ProfileInput,
} from './api-types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

type Schemas = components['schemas'];
/** The JSON request body of an operation. */
type BodyOf<Op extends keyof operations> = operations[Op] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
export type CustomFoodInput = BodyOf<'addCustomFood'>;
export type RecipeInput = BodyOf<'addRecipe'>;
export type RecipeView = Schemas['Recipe'];
export type StoredFood = Schemas['Food'];

/** The typed client generated from the OpenAPI document (src/web/api-schema.ts). */
const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  headers: { accept: 'application/json' },
});

/** An openapi-fetch result as the UI wants it: the data, or an ApiError with the error body. */
async function unwrap<T>(
  method: string,
  path: string,
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call();
  } catch {
    throw new ApiError(0, 'NETWORK', 'The calcwise server did not answer. Is it running?');
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const body = (error ?? undefined) as
      { error?: { code?: string; message?: string; field?: string } } | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? `${method} ${path} failed with ${response.status}`,
      body?.error?.field,
      error,
    );
  }
  return data as T;
}

/** A stored profile as the pages use it: the defaults src/schemas/profile.ts applies, filled in. */
function withProfileDefaults(stored: Schemas['Profile']): ProfileInput {
  return {
    lifeStage: 'none',
    smoker: false,
    conditions: [],
    medications: [],
    supplements: [],
    pattern: 'omnivore',
    exclude: [],
    dislikes: [],
    ...stored,
  };
}

/** The diary route may answer with a flat list or grouped by day; the UI works on a flat list. */
function flattenDiary(body: unknown): DiaryEntryRow[] {
  if (Array.isArray(body)) return body as DiaryEntryRow[];
  const value = body as {
    entries?: DiaryEntryRow[];
    days?: { date: string; entries: DiaryEntryRow[] }[];
  };
  if (Array.isArray(value?.entries)) return value.entries;
  if (Array.isArray(value?.days)) {
    return value.days.flatMap((day) =>
      day.entries.map((entry) => ({ ...entry, date: entry.date ?? day.date })),
    );
  }
  return [];
}

/** The job id at the end of a plan job's Location (`/api/plan-jobs/{id}`). */
function jobId(location: string): string {
  return decodeURIComponent(location.slice(location.lastIndexOf('/') + 1));
}

export const api = {
  health: () => unwrap('GET', '/api/health', () => client.GET('/api/health')),
  searchFoods: (q: string, limit = 12, offset = 0, group?: string) =>
    unwrap('GET', '/api/foods', () =>
      client.GET('/api/foods', {
        params: { query: { q, limit, offset, ...(group && { group }) } },
      }),
    ),
  customFoods: () => unwrap('GET', '/api/foods/custom', () => client.GET('/api/foods/custom')),
  /** Values per 100 g in canonical units; a nutrient left out is unknown. */
  addCustomFood: (food: CustomFoodInput) =>
    unwrap('POST', '/api/foods/custom', () => client.POST('/api/foods/custom', { body: food })),
  deleteCustomFood: (id: string) =>
    unwrap('DELETE', '/api/foods/custom/{id}', () =>
      client.DELETE('/api/foods/custom/{id}', { params: { path: { id } } }),
    ),
  recipes: () => unwrap('GET', '/api/recipes', () => client.GET('/api/recipes')),
  /** 422 naming the field (`ingredients[2].unit`) for an unknown food or unit. */
  addRecipe: (recipe: RecipeInput) =>
    unwrap('POST', '/api/recipes', () => client.POST('/api/recipes', { body: recipe })),
  deleteRecipe: (id: string) =>
    unwrap('DELETE', '/api/recipes/{id}', () =>
      client.DELETE('/api/recipes/{id}', { params: { path: { id } } }),
    ),
  food: (id: string) =>
    unwrap('GET', '/api/foods/{id}', () =>
      client.GET('/api/foods/{id}', { params: { path: { id } } }),
    ),
  topFoods: (
    nutrient: string,
    per: Schemas['TopFoods']['per'],
    pattern?: Schemas['TopFoods']['pattern'],
    limit = 25,
  ) =>
    unwrap('GET', '/api/foods/top/{nutrient}', () =>
      client.GET('/api/foods/top/{nutrient}', {
        params: { path: { nutrient }, query: { per, limit, ...(pattern && { pattern }) } },
      }),
    ),
  /** The stored profile with the parser's defaults filled in (it is stored as entered). */
  getProfile: async (): Promise<ProfileInput> =>
    withProfileDefaults(await unwrap('GET', '/api/profile', () => client.GET('/api/profile'))),
  /** The form's values; the server validates them (422 naming the field). */
  putProfile: async (profile: ProfileInput): Promise<ProfileInput> =>
    withProfileDefaults(
      await unwrap('PUT', '/api/profile', () =>
        client.PUT('/api/profile', { body: profile as Schemas['Profile'] }),
      ),
    ),
  diary: async (from: string, to: string) =>
    flattenDiary(
      await unwrap('GET', '/api/diary', () =>
        client.GET('/api/diary', { params: { query: { from, to } } }),
      ),
    ),
  addEntry: (entry: {
    date: string;
    food: string;
    amount: number;
    unit: string;
    meal?: DiaryMeal;
  }) =>
    unwrap('POST', '/api/diary/entries', () => client.POST('/api/diary/entries', { body: entry })),
  patchEntry: (
    id: string | number,
    patch: Partial<{ date: string; amount: number; unit: string; meal: DiaryMeal | null }>,
  ) =>
    unwrap('PATCH', '/api/diary/entries/{id}', () =>
      client.PATCH('/api/diary/entries/{id}', {
        params: { path: { id: Number(id) } },
        body: patch,
      }),
    ),
  deleteEntry: (id: string | number) =>
    unwrap('DELETE', '/api/diary/entries/{id}', () =>
      client.DELETE('/api/diary/entries/{id}', { params: { path: { id: Number(id) } } }),
    ),
  /** Copies every entry of one day to another date, all or nothing. */
  copyDay: (from: string, to: string) =>
    unwrap('POST', '/api/diary/copy', () => client.POST('/api/diary/copy', { body: { from, to } })),
  /** `authority`: whose reference values the targets come from (NASEM by default, or EFSA). */
  analysis: (from: string, to: string, authority?: 'nasem' | 'efsa') =>
    unwrap('GET', '/api/analysis', () =>
      client.GET('/api/analysis', {
        params: { query: { from, to, ...(authority && { authority }) } },
      }),
    ),
  targets: () => unwrap('GET', '/api/targets', () => client.GET('/api/targets')),
  /** With a date range, screening also looks at what was eaten in it. */
  findings: (from?: string, to?: string) =>
    unwrap('GET', '/api/findings', () =>
      client.GET('/api/findings', {
        params: { query: { ...(from && { from }), ...(to && { to }) } },
      }),
    ),
  labs: (test?: string) =>
    unwrap('GET', '/api/labs', () =>
      client.GET('/api/labs', { params: { query: { ...(test && { test }) } } }),
    ),
  /** Converted to the test's canonical unit by the server (422 naming the field when impossible). */
  addLab: (lab: LabInput) =>
    unwrap('POST', '/api/labs', () => client.POST('/api/labs', { body: lab })),
  deleteLab: (id: number) =>
    unwrap('DELETE', '/api/labs/{id}', () =>
      client.DELETE('/api/labs/{id}', { params: { path: { id } } }),
    ),
  evidence: () => unwrap('GET', '/api/evidence', () => client.GET('/api/evidence')),
  faq: () => unwrap('GET', '/api/evidence/faq', () => client.GET('/api/evidence/faq')),
  /** `base`: logged date(s) to keep and complete ("close my gaps"). */
  createPlan: (days: number, base?: string) =>
    unwrap('POST', '/api/plans', () =>
      client.POST('/api/plans', { body: base ? { days, base } : { days } }),
    ) as Promise<PlanResponse | PlanJobView>,
  plan: (id: string) =>
    unwrap('GET', '/api/plans/{id}', () =>
      client.GET('/api/plans/{id}', { params: { path: { id } } }),
    ),
  /** A plan still solving: its job (poll `planJob` until `state` is done or cancelled). */
  planJob: (location: string) =>
    unwrap('GET', '/api/plan-jobs/{id}', () =>
      client.GET('/api/plan-jobs/{id}', { params: { path: { id: jobId(location) } } }),
    ) as Promise<PlanJobView>,
  cancelPlanJob: (location: string) =>
    unwrap('DELETE', '/api/plan-jobs/{id}', () =>
      client.DELETE('/api/plan-jobs/{id}', { params: { path: { id: jobId(location) } } }),
    ) as Promise<PlanJobView>,
  /** Saved plans, newest first: the plan page lists them so a plan outlives the page. */
  plans: () => unwrap('GET', '/api/plans', () => client.GET('/api/plans')),
  /** Where "Add to diary" would put the plan, and which of its days are logged already. */
  planApplication: (id: string) =>
    unwrap('GET', '/api/plans/{id}/apply', () =>
      client.GET('/api/plans/{id}/apply', { params: { path: { id } } }),
    ),
  /** Idempotent per plan day and date: a second call for the same dates adds nothing. */
  applyPlan: (id: string | number, startDate: string) =>
    unwrap('POST', '/api/plans/{id}/apply', () =>
      client.POST('/api/plans/{id}/apply', {
        params: { path: { id: String(id) } },
        body: { startDate },
      }),
    ),
};
