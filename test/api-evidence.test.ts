import { afterAll, describe, expect, it } from 'vitest';
import { makeFoodIndex } from '../src/core/test-support/make-food.js';
import { createApp } from '../src/server/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { createSqliteStore } from '../src/store/index.js';

const store = await createSqliteStore(':memory:');
afterAll(() => store.close());
const app = documentedApp(createApp({ store, foods: makeFoodIndex([]), log: false }));

async function get(path: string) {
  const response = await app.request(path);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, json: (await response.json()) as any };
}

describe('evidence routes', () => {
  it('returns the whole base: nutrients with graded reversal and prevention, and the studies', async () => {
    const { status, json } = await get('/api/evidence');
    expect(status).toBe(200);
    const ids = json.nutrients.map((n: { id: string }) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining(['vitamin-k2', 'vitamin-d', 'magnesium', 'calcium']),
    );
    for (const nutrient of json.nutrients) {
      expect(typeof nutrient.reversal.grade).toBe('string');
      expect(typeof nutrient.prevention.grade).toBe('string');
    }
    const studyIds = new Set(json.studies.map((s: { id: string }) => s.id));
    // Every study a nutrient's summaries cite is in the document.
    for (const nutrient of json.nutrients) {
      for (const id of [...nutrient.reversal.studies, ...nutrient.prevention.studies])
        expect(studyIds).toContain(id);
    }
    expect(json.disclaimer).toMatch(/clinician/i);
  });

  it('narrows to one nutrient by evidence id or registry id (mk7 → vitamin K2)', async () => {
    const { json } = await get('/api/evidence?nutrient=mk7');
    expect(json.nutrients.map((n: { id: string }) => n.id)).toEqual(['vitamin-k2']);
    const all = await get('/api/evidence');
    expect(json.studies.length).toBeLessThan(all.json.studies.length);
  });

  it('answers an unknown nutrient with 404 UNKNOWN_NUTRIENT naming the field', async () => {
    const { status, json } = await get('/api/evidence?nutrient=vitamin-z');
    expect(status).toBe(404);
    expect(json.error).toMatchObject({ code: 'UNKNOWN_NUTRIENT', field: 'nutrient' });
  });

  it('answers the FAQ, each answer citing at least one study', async () => {
    const { json } = await get('/api/evidence/faq');
    expect(json.questions.length).toBeGreaterThanOrEqual(7);
    expect(json.questions.map((q: { question: string }) => q.question).join(' ')).toMatch(
      /reverse/i,
    );
    for (const question of json.questions) expect(question.studies.length).toBeGreaterThan(0);
  });
});
