import { afterAll, describe, expect, it } from 'vitest';
import { makeFoodIndex } from '../src/core/test-support/make-food.js';
import { createApp, OPENAPI_DOCUMENT } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/index.js';

const store = await createSqliteStore(':memory:');
afterAll(() => store.close());
const app = createApp({ store, foods: makeFoodIndex([]), log: false });

/** Routes the app registers under /api, as OpenAPI path + method (`:id` → `{id}`). */
function registeredRoutes(): string[] {
  return app.routes
    .filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('*') && r.method !== 'ALL')
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
}

function documentedRoutes(): string[] {
  return Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method} ${path}`),
  );
}

describe('OpenAPI document', () => {
  it('is served at /api/openapi.json as OpenAPI 3', async () => {
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: object };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/diary/entries');
  });

  it('describes every route the app registers', () => {
    const documented = new Set(documentedRoutes());
    const registered = registeredRoutes();
    expect(registered.length).toBeGreaterThan(10);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('describes no route the app lacks', () => {
    const registered = new Set(registeredRoutes());
    expect(documentedRoutes().filter((route) => !registered.has(route))).toEqual([]);
  });

  it('declares every path parameter its path names, and only resolvable $refs', () => {
    const schemas = Object.keys(OPENAPI_DOCUMENT.components.schemas);
    const text = JSON.stringify(OPENAPI_DOCUMENT);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/(\w+)"/g)) {
      expect(schemas).toContain(name);
    }
    for (const [path, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const operation of Object.values(item) as {
        parameters?: { name: string; in: string }[];
      }[]) {
        const declared = (operation.parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => p.name);
        expect(declared.sort(), path).toEqual([...names].sort());
      }
    }
  });
});
