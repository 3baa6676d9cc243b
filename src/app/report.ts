/**
 * The report a clinician reads (`calcwise report --pdf`, `GET /api/report.pdf`): the profile in
 * plain words, the calcification panel and the other intakes against the person's targets over a
 * period, the findings with their actions and sources, data coverage, the latest saved plan and
 * labs when there are any. Everything shown comes from the one policy (`assess`), so the report
 * never shows a target that a finding says does not apply. Rendering is `report-pdf.ts`.
 */
import type { Analysis } from '../core/analysis/index.js';
import type { AssessedTotal } from '../core/balance/index.js';
import { EVIDENCE_DISCLAIMER } from '../core/evidence/data/faq.js';
import type { FoodIndex } from '../core/foods.js';
import { DEFAULT_REGION } from '../core/k2.js';
import { getNutrient, isNutrientId, NUTRIENTS, type NutrientId } from '../core/nutrients.js';
import { assess } from '../core/policy/index.js';
import { getLabTest, LAB_TEST_IDS } from '../core/labs/index.js';
import type { Profile } from '../core/profile.js';
import { err, ok, type Result } from '../core/result.js';
import { CONDITION_LABELS, normalizeCondition } from '../core/safety/conditions.js';
import type { Finding, Severity } from '../core/safety/index.js';
import { classifyMedication, MEDICATION_CLASSES } from '../core/safety/medications.js';
import type { SourceRef } from '../core/sources.js';
import type { Authority } from '../core/targets/index.js';
import { analyseDiary, analysisDocument } from './analysis.js';
import type { AppDeps, DateRange } from './deps.js';
import { loadProfile } from './profile.js';
import { periodSupplements } from './supplement-days.js';
import type { SupplementExposure } from '../core/supplement-log.js';
import { loadStoredDiary } from './stored-diary.js';

export const REPORT_DISCLAIMER = EVIDENCE_DISCLAIMER;

/** The calcification panel, in the order a clinician scans it. */
export const REPORT_PANEL: readonly NutrientId[] = [
  'vitamin-k1',
  'mk4',
  'mk7',
  'vitamin-k2',
  'vitamin-k',
  'vitamin-d',
  'calcium',
  'magnesium',
  'phosphorus',
  'potassium',
  'sodium',
  'epa-dha',
  'omega-3',
];

/** The rest of the diet a clinician asks about, shown when a target or a value exists. */
export const REPORT_OTHER: readonly NutrientId[] = [
  'energy',
  'protein',
  'fiber',
  'saturated-fat',
  'vitamin-c',
  'folate',
  'vitamin-b12',
  'iron',
  'zinc',
];

const SHORT_NAMES: Partial<Record<NutrientId, string>> = {
  'vitamin-k1': 'Vitamin K1 (phylloquinone)',
  mk4: 'Vitamin K2 as MK-4',
  mk7: 'Vitamin K2 as MK-7',
  'vitamin-k2': 'Vitamin K2, all forms',
  'vitamin-k': 'Vitamin K, total (K1 + K2)',
  'epa-dha': 'EPA + DHA (omega-3)',
  'omega-3': 'Omega-3, total',
};

/** A nutrient as the report names it: "Vitamin K2 as MK-7", never "mk7". */
export function reportNutrientName(id: NutrientId): string {
  return SHORT_NAMES[id] ?? getNutrient(id).name;
}

export interface ReportRow {
  nutrient: NutrientId;
  name: string;
  unit: string;
  /** Daily average from food over the logged days; null when no logged food has a value. */
  food: number | null;
  supplement: number;
  target?: number;
  targetKind?: string;
  /** Intake (food + supplements) as % of the target. */
  percent?: number;
  limit?: number;
  limitKind?: string;
  limitAppliesTo?: 'total' | 'supplements' | 'food';
  overLimit: boolean;
  /** Share (0–1) of logged entries whose food has a value for the nutrient. */
  coverage: number;
  /** Vitamin K2: the share measured in the food itself and the share inferred from related foods. */
  coverageBasis?: { measured: number; inferred: number; unknown: number };
  /** Why the usual target does not apply (a finding set it aside). */
  notApplicable?: string;
}

