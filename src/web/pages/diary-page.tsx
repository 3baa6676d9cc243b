import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import type { DiaryEntryRow, DiaryMeal, Food, FoodHit, QuickFood } from '../api-types.js';
import { AmountFields, MASS_UNITS } from '../components/amount-fields.js';
import { DaySummary } from '../components/day-summary.js';
import { DaySupplements } from '../components/day-supplements.js';
import { FoodSearch } from '../components/food-search.js';
import { groupByMeal, MEALS, MealSelect, mealAt } from '../components/meal-select.js';
import { QuickFoods } from '../components/quick-foods.js';
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
  const quick = useAsync(() => api.recentFoods(), []);
  const foods = useFoodNames(entries.data);
  const changed = () => {
    entries.reload();
    quick.reload();
  };
  /** The entry just deleted, until it is restored or another one is deleted (Undo). */
  const [deleted, setDeleted] = useState<DiaryEntryRow & { name: string }>();
  const [undoStatus, setUndoStatus] = useState('');
  const [undoError, setUndoError] = useState<Error>();
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (deleted) undoButton.current?.focus();
  }, [deleted]);
  useEffect(() => {
    setDeleted(undefined);
    setUndoStatus('');
  }, [date]);
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
      changed();
      focusInAddCard('input[type="search"]');
    } catch (error) {
      setAddError(error as Error);
    }
  };

  // Logs a recent or frequent food again with its last amount and unit, into the chosen meal.
  const quickAdd = async (food: QuickFood) => {
    setAddError(undefined);
    try {
      await api.addEntry({
        date,
        food: food.food,
        amount: food.amount,
        unit: food.unit,
        ...(meal && { meal }),
      });
      setNotice(
        `Added ${formatAmount(food.amount)} ${food.unit} of ${food.name}${meal ? ` to ${meal}` : ''}.`,
      );
      changed();
      focusInAddCard('input[type="search"]');
    } catch (error) {
      setAddError(error as Error);
    }
  };

  const onDeleted = (entry: DiaryEntryRow, name: string) => {
    setUndoError(undefined);
    setUndoStatus(`Deleted ${name}${entry.meal ? ` from ${entry.meal}` : ''}.`);
    setDeleted({ ...entry, name });
    changed();
  };

  // Restores the deleted entry as it was (date, meal, amount, unit, place); the key makes a second
  // press of Undo answer the same entry instead of logging it twice.
  const undo = async () => {
    if (!deleted) return;
    setUndoError(undefined);
    try {
      await api.addEntry(
        {
          date: deleted.date ?? date,
          food: deleted.food,
          amount: deleted.amount,
          unit: deleted.unit,
          ...(deleted.meal && { meal: deleted.meal }),
          // Back in its place among the day's entries, not last.
          ...(deleted.createdAt && { createdAt: deleted.createdAt }),
        },
        `undo-delete-${deleted.id}`,
      );
      setUndoStatus(`Restored ${deleted.name}.`);
      setDeleted(undefined);
      changed();
      focusInAddCard('input[type="search"]');
    } catch (error) {
      setUndoError(error as Error);
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
        <div className="inline add-meal">
          <MealSelect value={meal} onChange={setMeal} />
        </div>
        <FoodSearch
          label="Search foods"
          onPick={pick}
          whenEmpty={
            picked ? undefined : (
              <QuickFoods
                recent={quick.data?.recent ?? []}
                frequent={quick.data?.frequent ?? []}
                meal={meal}
                onAdd={quickAdd}
              />
            )
          }
        />
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
        <div className="undo-line">
          <p role="status" className="ok">
            {undoStatus}
          </p>
          {deleted ? (
            <button type="button" ref={undoButton} onClick={undo}>
              Undo
            </button>
          ) : null}
        </div>
        <ErrorMessage error={undoError} title="The entry was not restored." />
        {entries.data && entries.data.length === 0 ? (
          <>
            <p className="muted">Nothing logged on this day yet.</p>
            <CopyYesterday
              date={date}
              onCopied={(n, from) => {
                setDeleted(undefined);
                setUndoStatus(`Copied ${n} ${n === 1 ? 'entry' : 'entries'} from ${from}.`);
                changed();
                focusInAddCard('input[type="search"]');
              }}
            />
          </>
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
                      onChanged={changed}
                      onDeleted={onDeleted}
                    />
                  ))}
                </ul>
                {group.meal ? <CopyMeal from={date} meal={group.meal} label={group.label} /> : null}
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

      <DaySupplements date={date} />
    </section>
  );
}

