/**
 * The OpenAPI 3.1 description of every route, written as data. test/api-openapi.test.ts checks
 * that each route the app registers is described here, and each described route exists.
 */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string): Json => json(ref('Error'), description);
const query = (name: string, schema: Json, description: string, required = false): Json => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const path = (name: string, schema: Json, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
const body = (schema: Json, description: string): Json => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

const dateSchema = { type: 'string', format: 'date', example: '2026-11-20' };
const dateRange = [
  query('from', dateSchema, 'First date, inclusive (default: the first logged day).'),
  query('to', dateSchema, 'Last date, inclusive (default: the last logged day).'),
];
const anyObject = { type: 'object', additionalProperties: true };
const entryId = path('id', { type: 'integer', minimum: 1 }, 'Diary entry id.');
const planId = path('id', { type: 'string' }, 'Plan id.');

const badRequest = error(
  'Malformed request: bad JSON, a missing or mistyped field (INVALID_JSON, INVALID_INPUT).',
);
const notFound = error('Not found (NOT_FOUND, UNKNOWN_FOOD, UNKNOWN_NUTRIENT).');
const unprocessable = error(
  'Well-formed but invalid: INVALID_AMOUNT, UNKNOWN_UNIT, INVALID_DATE, INVALID_PROFILE, INFEASIBLE_PLAN.',
);
const noProfile = error('No profile saved yet (NOT_FOUND, field "profile").');

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'calcwise API',
    version: '0.1.0',
    description:
      'Nutrition for vascular calcification: foods, diary, analysis against personal targets, safety ' +
      'findings, evidence and food-first plans. calcwise informs; it does not diagnose. ' +
      'Single-user local mode: every row belongs to the owner "local". Request bodies must be ' +
      'JSON (415 otherwise) and at most 1 MiB (413); a loopback server answers only loopback ' +
      'host names (403).',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/health': {
      get: {
        summary: 'Liveness',
        responses: {
          200: json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Up.'),
        },
      },
    },
    '/api/openapi.json': {
      get: {
        summary: 'This document',
        responses: { 200: json(anyObject, 'OpenAPI 3.1 document.') },
      },
    },
    '/api/foods': {
      get: {
        summary: 'Search foods by name (custom foods first, then the bundled data)',
        parameters: [
          query(
            'q',
            { type: 'string', maxLength: 200 },
            'Words, prefixes, typos and synonyms match.',
          ),
          query(
            'limit',
            { type: 'integer', minimum: 1, maximum: 100, default: 10 },
            'Maximum hits.',
          ),
          query('group', { type: 'string' }, 'Keep foods whose group contains this text.'),
        ],
        responses: { 200: json(ref('SearchResults'), 'Ranked hits.'), 400: badRequest },
      },
    },
    '/api/foods/custom': {
      get: {
        summary: "The person's own foods",
        responses: {
          200: json(
            { type: 'object', properties: { foods: { type: 'array', items: ref('Food') } } },
            'Custom foods.',
          ),
        },
      },
      post: {
        summary: 'Add a custom food (id custom:<slug>)',
        requestBody: body(
          ref('NewCustomFood'),
          'Nutrients per 100 g in canonical units; absent means unknown.',
        ),
        responses: {
          201: json(ref('Food'), 'Stored.'),
          400: badRequest,
          409: error('A custom food with this id exists (CONFLICT).'),
        },
      },
    },
    '/api/foods/custom/{id}': {
      delete: {
        summary: 'Delete a custom food',
        parameters: [path('id', { type: 'string', example: 'custom:kale-soup' }, 'Food id.')],
        responses: { 204: { description: 'Deleted.' }, 404: notFound },
      },
    },
    '/api/foods/top/{nutrient}': {
      get: {
        summary: 'Foods richest in a nutrient',
        parameters: [
          path(
            'nutrient',
            { type: 'string', example: 'vitamin-k2' },
            'Nutrient id (docs/design.md §3).',
          ),
          query('per', { enum: ['100g', 'serving', '100kcal'], default: '100g' }, 'Basis.'),
          query(
            'pattern',
            { enum: ['omnivore', 'pescatarian', 'vegetarian', 'vegan'] },
            'Diet pattern.',
          ),
          query(
            'limit',
            { type: 'integer', minimum: 1, maximum: 100, default: 10 },
            'Maximum rows.',
          ),
        ],
        responses: {
          200: json(
            anyObject,
            '{ nutrient, per, results: [ { id, name, group, amount, unit, per, portion? } ] }',
          ),
          400: badRequest,
          404: notFound,
        },
      },
    },
    '/api/foods/{id}': {
      get: {
        summary: 'One food: nutrients per 100 g with sources, portions',
        parameters: [path('id', { type: 'string', example: 'sr24:11233' }, 'Food id.')],
        responses: { 200: json(ref('Food'), 'The food.'), 404: notFound },
      },
    },
    '/api/profile': {
      get: {
        summary: 'The stored profile, as entered',
        responses: { 200: json(ref('Profile'), 'Profile.'), 404: noProfile },
      },
      put: {
        summary: 'Save the profile (validated first)',
        requestBody: body(ref('Profile'), 'docs/design.md §4.'),
        responses: { 200: json(ref('Profile'), 'Stored.'), 400: badRequest, 422: unprocessable },
      },
    },
    '/api/diary': {
      get: {
        summary: 'Logged entries, by day',
        parameters: dateRange,
        responses: { 200: json(ref('Diary'), 'Entries grouped by date.'), 400: badRequest },
      },
    },
    '/api/diary/entries': {
      post: {
        summary: 'Log a food',
        requestBody: body(
          ref('NewEntry'),
          'amount of unit (g, kg, oz, lb or a household portion of the food).',
        ),
        responses: {
          201: json(ref('Entry'), 'Stored, with id and grams.'),
          400: badRequest,
          404: notFound,
          422: unprocessable,
        },
      },
    },
    '/api/diary/copy': {
      post: {
        summary: 'Copy every entry of one day to another date (one transaction)',
        requestBody: body(
          {
            type: 'object',
            required: ['from', 'to'],
            properties: { from: dateSchema, to: dateSchema },
          },
          'Source and target dates.',
        ),
        responses: {
          201: json(
            { type: 'object', properties: { entries: { type: 'array', items: ref('Entry') } } },
            'The copies.',
          ),
          400: badRequest,
          404: error('Nothing logged on the source date (NOT_FOUND, field "from").'),
        },
      },
    },
    '/api/diary/entries/{id}': {
      patch: {
        summary: 'Change an entry',
        parameters: [entryId],
        requestBody: body(ref('EntryPatch'), 'Any of date, food, amount, unit.'),
        responses: {
          200: json(ref('Entry'), 'Updated.'),
          400: badRequest,
          404: notFound,
          422: unprocessable,
        },
      },
      delete: {
        summary: 'Delete an entry',
        parameters: [entryId],
        responses: { 204: { description: 'Deleted.' }, 400: badRequest, 404: notFound },
      },
    },
    '/api/analysis': {
      get: {
        summary:
          'Analysis of the logged days (the CLI analyze JSON), with targets and balance when a profile exists',
        parameters: dateRange,
        responses: {
          200: json(
            ref('Analysis'),
            'Days, averages, contributors; targets, percent and balance with a profile.',
          ),
          400: badRequest,
          422: unprocessable,
        },
      },
    },
    '/api/targets': {
      get: {
        summary: 'Personal targets for the stored profile (the CLI targets JSON)',
        responses: {
          200: json(
            anyObject,
            '{ energyKcal, targets: [ { nutrient, unit, kind, bound, value, source } ], context }',
          ),
          404: noProfile,
          422: unprocessable,
        },
      },
    },
    '/api/findings': {
      get: {
        summary: 'Safety screening of the stored profile and logged diary',
        parameters: dateRange,
        responses: {
          200: json(
            { type: 'object', properties: { findings: { type: 'array', items: ref('Finding') } } },
            'Findings, most severe first.',
          ),
          404: noProfile,
          422: unprocessable,
        },
      },
    },
    '/api/evidence': {
      get: {
        summary: 'The evidence base: nutrients, graded claims, studies (the CLI evidence JSON)',
        parameters: [query('nutrient', { type: 'string' }, 'One nutrient only.')],
        responses: { 200: json(anyObject, '{ nutrients: [...], studies: [...] }'), 404: notFound },
      },
    },
    '/api/evidence/faq': {
      get: {
        summary: 'Questions people ask, answered with the studies cited',
        responses: { 200: json(anyObject, '{ questions: [ { question, answer, studies } ] }') },
      },
    },
    '/api/plans': {
      get: {
        summary: 'Saved plans, newest first (at most 50)',
        responses: {
          200: json(
            { type: 'object', properties: { plans: { type: 'array', items: anyObject } } },
            '{ plans: [ { id, createdAt, status, days, request } ] }',
          ),
        },
      },
      post: {
        summary: 'Generate a food-first plan for the stored profile and save it',
        requestBody: body(
          ref('PlanRequest'),
          'days (1–14); base: logged date(s) to keep and complete.',
        ),
        responses: {
          201: json(ref('Plan'), 'The plan (the CLI plan JSON) with its id.'),
          400: badRequest,
          404: noProfile,
          422: error(
            'INFEASIBLE_PLAN: the body carries the plan JSON with status "infeasible" and a diagnosis.',
          ),
        },
      },
    },
    '/api/plans/{id}': {
      get: {
        summary: 'A saved plan',
        parameters: [planId],
        responses: { 200: json(ref('Plan'), 'The plan.'), 404: notFound },
      },
    },
    '/api/plans/{id}/apply': {
      post: {
        summary: "Add a saved plan's foods to the diary, day 1 on startDate",
        parameters: [planId],
        requestBody: body(
          { type: 'object', properties: { startDate: dateSchema } },
          'startDate defaults to today.',
        ),
        responses: {
          201: json(
            { type: 'object', properties: { entries: { type: 'array', items: ref('Entry') } } },
            'The entries added.',
          ),
          400: badRequest,
          404: notFound,
        },
      },
    },
    '/api/export': {
      get: {
        summary:
          'Everything you own as one versioned JSON document (docs/export.schema.json), or ?format=csv for the diary',
        parameters: [
          {
            name: 'format',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
          },
        ],
        responses: {
          200: { description: 'The export, as an attachment (application/json or text/csv).' },
          400: badRequest,
        },
      },
    },
    '/api/import': {
      post: {
        summary: 'Restore a calcwise export into an empty store (one transaction)',
        requestBody: body(anyObject, 'A document written by GET /api/export or `calcwise export`.'),
        responses: {
          201: json(anyObject, '{ restored: { diary_entries, custom_foods, plans, profiles } }'),
          400: badRequest,
          409: error('The store already holds data (CONFLICT): a restore never merges.'),
          422: error('Not a readable export: a newer schema version or a bad field, by path.'),
        },
      },
    },
    '/api/data': {
      get: {
        summary: 'What is stored for you, and the token that confirms erasing it',
        responses: { 200: json(anyObject, '{ owner, counts, confirmToken }') },
      },
      delete: {
        summary: 'Delete all your data, given { "confirm": token } from GET /api/data',
        responses: {
          200: json(anyObject, '{ deleted: rows by table }'),
          400: error('No token, or one that no longer matches what is stored.'),
        },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', example: 'UNKNOWN_UNIT' },
              message: { type: 'string' },
              field: { type: 'string', example: 'unit' },
              location: { type: 'string' },
            },
          },
        },
      },
      SearchResults: {
        type: 'object',
        properties: {
          query: { type: 'string' },
          results: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                group: { type: 'string' },
                score: { type: 'number' },
              },
            },
          },
        },
      },
      Food: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          group: { type: 'string' },
          nutrients: {
            type: 'object',
            description: 'By nutrient id; unknown nutrients are absent, never 0.',
            additionalProperties: {
              type: 'object',
              properties: {
                per100g: { type: 'number' },
                unit: { type: 'string' },
                source: anyObject,
                partial: { type: 'boolean' },
              },
            },
          },
          portions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                amount: { type: 'number' },
                grams: { type: 'number' },
              },
            },
          },
        },
      },
      NewCustomFood: {
        type: 'object',
        required: ['slug', 'name'],
        properties: {
          slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
          name: { type: 'string' },
          group: { type: 'string' },
          nutrients: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
          portions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                amount: { type: 'number' },
                grams: { type: 'number' },
              },
            },
          },
        },
      },
      Profile: {
        ...anyObject,
        description:
          'docs/design.md §4: age, sex, lifeStage, smoker, conditions, medications, supplements, pattern, exclude, dislikes, targets.',
      },
      NewEntry: {
        type: 'object',
        required: ['date', 'food', 'amount', 'unit'],
        properties: {
          date: dateSchema,
          food: { type: 'string', example: 'sr24:11233' },
          amount: { type: 'number', exclusiveMinimum: 0 },
          unit: { type: 'string', example: 'cup, chopped' },
        },
      },
      EntryPatch: {
        type: 'object',
        minProperties: 1,
        properties: {
          date: dateSchema,
          food: { type: 'string' },
          amount: { type: 'number' },
          unit: { type: 'string' },
        },
      },
      Entry: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          date: dateSchema,
          food: { type: 'string' },
          name: { type: 'string' },
          amount: { type: 'number' },
          unit: { type: 'string' },
          grams: { type: 'number' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      Diary: {
        type: 'object',
        properties: {
          from: dateSchema,
          to: dateSchema,
          days: {
            type: 'array',
            items: {
              type: 'object',
              properties: { date: dateSchema, entries: { type: 'array', items: ref('Entry') } },
            },
          },
        },
      },
      Analysis: {
        ...anyObject,
        description:
          '{ days, average: { <nutrient>: { amount, unit, coverage, target?, percent?, limit? } }, contributors, targets?, balance? }',
      },
      Finding: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          severity: { enum: ['avoid', 'caution', 'monitor', 'info'] },
          trigger: { type: 'string' },
          nutrient: { type: ['string', 'null'] },
          message: { type: 'string' },
          action: { type: 'string' },
          sources: { type: 'array', items: anyObject },
        },
      },
      PlanRequest: {
        type: 'object',
        properties: {
          days: { type: 'integer', minimum: 1, maximum: 14, default: 1 },
          base: { oneOf: [dateSchema, { type: 'array', items: dateSchema }] },
          startDate: dateSchema,
        },
      },
      Plan: {
        ...anyObject,
        description:
          '{ id, status, days: [ { date?, items: [ { foodId, name, grams, portion, meal } ], totals } ], unmet, supplements, explanation }',
      },
    },
  },
} as const;
