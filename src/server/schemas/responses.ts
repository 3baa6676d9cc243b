/**
 * One zod schema per response body of the API, strict: every field the server sends is declared
 * and nothing else is (test/api-*.test.ts validate each response they receive against the
 * generated OpenAPI document with undeclared fields rejected). Each is registered under the
 * component name the document uses.
 */
import { z } from 'zod';
import { EVIDENCE_NUTRIENT_IDS } from '../../core/evidence/types.js';
import { NUTRIENT_IDS } from '../../core/nutrients.js';
import { DIARY_MEALS } from '../../core/diary/types.js';
import { MEALS } from '../../core/plan/types.js';
import { profileSchema } from '../../schemas/profile.js';

/** Component schemas of the document, by name. */
export const components = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  components.add(schema, { id, ...(description && { description }) });
  return schema;
}

const nutrientId = z.enum(NUTRIENT_IDS);
const nutrientUnit = z.enum(['kcal', 'g', 'mg', 'µg']);
const byNutrient = <T extends z.ZodType>(value: T) => z.partialRecord(nutrientId, value);

export const errorResponse = named(
  'Error',
  z.strictObject({
    error: z.strictObject({
      code: z
        .string()
        .describe('Stable error code, e.g. INVALID_INPUT, NOT_FOUND, INFEASIBLE_PLAN.'),
      message: z.string(),
      field: z.string().optional().describe('The field at fault (dotted path).'),
      location: z.string().optional(),
    }),
  }),
  'Every error: a stable code, a message, the field at fault.',
);

export const sourceRef = named(
  'SourceRef',
  z.strictObject({
    label: z.string(),
    kind: z.enum(['dataset', 'study', 'guideline', 'derived', 'user']),
    dataset: z.string().optional(),
    record: z.string().optional(),
    pmid: z.string().optional(),
    doi: z.string().optional(),
    url: z.string().optional(),
    note: z.string().optional(),
  }),
);

export const healthResponse = named('Health', z.strictObject({ status: z.literal('ok') }));

export const sessionResponse = named(
  'Session',
  z.strictObject({
    accounts: z.boolean().describe('Whether this server has accounts (serve --accounts).'),
    user: z.strictObject({
      id: z
        .string()
        .describe('The owner id of everything the user stores (`local` without accounts).'),
      username: z.string().optional(),
    }),
    csrfToken: z
      .string()
      .optional()
      .describe('Send it in X-CSRF-Token on every write made with the session cookie.'),
    expiresAt: z.string().optional().describe('When the session ends (ISO 8601).'),
  }),
  'Who is logged in. The session itself is the HttpOnly cookie calcwise_session.',
);

export const openApiResponse = named(
  'OpenApiDocument',
  z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
);

// Foods

/** How a value reached the food (menaquinone tables; docs/vitamin-k2-data.md). */
const valueBasis = z.enum(['measured', 'measured (other sample)', 'inferred']);

/** Who measured a value, where and how (menaquinones, dihydrophylloquinone). */
const sampleInfo = z.strictObject({
  country: z.string().optional(),
  method: z.string().optional(),
  n: z.number().optional(),
  location: z.string().optional(),
  confidence: z.enum(['primary', 'secondary']).optional(),
  rule: z.string().optional(),
  studyFood: z.string().optional(),
  sd: z.number().optional(),
});

const alternativeValue = z.strictObject({
  per100g: z.number(),
  source: sourceRef,
  basis: valueBasis.optional(),
  sample: sampleInfo.optional(),
});

/** Recipes: ingredients with a value for the nutrient, by count and by share of the weight. */
const ingredientCoverage = z.strictObject({
  share: z.number().min(0).max(1),
  known: z.number().int(),
  of: z.number().int(),
});

const portion = z.strictObject({ name: z.string(), amount: z.number(), grams: z.number() });

export const foodSearchResponse = named(
  'FoodSearch',
  z.strictObject({
    query: z.string(),
    total: z.number().int().describe('Foods matching in all (custom first, then bundled).'),
    offset: z.number().int(),
    limit: z.number().int(),
    results: z.array(
      z.strictObject({ id: z.string(), name: z.string(), group: z.string(), score: z.number() }),
    ),
    note: z
      .string()
      .optional()
      .describe('How a modern name the 2011 data lacks was read ("greek yogurt" → plain yogurt).'),
  }),
);

