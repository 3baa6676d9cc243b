/**
 * fast-check arbitraries for requests, generated from the OpenAPI document: every operation's
 * path and query parameters, headers and JSON body, mostly shaped as the schema says (so they
 * reach the store), sometimes hostile (wrong types, control characters, out-of-range numbers,
 * malformed JSON, another content type).
 */
import fc from 'fast-check';
import { OPENAPI_DOCUMENT } from '../../src/server/index.js';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Json;
}
interface OperationDoc {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Json }> };
}

const doc = OPENAPI_DOCUMENT as unknown as {
  paths: Record<string, Record<string, OperationDoc>>;
  components: { schemas: Record<string, Json> };
};

export interface Operation {
  method: string;
  template: string;
  doc: OperationDoc;
}

/** Every operation of the document. */
export function operations(): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      doc: op,
    })),
  );
}

export interface FuzzRequest {
  method: string;
  /** Path and query, ready for app.request. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Values the store knows (seeded ids), so generated requests also hit real rows. */
export interface KnownValues {
  strings: string[];
  integers: number[];
}

const HOSTILE_NUMBERS = [0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 1e300, -1e308, 1e-320];
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'kale\u0000',
  '\u0007\u001f\u007f\u0085',
  'x'.repeat(300),
  '2147483648',
  '99999999999999999999',
  '1e300',
  '-0',
  '2026-02-30',
  '9999-99-99',
  '../../etc/passwd',
  "'; drop table diary_entries; --",
  '\ud800',
  '🥬',
  'NaN',
];
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, {}, [], ...HOSTILE_NUMBERS, ...HOSTILE_STRINGS),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

function resolve(schema: Json, root: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (ref.startsWith('#/components/schemas/')) {
    return doc.components.schemas[ref.slice('#/components/schemas/'.length)]!;
  }
  if (ref.startsWith('#/$defs/')) {
    return (root.$defs as Record<string, Json>)[ref.slice('#/$defs/'.length)]!;
  }
  return {};
}

function stringArb(schema: Json, known: KnownValues): fc.Arbitrary<string> {
  const choices: fc.Arbitrary<string>[] = [];
  if (typeof schema.pattern === 'string')
    choices.push(fc.stringMatching(new RegExp(schema.pattern)));
  if (known.strings.length > 0) choices.push(fc.constantFrom(...known.strings));
  choices.push(
    fc.string({
      minLength: Number(schema.minLength ?? 0),
      maxLength: Math.min(Number(schema.maxLength ?? 30), 30),
    }),
  );
  return fc.oneof(...choices);
}

function numberArb(schema: Json, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1e6;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1e6;
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values shaped by the schema (depth-limited), each sometimes replaced by a hostile one. */
export function valueArb(
  schema: Json,
  known: KnownValues,
  root: Json = schema,
  depth = 0,
): fc.Arbitrary<unknown> {
  const shaped = shapedArb(resolve(schema, root), known, root, depth);
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

function shapedArb(
  schema: Json,
  known: KnownValues,
  root: Json,
  depth: number,
): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const next = (s: Json) => valueArb(s, known, root, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map(next));
  if (Array.isArray(schema.allOf)) return next(Object.assign({}, ...(schema.allOf as Json[])));
  const type = Array.isArray(schema.type)
    ? fc.constantFrom(...(schema.type as string[]))
    : undefined;
  if (type) return type.chain((t) => shapedArb({ ...schema, type: t }, known, root, depth));
  switch (schema.type) {
    case 'string':
      return stringArb(schema, known);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(next((schema.items as Json) ?? {}), {
        minLength: Number(schema.minItems ?? 0),
        maxLength: Math.min(Number(schema.maxItems ?? 4), 4),
      });
    case 'object':
      return objectArb(schema, known, root, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(
  schema: Json,
  known: KnownValues,
  root: Json,
  depth: number,
): fc.Arbitrary<unknown> {
  const next = (s: Json) => valueArb(s, known, root, depth + 1);
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = (schema.required ?? []) as string[];
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, next(s)])),
    { requiredKeys: required.filter((name) => name in properties) },
  );
  const extra =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(
          schema.propertyNames
            ? (shapedArb(schema.propertyNames as Json, known, root, depth) as fc.Arbitrary<string>)
            : fc.string({ maxLength: 12 }),
          next(schema.additionalProperties as Json),
          { maxKeys: 3 },
        )
      : // Sometimes a field the schema does not have.
        fc.option(fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 1 }), {
          freq: 4,
          nil: {},
        });
  return fc.tuple(record, extra).map(([own, more]) => ({ ...(more as Json), ...own }));
}

/** A raw path segment: an encoded value, or one of the encodings a router may trip on. */
function segmentArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: value.map((v) => encodeURIComponent(String(v))) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%', '%E0%A4', '%2F', '..', '%C0%AE', '%FF') },
  );
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', ''];
const RAW_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '1e999',
  '{"a":',
  '\u0000',
  '{"__proto__":{"x":1}}',
];

/** Requests for one operation. */
export function requestArb(op: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const parameters = op.doc.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const headerParams = parameters.filter((p) => p.in === 'header');
  const path = fc
    .tuple(...pathParams.map((p) => segmentArb(valueArb(p.schema, known))))
    .map((segments) =>
      pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, segments[i]!), op.template),
    );
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(valueArb(p.schema, known), { nil: undefined, freq: p.required ? 10 : 2 }),
      ),
    )
    .map((values) => {
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => {
        if (values[i] !== undefined) search.set(p.name, String(values[i]));
      });
      const text = search.toString();
      return text ? `?${text}` : '';
    });
  const headers = fc
    .tuple(
      ...headerParams.map((p) =>
        fc.option(
          valueArb(p.schema, known).map((v) => String(v).replace(/[^\t\x20-\x7e\x80-\xff]/g, '')),
          { nil: undefined },
        ),
      ),
    )
    .map((values) =>
      Object.fromEntries(
        headerParams.flatMap((p, i) => (values[i] === undefined ? [] : [[p.name, values[i]!]])),
      ),
    );
  const bodySchema = op.doc.requestBody?.content['application/json']?.schema;
  const body = bodySchema
    ? fc.oneof(
        {
          weight: 8,
          arbitrary: valueArb(bodySchema, known).map((v) => JSON.stringify(v) ?? 'null'),
        },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
      )
    : fc.constant(undefined);
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant(CONTENT_TYPES[0]!) },
    { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  );
  return fc.record({ path, query, headers, body, contentType }).map((r) => ({
    method: op.method,
    url: `${r.path}${r.query}`,
    headers: {
      ...r.headers,
      ...(r.body !== undefined && r.contentType && { 'content-type': r.contentType }),
    },
    ...(r.body !== undefined && { body: r.body }),
  }));
}