export interface ReportFinding {
  severity: Severity;
  message: string;
  action: string;
  /** What set it off, in words: "condition: Chronic kidney disease, stage 3b". */
  because: string;
  /** Numbers into `references` (1-based). */
  references: number[];
}

export interface ReportPlanDay {
  label: string;
  foods: string[];
}

export interface ReportPlan {
  createdAt: string;
  status: string;
  days: ReportPlanDay[];
  supplements: string[];
}

/**
 * A lab result as the labs store keeps it (converted on entry), `test` in words ("eGFR"), with
 * the person's own range when they gave one.
 */
export interface ReportLab {
  date: string;
  test: string;
  value: number;
  unit: string;
  low?: number;
  high?: number;
}

export interface ClinicianReport {
  generatedOn: string;
  period: { from: string; to: string; days: number; loggedDays: number; entries: number };
  authority: Authority;
  /** Label and value, in words; absent when no profile has been saved. */
  profile?: { label: string; value: string }[];
  panel: ReportRow[];
  other: ReportRow[];
  findings: ReportFinding[];
  /** Short references the findings cite by number. */
  references: string[];
  coverage: string[];
  plan?: ReportPlan;
  labs?: ReportLab[];
  disclaimer: string;
}

export interface ReportInput extends DateRange {
  owner: string;
  authority?: Authority;
}

export interface ReportDeps extends Pick<AppDeps, 'store' | 'clock'> {
  foods: FoodIndex;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function daysBetween(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

/** The report's period: as given, else the logged range, else today. */
async function reportPeriod(
  deps: ReportDeps,
  input: ReportInput,
): Promise<Result<{ from: string; to: string }>> {
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && !isCalendarDate(value)) {
      return err({
        code: 'INVALID_DATE',
        message: `"${value}" is not a YYYY-MM-DD calendar date`,
        field,
      });
    }
  }
  if (input.from && input.to && input.from > input.to) {
    return err({ code: 'INVALID_DATE', message: '"from" must not be after "to"', field: 'from' });
  }
  const today = deps.clock().toISOString().slice(0, 10);
  let from = input.from;
  let to = input.to;
  if (!from || !to) {
    const logged = await deps.store.listEntries(input.owner, {
      ...(from && { from }),
      ...(to && { to }),
    });
    from ??= logged[0]?.date ?? to ?? today;
    to ??= logged.at(-1)?.date ?? (from > today ? from : today);
  }
  return ok({ from, to });
}

function conditionWords(code: string): string {
  const known = normalizeCondition(code);
  return known ? CONDITION_LABELS[known] : `${code} (not recognised by calcwise)`;
}