const storedNutrient = z.strictObject({
  per100g: z.number(),
  source: sourceRef,
  range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  approximate: z.boolean().optional(),
  alternatives: z.array(alternativeValue).optional(),
  basis: valueBasis.optional(),
  sample: sampleInfo.optional(),
});

export const food = named(
  'Food',
  z.strictObject({
    id: z.string(),
    name: z.string(),
    group: z.string(),
    nutrients: byNutrient(storedNutrient),
    unknownReasons: byNutrient(z.string()).optional(),
    portions: z.array(portion),
  }),
  'A food as stored: values per 100 g in canonical units with their sources.',
);

export const customFoodsResponse = named('CustomFoods', z.strictObject({ foods: z.array(food) }));

export const foodDescription = named(
  'FoodDescription',
  z.strictObject({
    id: z.string(),
    name: z.string(),
    group: z.string(),
    nutrients: byNutrient(
      z.strictObject({
        per100g: z.number(),
        unit: z.string(),
        source: sourceRef,
        range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
        approximate: z.boolean().optional(),
        alternatives: z.array(alternativeValue).optional(),
        basis: z.enum(['measured', 'measured (other sample)', 'inferred', 'unknown']).optional(),
        sample: sampleInfo.optional(),
        derived: z.literal(true).optional(),
        partial: z
          .literal(true)
          .optional()
          .describe('A lower bound: a component or some ingredients had no value.'),
        coverage: ingredientCoverage.optional(),
        per100gIu: z.number().optional(),
      }),
    ),
    unknownReasons: byNutrient(z.string()).optional(),
    portions: z.array(portion),
  }),
  'Known nutrients per 100 g in registry order (derived ones marked), and portions.',
);

export const topFoodsResponse = named(
  'TopFoods',
  z.strictObject({
    nutrient: nutrientId,
    per: z.enum(['100g', 'serving', '100kcal']),
    pattern: z.enum(['omnivore', 'pescatarian', 'vegetarian', 'vegan']).optional(),
    results: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        group: z.string(),
        amount: z.number(),
        unit: nutrientUnit,
        per: z.enum(['100g', 'serving', '100kcal']),
        portion: portion.optional(),
        partial: z.boolean().optional(),
      }),
    ),
  }),
);

// Profile

/**
 * The profile as entered (supplements in IU stay in IU): the input shape of the profile parser,
 * which rejects unknown fields. Not in `components`: it has transforms, so the document takes
 * its input shape (openapi.ts).
 */
export const profileResponse = profileSchema;

// Diary

const labRange = {
  low: z.number().optional(),
  high: z.number().optional(),
};
export const labResult = named(
  'LabResult',
  z.strictObject({
    id: z.number().int(),
    date: z.string(),
    test: z.string().describe('Lab test id: inr, egfr, potassium, calcium, 25-oh-d, …'),
    value: z.number().describe("In the test's canonical unit."),
    unit: z.string().describe('The canonical unit.'),
    ...labRange,
    original: z
      .strictObject({ value: z.number(), unit: z.string(), ...labRange })
      .describe('As entered, before conversion.'),
    createdAt: z.string(),
    assessment: z
      .strictObject({
        status: z.enum(['low', 'in-range', 'high']).optional(),
        ...labRange,
        rangeKind: z
          .enum(['own', 'lab-range', 'guideline', 'target'])
          .optional()
          .describe("own: the person's lab range; otherwise the kind of the cited default."),
        rangeSource: sourceRef.optional(),
        category: z
          .strictObject({
            code: z.string(),
            label: z.string(),
            min: z.number().optional(),
            below: z.number().optional(),
          })
          .optional(),
      })
      .describe("Against the person's own range when entered, else the cited default."),
  }),
  'A lab result converted to its canonical unit, the entry kept, with where it sits.',
);

export const labsResponse = named(
  'LabsResponse',
  z.strictObject({ labs: z.array(labResult) }),
  'Lab results by date, then in the order entered.',
);

const takenSupplement = z.strictObject({
  nutrient: nutrientId,
  amount: z.number().describe("In the nutrient's canonical unit."),
  unit: z.string(),
  entered: z.string().optional().describe('As entered: "1000 IU".'),
});

