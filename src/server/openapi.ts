/**
 * The OpenAPI 3.1 document, generated from the zod schemas the routes parse with
 * (schemas/api.ts) and the response schemas (schemas/responses.ts) by zod's `z.toJSONSchema`.
 * test/api-openapi.test.ts checks that each registered route is described and each described
 * route exists; the API tests validate every response they receive against it.
 */
import { z } from 'zod';
import {
  analysisQuery,
  applyPlanBody,
  authorityQuery,
  copyDayBody,
  credentialsBody,
  customFoodBody,
  customFoodEditBody,
  dateRangeQuery,
  recipeBody,
  recipeEditBody,
  entryPatchBody,
  evidenceQuery,
  labsQuery,
  newEntryBody,
  newShareBody,
  newLabBody,
  planBody,
  recentFoodsQuery,
  searchQuery,
  topQuery,
  trackerUploadBody,
} from './schemas/api.js';
import * as responses from './schemas/responses.js';
import { IDEMPOTENCY_KEY } from './validation.js';
import { supplementDaySchema } from '../schemas/supplement-day.js';
import { MAX_ENTRY_ID } from '../app/deps.js';
import { exportJsonSchema } from '../app/export-data.js';

type Json = Record<string, unknown>;

/** A JSON Schema without the top-level `$schema`/`$id` zod adds (the document declares them). */
function bare(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

const ref = (schema: z.ZodType): Json => {
  if (schema === responses.profileResponse) return { $ref: '#/components/schemas/Profile' };
  const meta = responses.components.get(schema);
  if (!meta) throw new Error('response schema is not registered in responses.components');
  return { $ref: `#/components/schemas/${meta.id}` };
};

function componentSchemas(): Record<string, Json> {
  const generated = z.toJSONSchema(responses.components, {
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas as Record<string, Json>;
  const schemas = Object.fromEntries(
    Object.entries(generated).map(([name, schema]) => [name, bare(schema)]),
  );
  schemas.Profile = {
    ...bare(z.toJSONSchema(responses.profileResponse, { io: 'input' }) as Json),
    description:
      'The profile: supplements in the units entered (IU stay IU), defaults applied when stored; unknown fields are rejected.',
  };
  return schemas;
}

/** Query parameters from a zod object schema (its input shape: defaults make them optional). */
function queryParameters(schema: z.ZodType): Json[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, Json>;
    required?: string[];
    allOf?: { properties?: Record<string, Json>; required?: string[] }[];
  };
  const parts = json.allOf ?? [json];
  return parts.flatMap((part) =>
    Object.entries(part.properties ?? {}).map(([name, property]) => ({
      name,
      in: 'query',
      required: (part.required ?? []).includes(name),
      ...(typeof property.description === 'string' && { description: property.description }),
      schema: property,
    })),
  );
}

const pathParameter = (name: string, description: string, schema: Json = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});

const requestBody = (schema: z.ZodType, description: string): Json => ({
  required: true,
  description,
  content: {
    'application/json': { schema: bare(z.toJSONSchema(schema, { io: 'input' }) as Json) },
  },
});

const ok = (schema: z.ZodType, description: string): Json => ({
  description,
  content: { 'application/json': { schema: ref(schema) } },
});
const fails = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: ref(responses.errorResponse) } },
});
const plainJson = (description: string, schema: Json): Json => ({
  description,
  content: { 'application/json': { schema } },
});
/** The export document's JSON Schema (docs/export.schema.json), without its top-level keys. */
const exportSchemaJson: Json = (() => {
  const { $schema: _s, title: _t, ...rest } = exportJsonSchema();
  return rest;
})();
const shared = (name: string): Json => ({ $ref: `#/components/responses/${name}` });

const badRequest = fails(
  'Malformed request: bad JSON, a missing, unknown or mistyped field (INVALID_JSON, INVALID_INPUT).',
);
const notFound = fails('Not found (NOT_FOUND, UNKNOWN_FOOD, UNKNOWN_NUTRIENT).');
const unprocessable = fails(
  'Well-formed but invalid: INVALID_AMOUNT, UNKNOWN_UNIT, INVALID_DATE, INVALID_PROFILE.',
);
const noProfile = fails('No profile saved yet (NOT_FOUND, field "profile").');

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Json[];
  requestBody?: Json;
  /** Set on the public operations (shared reports): none, whatever the document's default. */
  security?: Json[];
  responses: Record<string, Json>;
}

/** Paths answered without a session when the server has accounts (src/server/auth.ts). */
const PUBLIC_PATHS = /^\/api\/(?:health|openapi\.json|auth\/|shared\/)/;