function medicationWords(name: string): string {
  const classes = classifyMedication(name);
  if (!classes) return `${name} (not recognised: not screened)`;
  return `${name} (${classes.map((c) => MEDICATION_CLASSES[c]).join(', ')})`;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const listed = (items: string[], none = 'none given') =>
  items.length > 0 ? items.join('; ') : none;
const number = (value: number) => String(Number(value.toPrecision(4)));

/** How the logged days differ from the regimen: each nutrient's average and highest day. */
function loggedSupplementsRow(exposure: SupplementExposure): { label: string; value: string } {
  const logged = exposure.days.filter((day) => day.source === 'logged').length;
  const parts = exposure.average.map((average) => {
    const peak = exposure.peak.find((p) => p.nutrient === average.nutrient);
    return `${reportNutrientName(average.nutrient)} ${number(average.amount)} ${average.unit} a day on average${peak && peak.amount !== average.amount ? `, up to ${number(peak.amount)} ${peak.unit}` : ''}`;
  });
  return {
    label: 'Supplements taken',
    value: `logged on ${logged} of ${exposure.days.length} days (other days: the regimen above): ${parts.length > 0 ? parts.join('; ') : 'none'}`,
  };
}

function profileRows(profile: Profile): { label: string; value: string }[] {
  const rows = [
    { label: 'Age, sex', value: `${profile.age}, ${profile.sex}` },
    ...(profile.lifeStage !== 'none'
      ? [{ label: 'Life stage', value: capitalised(profile.lifeStage) }]
      : []),
    ...(profile.weightKg !== undefined || profile.heightCm !== undefined
      ? [
          {
            label: 'Weight, height',
            value: `${profile.weightKg !== undefined ? `${number(profile.weightKg)} kg` : 'weight not given'}, ${profile.heightCm !== undefined ? `${number(profile.heightCm)} cm` : 'height not given'}`,
          },
        ]
      : []),
    { label: 'Smoker', value: profile.smoker ? 'yes' : 'no' },
    { label: 'Conditions', value: listed(profile.conditions.map(conditionWords)) },
    { label: 'Medications', value: listed(profile.medications.map(medicationWords)) },
    {
      label: 'Supplements',
      value: listed(
        profile.supplements.map(
          (s) =>
            `${reportNutrientName(s.nutrient)} ${s.entered ?? `${number(s.amount)} ${s.unit}`} a day`,
        ),
      ),
    },
    { label: 'Eating pattern', value: capitalised(profile.pattern) },
    {
      label: 'Excluded foods',
      value: listed(
        profile.exclude.map((g) => capitalised(g.replace('-', ' '))),
        'none',
      ),
    },
  ];
  const overrides = Object.entries(profile.targets).flatMap(([id, bounds]) => {
    if (!isNutrientId(id) || !bounds) return [];
    const unit = getNutrient(id).unit;
    const parts = [
      bounds.min !== undefined ? `at least ${number(bounds.min)} ${unit}` : undefined,
      bounds.max !== undefined ? `at most ${number(bounds.max)} ${unit}` : undefined,
    ].filter(Boolean);
    return [`${reportNutrientName(id)} ${parts.join(' and ')}`];
  });
  if (overrides.length > 0) {
    rows.push({ label: 'Targets set by the care team', value: overrides.join('; ') });
  }
  return rows;
}

function reportRow(
  id: NutrientId,
  cell: (AssessedTotal & { coverage: number }) | undefined,
  notApplicable: string | undefined,
): ReportRow {
  const known = cell !== undefined && cell.coverage > 0;
  return {
    nutrient: id,
    name: reportNutrientName(id),
    unit: cell?.unit ?? getNutrient(id).unit,
    food: known ? cell.amount : null,
    supplement: cell?.supplement ?? 0,
    ...(cell?.target !== undefined && { target: cell.target }),
    ...(cell?.targetKind !== undefined && { targetKind: cell.targetKind }),
    ...(cell?.percent !== undefined && { percent: cell.percent }),
    ...(cell?.limit !== undefined && { limit: cell.limit }),
    ...(cell?.limitKind !== undefined && { limitKind: cell.limitKind }),
    ...(cell?.limitAppliesTo !== undefined && { limitAppliesTo: cell.limitAppliesTo }),
    overLimit: cell?.overLimit === true,
    coverage: cell?.coverage ?? 0,
    ...(cell?.coverageBasis && { coverageBasis: cell.coverageBasis }),
    ...(notApplicable !== undefined && { notApplicable }),
  };
}

/** Codes as they may stand in a text: longest first, not inside another word or code. */
function codePattern(codes: readonly string[]): RegExp {
  const alternatives = [...codes].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?<![\\w-])(${alternatives})(?![\\w-])`, 'g');
}

const CODED = (code: string) => /[-0-9]/.test(code);
/** In a trigger ("condition: dialysis") every code; in prose only those no word looks like. */
const TRIGGER_CODES = codePattern([
  ...Object.keys(CONDITION_LABELS),
  ...[...NUTRIENTS.keys()].filter(CODED),
]);
const PROSE_CODES = codePattern(
  [...Object.keys(CONDITION_LABELS), ...NUTRIENTS.keys()].filter(CODED),
);

/** Condition codes and nutrient ids in a finding's text, in words ("ckd-3b" → its label). */
export function inWords(text: string, pattern: RegExp = PROSE_CODES): string {
  return text.replace(pattern, (code) =>
    code in CONDITION_LABELS
      ? CONDITION_LABELS[code as keyof typeof CONDITION_LABELS]
      : reportNutrientName(code as NutrientId),
  );
}

/** "Kamao 2007, PMID 17934244": a source as a short reference (web addresses left out). */
export function shortReference(source: SourceRef): string {
  const id = source.pmid
    ? `PMID ${source.pmid}`
    : source.doi
      ? `doi:${source.doi}`
      : source.record && source.dataset && source.dataset !== source.label
        ? `${source.dataset} #${source.record}`
        : undefined;
  return id ? `${source.label}, ${id}` : source.label;
}