export const supplementDay = named(
  'SupplementDay',
  z.strictObject({
    date: z.string(),
    supplements: z.array(takenSupplement).describe('Everything taken that day; empty: nothing.'),
    source: z
      .enum(['logged', 'profile'])
      .describe("logged: the person's record; profile: the regimen, no record that day."),
    updatedAt: z.string().optional().describe('When a logged day was last written.'),
  }),
);

export const supplementDaysResponse = named(
  'SupplementDays',
  z.strictObject({
    regimen: z.array(takenSupplement).describe("The profile's supplements: a day not logged."),
    days: z.array(supplementDay),
  }),
  'With from and to: every date of the range; otherwise the logged days.',
);

export const diaryEntry = named(
  'DiaryEntry',
  z.strictObject({
    id: z.number().int(),
    date: z.string(),
    food: z.string(),
    amount: z.number(),
    unit: z.string(),
    meal: z
      .enum(DIARY_MEALS)
      .optional()
      .describe('The meal slot; absent when the entry is not assigned to one.'),
    createdAt: z.string(),
    updatedAt: z.string(),
    name: z.string().optional().describe('Absent when the food no longer exists.'),
    grams: z.number().optional().describe('Absent when the food or unit no longer resolves.'),
  }),
);

export const diaryResponse = named(
  'Diary',
  z.strictObject({
    from: z.string().optional(),
    to: z.string().optional(),
    days: z.array(z.strictObject({ date: z.string(), entries: z.array(diaryEntry) })),
  }),
);

const quickFood = z.strictObject({
  food: z.string(),
  name: z.string(),
  amount: z.number().describe('The amount of the last entry of the food.'),
  unit: z.string(),
  meal: z.enum(DIARY_MEALS).optional().describe('The meal slot of the last entry, if it had one.'),
  count: z.number().int().describe('Entries of the food in the whole diary.'),
  lastDate: z.string(),
});

export const recentFoodsResponse = named(
  'RecentFoods',
  z.strictObject({
    recent: z.array(quickFood).describe('By the date last logged, newest first.'),
    frequent: z.array(quickFood).describe('By entry count, most first, then by recency.'),
  }),
  "The owner's logged foods to log again with their last amount, unit and meal.",
);

export const copiedDayResponse = named(
  'CopiedDay',
  z.strictObject({ from: z.string(), to: z.string(), entries: z.array(diaryEntry) }),
);

// Targets, analysis, findings

const targetKind = z.enum(['RDA', 'AI', 'UL', 'CDRR', 'guidance']);
const appliesTo = z.enum(['total', 'supplements', 'food']);

export const targetsResponse = named(
  'PersonalTargets',
  z.strictObject({
    energyKcal: z.number(),
    energySource: z.enum(['profile', 'mifflin-st-jeor', 'dri-default']),
    authority: z.enum(['nasem', 'efsa']),
    targets: z.array(
      z.strictObject({
        nutrient: nutrientId,
        unit: nutrientUnit,
        kind: targetKind,
        bound: z.enum(['min', 'max']),
        value: z.number(),
        appliesTo,
        source: sourceRef,
        override: z.boolean().optional(),
        findingId: z
          .string()
          .optional()
          .describe('Set when a safety finding replaced or added this target (its id).'),
        note: z.string().optional(),
      }),
    ),
    context: z.array(
      z.strictObject({ nutrient: nutrientId, message: z.string(), source: sourceRef }),
    ),
    notes: z.array(z.string()).optional(),
    notApplicable: z
      .array(
        z.strictObject({
          nutrient: nutrientId,
          bound: z.enum(['min', 'max']),
          kind: targetKind,
          value: z.number(),
          reason: z.string(),
          findingId: z.string(),
          source: sourceRef,
        }),
      )
      .optional()
      .describe('Reference targets a finding says do not apply (e.g. the potassium AI in CKD).'),
  }),
);

const nutrientTotal = {
  amount: z.number(),
  unit: nutrientUnit,
  coverage: z.number().describe('Share of entries whose food has a known value (0..1).'),
  partial: z.number().optional(),
  coverageBasis: z
    .strictObject({ measured: z.number(), inferred: z.number(), unknown: z.number() })
    .optional()
    .describe('Coverage split by how values reached the foods (shares 0..1, adding up to 1).'),
};

