import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import type { DiaryEntryRow, DiaryMeal, Food, FoodHit } from '../api-types.js';
import { AmountFields } from '../components/amount-fields.js';
import { DaySummary } from '../components/day-summary.js';
import { FoodSearch } from '../components/food-search.js';
import { groupByMeal, MealSelect, mealAt } from '../components/meal-select.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { loadFood } from '../food-cache.js';
import { addDays, formatAmount, todayIso, useAsync } from '../lib.js';
import { href } from '../router.js';

function useFoodNames(entries: DiaryEntryRow[] | undefined): Record<string, Food> {
  const [foods, setFoods] = useState<Record<string, Food>>({});
  useEffect(() => {
    for (const id of new Set((entries ?? []).map((e) => e.food))) {
      if (foods[id]) continue;
      loadFood(id).then(
        (food) => setFoods((all) => ({ ...all, [id]: food })),
        () => undefined,
      );
    }
    // Keyed on the set of food ids.
  }, [(entries ?? []).map((e) => e.food).join('|')]);
  return foods;
}

/** `initialDate`: the day to open (`#/diary/2026-12-01`, e.g. from the plan page); else today. */
export function DiaryPage({ initialDate }: { initialDate?: string | undefined } = {}) {
  const [date, setDate] = useState(() =>
    initialDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(initialDate) ? initialDate : todayIso(),
  );
  const entries = useAsync(() => api.diary(date, date), [date]);
  const foods = useFoodNames(entries.data);
  const [picked, setPicked] = useState<Food>();
  const [amount, setAmount] = useState('100');
  const [unit, setUnit] = useState('g');
  // The meal of the time of day to start with; a choice then sticks for the next foods.
  const [meal, setMeal] = useState<DiaryMeal | ''>(() => mealAt(new Date()));
  const [addError, setAddError] = useState<Error>();
  const [notice, setNotice] = useState('');
  const addCard = useRef<HTMLDivElement>(null);
  // Focus follows the task (WCAG 2.4.3): to the amount once a food is picked, back to the search
  // once it is added or cancelled, so the next food can be typed straight away.
  const focusInAddCard = (selector: string) =>
    requestAnimationFrame(() => addCard.current?.querySelector<HTMLElement>(selector)?.focus());
  useEffect(() => {
    if (picked) focusInAddCard('form.add-entry input[name="amount"]');
  }, [picked]);

  const pick = async (hit: FoodHit) => {
    setAddError(undefined);
    try {
      const food = await loadFood(hit.id);
      setPicked(food);
      const first = food.portions[0];
      if (first) {
        setAmount(String(first.amount));
        setUnit(first.name);
      } else {
        setAmount('100');
        setUnit('g');
      }
    } catch (error) {
      setAddError(error as Error);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    setAddError(undefined);
    try {
      await api.addEntry({
        date,
        food: picked.id,
        amount: Number(amount),
        unit,
        ...(meal && { meal }),
      });
      setNotice(`Added ${amount} ${unit} of ${picked.name}${meal ? ` to ${meal}` : ''}.`);
      setPicked(undefined);
      entries.reload();
      focusInAddCard('input[type="search"]');
    } catch (error) {
      setAddError(error as Error);
    }
  };

  return (
    <section aria-labelledby="diary-title">
      <h1 id="diary-title">Diary</h1>
      <div className="inline day-picker">
        <button type="button" onClick={() => setDate(addDays(date, -1))} aria-label="Previous day">
          ‹
        </button>
        <label>
          Day
          <input
            name="date"
            type="date"
            value={date}
            required
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
        </label>
        <button type="button" onClick={() => setDate(addDays(date, 1))} aria-label="Next day">
          ›
        </button>
        <button type="button" onClick={() => setDate(todayIso())}>
          Today
        </button>
      </div>

      <div className="card" ref={addCard}>
        <h2>Add a food</h2>
        <FoodSearch label="Search foods" onPick={pick} />
        {picked ? (
          <form className="inline add-entry" onSubmit={add} aria-label={`Add ${picked.name}`}>
            <p className="picked">
              <strong>{picked.name}</strong>{' '}
              <a href={href('food', picked.id)} className="small">
                details
              </a>
            </p>
            <AmountFields
              food={picked}
              amount={amount}
              unit={unit}
              onAmount={setAmount}
              onUnit={setUnit}
            />
            <MealSelect value={meal} onChange={setMeal} />
            <button type="submit" className="primary">
              Add to {date}
            </button>
            <button
              type="button"
              onClick={() => {
                setPicked(undefined);
                focusInAddCard('input[type="search"]');
              }}
            >
              Cancel
            </button>
          </form>
        ) : null}
        <ErrorMessage error={addError} title="The entry was not added." />
        <p role="status" className="ok">
          {notice}
        </p>
      </div>

      <div className="card">
        <h2>Foods on {date}</h2>
        {entries.loading && !entries.data ? <Loading what="the diary" /> : null}
        <ErrorMessage error={entries.error} title="Could not load the diary." />
        {entries.data && entries.data.length === 0 ? (
          <p className="muted">Nothing logged on this day yet.</p>
        ) : null}
        {entries.data && entries.data.length > 0
          ? groupByMeal(entries.data).map((group) => (
              <div className="meal-group" key={group.meal ?? 'none'}>
                <h3 id={`meal-${group.meal ?? 'none'}`}>{group.label}</h3>
                <ul className="entries" aria-labelledby={`meal-${group.meal ?? 'none'}`}>
                  {group.entries.map((entry) => (
                    <EntryRow
                      key={entry.id}
                      entry={entry}
                      food={foods[entry.food]}
                      onChanged={entries.reload}
                    />
                  ))}
                </ul>
              </div>
            ))
          : null}
        {entries.data && entries.data.length > 0 ? (
          <DaySummary
            date={date}
            version={entries.data.map((e) => `${e.id}:${e.amount}:${e.unit}:${e.meal}`).join('|')}
          />
        ) : null}
        {entries.data && entries.data.length > 0 ? <CopyDay from={date} /> : null}
      </div>
    </section>
  );
}

function EntryRow({
  entry,
  food,
  onChanged,
}: {
  entry: DiaryEntryRow;
  food: Food | undefined;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState(String(entry.amount));
  const [unit, setUnit] = useState(entry.unit);
  const [meal, setMeal] = useState<DiaryMeal | ''>(entry.meal ?? '');
  const [error, setError] = useState<Error>();
  const name = entry.name ?? food?.name ?? entry.food;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.patchEntry(entry.id, { amount: Number(amount), unit, meal: meal || null });
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  const remove = async () => {
    setError(undefined);
    try {
      await api.deleteEntry(entry.id);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <li className="entry">
      {editing ? (
        <form className="inline" onSubmit={save} aria-label={`Edit ${name}`}>
          <span className="entry-name">{name}</span>
          <AmountFields
            food={food}
            amount={amount}
            unit={unit}
            onAmount={setAmount}
            onUnit={setUnit}
          />
          <MealSelect value={meal} onChange={setMeal} />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="entry-view">
          <span className="entry-name">
            <a href={href('food', entry.food)}>{name}</a>
          </span>
          <span className="entry-amount">
            {formatAmount(entry.amount)} {entry.unit}
            {entry.grams !== undefined && entry.unit !== 'g' ? (
              <span className="muted"> ({formatAmount(entry.grams, 'g')})</span>
            ) : null}
          </span>
          <span className="entry-actions">
            <button type="button" onClick={() => setEditing(true)} aria-label={`Edit ${name}`}>
              Edit
            </button>
            <button type="button" onClick={remove} aria-label={`Delete ${name}`}>
              Delete
            </button>
          </span>
        </div>
      )}
      <ErrorMessage error={error} title="The change was not saved." />
    </li>
  );
}

function CopyDay({ from }: { from: string }) {
  const [to, setTo] = useState(addDays(from, 1));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<Error>();
  useEffect(() => setTo(addDays(from, 1)), [from]);

  const copy = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    try {
      const copied = await api.copyDay(from, to);
      setStatus(`Copied ${copied.entries.length} entries to ${to}.`);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <form className="inline copy-day" onSubmit={copy} aria-label="Copy this day">
      <label>
        Copy this day to
        <input
          name="copyTo"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          required
        />
      </label>
      <button type="submit">Copy day</button>
      <span role="status" className="ok">
        {status}
      </span>
      <ErrorMessage error={error} title="The day was not copied." />
    </form>
  );
}