/** Every operation: its own responses, plus the ones any request can get. */
function operation(op: Operation, path: string): Json {
  const withBody = op.requestBody !== undefined;
  // Any parameter can carry a control character or an id out of range: 400 naming it.
  const withParameters = (op.parameters ?? []).length > 0;
  return {
    ...op,
    // Public paths need no session even when the server has accounts.
    ...(PUBLIC_PATHS.test(path) && { security: [] }),
    responses: {
      ...((withBody || withParameters) && { 400: badRequest }),
      ...(!PUBLIC_PATHS.test(path) && { 401: shared('Unauthenticated') }),
      ...op.responses,
      403: shared('Forbidden'),
      431: shared('HeadersTooLarge'),
      ...(withBody && { 413: shared('PayloadTooLarge'), 415: shared('UnsupportedMediaType') }),
      500: op.responses[500] ?? shared('Internal'),
    },
  };
}

const dateRange = queryParameters(dateRangeQuery);
const entryId = pathParameter('id', 'Diary entry id.', {
  type: 'integer',
  minimum: 1,
  maximum: MAX_ENTRY_ID,
});
const planId = pathParameter('id', 'Plan id.');
const shareId = pathParameter('id', 'Share id.');
const shareToken = pathParameter(
  'token',
  'The share token from the link (43 base64url characters).',
);
const sharedNotFound = fails(
  'The token is unknown, expired or revoked: one and the same answer (NOT_FOUND).',
);
const labId = pathParameter('id', 'Lab result id.', { type: 'integer', minimum: 1 });
const supplementDate = pathParameter('date', 'The date, YYYY-MM-DD.', {
  type: 'string',
  format: 'date',
});