const assessedTotal = z.strictObject({
  ...nutrientTotal,
  target: z.number().optional(),
  targetKind: targetKind.optional(),
  percent: z.number().optional(),
  limit: z.number().optional(),
  limitKind: targetKind.optional(),
  limitAppliesTo: appliesTo.optional(),
  overLimit: z.boolean().optional(),
  supplement: z.number().optional(),
  intake: z.number().optional(),
});

const balanceIndexFields = {
  id: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  referenceRange: z.strictObject({
    min: z.number().optional(),
    max: z.number().optional(),
    text: z.string(),
  }),
  status: z.enum(['within', 'below', 'above', 'flag', 'info', 'unknown']),
  source: sourceRef,
  evidence: z.string(),
  inputs: z.record(
    z.string(),
    z.strictObject({
      amount: z.number().nullable(),
      unit: z.string(),
      coverage: z.number().optional(),
      supplement: z.number().optional(),
    }),
  ),
};
const balanceIndex = z.strictObject(balanceIndexFields);
const dayAmount = z.strictObject({ date: z.string(), amountUg: z.number() });

export const analysisResponse = named(
  'Analysis',
  z.strictObject({
    from: z.string().optional(),
    to: z.string().optional(),
    days: z.array(
      z.strictObject({
        date: z.string(),
        entries: z.array(
          z.strictObject({
            foodId: z.string(),
            name: z.string(),
            amount: z.number(),
            unit: z.string(),
            grams: z.number(),
          }),
        ),
        totals: byNutrient(z.strictObject(nutrientTotal)),
      }),
    ),
    average: byNutrient(assessedTotal).describe(
      'Average per day; with a profile each is assessed against its target and limit.',
    ),
    contributors: byNutrient(
      z.array(
        z.strictObject({
          foodId: z.string(),
          name: z.string(),
          amount: z.number(),
          share: z.number(),
        }),
      ),
    ),
    balance: z
      .strictObject({
        dVsK2: balanceIndex,
        caMg: balanceIndex,
        naK: balanceIndex,
        caP: balanceIndex,
        vitaminKConsistency: z
          .strictObject({
            ...balanceIndexFields,
            details: z.strictObject({
              daysWithData: z.number(),
              daysWithoutData: z.array(z.string()),
              meanUg: z.number().optional(),
              sdUg: z.number().optional(),
              cvPercent: z.number().optional(),
              largestSwings: z.array(
                z.strictObject({ from: z.string(), to: z.string(), changeUg: z.number() }),
              ),
              highestDay: dayAmount.optional(),
              lowestDay: dayAmount.optional(),
            }),
          })
          .optional(),
      })
      .optional()
      .describe('Only with a saved profile.'),
    targets: targetsResponse.optional().describe('Only with a saved profile.'),
  }),
);

export const finding = named(
  'Finding',
  z.strictObject({
    id: z.string(),
    severity: z.enum(['avoid', 'caution', 'monitor', 'info']),
    trigger: z.string(),
    nutrient: nutrientId.nullable(),
    message: z.string(),
    action: z.string(),
    sources: z.array(sourceRef),
  }),
);

const cause = {
  findingId: z.string(),
  source: sourceRef,
  reason: z.string(),
};

/** What the planner, targets and suggestions obey because of a finding (docs/design.md §11). */
export const consequence = named(
  'Consequence',
  z.discriminatedUnion('type', [
    z.strictObject({
      ...cause,
      type: z.literal('exclude'),
      nutrient: nutrientId,
      atLeastPer100g: z.number(),
    }),
    z.strictObject({ ...cause, type: z.literal('exclude-tag'), tag: z.string() }),
    z.strictObject({
      ...cause,
      type: z.literal('cap'),
      nutrient: nutrientId,
      scope: z.enum(['food', 'supplement', 'both']),
      value: z.number(),
    }),
    z.strictObject({
      ...cause,
      type: z.literal('replaceTarget'),
      nutrient: nutrientId,
      bound: z.enum(['min', 'max']),
      value: z.union([z.number(), z.literal('not-applicable')]),
    }),
    z.strictObject({
      ...cause,
      type: z.literal('holdConsistent'),
      nutrient: nutrientId,
      band: z.number(),
      reference: z.number().optional(),
    }),
    z.strictObject({
      ...cause,
      type: z.literal('withholdSupplement'),
      nutrient: z.union([nutrientId, z.literal('all')]),
    }),
  ]),
);

export const findingsResponse = named(
  'Findings',
  z.strictObject({
    findings: z.array(finding),
    consequences: z.array(consequence).optional(),
  }),
);

