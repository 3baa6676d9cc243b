// A small fetch client for the calcwise API. Every error body is `{ error: { code, message, field } }`.
import type {
  AnalysisResponse,
  DiaryEntryRow,
  EvidenceNutrient,
  Finding,
  Food,
  FoodHit,
  PlanJobView,
  PlanResponse,
  ProfileInput,
  Study,
  TopFood,
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

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'NETWORK', 'The calcwise server did not answer. Is it running?');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; field?: string } })
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? `${method} ${path} failed with ${response.status}`,
      error?.field,
      parsed,
    );
  }
  return parsed as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
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

export const api = {
  health: () => request<{ status: string }>('GET', '/api/health'),
  searchFoods: (q: string, limit = 12, group?: string) =>
    request<{ results: FoodHit[] }>('GET', `/api/foods${query({ q, limit, group })}`),
  food: (id: string) => request<Food>('GET', `/api/foods/${encodeURIComponent(id)}`),
  topFoods: (nutrient: string, per: string, pattern?: string, limit = 25) =>
    request<{ results?: TopFood[]; foods?: TopFood[] }>(
      'GET',
      `/api/foods/top/${encodeURIComponent(nutrient)}${query({ per, pattern, limit })}`,
    ),
  getProfile: () => request<ProfileInput>('GET', '/api/profile'),
  putProfile: (profile: ProfileInput) => request<ProfileInput>('PUT', '/api/profile', profile),
  diary: async (from: string, to: string) =>
    flattenDiary(await request<unknown>('GET', `/api/diary${query({ from, to })}`)),
  addEntry: (entry: { date: string; food: string; amount: number; unit: string }) =>
    request<DiaryEntryRow>('POST', '/api/diary/entries', entry),
  patchEntry: (
    id: string | number,
    patch: Partial<{ date: string; amount: number; unit: string }>,
  ) =>
    request<DiaryEntryRow>('PATCH', `/api/diary/entries/${encodeURIComponent(String(id))}`, patch),
  deleteEntry: (id: string | number) =>
    request<void>('DELETE', `/api/diary/entries/${encodeURIComponent(String(id))}`),
  /** Copies every entry of one day to another date, all or nothing. */
  copyDay: (from: string, to: string) =>
    request<{ from: string; to: string; entries: DiaryEntryRow[] }>('POST', '/api/diary/copy', {
      from,
      to,
    }),
  /** `authority`: whose reference values the targets come from (NASEM by default, or EFSA). */
  analysis: (from: string, to: string, authority?: 'nasem' | 'efsa') =>
    request<AnalysisResponse>('GET', `/api/analysis${query({ from, to, authority })}`),
  targets: () => request<unknown>('GET', '/api/targets'),
  /** With a date range, screening also looks at what was eaten in it. */
  findings: (from?: string, to?: string) =>
    request<{ findings: Finding[] }>('GET', `/api/findings${query({ from, to })}`),
  evidence: () =>
    request<{ nutrients: EvidenceNutrient[]; studies: Study[] }>('GET', '/api/evidence'),
  faq: () =>
    request<{ questions: { question: string; answer: string; studies: string[] }[] }>(
      'GET',
      '/api/evidence/faq',
    ),
  /** `base`: logged date(s) to keep and complete ("close my gaps"). */
  createPlan: (days: number, base?: string) =>
    request<PlanResponse | PlanJobView>('POST', '/api/plans', base ? { days, base } : { days }),
  plan: (id: string) => request<PlanResponse>('GET', `/api/plans/${encodeURIComponent(id)}`),
  /** A plan still solving: its job (poll `planJob` until `state` is done or cancelled). */
  planJob: (location: string) => request<PlanJobView>('GET', location),
  cancelPlanJob: (location: string) => request<PlanJobView>('DELETE', location),
  applyPlan: (id: string | number, startDate: string) =>
    request<unknown>('POST', `/api/plans/${encodeURIComponent(String(id))}/apply`, { startDate }),
};
