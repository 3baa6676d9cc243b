// The calcwise API client: openapi-fetch over the types generated from the OpenAPI document.
// Every error body is `{ error: { code, message, field } }`.
import createClient from 'openapi-fetch';
import type { components, operations, paths } from './api-schema.js';
import type { LabInput } from '../core/labs/index.js';
import { csrfHeaders, sessionEnded } from './session.js';
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
export type CustomFoodEdit = BodyOf<'updateCustomFood'>;
export type RecipeEdit = BodyOf<'updateRecipe'>;
export type RecipeView = Schemas['Recipe'];
export type StoredFood = Schemas['Food'];

/** The typed client generated from the OpenAPI document (src/web/api-schema.ts). */
const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  headers: { accept: 'application/json' },
});
// With accounts, every write carries the session's CSRF token.
client.use({
  onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      for (const [name, value] of Object.entries(csrfHeaders())) request.headers.set(name, value);
    }
    return request;
  },
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
  // The session ended (logged out elsewhere, expired): the app asks to log in again. Asking who
  // is logged in is how the app finds out in the first place, so that one is left to the caller.
  if (response.status === 401 && path !== '/api/auth/me' && path !== '/api/auth/login') {
    sessionEnded();
  }
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
  /** Who is logged in; 401 when the server has accounts and nobody is. */
  me: () => unwrap('GET', '/api/auth/me', () => client.GET('/api/auth/me')),
  login: (username: string, password: string) =>
    unwrap('POST', '/api/auth/login', () =>
      client.POST('/api/auth/login', { body: { username, password } }),
    ),
  register: (username: string, password: string) =>
    unwrap('POST', '/api/auth/register', () =>
      client.POST('/api/auth/register', { body: { username, password } }),
    ),
  logout: () => unwrap('POST', '/api/auth/logout', () => client.POST('/api/auth/logout')),
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
  /** The whole food again; its id stays. 409 when a recipe measures it in a dropped portion. */
  updateCustomFood: (id: string, food: CustomFoodEdit) =>
    unwrap('PUT', '/api/foods/custom/{id}', () =>
      client.PUT('/api/foods/custom/{id}', { params: { path: { id } }, body: food }),
    ),
  deleteCustomFood: (id: string) =>
    unwrap('DELETE', '/api/foods/custom/{id}', () =>
      client.DELETE('/api/foods/custom/{id}', { params: { path: { id } } }),
    ),
  recipes: () => unwrap('GET', '/api/recipes', () => client.GET('/api/recipes')),
  /** 422 naming the field (`ingredients[2].unit`) for an unknown food or unit. */
  addRecipe: (recipe: RecipeInput) =>
    unwrap('POST', '/api/recipes', () => client.POST('/api/recipes', { body: recipe })),
  /** The whole recipe again; its id stays. 422 naming the field, as when adding. */
  updateRecipe: (id: string, recipe: RecipeEdit) =>
    unwrap('PUT', '/api/recipes/{id}', () =>
      client.PUT('/api/recipes/{id}', { params: { path: { id } }, body: recipe }),
    ),
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
  addEntry: (
    entry: {
      date: string;
      food: string;
      amount: number;
      unit: string;
      meal?: DiaryMeal;
      createdAt?: string;
    },
    idempotencyKey?: string,
  ) =>
    unwrap('POST', '/api/diary/entries', () =>
      client.POST('/api/diary/entries', {
        body: entry,
        ...(idempotencyKey !== undefined && {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      }),
    ),
  /** The foods logged most recently and most often, with the last amount, unit and meal. */
  recentFoods: (limit?: number) =>
    unwrap('GET', '/api/diary/recent-foods', () =>
      client.GET('/api/diary/recent-foods', {
        params: { query: { ...(limit !== undefined && { limit }) } },
      }),
    ),
  patchEntry: (
    id: string | number,
    patch: Partial<{
      date: string;
      food: string;
      amount: number;
      unit: string;
      meal: DiaryMeal | null;
    }>,
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
  /** Copies the entries of one day (or of one meal, into `toMeal` if given), all or nothing. */
  copyDay: (from: string, to: string, meal?: DiaryMeal, toMeal?: DiaryMeal) =>
    unwrap('POST', '/api/diary/copy', () =>
      client.POST('/api/diary/copy', {
        body: { from, to, ...(meal && { meal }), ...(toMeal && { toMeal }) },
      }),
    ),
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
  /** Each date of the range: the supplements logged for it, or the profile's regimen. */
  supplementDays: (from: string, to: string) =>
    unwrap('GET', '/api/supplements', () =>
      client.GET('/api/supplements', { params: { query: { from, to } } }),
    ),
  /** Everything taken on the date (in the units entered); `[]` for nothing that day. */
  logSupplements: (
    date: string,
    supplements: { nutrient: string; amount: number; unit: string }[],
  ) =>
    unwrap('PUT', '/api/supplements/{date}', () =>
      client.PUT('/api/supplements/{date}', {
        params: { path: { date } },
        body: { supplements },
      }),
    ),
  /** Back to the profile's regimen for the date. */
  clearSupplements: (date: string) =>
    unwrap('DELETE', '/api/supplements/{date}', () =>
      client.DELETE('/api/supplements/{date}', { params: { path: { date } } }),
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
  /** Read-only shares of the clinician report, newest first (no tokens). */
  shares: () => unwrap('GET', '/api/shares', () => client.GET('/api/shares')),
  /** The answer carries the link once: the server keeps only a hash of its token. */
  createShare: (share: { from: string; to: string; expiresAt: string }) =>
    unwrap('POST', '/api/shares', () => client.POST('/api/shares', { body: share })),
  revokeShare: (id: string) =>
    unwrap('DELETE', '/api/shares/{id}', () =>
      client.DELETE('/api/shares/{id}', { params: { path: { id } } }),
    ),
  shareAccesses: (id: string) =>
    unwrap('GET', '/api/shares/{id}/accesses', () =>
      client.GET('/api/shares/{id}/accesses', { params: { path: { id } } }),
    ),
  /** What a share link opens: the report of its period, read-only. */
  sharedReport: (token: string) =>
    unwrap('GET', '/api/shared/{token}', () =>
      client.GET('/api/shared/{token}', { params: { path: { token } } }),
    ),
};

export type Share = Schemas['Share'];
export type ShareAccess = Schemas['ShareAccesses']['accesses'][number];
export type SharedReport = Schemas['SharedReport'];
export type ClinicianReport = Schemas['ClinicianReport'];
