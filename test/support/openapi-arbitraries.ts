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

/**
 * Values worth trying by field or parameter name (`food`, `id`, `date` …; `*` for any free
 * text): the seeded ids and units, so generated requests also reach stored rows.
 */
export type KnownValues = Record<string, readonly (string | number)[]>;

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

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** Calendar dates near the seeded ones (a date pattern alone gives mostly impossible dates). */
const calendarDate = fc
  .integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2026, 11, 31) })
  .map((t) => new Date(t).toISOString().slice(0, 10));

function knownArb<T>(
  values: readonly unknown[] | undefined,
  keep: (v: unknown) => v is T,
): fc.Arbitrary<T> | undefined {
  const usable = (values ?? []).filter(keep);
  return usable.length > 0 ? fc.constantFrom(...usable) : undefined;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

function stringArb(schema: Json, known: KnownValues, name: string): fc.Arbitrary<string> {
  const choices: fc.WeightedArbitrary<string>[] = [];
  const byName = knownArb(known[name], isString);
  if (byName) choices.push({ weight: 6, arbitrary: byName });
  if (schema.pattern === DATE_PATTERN) {
    choices.push({ weight: 4, arbitrary: calendarDate });
  } else if (typeof schema.pattern === 'string') {
    choices.push({ weight: 4, arbitrary: fc.stringMatching(new RegExp(schema.pattern)) });
  } else {
    // Free text: the store's own values now and then, else anything (hostile values aside).
    const any = knownArb(known['*'], isString);
    if (any) choices.push({ weight: 1, arbitrary: any });
    const length = {
      minLength: Number(schema.minLength ?? 0),
      maxLength: Math.min(Number(schema.maxLength ?? 30), 30),
    };
    choices.push({ weight: 2, arbitrary: fc.string(length) });
  }
  return fc.oneof(...choices);
}

function numberArb(
  schema: Json,
  integer: boolean,
  known: KnownValues,
  name: string,
): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1e6;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1e6;
  const range = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const byName = knownArb(known[name], isNumber);
  return byName
    ? fc.oneof({ weight: 3, arbitrary: byName }, { weight: 1, arbitrary: range })
    : range;
}

/**
 * Values shaped by the schema (depth-limited), each now and then replaced by a hostile one.
 * `name` is the field or parameter the value is for (its known values are preferred).
 */
export function valueArb(
  schema: Json,
  known: KnownValues,
  name = '*',
  root: Json = schema,
  depth = 0,
): fc.Arbitrary<unknown> {
  const shaped = shapedArb(resolve(schema, root), known, name, root, depth);
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

function shapedArb(
  schema: Json,
  known: KnownValues,
  name: string,
  root: Json,
  depth: number,
): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const next = (s: Json) => valueArb(s, known, name, root, depth + 1);
  const same = (s: Json) => shapedArb(s, known, name, root, depth);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map(next));
  if (Array.isArray(schema.allOf)) return same(Object.assign({}, ...(schema.allOf as Json[])));
  if (Array.isArray(schema.type)) {
    return fc.constantFrom(...(schema.type as string[])).chain((t) => same({ ...schema, type: t }));
  }
  switch (schema.type) {
    case 'string':
      return stringArb(schema, known, name);
    case 'integer':
      return numberArb(schema, true, known, name);
    case 'number':
      return numberArb(schema, false, known, name);
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
  const next = (s: Json, name = '*') => valueArb(s, known, name, root, depth + 1);
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = (schema.required ?? []) as string[];
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, next(s, name)])),
    { requiredKeys: required.filter((name) => name in properties) },
  );
  const keys = schema.propertyNames
    ? (shapedArb(schema.propertyNames as Json, known, '*', root, depth) as fc.Arbitrary<string>)
    : fc.string({ maxLength: 12 });
  const extra =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(keys, next(schema.additionalProperties as Json), { maxKeys: 3 })
      : // Now and then a field the schema does not have.
        fc.oneof(
          { weight: 12, arbitrary: fc.constant({}) },
          {
            weight: 1,
            arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 1 }),
          },
        );
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
    .tuple(...pathParams.map((p) => segmentArb(valueArb(p.schema, known, p.name))))
    .map((segments) =>
      pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, segments[i]!), op.template),
    );
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(valueArb(p.schema, known, p.name), { nil: undefined, freq: p.required ? 10 : 2 }),
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
          valueArb(p.schema, known, p.name).map((v) =>
            String(v).replace(/[^\t\x20-\x7e\x80-\xff]/g, ''),
          ),
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