const paths: Record<string, Record<string, Operation>> = {
  '/api/health': {
    get: {
      operationId: 'getHealth',
      summary: 'Liveness',
      tags: ['meta'],
      responses: { 200: ok(responses.healthResponse, 'Up.') },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      tags: ['meta'],
      responses: { 200: ok(responses.openApiResponse, 'OpenAPI 3.1 document.') },
    },
  },
  '/api/auth/register': {
    post: {
      operationId: 'register',
      summary: 'Create an account and log in',
      description:
        'Only with accounts (404 otherwise; 403 when registration is closed). Sets the session cookie. ' +
        'A username is 3 to 64 of a-z, 0-9, ".", "_", "-"; a password 8 to 256 characters.',
      tags: ['auth'],
      requestBody: requestBody(credentialsBody, 'Username and password.'),
      responses: {
        201: ok(responses.sessionResponse, 'Registered and logged in (Set-Cookie).'),
        404: notFound,
        409: fails('The username is taken (CONFLICT, field "username").'),
        429: fails('Too many attempts from this address (RATE_LIMITED); see Retry-After.'),
      },
    },
  },
  '/api/auth/login': {
    post: {
      operationId: 'login',
      summary: 'Log in',
      description:
        'Only with accounts (404 otherwise). Five wrong passwords in a row lock the account for 15 minutes (429).',
      tags: ['auth'],
      requestBody: requestBody(credentialsBody, 'Username and password.'),
      responses: {
        200: ok(responses.sessionResponse, 'Logged in (Set-Cookie).'),
        401: fails('The username or the password is wrong (UNAUTHENTICATED).'),
        404: notFound,
        429: fails('Locked account or too many attempts (RATE_LIMITED); see Retry-After.'),
      },
    },
  },
  '/api/auth/logout': {
    post: {
      operationId: 'logout',
      summary: 'End the session',
      tags: ['auth'],
      responses: { 204: { description: 'Logged out; the cookie is cleared.' }, 404: notFound },
    },
  },
  '/api/auth/me': {
    get: {
      operationId: 'getSession',
      summary: 'Who is logged in',
      description: 'Without accounts: `{ accounts: false, user: { id: "local" } }`.',
      tags: ['auth'],
      responses: {
        200: ok(responses.sessionResponse, 'The session.'),
        401: fails('Not logged in (UNAUTHENTICATED).'),
      },
    },
  },
  '/api/foods': {
    get: {
      operationId: 'searchFoods',
      summary: 'Search foods by name (custom foods first, then the bundled data)',
      tags: ['foods'],
      parameters: queryParameters(searchQuery),
      responses: { 200: ok(responses.foodSearchResponse, 'Ranked hits.'), 400: badRequest },
    },
  },
  '/api/foods/custom': {
    get: {
      operationId: 'listCustomFoods',
      summary: "The person's own foods",
      tags: ['foods'],
      responses: { 200: ok(responses.customFoodsResponse, 'Custom foods as stored.') },
    },
    post: {
      operationId: 'addCustomFood',
      summary: 'Add a custom food (id custom:<slug>)',
      tags: ['foods'],
      requestBody: requestBody(
        customFoodBody,
        'Values per 100 g in canonical units; absent is unknown.',
      ),
      responses: {
        201: ok(responses.foodDescription, 'Stored.'),
        400: badRequest,
        409: fails('A custom food with this id exists (CONFLICT).'),
      },
    },
  },
  '/api/foods/custom/{id}': {
    put: {
      operationId: 'updateCustomFood',
      summary: 'Edit a custom or imported food (its id stays)',
      description:
        'The whole food again, as added but without the slug. The id stays, so diary entries ' +
        'and recipes that name the food are analysed with the new values. A value left as it ' +
        'was keeps its source; a changed one is cited as entered by the person.',
      tags: ['foods'],
      parameters: [pathParameter('id', 'Food id, custom:<slug> or fdc:<id>.')],
      requestBody: requestBody(
        customFoodEditBody,
        'Values per 100 g in canonical units; absent is unknown.',
      ),
      responses: {
        200: ok(responses.foodDescription, 'Stored.'),
        400: badRequest,
        404: notFound,
        409: fails(
          'A recipe or diary entry measures this food in a portion the edit removes (CONFLICT, naming the recipes or the entries).',
        ),
      },
    },
    delete: {
      operationId: 'deleteCustomFood',
      summary: 'Delete a custom food',
      tags: ['foods'],
      parameters: [pathParameter('id', 'Custom food id, custom:<slug>.')],
      responses: {
        204: { description: 'Deleted.' },
        404: notFound,
        409: fails('A recipe uses this food (CONFLICT, naming the recipes).'),
      },
    },
  },
  '/api/foods/top/{nutrient}': {
    get: {
      operationId: 'topFoods',
      summary: 'Foods richest in a nutrient',
      tags: ['foods'],
      parameters: [
        pathParameter('nutrient', 'Nutrient id, e.g. mk7.'),
        ...queryParameters(topQuery),
      ],
      responses: {
        200: ok(responses.topFoodsResponse, 'Foods with a known value, richest first.'),
        400: badRequest,
        404: notFound,
      },
    },
  },
  '/api/foods/{id}': {
    get: {
      operationId: 'getFood',
      summary: 'One food: nutrients per 100 g with sources, portions',
      tags: ['foods'],
      parameters: [pathParameter('id', 'Food id, e.g. sr24:11233 or custom:<slug>.')],
      responses: { 200: ok(responses.foodDescription, 'The food.'), 404: notFound },
    },
  },
  '/api/recipes': {
    get: {
      operationId: 'listRecipes',
      summary: "The person's recipes, each rolled up from its ingredients",
      tags: ['recipes'],
      responses: { 200: ok(responses.recipesResponse, 'By name.') },
    },
    post: {
      operationId: 'addRecipe',
      summary: 'Add a recipe (id recipe:<slug>)',
      description:
        'Ingredients in grams or a household portion of each food. Values per 100 g roll up ' +
        'from the ingredients over the cooked weight when given, else their weight; a nutrient ' +
        'some ingredients lack is partial (a lower bound), never filled with zero.',
      tags: ['recipes'],
      requestBody: requestBody(recipeBody, 'The recipe as entered.'),
      responses: {
        201: ok(responses.recipe, 'Stored.'),
        409: fails('A recipe with this id exists (CONFLICT).'),
        422: fails(
          'An ingredient of an unknown food or unit, a bad amount, or the recipe itself (INVALID_RECIPE, UNKNOWN_UNIT, INVALID_AMOUNT), naming the field, e.g. ingredients[2].unit.',
        ),
      },
    },
  },
  '/api/recipes/{id}': {
    get: {
      operationId: 'getRecipe',
      summary: 'One recipe, rolled up',
      tags: ['recipes'],
      parameters: [pathParameter('id', 'Recipe id, recipe:<slug>.')],
      responses: { 200: ok(responses.recipe, 'The recipe.'), 404: notFound },
    },
    put: {
      operationId: 'updateRecipe',
      summary: 'Edit a recipe (its id stays)',
      description:
        'The whole recipe again, as added but without the slug, checked as a new one is. The ' +
        'id stays, so diary entries and recipes that use it are analysed with the new values. ' +
        'A recipe cannot contain itself, directly or through another recipe.',
      tags: ['recipes'],
      parameters: [pathParameter('id', 'Recipe id, recipe:<slug>.')],
      requestBody: requestBody(recipeEditBody, 'The recipe as entered.'),
      responses: {
        200: ok(responses.recipe, 'Stored.'),
        400: badRequest,
        404: notFound,
        422: fails(
          'An ingredient of an unknown food or unit, a bad amount, or one that contains the recipe, directly or through other recipes (INVALID_RECIPE, UNKNOWN_UNIT, INVALID_AMOUNT), naming the field, e.g. ingredients[2].unit.',
        ),
      },
    },
    delete: {
      operationId: 'deleteRecipe',
      summary: 'Delete a recipe',
      tags: ['recipes'],
      parameters: [pathParameter('id', 'Recipe id, recipe:<slug>.')],
      responses: {
        204: { description: 'Deleted.' },
        404: notFound,
        409: fails('Another recipe uses this one (CONFLICT, naming the recipes).'),
      },
    },
  },
  '/api/profile': {
    get: {
      operationId: 'getProfile',
      summary: 'The stored profile, normalised (defaults applied, units as entered)',
      tags: ['profile'],
      responses: {
        200: ok(responses.profileResponse, 'Profile.'),
        404: fails('No profile saved yet (NOT_FOUND).'),
      },
    },
    put: {
      operationId: 'putProfile',
      summary: 'Save the profile (validated, then stored with its defaults applied)',
      tags: ['profile'],
      requestBody: {
        required: true,
        description: 'A profile (docs/design.md §4).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Profile' } } },
      },
      responses: {
        200: ok(responses.profileResponse, 'Stored.'),
        400: badRequest,
        422: unprocessable,
      },
    },
  },
  '/api/diary': {
    get: {
      operationId: 'getDiary',
      summary: 'Logged entries, by day',
      tags: ['diary'],
      parameters: dateRange,
      responses: { 200: ok(responses.diaryResponse, 'Entries grouped by date.'), 400: badRequest },
    },
  },
  '/api/diary/entries': {
    post: {
      operationId: 'addDiaryEntry',
      summary: 'Log a food',
      tags: ['diary'],
      description:
        'Send an Idempotency-Key (a fresh UUID per entry) to make retrying safe: a request with a ' +
        'key already used for the same entry stores nothing and answers the entry first stored, ' +
        'with Idempotent-Replayed: true. Keys are kept for 24 hours, per owner, in the store.',
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A client-chosen key for this entry; a retry sends the same key.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY.source },
        },
      ],
      requestBody: requestBody(
        newEntryBody,
        "Amount of a unit (a mass or one of the food's portions).",
      ),
      responses: {
        201: {
          ...ok(
            responses.diaryEntry,
            'Stored, with id and grams; or, on a retry, the entry first stored.',
          ),
          headers: {
            'Idempotent-Replayed': {
              description: 'true when this answers a retry: nothing new was stored.',
              schema: { type: 'string', enum: ['true'] },
            },
          },
        },
        400: badRequest,
        404: notFound,
        409: fails(
          'The Idempotency-Key was already used for a different entry (CONFLICT, field "Idempotency-Key").',
        ),
        422: unprocessable,
      },
    },
  },
  '/api/diary/recent-foods': {
    get: {
      operationId: 'getRecentFoods',
      summary: 'Recently and most often logged foods, with their last amount, unit and meal',
      tags: ['diary'],
      parameters: queryParameters(recentFoodsQuery),
      responses: {
        200: ok(responses.recentFoodsResponse, 'The two lists.'),
        400: badRequest,
      },
    },
  },
  '/api/diary/copy': {
    post: {
      operationId: 'copyDiaryDay',
      summary: 'Copy the entries of a day, or of one meal, to another date (one transaction)',
      tags: ['diary'],
      requestBody: requestBody(
        copyDayBody,
        'Source and target dates; with `meal`, only that meal, into `toMeal` if given.',
      ),
      responses: {
        201: ok(responses.copiedDayResponse, 'The new entries.'),
        400: badRequest,
        404: fails(
          'Nothing logged on the source date (NOT_FOUND, field "from"), or in its meal (field "meal").',
        ),
        422: unprocessable,
      },
    },
  },
  '/api/diary/entries/{id}': {
    patch: {
      operationId: 'updateDiaryEntry',
      summary: 'Change an entry',
      tags: ['diary'],
      parameters: [entryId],
      requestBody: requestBody(entryPatchBody, 'The fields to change.'),
      responses: {
        200: ok(responses.diaryEntry, 'Updated.'),
        400: badRequest,
        404: notFound,
        422: unprocessable,
      },
    },
    delete: {
      operationId: 'deleteDiaryEntry',
      summary: 'Delete an entry',
      tags: ['diary'],
      parameters: [entryId],
      responses: { 204: { description: 'Deleted.' }, 400: badRequest, 404: notFound },
    },
  },
  '/api/labs': {
    get: {
      operationId: 'listLabs',
      summary: 'Lab results and measurements, by date',
      tags: ['labs'],
      parameters: queryParameters(labsQuery),
      responses: { 200: ok(responses.labsResponse, 'Results, each assessed.'), 400: badRequest },
    },
    post: {
      operationId: 'addLab',
      summary: 'Record a lab result (converted to the canonical unit; the entry is kept)',
      tags: ['labs'],
      requestBody: requestBody(
        newLabBody,
        "A test id, a value in one of the test's units, optionally the lab's own range.",
      ),
      responses: {
        201: ok(responses.labResult, 'Stored, converted and assessed.'),
        400: badRequest,
        422: unprocessable,
      },
    },
  },
  '/api/labs/{id}': {
    delete: {
      operationId: 'deleteLab',
      summary: 'Delete a lab result',
      tags: ['labs'],
      parameters: [labId],
      responses: { 204: { description: 'Deleted.' }, 400: badRequest, 404: notFound },
    },
  },
  '/api/supplements': {
    get: {
      operationId: 'listSupplementDays',
      summary: 'Supplements as taken, by date',
      description:
        "A date with no record takes the profile's regimen. Analysis and report read the average over the period for adequacy and each nutrient's highest day for upper limits and interactions.",
      tags: ['supplements'],
      parameters: dateRange,
      responses: {
        200: ok(responses.supplementDaysResponse, 'The regimen and the days.'),
        400: badRequest,
      },
    },
  },
  '/api/supplements/{date}': {
    put: {
      operationId: 'logSupplementDay',
      summary: 'Record everything taken on a date (replaces what was logged for it)',
      tags: ['supplements'],
      parameters: [supplementDate],
      requestBody: requestBody(
        supplementDaySchema,
        'Each supplement in its own unit (IU for vitamin D); an empty list for nothing that day.',
      ),
      responses: {
        200: ok(responses.supplementDay, 'Stored, in canonical units.'),
        400: badRequest,
        422: unprocessable,
      },
    },
    delete: {
      operationId: 'clearSupplementDay',
      summary: "Remove a date's record: the profile's regimen applies to it again",
      tags: ['supplements'],
      parameters: [supplementDate],
      responses: { 204: { description: 'Cleared.' }, 404: notFound, 422: unprocessable },
    },
  },
  '/api/analysis': {
    get: {
      operationId: 'getAnalysis',
      summary:
        'Totals per day, averages and contributors of the logged diary (the CLI analyze JSON)',
      description:
        'With a saved profile: its targets, each average assessed, and the balance indices.',
      tags: ['assessment'],
      parameters: queryParameters(analysisQuery),
      responses: {
        200: ok(responses.analysisResponse, 'The analysis.'),
        400: badRequest,
        422: unprocessable,
      },
    },
  },
  '/api/targets': {
    get: {
      operationId: 'getTargets',
      summary: 'Personal targets for the stored profile (the CLI targets JSON)',
      tags: ['assessment'],
      parameters: queryParameters(authorityQuery),
      responses: {
        200: ok(responses.targetsResponse, 'Targets with their sources.'),
        400: badRequest,
        404: noProfile,
        422: unprocessable,
      },
    },
  },
  '/api/findings': {
    get: {
      operationId: 'getFindings',
      summary: 'Safety screening of the stored profile and logged diary',
      tags: ['assessment'],
      parameters: dateRange,
      responses: {
        200: ok(responses.findingsResponse, 'Findings, most severe first.'),
        400: badRequest,
        404: noProfile,
        422: unprocessable,
      },
    },
  },
  '/api/report.pdf': {
    get: {
      operationId: 'getReportPdf',
      summary: 'The report for a clinician as an A4 PDF (the same as `calcwise report --pdf`)',
      description:
        'Profile in plain words, the calcification panel and other intakes against the targets, ' +
        'findings by severity with their actions and sources, data coverage, the latest saved plan ' +
        'and labs. from and to default to the first and last logged dates.',
      tags: ['assessment'],
      parameters: queryParameters(analysisQuery),
      responses: {
        200: {
          description: 'The PDF, as an attachment.',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        400: badRequest,
        422: unprocessable,
      },
    },
  },
  '/api/shares': {
    get: {
      operationId: 'listShares',
      summary: 'Your read-only shares of the clinician report (no tokens)',
      description:
        'Newest first, each with its state (active, revoked, expired) and how often it was opened.',
      tags: ['shares'],
      responses: { 200: ok(responses.sharesResponse, 'The shares.') },
    },
    post: {
      operationId: 'createShare',
      summary: 'Share the clinician report of a period with a read-only link',
      description:
        'The answer carries the token and the link once; the store keeps only the SHA-256 of ' +
        'the token. Whoever holds the link reads the report until expiresAt or until revoked.',
      tags: ['shares'],
      requestBody: requestBody(newShareBody, "The report's period and when the link expires."),
      responses: {
        201: ok(responses.createdShare, 'Created: the token and link, shown this once.'),
        400: badRequest,
        422: fails(
          'A date that does not exist, or expiresAt not in the next 365 days (INVALID_DATE).',
        ),
      },
    },
  },
  '/api/shares/{id}': {
    delete: {
      operationId: 'revokeShare',
      summary: 'Revoke a share: its link opens nothing from now on (its access log stays)',
      tags: ['shares'],
      parameters: [shareId],
      responses: { 200: ok(responses.share, 'The share, revoked.'), 404: notFound },
    },
  },
  '/api/shares/{id}/accesses': {
    get: {
      operationId: 'listShareAccesses',
      summary: 'Each opening of a share link: when, what, from where',
      tags: ['shares'],
      parameters: [shareId],
      responses: { 200: ok(responses.shareAccessesResponse, 'Oldest first.'), 404: notFound },
    },
  },
  '/api/shared/{token}': {
    get: {
      operationId: 'getSharedReport',
      summary: 'The clinician report a share link opens (public, read-only)',
      description:
        'Needs no session: the token is the credential. Each opening is logged for the owner. ' +
        'Any other method under /api/shared/ is a 405.',
      tags: ['shares'],
      parameters: [shareToken],
      security: [],
      responses: {
        200: ok(responses.sharedReportResponse, "The share's terms and the report."),
        404: sharedNotFound,
        422: unprocessable,
      },
    },
  },
  '/api/shared/{token}/report.pdf': {
    get: {
      operationId: 'getSharedReportPdf',
      summary: 'The clinician report a share link opens, as a PDF (public, read-only)',
      tags: ['shares'],
      parameters: [shareToken],
      security: [],
      responses: {
        200: {
          description: 'The PDF, as an attachment.',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        404: sharedNotFound,
        422: unprocessable,
      },
    },
  },
  '/api/evidence': {
    get: {
      operationId: 'getEvidence',
      summary: 'The evidence base: nutrients, graded claims, studies (the CLI evidence JSON)',
      tags: ['evidence'],
      parameters: queryParameters(evidenceQuery),
      responses: {
        200: ok(responses.evidenceResponse, 'Nutrients with their claims and the studies cited.'),
        400: badRequest,
        404: notFound,
      },
    },
  },
  '/api/evidence/faq': {
    get: {
      operationId: 'getEvidenceFaq',
      summary: 'Questions people ask, answered with the studies cited',
      tags: ['evidence'],
      responses: { 200: ok(responses.faqResponse, 'Questions and answers.') },
    },
  },
  '/api/plans': {
    get: {
      operationId: 'listPlans',
      summary: 'Saved plans, newest first (at most 50)',
      tags: ['plans'],
      responses: { 200: ok(responses.planListResponse, 'Plan summaries.') },
    },
    post: {
      operationId: 'createPlan',
      summary: 'Generate a food-first plan for the stored profile and save it',
      tags: ['plans'],
      requestBody: requestBody(planBody, 'Days to plan, or logged days to complete.'),
      responses: {
        201: ok(
          responses.planResponse,
          'The plan (the CLI plan JSON) with its id, when it was ready within the short wait.',
        ),
        202: ok(
          responses.planJobResponse,
          'Still solving: the job, with its Location header to poll (GET /api/plan-jobs/{id}).',
        ),
        400: badRequest,
        404: fails('No profile saved yet, or nothing logged on a base date (NOT_FOUND).'),
        422: {
          description:
            'No plan meets every hard limit (INFEASIBLE_PLAN): the result with its diagnosis; or a stored entry no longer resolves.',
          content: {
            'application/json': {
              schema: { oneOf: [ref(responses.planErrorResponse), ref(responses.errorResponse)] },
            },
          },
        },
        503: fails(
          'Every plan slot and the queue are full, or the plan was cancelled (BUSY); see Retry-After.',
        ),
        500: {
          description:
            'A solver fault (SOLVER_FAILED: its wall-clock safety net, a crash), or an internal error.',
          content: {
            'application/json': {
              schema: { oneOf: [ref(responses.planErrorResponse), ref(responses.errorResponse)] },
            },
          },
        },
      },
    },
  },
  '/api/plan-jobs/{id}': {
    get: {
      operationId: 'getPlanJob',
      summary: 'A plan job: its state, and when done the plan or the error',
      tags: ['plans'],
      parameters: [pathParameter('id', 'Job id.')],
      responses: { 200: ok(responses.planJobResponse, 'The job.'), 404: notFound },
    },
    delete: {
      operationId: 'cancelPlanJob',
      summary: 'Cancel a queued or running plan job',
      tags: ['plans'],
      parameters: [pathParameter('id', 'Job id.')],
      responses: { 200: ok(responses.planJobResponse, 'The job.'), 404: notFound },
    },
  },
  '/api/plans/{id}': {
    get: {
      operationId: 'getPlan',
      summary: 'A saved plan',
      tags: ['plans'],
      parameters: [planId],
      responses: { 200: ok(responses.planResponse, 'The plan.'), 404: notFound },
    },
  },
  '/api/plans/{id}/apply': {
    get: {
      operationId: 'getPlanApplication',
      summary: 'Where "Add to diary" would put a plan, and which of its days are logged already',
      tags: ['plans'],
      parameters: [planId],
      responses: {
        200: ok(responses.planApplicationResponse, 'The suggested start date and applied days.'),
        400: badRequest,
        404: notFound,
        422: unprocessable,
      },
    },
    post: {
      operationId: 'applyPlan',
      summary: "Add a saved plan's foods to the diary in their meal slots, day 1 on startDate",
      description:
        'Idempotent per plan day and date: a day this plan already wrote on that date is not ' +
        'stored again. Without startDate: where the plan was added before, else the dates of the ' +
        'logged days a close-my-gaps plan completes, else the first unlogged dates from today.',
      tags: ['plans'],
      parameters: [planId],
      requestBody: requestBody(applyPlanBody, 'Optional first date.'),
      responses: {
        200: ok(responses.appliedPlanResponse, 'Already in the diary: nothing was added.'),
        201: ok(responses.appliedPlanResponse, 'The entries added.'),
        400: badRequest,
        404: notFound,
        422: unprocessable,
      },
    },
  },
  '/api/export': {
    get: {
      operationId: 'exportData',
      summary: 'Everything you own as one versioned JSON document, or ?format=csv for the diary',
      tags: ['data'],
      parameters: [
        {
          name: 'format',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
        },
      ],
      responses: {
        200: {
          description:
            'The export as an attachment (schema: docs/export.schema.json), or the diary CSV.',
          content: {
            'application/json': { schema: exportSchemaJson },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        400: badRequest,
      },
    },
  },
  '/api/import': {
    post: {
      operationId: 'importData',
      summary: 'Restore a calcwise export into an empty store (one transaction)',
      tags: ['data'],
      requestBody: {
        required: true,
        description:
          'A document written by GET /api/export or `calcwise export`, at most 64 MiB (413 above).',
        content: { 'application/json': { schema: exportSchemaJson } },
      },
      responses: {
        201: plainJson('Rows restored by table.', {
          type: 'object',
          required: ['restored'],
          properties: { restored: { type: 'object', additionalProperties: { type: 'integer' } } },
        }),
        400: badRequest,
        409: fails('The store already holds data (CONFLICT): a restore never merges.'),
        422: fails('Not a readable export: a newer schema version or a bad field, by path.'),
      },
    },
  },
  '/api/import/cronometer': {
    post: {
      operationId: 'importTrackerExport',
      summary: 'Review (dry run) or import a Cronometer or MyFitnessPal export',
      description:
        'The same use case as `calcwise import cronometer`. With dryRun the report says what ' +
        'would be imported and nothing is stored; without it the entries and own foods are ' +
        'stored in one transaction, replacing an earlier import of the same file. At most 64 MiB.',
      tags: ['data'],
      requestBody: requestBody(
        trackerUploadBody,
        "The export's file name and its bytes in base64 (UTF-8, comma-separated).",
      ),
      responses: {
        200: ok(responses.trackerImportReport, 'Dry run: the review; nothing stored.'),
        201: ok(responses.trackerImportReport, 'Stored: the report with the rows written.'),
        400: fails(
          'Not a readable export (INVALID_CSV, INVALID_INPUT): the message names the file, line and column.',
        ),
        422: fails(
          'A row that cannot be read (INVALID_DATE …): the file, line and column; nothing stored.',
        ),
      },
    },
  },
  '/api/data': {
    get: {
      operationId: 'summarizeData',
      summary: 'What is stored for you, and the token that confirms erasing it',
      tags: ['data'],
      responses: {
        200: plainJson('Counts and the confirmation token.', {
          type: 'object',
          required: ['owner', 'counts', 'confirmToken'],
          properties: {
            owner: { type: 'string' },
            counts: { type: 'object', additionalProperties: { type: 'integer' } },
            confirmToken: { type: 'string' },
          },
        }),
      },
    },
    delete: {
      operationId: 'eraseData',
      summary: 'Delete all your data, given the confirmation token from GET /api/data',
      tags: ['data'],
      parameters: [
        {
          name: 'confirm',
          in: 'query',
          required: false,
          description:
            'The token from GET /api/data (or send it as { "confirm": token } in a JSON body).',
          schema: { type: 'string' },
        },
      ],
      responses: {
        200: plainJson('Rows deleted by table.', {
          type: 'object',
          required: ['deleted'],
          properties: { deleted: { type: 'object', additionalProperties: { type: 'integer' } } },
        }),
        400: fails('No token, or one that no longer matches what is stored (field "confirm").'),
      },
    },
  },
};

/** Builds the document (done once, at import). */
export function buildOpenApiDocument() {
  const documentPaths = Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([method, op]) => [method, operation(op, path)])),
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'calcwise API',
      version: '0.1.0',
      description:
        'Nutrition for vascular calcification: foods, diary, analysis against personal targets, safety ' +
        'findings, evidence and food-first plans. calcwise informs; it does not diagnose. ' +
        'By default a single-user local server: every row belongs to the owner "local" and no ' +
        'request is authenticated. With accounts (serve --accounts) every path but health, this ' +
        'document, /api/auth/* and /api/shared/* needs the HttpOnly session cookie (401 without), ' +
        "writes carry the session's X-CSRF-Token (403 without), and ids of another user are 404. " +
        'Request bodies must be ' +
        'JSON (415 otherwise) and at most 1 MiB (413), 64 MiB for POST /api/import and ' +
        '/api/import/cronometer; headers at most 16 KiB (431); the server ' +
        'answers only the host names it is allowed (403). A method a path does not have is a 405 ' +
        'with Allow; a path the API does not have, a 404; both in the Error shape.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'calcwise serve (local)' }],
    // Local mode needs none; with accounts, the session cookie (the public paths say security: []).
    security: [{}, { session: [] }],
    tags: [
      { name: 'meta', description: 'Health and this document.' },
      { name: 'auth', description: 'Accounts and sessions (serve --accounts).' },
      { name: 'foods', description: 'Bundled and custom foods.' },
      { name: 'recipes', description: 'Recipes, rolled up from their ingredients.' },
      { name: 'supplements', description: 'Supplements as taken, by date.' },
      { name: 'profile', description: 'The person the numbers are for.' },
      { name: 'diary', description: 'What was eaten.' },
      { name: 'labs', description: 'Lab results and measurements.' },
      { name: 'assessment', description: 'Analysis, targets and safety findings.' },
      { name: 'evidence', description: 'Graded claims and the studies behind them.' },
      { name: 'plans', description: 'Food-first plans.' },
      {
        name: 'shares',
        description:
          'Read-only links to the clinician report; /api/shared/* is public (the token is the credential).',
      },
    ],
    paths: documentPaths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'calcwise_session',
          description: 'Set by POST /api/auth/login or /register when the server has accounts.',
        },
      },
      schemas: componentSchemas(),
      responses: {
        Forbidden: fails(
          "The Host header is not one this server answers (FORBIDDEN_HOST); with accounts, also a write without the session's X-CSRF-Token, a write from another site, or registration when it is closed (FORBIDDEN).",
        ),
        Unauthenticated: fails(
          'With accounts (serve --accounts): no valid session cookie; log in (UNAUTHENTICATED).',
        ),
        PayloadTooLarge: fails(
          'The body is over the limit (PAYLOAD_TOO_LARGE): 1 MiB by default, 64 MiB for POST /api/import.',
        ),
        UnsupportedMediaType: fails('The body is not application/json (UNSUPPORTED_MEDIA_TYPE).'),
        HeadersTooLarge: fails(
          'The request headers are over 16 KiB (HEADERS_TOO_LARGE), answered before routing.',
        ),
        Internal: fails('A bug: answered without internals (INTERNAL).'),
      },
    },
  };
}

export const OPENAPI_DOCUMENT = buildOpenApiDocument();