// Evidence

const certainty = z.enum(['high', 'moderate', 'low', 'very-low', 'insufficient']);
const direction = z.enum(['benefit', 'null', 'harm', 'mixed']);
const evidenceNutrientId = z.enum(EVIDENCE_NUTRIENT_IDS);
const gradedSummary = z.strictObject({
  summary: z.string(),
  grade: certainty,
  direction: z.union([direction, z.literal('none')]),
  studies: z.array(z.string()),
  claim: z.string(),
});

const claim = z.strictObject({
  id: z.string(),
  nutrient: evidenceNutrientId,
  kind: z.enum(['mechanism', 'reversal', 'prevention', 'harm', 'food']),
  statement: z.string(),
  grade: certainty,
  direction: z.union([direction, z.literal('none')]),
  outcome: z.string(),
  exposure: z.string().optional(),
  studies: z.array(z.string()),
  rationale: z.string(),
});

const study = z.strictObject({
  id: z.string(),
  label: z.string(),
  title: z.string(),
  firstAuthor: z.string().nullable(),
  year: z.number().nullable(),
  journal: z.string().optional(),
  design: z.string(),
  designDetail: z.string(),
  population: z.string(),
  n: z.number().nullable(),
  nDetail: z.string().optional(),
  duration: z.string().optional(),
  dose: z.string().optional(),
  outcome: z.string(),
  result: z.string(),
  direction: z.union([direction, z.literal('unknown')]),
  effects: z.array(
    z.strictObject({
      outcome: z.string(),
      direction,
      nutrient: evidenceNutrientId.optional(),
      exposure: z.string().optional(),
      regression: z.boolean().optional(),
      subgroup: z.boolean().optional(),
    }),
  ),
  pmid: z.string().nullable(),
  doi: z.string().nullable(),
  noIdentifier: z.string().optional(),
  identifierNote: z.string().optional(),
  url: z.string().optional(),
  funding: z.string().optional(),
  verified: z.strictObject({ result: z.boolean(), title: z.boolean() }),
});

export const evidenceResponse = named(
  'Evidence',
  z.strictObject({
    nutrients: z.array(
      z.strictObject({
        id: evidenceNutrientId,
        name: z.string(),
        mechanism: z.string(),
        reversal: gradedSummary,
        prevention: gradedSummary,
        foodRole: z.enum(['sources', 'limit']),
        foods: z.array(z.string()),
        topFoodsCommand: z.string().optional(),
        cautions: z.array(z.string()),
        nutrientIds: z.array(nutrientId),
        claims: z.array(claim),
      }),
    ),
    studies: z.array(study),
    disclaimer: z.string(),
  }),
);

export const faqResponse = named(
  'Faq',
  z.strictObject({
    questions: z.array(
      z.strictObject({ question: z.string(), answer: z.string(), studies: z.array(z.string()) }),
    ),
    disclaimer: z.string(),
  }),
);

// Plans

const planItem = z.strictObject({
  foodId: z.string(),
  name: z.string(),
  grams: z.number(),
  portion: z.string(),
  meal: z.enum([...MEALS, 'logged']),
  cook: z
    .literal(true)
    .optional()
    .describe(
      'Not eaten raw: cook it (the food data may have only raw values; the meal fat is counted).',
    ),
  change: z.enum(['logged', 'added', 'removed']).optional(),
});

