import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFoodIndex } from '../src/core/test-support/make-food.js';
import { createApp, OPENAPI_DOCUMENT } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/index.js';
import { responseProblems } from './support/openapi-responses.js';

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

  it('passes the OpenAPI 3.1 schema validator', async () => {
    const result = await new Validator().validate(structuredClone(OPENAPI_DOCUMENT));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("passes Redocly's recommended rules with no warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(OPENAPI_DOCUMENT),
      absoluteRef: 'openapi.json',
      config,
    });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`),
    ).toEqual([]);
  });

  it('Redocly reports an operation without operationId (the lint runs)', async () => {
    const broken = structuredClone(OPENAPI_DOCUMENT) as unknown as {
      paths: Record<string, Record<string, Op>>;
    };
    delete broken.paths['/api/health']!.get!.operationId;
    const problems = await lintFromString({
      source: JSON.stringify(broken),
      absoluteRef: 'openapi.json',
      config: await createConfig({ extends: ['recommended'] }),
    });
    expect(problems.map((p) => p.ruleId)).toContain('operation-operationId');
  });

  it('names every operation with a unique operationId and declares its security', () => {
    const ids = operations().map(([, , op]) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // None in local mode, the session cookie with accounts; the public paths need none at all.
    expect(OPENAPI_DOCUMENT.security).toEqual([{}, { session: [] }]);
    const open = operations()
      .filter(([, , op]) => Array.isArray(op.security) && op.security.length === 0)
      .map(([method, path]) => `${method} ${path}`);
    expect(open).toEqual([
      'get /api/health',
      'get /api/openapi.json',
      'post /api/auth/register',
      'post /api/auth/login',
      'post /api/auth/logout',
      'get /api/auth/me',
      'get /api/shared/{token}',
      'get /api/shared/{token}/report.pdf',
    ]);
  });

  it('documents every error response with the one error shape', () => {
    for (const [method, path, op] of operations()) {
      const statuses = Object.keys(op.responses);
      expect(statuses, `${method} ${path}`).toContain('500');
      expect(statuses, `${method} ${path}`).toContain('403');
      if (op.requestBody)
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
      if (op.requestBody || (op.parameters ?? []).some((p) => (p as { in: string }).in === 'query'))
        expect(statuses, `${method} ${path}`).toContain('400');
    }
  });

  it('documents request bodies closed where the server rejects unknown keys', async () => {
    for (const [method, path, op] of operations()) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      const resolved = schema.$ref
        ? (
            OPENAPI_DOCUMENT.components.schemas as Record<
              string,
              { additionalProperties?: unknown }
            >
          )[schema.$ref.split('/').at(-1)!]
        : schema;
      expect(resolved?.additionalProperties, `${method} ${path}`).toBe(false);
    }
    // And the server does reject them.
    const response = await app.request('/api/diary/entries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-11-20', food: 'x', amount: 1, unit: 'g', extra: 1 }),
    });
    expect(response.status).toBe(400);
  });

  it('rejects a response with an undeclared field (the strict check works)', () => {
    expect(responseProblems('GET', '/api/health', 200, { status: 'ok' })).toEqual([]);
    expect(responseProblems('GET', '/api/health', 200, { status: 'ok', uptime: 1 })).toEqual([
      'GET /api/health 200: (body) must NOT have additional properties "uptime"',
    ]);
    expect(responseProblems('GET', '/api/health', 201, { status: 'ok' })[0]).toMatch(
      /status 201 is not declared/,
    );
  });
});

type Op = {
  operationId?: string;
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: {
    content: Record<string, { schema: { $ref?: string; additionalProperties?: unknown } }>;
  };
  responses: Record<string, unknown>;
};

function operations(): [string, string, Op][] {
  return Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Op>).map(
      ([method, op]) => [method, path, op] as [string, string, Op],
    ),
  );
}
