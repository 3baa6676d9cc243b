import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, apiSchemaSource } from '../scripts/build-api-types.js';

describe('the web client types (src/web/api-schema.ts)', () => {
  it('are what `npm run api:types` generates from the OpenAPI document today', async () => {
    const committed = readFileSync(API_SCHEMA_FILE, 'utf8');
    const generated = await apiSchemaSource();
    // On failure: run `npm run api:types` and commit src/web/api-schema.ts.
    expect(committed === generated).toBe(true);
  });

  it('carry the documented operations and response shapes', async () => {
    const generated = await apiSchemaSource();
    expect(generated).toContain('createPlan: {');
    expect(generated).toMatch(/Plan: \{[\s\S]*meals: \{/);
  });
});