const planResultFields = {
  status: z.enum(['optimal', 'effort-limit', 'infeasible', 'failed', 'cancelled']),
  failure: z.string().optional().describe('What went wrong (failed or cancelled).'),
  gap: z
    .number()
    .optional()
    .describe('Largest relative MIP gap over the days not proved optimal (absent when all were).'),
  gapAbs: z.number().optional().describe('Sum over the days of objective minus proved bound.'),
  objective: z.number().optional(),
  days: z.array(
    z.strictObject({
      day: z.number().int(),
      date: z.string().optional(),
      meals: z.partialRecord(z.enum([...MEALS, 'logged']), z.array(planItem)),
      items: z.array(planItem),
      totals: byNutrient(
        z.strictObject({ amount: z.number(), unit: nutrientUnit, coverage: z.number() }),
      ),
      solve: z
        .strictObject({
          status: z.enum(['optimal', 'effort-limit', 'repaired']),
          gap: z.number().optional(),
        })
        .optional()
        .describe("How the day's MIP ended; a gap only when it was not proved optimal."),
    }),
  ),
  shopping: z
    .array(
      z.strictObject({
        foodId: z.string(),
        name: z.string(),
        grams: z.number(),
        household: z.string(),
      }),
    )
    .optional()
    .describe("The whole plan's food to buy, summed over the days."),
  unusedRecipes: z
    .array(z.strictObject({ id: z.string(), name: z.string(), reason: z.string() }))
    .optional()
    .describe(
      "The person's recipes not offered to the planner as dishes, and why (an ingredient outside the curated pantry has unknown allergens and diet patterns).",
    ),
  unmet: z.array(
    z.strictObject({
      nutrient: nutrientId,
      unit: nutrientUnit,
      target: z.number(),
      achieved: z.number(),
      foodUnknown: z
        .literal(true)
        .optional()
        .describe(
          'The food data has no value for this nutrient (iodine in SR24): the amount from food is unknown, not zero; achieved counts supplements only.',
        ),
      reason: z.string(),
    }),
  ),
  supplements: z.array(
    z.strictObject({
      nutrient: nutrientId,
      suggestedAmount: z.number(),
      unit: nutrientUnit,
      reason: z.string(),
      note: z.literal('to discuss with your clinician'),
      caution: z.string().optional(),
    }),
  ),
  explanation: z.strictObject({
    foods: z.array(
      z.strictObject({ foodId: z.string(), name: z.string(), serves: z.array(nutrientId) }),
    ),
    binding: z.array(z.string()),
    short: z.array(z.string()),
    limits: z.array(
      z.strictObject({
        name: z.string(),
        nutrient: nutrientId.optional(),
        max: z.number(),
        label: z.string(),
        source: sourceRef.optional(),
        unknownRule: z.string().optional(),
      }),
    ),
    candidates: z.number(),
  }),
  diagnosis: z
    .strictObject({
      conflicts: z.array(z.strictObject({ name: z.string(), description: z.string() })),
      relax: z.array(z.string()),
    })
    .optional(),
  solve: z.strictObject({
    nodes: z.number().describe('Branch-and-bound nodes over every solve (deterministic).'),
    iterations: z.number().describe('Simplex iterations over every solve (deterministic).'),
    candidates: z.number(),
    cols: z.number(),
    rows: z.number(),
  }),
  disclaimer: z.string(),
};

const planRequestEcho = z
  .strictObject({
    days: z.number().int(),
    base: z.union([z.string(), z.array(z.string())]).optional(),
    startDate: z.string().optional(),
  })
  .describe('The request the plan was made from.');

export const planResponse = named(
  'Plan',
  z.strictObject({
    ...planResultFields,
    id: z.string(),
    createdAt: z.string(),
    request: planRequestEcho,
  }),
  'A saved plan: the planner result (days with meals, unmet minimums, supplement suggestions, explanation, solve statistics) with its id, time and request.',
);

export const planErrorResponse = named(
  'PlanError',
  z.strictObject({ ...planResultFields, error: errorResponse.shape.error }),
  'No plan: the error with the planner result (an infeasible plan carries its diagnosis).',
);

export const planJobResponse = named(
  'PlanJob',
  z.strictObject({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done', 'cancelled']),
    location: z.string().describe('Where to poll the job.'),
    cancelled: z.enum(['client', 'timeout', 'shutdown']).optional(),
    planId: z.string().optional().describe('The saved plan, when the job made one.'),
    status: z.enum(['optimal', 'effort-limit', 'infeasible', 'failed', 'cancelled']).optional(),
    plan: z
      .union([planResponse, z.strictObject(planResultFields)])
      .optional()
      .describe('When done: the saved plan, or the result without a plan (with its diagnosis).'),
    error: errorResponse.shape.error.optional(),
  }),
  'A plan as a job: poll its location until state is done or cancelled.',
);

export const planListResponse = named(
  'PlanList',
  z.strictObject({
    plans: z.array(
      z.strictObject({
        id: z.string(),
        createdAt: z.string(),
        status: z.enum(['optimal', 'effort-limit', 'infeasible', 'failed', 'cancelled']),
        days: z.number().int().optional(),
        request: planRequestEcho,
      }),
    ),
  }),
);