/** A lab in a trigger as its test is named ("lab: inr 3.6 ratio" → "lab: INR 3.6 ratio"). */
function labNames(trigger: string): string {
  return LAB_TEST_IDS.reduce((text, id) => {
    const name = getLabTest(id).name;
    return text.replaceAll(`lab: ${name.toLowerCase()} `, `lab: ${name} `);
  }, trigger);
}

const SEVERITY_ORDER: readonly Severity[] = ['avoid', 'caution', 'monitor', 'info'];

function reportFindings(findings: readonly Finding[]): {
  findings: ReportFinding[];
  references: string[];
} {
  const references: string[] = [];
  const numberOf = (source: SourceRef) => {
    const text = shortReference(source);
    const index = references.indexOf(text);
    if (index >= 0) return index + 1;
    references.push(text);
    return references.length;
  };
  const sorted = [...findings].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  return {
    findings: sorted.map((f) => ({
      severity: f.severity,
      message: inWords(f.message),
      action: inWords(f.action),
      because: labNames(inWords(f.trigger, TRIGGER_CODES)),
      references: [...new Set(f.sources.map(numberOf))],
    })),
    references,
  };
}

const percentText = (share: number) => `${Math.round(share * 100)} %`;

function coverageLines(
  analysis: Analysis,
  period: ClinicianReport['period'],
  panel: readonly ReportRow[],
): string[] {
  if (period.entries === 0) {
    return [
      `No food was logged from ${period.from} to ${period.to}: intakes are unknown, not zero.`,
    ];
  }
  const lines = [
    `${period.loggedDays} of the ${period.days} days from ${period.from} to ${period.to} have food logged (${period.entries} entries); averages are over the logged days.`,
  ];
  const k2 = panel.find((r) => r.nutrient === 'vitamin-k2');
  if (k2?.coverageBasis) {
    lines.push(
      `Vitamin K2: ${percentText(k2.coverageBasis.measured)} of entries have a measured value, ${percentText(k2.coverageBasis.inferred)} inferred from related foods, ${percentText(k2.coverageBasis.unknown)} unknown; the true intake is likely higher than shown.`,
    );
  }
  const low = panel.filter((r) => r.coverage < 0.9 && r.nutrient !== 'vitamin-k2');
  if (low.length > 0) {
    lines.push(
      `Below 90 % coverage: ${low.map((r) => `${r.name} ${percentText(r.coverage)}`).join(', ')}.`,
    );
  }
  if (analysis.days.length > 0 && analysis.days.length < 3) {
    lines.push('Fewer than three logged days: the averages may not reflect the usual diet.');
  }
  return lines;
}

interface PlanItemLike {
  name?: unknown;
  portion?: unknown;
  grams?: unknown;
}

/** The newest saved plan, in words (its JSON is the planner's, docs/design.md §5). */
function planSummary(
  stored: { createdAt: string; result: unknown } | undefined,
): ReportPlan | undefined {
  if (!stored || typeof stored.result !== 'object' || stored.result === null) return undefined;
  const result = stored.result as {
    status?: unknown;
    days?: { day?: unknown; date?: unknown; items?: PlanItemLike[] }[];
    supplements?: { nutrient?: unknown; suggestedAmount?: unknown; unit?: unknown }[];
  };
  const days = Array.isArray(result.days) ? result.days : [];
  return {
    createdAt: stored.createdAt,
    status: typeof result.status === 'string' ? result.status : 'unknown',
    days: days.map((day, index) => ({
      label:
        typeof day.date === 'string'
          ? day.date
          : `Day ${typeof day.day === 'number' ? day.day : index + 1}`,
      foods: (Array.isArray(day.items) ? day.items : []).map((item) => {
        const name = typeof item.name === 'string' ? item.name : 'a food';
        const amount =
          typeof item.portion === 'string' && item.portion !== ''
            ? item.portion
            : typeof item.grams === 'number'
              ? `${Math.round(item.grams)} g`
              : '';
        return amount ? `${name}, ${amount}` : name;
      }),
    })),
    supplements: (Array.isArray(result.supplements) ? result.supplements : []).flatMap((s) =>
      typeof s.nutrient === 'string' &&
      isNutrientId(s.nutrient) &&
      typeof s.suggestedAmount === 'number'
        ? [
            `${reportNutrientName(s.nutrient)} ${number(s.suggestedAmount)} ${typeof s.unit === 'string' ? s.unit : ''} (to discuss with your clinician)`,
          ]
        : [],
    ),
  };
}

