/**
 * Validates API responses against the OpenAPI document, strictly: every object schema of the
 * document says `additionalProperties: false` (zod strict objects), so an undeclared field fails.
 * A response whose status the operation does not declare fails too.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { OPENAPI_DOCUMENT } from '../../src/server/index.js';

type Json = Record<string, unknown>;
const doc = OPENAPI_DOCUMENT as unknown as {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};

const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false });
const BASE = 'https://calcwise.invalid/openapi/';
const rewrite = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${BASE}`));
for (const [name, schema] of Object.entries(doc.components.schemas)) {
  ajv.addSchema(rewrite(schema) as Json, `${BASE}${name}`);
}

/** The document's path template matching a concrete path, e.g. /api/plans/{id}. */
function templateOf(path: string): string | undefined {
  const clean = path.split('?')[0]!;
  const candidates = Object.keys(doc.paths).filter((template) => {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    return pattern.test(clean);
  });
  // The literal path wins over a template (/api/foods/custom over /api/foods/{id}).
  return candidates.sort(
    (a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0),
  )[0];
}

const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/** Problems of a response against the document; empty when it conforms. */
export function responseProblems(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const template = templateOf(path);
  // A path the API does not have gets the catch-all 404, a documented path under a method it
  // does not have a 405 (both checked below as an Error).
  const operation = template ? doc.paths[template]![method.toLowerCase()] : undefined;
  if (!template || !operation) {
    const expected = template ? 405 : 404;
    if (status !== expected) {
      return [`${method} ${path}: not in the document, yet answered ${status} (not ${expected})`];
    }
    return errorProblems(status, body);
  }
  let response = operation.responses[String(status)];
  if (!response) return [`${method} ${template}: status ${status} is not declared`];
  if (typeof response.$ref === 'string') {
    response = doc.components.responses[response.$ref.split('/').at(-1)!]!;
  }
  const content = response.content as Record<string, { schema: Json }> | undefined;
  if (!content)
    return body === undefined ? [] : [`${method} ${template} ${status}: declares no body`];
  const key = `${method} ${template} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rewrite(content['application/json']!.schema) as Json);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${key}: ${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`,
  );
}

/** Throws, naming each problem, when a response does not conform to the document. */
export function assertDocumented(
  method: string,
  path: string,
  status: number,
  body: unknown,
): void {
  const problems = responseProblems(method, path, status, body);
  if (problems.length > 0)
    throw new Error(`response not as documented:\n${problems.slice(0, 10).join('\n')}`);
}

/** Throws unless the operation declares a non-JSON `type` (e.g. text/csv) for the status. */
function assertDeclaredMediaType(method: string, path: string, status: number, type: string): void {
  const template = templateOf(path);
  const operation = template ? doc.paths[template]![method.toLowerCase()] : undefined;
  const content = operation?.responses[String(status)]?.content as Json | undefined;
  const mediaType = type.split(';')[0]!.trim();
  if (!content || !(mediaType in content)) {
    throw new Error(`${method} ${path}: answered ${status} as ${type}, which is not declared`);
  }
}

const validateError = () => ajv.getSchema(`${BASE}Error`)!;

function errorProblems(status: number, body: unknown): string[] {
  const validate = validateError();
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${status}: ${e.instancePath} ${e.message}`);
}

type Requestable = {
  request: (input: string | Request | URL, init?: RequestInit) => Response | Promise<Response>;
};

/**
 * The app, with `request` checking every /api response it returns against the document
 * (a response that does not conform fails the test that made the request).
 */
export function documentedApp<T extends Requestable>(app: T): T {
  const original = app.request.bind(app);
  const request = async (input: string | Request | URL, init?: RequestInit) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const text = await response.clone().text();
      let body: unknown = undefined;
      const type = response.headers.get('content-type') ?? '';
      if (text && !/json/.test(type)) {
        // Not JSON (the CSV export): the operation must declare that media type for the status.
        assertDeclaredMediaType(method, path, response.status, type);
        return response;
      }
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error(`${method} ${path}: the response is not JSON`);
        }
      }
      assertDocumented(method, path, response.status, body);
    }
    return response;
  };
  return Object.assign(app, { request }) as T;
}