export const appliedPlanResponse = named(
  'AppliedPlan',
  z.strictObject({
    planId: z.string(),
    startDate: z.string(),
    alreadyApplied: z
      .boolean()
      .describe('Every day of the plan was already on its date: nothing was stored.'),
    days: z.array(
      z.strictObject({
        day: z.number().int().describe('0-based day of the plan.'),
        date: z.string(),
        added: z.number().int().describe('Entries stored now.'),
        existing: z
          .number()
          .int()
          .describe('Entries this plan day had already written on that date (then none is added).'),
      }),
    ),
    entries: z.array(diaryEntry).describe('The entries stored by this request.'),
  }),
);

export const planApplicationResponse = named(
  'PlanApplication',
  z.strictObject({
    planId: z.string(),
    suggestedStartDate: z.string().describe('Where day 1 goes when no startDate is given.'),
    suggestedBecause: z
      .enum(['applied', 'plan-dates', 'unlogged'])
      .describe(
        'applied: where the plan was added before; plan-dates: the logged days a close-my-gaps plan completes; unlogged: the first run of dates from today with nothing logged.',
      ),
    applied: z
      .array(z.strictObject({ day: z.number().int(), date: z.string(), entries: z.number().int() }))
      .describe('The plan days already in the diary, by date.'),
  }),
);

const reviewItem = z.strictObject({
  name: z.string().describe('The food name as the file has it.'),
  unit: z.string(),
  rows: z.number().int(),
  firstLine: z.number().int(),
  status: z.enum(['matched', 'own-food', 'ambiguous']),
  food: z.string().describe('The food the entries link to (the imported own food unless matched).'),
  foodName: z.string(),
  candidates: z.array(z.strictObject({ id: z.string(), name: z.string(), score: z.number() })),
  use: z.string().optional(),
  applied: z.string().optional(),
});

export const trackerImportReport = named(
  'TrackerImportReport',
  z.strictObject({
    file: z.string(),
    layout: z.enum(['cronometer-servings', 'cronometer-daily', 'myfitnesspal-meals']),
    importId: z
      .string()
      .describe('Stable for the same file: importing it again replaces its rows.'),
    dryRun: z.boolean(),
    stored: z
      .strictObject({
        foods: z.number().int(),
        entries: z.number().int(),
        replacedFoods: z.number().int(),
        replacedEntries: z.number().int(),
      })
      .optional()
      .describe('Absent on a dry run: nothing stored.'),
    rows: z.number().int(),
    days: z.number().int(),
    from: z.string().optional(),
    to: z.string().optional(),
    matched: z.array(reviewItem),
    ownFood: z.array(reviewItem),
    ambiguous: z.array(reviewItem),
    rejected: z.array(
      z.strictObject({ line: z.number().int(), name: z.string().optional(), reason: z.string() }),
    ),
    columns: z.strictObject({
      read: z.array(z.string()),
      ignored: z.array(z.strictObject({ header: z.string(), reason: z.string() })),
    }),
    totalsOnly: z.boolean(),
    unknown: z.array(z.string()),
    totals: z.array(
      z.strictObject({
        nutrient: nutrientId,
        file: z.number(),
        imported: z.number(),
        difference: z.number(),
        filledByFood: z.number(),
        unknownInFood: z.number().int(),
        changedByMapping: z.boolean(),
      }),
    ),
    review: z.strictObject({
      format: z.literal('calcwise-import-review'),
      version: z.literal(1),
      file: z.string(),
      importId: z.string(),
      items: z.array(reviewItem),
    }),
  }),
  'A tracker export read against the food data: each food name matched, kept as own food or ambiguous (with candidates), rejected rows with why, and the totals check.',
);

const reportRow = z.strictObject({
  nutrient: nutrientId,
  name: z.string(),
  unit: z.string(),
  food: z.number().nullable().describe('Daily average from food; null when no value is known.'),
  supplement: z.number(),
  target: z.number().optional(),
  targetKind: z.string().optional(),
  percent: z.number().optional(),
  limit: z.number().optional(),
  limitKind: z.string().optional(),
  limitAppliesTo: z.enum(['total', 'supplements', 'food']).optional(),
  overLimit: z.boolean(),
  coverage: z.number(),
  coverageBasis: z
    .strictObject({ measured: z.number(), inferred: z.number(), unknown: z.number() })
    .optional(),
  notApplicable: z.string().optional(),
});

