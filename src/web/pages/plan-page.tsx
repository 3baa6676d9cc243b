import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import type { PlanDay, PlanItem, PlanJobView, PlanResponse } from '../api-types.js';
import { DataView } from '../components/data-view.js';
import { PlanExplanation } from '../components/plan-explanation.js';
import { ErrorMessage } from '../components/status.js';
import { formatAmount, nutrientName, todayIso, useAsync } from '../lib.js';
import { href } from '../router.js';

const MEAL_ORDER = ['breakfast', 'lunch', 'dinner', 'snack', 'snacks'];

function portionText(item: PlanItem): string {
  if (!item.portion) return '';
  if (typeof item.portion === 'string') return item.portion;
  const { amount, name } = item.portion;
  return [amount !== undefined ? formatAmount(amount) : '', name ?? ''].join(' ').trim();
}

/** "1 cup (120 g)": the portion when it already names its grams, else portion · grams. */
function amountText(item: PlanItem): string {
  const portion = portionText(item);
  const grams = formatAmount(item.grams, 'g');
  if (!portion) return grams;
  return /\d\s*g\)?\s*$/.test(portion) ? portion : `${portion} · ${grams}`;
}

function byMeal(items: PlanItem[]): [string, PlanItem[]][] {
  const groups = new Map<string, PlanItem[]>();
  for (const item of items) {
    const meal = item.meal ?? 'any time';
    groups.set(meal, [...(groups.get(meal) ?? []), item]);
  }
  const rank = (meal: string) => {
    const index = MEAL_ORDER.indexOf(meal);
    return index === -1 ? MEAL_ORDER.length : index;
  };
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

function supplementText(value: unknown): { text: string; reason?: string } {
  if (typeof value === 'string') return { text: value };
  const s = value as {
    nutrient?: string;
    amount?: number;
    suggestedAmount?: number;
    unit?: string;
    form?: string;
    reason?: string;
    message?: string;
    note?: string;
  };
  const amount = s.suggestedAmount ?? s.amount;
  const dose = amount !== undefined ? ` ${formatAmount(amount, s.unit ?? '')} a day` : '';
  const name = s.nutrient ? nutrientName(s.nutrient) : 'Supplement';
  const text = `${name}${s.form ? ` (${s.form})` : ''}${dose}`;
  const reason = [s.reason ?? s.message, s.note]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.replace(/\.\s*$/, ''))
    .join('; ');
  return reason ? { text, reason } : { text };
}

const POLL_MS = 500;

/** Polls a plan job until it ends: the plan, or the job's error as an ApiError (as POST would). */
async function pollJob(job: PlanJobView): Promise<PlanResponse> {
  let current = job;
  while (current.state === 'queued' || current.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = await api.planJob(job.location);
  }
  if (current.error || !current.plan) {
    const error = current.error ?? { code: 'SOLVER_FAILED', message: 'no plan was made' };
    const status = error.code === 'INFEASIBLE_PLAN' ? 422 : error.code === 'BUSY' ? 503 : 500;
    throw new ApiError(status, error.code, error.message, undefined, {
      error,
      ...(current.plan?.diagnosis !== undefined && { diagnosis: current.plan.diagnosis }),
    });
  }
  return current.plan;
}

/** "applied" when the plan is in the diary already: the message says nothing was added again. */
function appliedText(result: {
  startDate: string;
  alreadyApplied: boolean;
  entries: unknown[];
}): string {
  if (result.alreadyApplied) {
    return `This plan is already in your diary from ${result.startDate}; nothing was added again.`;
  }
  return `The plan was added to your diary from ${result.startDate} (${result.entries.length} foods).`;
}