/** The report of an owner's period: `from`/`to` default to the logged range. */
export async function buildReport(
  deps: ReportDeps,
  input: ReportInput,
): Promise<Result<ClinicianReport>> {
  const period = await reportPeriod(deps, input);
  if (!period.ok) return period;
  const { from, to } = period.value;
  const authority = input.authority ?? 'nasem';
  const profile = await loadProfile(deps, input.owner);
  if (!profile.ok) return profile;
  const stored = await loadStoredDiary(deps, input.owner, { from, to });
  const analysis = analyseDiary(stored.diary, stored.foods, {
    region: profile.value?.region ?? DEFAULT_REGION,
  });
  if (!analysis.ok) return analysis;
  const storedLabs = await deps.store.listLabs(input.owner);
  // Supplements as logged: the average for adequacy, the highest day for the findings.
  const supplements = profile.value
    ? await periodSupplements(deps, input.owner, profile.value, analysis.value)
    : undefined;
  const assessment = supplements
    ? assess(supplements.safety, {
        authority,
        ...(analysis.value.days.length > 0 && { analysis: analysis.value }),
        // The latest result of each test up to the period's end informs the findings.
        ...(storedLabs.length > 0 && { labs: storedLabs.filter((l) => l.date <= to) }),
      })
    : undefined;
  const document = analysisDocument(analysis.value, supplements?.adequacy, assessment?.targets);
  const average = document.average as Partial<Record<NutrientId, AssessedTotal>>;
  const setAside = new Map(
    (assessment?.targets.notApplicable ?? [])
      .filter((t) => t.bound === 'min')
      .map((t) => [t.nutrient, t.reason]),
  );
  const row = (id: NutrientId) => reportRow(id, average[id], setAside.get(id));
  const panel = REPORT_PANEL.map(row);
  const other = REPORT_OTHER.map(row).filter(
    (r) => r.food !== null || r.target !== undefined || r.limit !== undefined,
  );
  const reportPeriodValue = {
    from,
    to,
    days: daysBetween(from, to),
    loggedDays: analysis.value.days.length,
    entries: stored.entries,
  };
  const { findings, references } = reportFindings(assessment?.findings ?? []);
  const [latestPlan] = await deps.store.listPlans(input.owner, 1);
  const plan = planSummary(latestPlan);
  // By test, then date: a test's results read as its trend.
  const inPeriod = storedLabs.filter((l) => l.date >= from && l.date <= to);
  const labs = inPeriod.length
    ? inPeriod
        .map((l): ReportLab => ({
          date: l.date,
          test: getLabTest(l.test).name,
          value: l.value,
          unit: l.unit,
          ...(l.low !== undefined && { low: l.low }),
          ...(l.high !== undefined && { high: l.high }),
        }))
        .sort((a, b) => a.test.localeCompare(b.test) || a.date.localeCompare(b.date))
    : undefined;
  return ok({
    generatedOn: deps.clock().toISOString().slice(0, 10),
    period: reportPeriodValue,
    authority,
    ...(profile.value && {
      profile: [
        ...profileRows(profile.value),
        ...(supplements?.exposure.logged ? [loggedSupplementsRow(supplements.exposure)] : []),
      ],
    }),
    panel,
    other,
    findings,
    references,
    coverage: coverageLines(analysis.value, reportPeriodValue, panel),
    ...(plan && { plan }),
    ...(labs && { labs }),
    disclaimer: REPORT_DISCLAIMER,
  });
}