function EntryRow({
  entry,
  food,
  onChanged,
  onDeleted,
}: {
  entry: DiaryEntryRow;
  food: Food | undefined;
  onChanged: () => void;
  onDeleted: (entry: DiaryEntryRow, name: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState(String(entry.amount));
  const [unit, setUnit] = useState(entry.unit);
  const [meal, setMeal] = useState<DiaryMeal | ''>(entry.meal ?? '');
  /** Another food picked in the edit form (saved with the amount and unit). */
  const [otherFood, setOtherFood] = useState<Food>();
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<Error>();
  const row = useRef<HTMLLIElement>(null);
  const name = entry.name ?? food?.name ?? entry.food;
  const focusInRow = (selector: string) =>
    requestAnimationFrame(() => row.current?.querySelector<HTMLElement>(selector)?.focus());
  useEffect(() => {
    if (choosing) focusInRow('.food-search input[type="search"]');
  }, [choosing]);

  const startEditing = () => {
    setAmount(String(entry.amount));
    setUnit(entry.unit);
    setMeal(entry.meal ?? '');
    setOtherFood(undefined);
    setChoosing(false);
    setEditing(true);
    focusInRow('form input[name="amount"]');
  };
  const stopEditing = () => {
    setEditing(false);
    setChoosing(false);
    focusInRow('button.edit');
  };

  // Keeps the unit when the new food has it too; else its first portion, or the grams logged.
  const pickFood = async (hit: FoodHit) => {
    setError(undefined);
    try {
      const next = await loadFood(hit.id);
      setOtherFood(next);
      setChoosing(false);
      if (!MASS_UNITS.includes(unit) && !next.portions.some((p) => p.name === unit)) {
        const first = next.portions[0];
        if (first) {
          setAmount(String(first.amount));
          setUnit(first.name);
        } else {
          setAmount(String(Math.round(entry.grams ?? 100)));
          setUnit('g');
        }
      }
      focusInRow('form input[name="amount"]');
    } catch (e) {
      setError(e as Error);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.patchEntry(entry.id, {
        ...(otherFood && otherFood.id !== entry.food && { food: otherFood.id }),
        amount: Number(amount),
        unit,
        meal: meal || null,
      });
      setEditing(false);
      setChoosing(false);
      onChanged();
      focusInRow('button.edit');
    } catch (e) {
      setError(e as Error);
    }
  };
  const remove = async () => {
    setError(undefined);
    try {
      await api.deleteEntry(entry.id);
      onDeleted(entry, name);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <li className="entry" ref={row}>
      {editing ? (
        <>
          <form className="inline edit-entry" onSubmit={save} aria-label={`Edit ${name}`}>
            <span className="entry-name">
              {otherFood ? (
                <>
                  <strong>{otherFood.name}</strong>{' '}
                  <span className="muted small">(was {name})</span>
                </>
              ) : (
                name
              )}
            </span>
            <AmountFields
              food={otherFood ?? food}
              amount={amount}
              unit={unit}
              onAmount={setAmount}
              onUnit={setUnit}
            />
            <MealSelect value={meal} onChange={setMeal} />
            <button type="button" onClick={() => setChoosing(!choosing)} aria-expanded={choosing}>
              Change food
            </button>
            <button type="submit" className="primary">
              Save
            </button>
            <button type="button" onClick={stopEditing}>
              Cancel
            </button>
          </form>
          {choosing ? (
            <FoodSearch label={`Another food instead of ${name}`} onPick={pickFood} />
          ) : null}
        </>
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
            <button
              type="button"
              className="edit"
              onClick={startEditing}
              aria-label={`Edit ${name}`}
            >
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

/** "Copy to…" under a meal: that meal's entries to another date, into the same or another meal. */
function CopyMeal({ from, meal, label }: { from: string; meal: DiaryMeal; label: string }) {
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState(addDays(from, 1));
  const [into, setInto] = useState<DiaryMeal>(meal);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<Error>();
  const box = useRef<HTMLDivElement>(null);
  const focusIn = (selector: string) =>
    requestAnimationFrame(() => box.current?.querySelector<HTMLElement>(selector)?.focus());
  useEffect(() => {
    setTo(addDays(from, 1));
    setOpen(false);
  }, [from]);

  const copy = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const copied = await api.copyDay(from, to, meal, into === meal ? undefined : into);
      const n = copied.entries.length;
      setStatus(
        `Copied ${n} ${n === 1 ? 'entry' : 'entries'} of ${label.toLowerCase()} to ${into} on ${to}.`,
      );
      setOpen(false);
      focusIn('button.copy-meal');
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <div className="meal-copy" ref={box}>
      {open ? (
        <form className="inline" onSubmit={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          <label>
            Copy {label.toLowerCase()} to
            <input
              name="copyMealTo"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              required
            />
          </label>
          <label>
            Into
            <select
              name="toMeal"
              value={into}
              onChange={(e) => setInto(e.target.value as DiaryMeal)}
            >
              {MEALS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Copy</button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              focusIn('button.copy-meal');
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="copy-meal small"
          onClick={() => {
            setStatus('');
            setOpen(true);
            focusIn('input[name="copyMealTo"]');
          }}
        >
          Copy {label.toLowerCase()} to…
        </button>
      )}
      <span role="status" className="ok small">
        {status}
      </span>
      <ErrorMessage error={error} title={`${label} was not copied.`} />
    </div>
  );
}

/** On an empty day: log the day before again, every entry in its meal. */
function CopyYesterday({
  date,
  onCopied,
}: {
  date: string;
  onCopied: (entries: number, from: string) => void;
}) {
  const [error, setError] = useState<Error>();
  const yesterday = addDays(date, -1);
  useEffect(() => setError(undefined), [date]);
  const copy = async () => {
    setError(undefined);
    try {
      const copied = await api.copyDay(yesterday, date);
      onCopied(copied.entries.length, yesterday);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="copy-yesterday">
      <button type="button" onClick={copy}>
        Copy the day before ({yesterday})
      </button>
      <ErrorMessage error={error} title="Nothing was copied." />
    </div>
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