/** `planId`: a saved plan to open (`#/plan/<id>`), so a plan outlives leaving the page. */
export function PlanPage({ planId }: { planId?: string | undefined }) {
  const [days, setDays] = useState('1');
  const [keepLogged, setKeepLogged] = useState(false);
  const [baseDate, setBaseDate] = useState(todayIso);
  const [plan, setPlan] = useState<PlanResponse>();
  const [error, setError] = useState<Error>();
  const [diagnosis, setDiagnosis] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [startDate, setStartDate] = useState(todayIso);
  const [applied, setApplied] = useState('');
  const [applyError, setApplyError] = useState<Error>();
  const [inDiary, setInDiary] = useState<{ date: string }[]>([]);
  const saved = useAsync(() => api.plans(), []);

  // A saved plan named in the address: load it unless it is the one on screen.
  useEffect(() => {
    if (planId === undefined || String(plan?.id) === planId) return;
    setError(undefined);
    setApplied('');
    api.plan(planId).then(
      (loaded) => setPlan(loaded as PlanResponse),
      (e: unknown) => setError(e as Error),
    );
  }, [planId]);

  // Where "Add to diary" would put the plan: where it went before, else the next unlogged dates;
  // a date the person already typed for this plan stays.
  const startTouched = useRef(false);
  useEffect(() => {
    if (plan?.id === undefined) return;
    startTouched.current = false;
    let current = true;
    api.planApplication(String(plan.id)).then(
      (where) => {
        if (!current) return;
        if (!startTouched.current) setStartDate(where.suggestedStartDate);
        setInDiary(where.applied);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [plan?.id]);

  const generate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDiagnosis(undefined);
    setApplied('');
    setPlan(undefined);
    try {
      const created = await api.createPlan(Number(days), keepLogged ? baseDate : undefined);
      // 202: the plan is a job still solving; poll it until it is done.
      const made = 'location' in created && 'state' in created ? await pollJob(created) : created;
      setPlan(made);
      // The address names the plan, so going back to it (or reloading) shows it again.
      if (made.id !== undefined)
        window.history.replaceState(null, '', href('plan', String(made.id)));
      saved.reload();
    } catch (e) {
      setError(e as Error);
      if (e instanceof ApiError && e.status === 422) {
        const body = e.body as { diagnosis?: unknown; error?: { diagnosis?: unknown } } | undefined;
        setDiagnosis(body?.diagnosis ?? body?.error?.diagnosis ?? body);
      }
    } finally {
      setBusy(false);
    }
  };

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    if (plan?.id === undefined) return;
    setApplyError(undefined);
    setApplied('');
    try {
      const result = await api.applyPlan(plan.id, startDate);
      setApplied(appliedText(result));
      setInDiary((await api.planApplication(String(plan.id))).applied);
    } catch (e) {
      setApplyError(e as Error);
    }
  };

  return (
    <section aria-labelledby="plan-title">
      <h1 id="plan-title">Food-first plan</h1>
      <p>
        calcwise chooses everyday foods and portions that meet your targets within your safety
        limits, pattern, allergies and dislikes. Supplements are never part of the plan.
      </p>
      <form className="inline card" onSubmit={generate}>
        <label>
          Number of days
          <input
            name="days"
            type="number"
            min={1}
            max={14}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            required
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="keepLogged"
            checked={keepLogged}
            onChange={(e) => setKeepLogged(e.target.checked)}
          />
          Close my gaps: keep what I logged and add the fewest foods
        </label>
        {keepLogged ? (
          <label>
            Logged day to keep
            <input
              name="baseDate"
              type="date"
              value={baseDate}
              onChange={(e) => setBaseDate(e.target.value)}
              required
            />
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Generating…' : 'Generate plan'}
        </button>
        <span role="status" className="muted">
          {busy ? 'Solving; this can take a few seconds.' : ''}
        </span>
      </form>
      <ErrorMessage
        error={error}
        title={diagnosis ? 'No plan meets every constraint.' : 'No plan was made.'}
      />
      {diagnosis ? (
        <div className="card">
          <h2>Why no plan was found</h2>
          <DataView
            data={
              typeof diagnosis === 'object' ? (diagnosis as Record<string, unknown>) : { diagnosis }
            }
          />
        </div>
      ) : null}
      <SavedPlans
        plans={saved.data?.plans}
        openId={plan?.id === undefined ? undefined : String(plan.id)}
      />
      {plan ? <PlanView plan={plan} /> : null}
      {plan && plan.id !== undefined ? (
        <form className="inline card" onSubmit={apply} aria-label="Add the plan to the diary">
          <label>
            Start date
            <input
              name="startDate"
              type="date"
              value={startDate}
              onChange={(e) => {
                startTouched.current = true;
                setStartDate(e.target.value);
              }}
              required
            />
          </label>
          <button type="submit" className="primary">
            Add to diary
          </button>
          {inDiary.length ? (
            <span className="small muted">
              Already in your diary on {[...new Set(inDiary.map((d) => d.date))].join(', ')}: adding
              it there again changes nothing.
            </span>
          ) : null}
          {plan.days.some((d) => d.items.some((i) => i.change === 'logged')) ? (
            <span className="small muted">
              Only the added foods are logged; what you logged stays as it is, and nothing is
              removed.
            </span>
          ) : null}
          <span role="status" className="ok">
            {applied}
          </span>
          {applied ? <a href={href('diary', startDate)}>Open the diary on {startDate}</a> : null}
          <ErrorMessage error={applyError} title="The plan was not added to the diary." />
        </form>
      ) : null}
    </section>
  );
}

type PlanSummary = Awaited<ReturnType<typeof api.plans>>['plans'][number];

/** The saved plans, newest first: each opens at its own address. */
function SavedPlans({ plans, openId }: { plans: PlanSummary[] | undefined; openId?: string }) {
  if (!plans || plans.length === 0) return null;
  return (
    <details className="card saved-plans" open={openId === undefined}>
      <summary>
        <h2>Saved plans ({plans.length})</h2>
      </summary>
      <ul aria-label="Saved plans">
        {plans.map((p) => {
          const made = new Date(p.createdAt);
          const when = Number.isNaN(made.getTime())
            ? p.createdAt
            : made.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
          const label = `${when} · ${p.days ?? '?'} day${p.days === 1 ? '' : 's'} · ${p.status}`;
          return (
            <li key={p.id}>
              {p.id === openId ? (
                <strong aria-current="true">{label} (shown)</strong>
              ) : (
                <a href={href('plan', p.id)}>{label}</a>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function PlanView({ plan }: { plan: PlanResponse }) {
  const explanation = plan.explanation;
  return (
    <>
      <p>
        Status: <strong>{plan.status}</strong>
        {plan.status === 'effort-limit' ? (
          <span className="muted">
            {' '}
            — on some days the solver stopped at its effort limit with a plan that keeps every limit
            but may not be the best possible
            {typeof plan.gap === 'number' ? ` (gap up to ${formatAmount(plan.gap * 100)} %)` : ''}.
          </span>
        ) : null}
      </p>
      <div className="plan-days">
        {plan.days.map((day, index) => (
          <PlanDayView key={index} day={day} index={index} />
        ))}
      </div>
      {plan.shopping && plan.shopping.length ? (
        <div className="card">
          <h2>Shopping list</h2>
          <ul aria-label="Shopping list">
            {plan.shopping.map((s) => (
              <li key={s.foodId}>
                {s.household} — {s.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.unusedRecipes && plan.unusedRecipes.length ? (
        <div className="card">
          <h2>Your recipes not offered to the plan</h2>
          <ul aria-label="Recipes not offered">
            {plan.unusedRecipes.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong> — {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="card">
        <h2>Still short</h2>
        {plan.unmet && plan.unmet.length ? (
          <ul>
            {plan.unmet.map((u, index) => (
              <li key={index}>
                <strong>{nutrientName(u.nutrient)}</strong>:{' '}
                {u.foodUnknown
                  ? `unknown from food (not in the food data)${(u.achieved ?? 0) > 0 ? `, ${formatAmount(u.achieved, u.unit ?? '')} from supplements` : ''}; target ${formatAmount(u.target, u.unit ?? '')}`
                  : `${formatAmount(u.achieved, u.unit ?? '')} of ${formatAmount(u.target, u.unit ?? '')}`}
                {u.reason ? ` — ${u.reason}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>Every target is met by food.</p>
        )}
      </div>
      <div className="card">
        <h2>Supplements to discuss with your clinician</h2>
        {plan.supplements && plan.supplements.length ? (
          <ul>
            {plan.supplements.map((s, index) => {
              const { text, reason } = supplementText(s);
              return (
                <li key={index}>
                  <strong>{text}</strong>
                  {reason ? ` — ${reason}` : ''}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">No supplement suggestion.</p>
        )}
        <p className="small">
          These are suggestions to discuss with your clinician, not prescriptions.
        </p>
      </div>
      {explanation ? (
        <div className="card">
          <h2>Why these foods</h2>
          <PlanExplanation explanation={explanation} />
        </div>
      ) : null}
    </>
  );
}

function PlanDayView({ day, index }: { day: PlanDay; index: number }) {
  const energy = day.totals?.energy;
  return (
    <div className="card plan-day">
      <h2>
        Day {day.day ?? index + 1}
        {day.date ? ` · ${day.date}` : ''}
        {energy ? (
          <span className="muted small"> · {formatAmount(energy.amount, energy.unit)}</span>
        ) : null}
      </h2>
      <div className="meals">
        {byMeal(day.items).map(([meal, items]) => (
          <div key={meal} className="meal">
            <h3>{meal.charAt(0).toUpperCase() + meal.slice(1)}</h3>
            <ul>
              {items.map((item, i) => (
                <li
                  key={`${item.foodId}-${i}`}
                  className={item.change ? `change-${item.change}` : undefined}
                >
                  <a href={href('food', item.foodId)}>{item.name}</a>{' '}
                  <span className="muted">{amountText(item)}</span>
                  {item.cook ? <span className="muted"> — cook it</span> : null}
                  {item.change ? (
                    <span className={`tag tag-${item.change}`}>
                      {item.change === 'logged'
                        ? 'already logged'
                        : item.change === 'added'
                          ? 'added'
                          : 'suggested to remove'}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