/** The clinician report (src/app/report.ts), as the PDF renders it. */
export const clinicianReport = named(
  'ClinicianReport',
  z.strictObject({
    generatedOn: z.string(),
    period: z.strictObject({
      from: z.string(),
      to: z.string(),
      days: z.number().int(),
      loggedDays: z.number().int(),
      entries: z.number().int(),
    }),
    authority: z.enum(['nasem', 'efsa']),
    profile: z
      .array(z.strictObject({ label: z.string(), value: z.string() }))
      .optional()
      .describe('The profile in words; absent when none is saved.'),
    panel: z.array(reportRow),
    other: z.array(reportRow),
    findings: z.array(
      z.strictObject({
        severity: z.enum(['avoid', 'caution', 'monitor', 'info']),
        message: z.string(),
        action: z.string(),
        because: z.string(),
        references: z.array(z.number().int()),
      }),
    ),
    references: z.array(z.string()),
    coverage: z.array(z.string()),
    plan: z
      .strictObject({
        createdAt: z.string(),
        status: z.string(),
        days: z.array(z.strictObject({ label: z.string(), foods: z.array(z.string()) })),
        supplements: z.array(z.string()),
      })
      .optional(),
    labs: z
      .array(
        z.strictObject({
          date: z.string(),
          test: z.string(),
          value: z.number(),
          unit: z.string(),
          low: z.number().optional(),
          high: z.number().optional(),
        }),
      )
      .optional()
      .describe('Results in the period, by test then date (a trend per test).'),
    disclaimer: z.string(),
  }),
  'The report for a clinician: profile, intakes against targets, findings, labs.',
);

export const sharedReportResponse = named(
  'SharedReport',
  z.strictObject({
    share: z.strictObject({
      from: z.string(),
      to: z.string(),
      expiresAt: z.string().describe('After this the link opens nothing.'),
    }),
    report: clinicianReport,
  }),
  'What a share link opens: its terms and the report for its period, read-only.',
);

const shareFields = {
  id: z.string(),
  from: z.string().describe("The report's period, YYYY-MM-DD."),
  to: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  state: z.enum(['active', 'revoked', 'expired']),
  accesses: z.number().int().describe('How often the link was opened.'),
  lastAccessAt: z.string().nullable(),
};

export const share = named(
  'Share',
  z.strictObject(shareFields),
  'A read-only share of the clinician report, as its owner sees it (no token).',
);

export const createdShare = named(
  'CreatedShare',
  z.strictObject({
    ...shareFields,
    token: z
      .string()
      .describe('The bearer token, 256 bits base64url: shown this once, only its hash is kept.'),
    url: z.string().describe('The share page: whoever has it reads the report until expiry.'),
  }),
);

export const sharesResponse = named('Shares', z.strictObject({ shares: z.array(share) }));

export const shareAccessesResponse = named(
  'ShareAccesses',
  z.strictObject({
    accesses: z.array(
      z.strictObject({
        at: z.string(),
        resource: z.enum(['report', 'pdf']),
        client: z.string().nullable().describe("The client's address, when known."),
        userAgent: z.string().nullable().describe('Truncated to 200 characters.'),
      }),
    ),
  }),
  'Each opening of a share link, oldest first.',
);
// Recipes

const recipeView = z.strictObject({
  id: z.string().describe('recipe:<slug>; usable in the diary as a food (units serving, g).'),
  name: z.string(),
  servings: z.number(),
  cookedGrams: z.number().optional(),
  createdAt: z.string(),
  ingredients: z.array(
    z.strictObject({
      food: z.string(),
      amount: z.number(),
      unit: z.string(),
      name: z.string().optional(),
      grams: z.number().optional(),
    }),
  ),
  ingredientGrams: z.number().optional(),
  totalGrams: z.number().optional().describe('Cooked weight when given, else ingredientGrams.'),
  servingGrams: z.number().optional(),
  food: foodDescription
    .optional()
    .describe('Values per 100 g rolled up from the ingredients, each with its coverage.'),
  problem: z
    .string()
    .optional()
    .describe('Why the recipe cannot be rolled up now (an ingredient deleted since).'),
});

export const recipe = named(
  'Recipe',
  recipeView,
  'A recipe as entered, its weights, and its values per 100 g from its ingredients.',
);

export const recipesResponse = named('Recipes', z.strictObject({ recipes: z.array(recipe) }));
