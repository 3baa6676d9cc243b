import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type CustomFoodInput, type StoredFood } from '../api.js';
import { forgetFood } from '../food-cache.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { formatAmount, nutrientName, nutrientUnit, portionLabel, useAsync } from '../lib.js';
import { href } from '../router.js';

/** The nutrients the form asks for, per 100 g; K2 is the sum of the forms entered. */
export const ENTRY_NUTRIENTS = [
  'energy',
  'protein',
  'fat',
  'saturated-fat',
  'carbohydrate',
  'fiber',
  'sugars',
  'calcium',
  'magnesium',
  'phosphorus',
  'potassium',
  'sodium',
  'vitamin-d',
  'vitamin-k1',
  'mk4',
  'mk7',
  'vitamin-k2',
] as const;

/** `custom:<slug>` from a name: lower-case letters, digits and dashes. */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'food';
}

interface PortionRow {
  key: number;
  name: string;
  grams: string;
  /** How many of the unit the grams are for; 1 unless an edited food says otherwise. */
  amount?: number;
}

/**
 * The form's values as the API takes them: a field left empty is unknown and is left out (never
 * sent as 0); anything else must be a number of at least 0. Fails naming the field.
 */
export function customFoodFromForm(form: {
  name: string;
  values: Record<string, string>;
  portions: { name: string; grams: string; amount?: number }[];
}): { ok: true; food: CustomFoodInput } | { ok: false; message: string } {
  const name = form.name.trim();
  if (!name) return { ok: false, message: 'Give the food a name.' };
  const nutrients: Record<string, number> = {};
  for (const [id, text] of Object.entries(form.values)) {
    if (text.trim() === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      return { ok: false, message: `${nutrientName(id)}: a number of at least 0, or empty.` };
    }
    nutrients[id] = value;
  }
  const portions: { name: string; amount: number; grams: number }[] = [];
  for (const [index, row] of form.portions.entries()) {
    if (row.name.trim() === '' && row.grams.trim() === '') continue;
    const grams = Number(row.grams);
    if (row.name.trim() === '' || !(grams > 0)) {
      return { ok: false, message: `Portion ${index + 1}: a name and its weight in grams.` };
    }
    portions.push({ name: row.name.trim(), amount: row.amount ?? 1, grams });
  }
  return { ok: true, food: { slug: slugOf(name), name, nutrients, portions } };
}

/** `#/my-foods`: foods the person enters from a label, per 100 g; listed, edited and deleted here. */
export function MyFoodsPage() {
  const foods = useAsync(() => api.customFoods(), []);
  const [deleteError, setDeleteError] = useState<Error>();
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<StoredFood>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const remove = async (food: StoredFood) => {
    setDeleteError(undefined);
    try {
      await api.deleteCustomFood(food.id);
      forgetFood(food.id);
      if (editing?.id === food.id) setEditing(undefined);
      setNotice(`Deleted ${food.name}.`);
      foods.reload();
    } catch (error) {
      setDeleteError(error as Error);
    }
  };
  /** Back to the food's Edit button, the place editing started from. */
  const cancel = (food: StoredFood) => {
    setEditing(undefined);
    requestAnimationFrame(() =>
      listRef.current
        ?.querySelector<HTMLButtonElement>(`button[data-edit="${CSS.escape(food.id)}"]`)
        ?.focus(),
    );
  };

  return (
    <section aria-labelledby="my-foods-title">
      <h1 id="my-foods-title">My foods</h1>
      <p className="muted">
        Foods that are not in the bundled data, from their label or your own data. They appear in
        the diary&apos;s food search and can go into <a href={href('recipes')}>recipes</a>.
      </p>
      <CustomFoodForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onCancel={() => editing && cancel(editing)}
        onSaved={(food, edited) => {
          setNotice(edited ? `Saved ${food.name}.` : `Added ${food.name}.`);
          if (edited) {
            forgetFood(food.id);
            setEditing(undefined);
            requestAnimationFrame(() => noticeRef.current?.focus());
          }
          foods.reload();
        }}
      />
      <p role="status" className="ok" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      <section className="card" aria-labelledby="my-foods-list-title">
        <h2 id="my-foods-list-title">Your foods</h2>
        {foods.loading && !foods.data ? <Loading what="your foods" /> : null}
        <ErrorMessage error={foods.error} title="Could not load your foods." />
        <ErrorMessage error={deleteError} title="The food was not deleted." />
        {foods.data && foods.data.foods.length === 0 ? (
          <p className="muted">No foods of your own yet.</p>
        ) : null}
        {foods.data && foods.data.foods.length > 0 ? (
          <ul className="entries my-foods-list" ref={listRef}>
            {foods.data.foods.map((food) => (
              <li key={food.id} className="entry">
                <div className="entry-view">
                  <span className="entry-name">
                    <a href={href('food', food.id)}>{food.name}</a>
                    <span className="muted small"> {food.id}</span>
                  </span>
                  <span className="small">
                    {Object.keys(food.nutrients).length} nutrients known
                    {food.portions.length
                      ? `; ${food.portions.map((portion) => portionLabel(portion)).join(', ')}`
                      : ''}
                  </span>
                  <span className="entry-actions">
                    <button
                      type="button"
                      data-edit={food.id}
                      onClick={() => setEditing(food)}
                      aria-label={`Edit ${food.name}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      onClick={() => remove(food)}
                      aria-label={`Delete ${food.name}`}
                    >
                      Delete
                    </button>
                  </span>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </section>
  );
}

/** The form's text for a stored food: its values on the form, its portions as rows. */
function formValues(food: StoredFood | undefined): {
  values: Record<string, string>;
  portions: PortionRow[];
} {
  if (!food) return { values: {}, portions: [{ key: 0, name: '', grams: '' }] };
  const values: Record<string, string> = {};
  for (const id of ENTRY_NUTRIENTS) {
    const value = food.nutrients[id];
    if (value) values[id] = String(value.per100g);
  }
  const portions = food.portions.map((portion, key) => ({
    key,
    name: portion.name,
    grams: String(portion.grams),
    amount: portion.amount,
  }));
  return {
    values,
    portions: portions.length > 0 ? portions : [{ key: 0, name: '', grams: '' }],
  };
}

/** Adds a food, or with `editing` fills in that food and saves it in place (its id stays). */
function CustomFoodForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: StoredFood | undefined;
  onSaved: (food: { id: string; name: string }, edited: boolean) => void;
  onCancel: () => void;
}) {
  const initial = formValues(editing);
  const [name, setName] = useState(editing?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>(initial.values);
  const [portions, setPortions] = useState<PortionRow[]>(initial.portions);
  const [error, setError] = useState<Error>();
  const [problem, setProblem] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  // Focus follows the task: editing starts at the food's name.
  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const checked = customFoodFromForm({ name, values, portions });
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem('');
    try {
      if (editing) {
        const { slug: _slug, ...food } = checked.food;
        // Values the form has no field for (an imported food's other nutrients) stay as they are.
        const kept = Object.fromEntries(
          Object.entries(editing.nutrients)
            .filter(([id]) => !(ENTRY_NUTRIENTS as readonly string[]).includes(id))
            .map(([id, value]) => [id, value.per100g]),
        );
        const saved = await api.updateCustomFood(editing.id, {
          ...food,
          group: editing.group,
          nutrients: { ...kept, ...food.nutrients },
        });
        onSaved(saved, true);
        return;
      }
      const added = await api.addCustomFood(checked.food);
      setName('');
      setValues({});
      setPortions([{ key: Date.now(), name: '', grams: '' }]);
      onSaved(added, false);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <form className="card custom-food-form" onSubmit={submit} aria-labelledby="new-food-title">
      <h2 id="new-food-title">{editing ? `Edit ${editing.name}` : 'Add a food'}</h2>
      {editing ? (
        <p className="muted small">
          Saving keeps the id {editing.id}: diary entries and recipes with this food use the new
          values.
        </p>
      ) : null}
      <label className="wide-field">
        Name
        <input
          ref={nameRef}
          name="name"
          value={name}
          required
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <fieldset>
        <legend>Per 100 g</legend>
        <p className="muted small" id="per-100g-hint">
          Leave a value empty when it is not known: it stays unknown, never zero. Vitamin K2 is the
          sum of the forms entered (MK-4, MK-7); a label that names no form goes in the K2 total,
          which counts only when no form is entered. Vitamin D in µg (1 µg = 40 IU).
        </p>
        <div className="grid nutrient-fields">
          {ENTRY_NUTRIENTS.map((id) => (
            <label key={id}>
              {id === 'vitamin-k2'
                ? 'Vitamin K2, total when the label names no form'
                : nutrientName(id)}{' '}
              ({nutrientUnit(id)})
              <input
                name={id}
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={values[id] ?? ''}
                aria-describedby="per-100g-hint"
                onChange={(event) => setValues({ ...values, [id]: event.target.value })}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Portions</legend>
        {portions.map((row, index) => (
          <div className="inline portion-row" key={row.key}>
            <label>
              Portion {index + 1} name
              <input
                name={`portion-${index}-name`}
                value={row.name}
                placeholder="e.g. pack"
                onChange={(event) =>
                  setPortions(
                    portions.map((p) =>
                      p.key === row.key ? { ...p, name: event.target.value } : p,
                    ),
                  )
                }
              />
            </label>
            <label>
              Portion {index + 1} grams
              <input
                name={`portion-${index}-grams`}
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={row.grams}
                onChange={(event) =>
                  setPortions(
                    portions.map((p) =>
                      p.key === row.key ? { ...p, grams: event.target.value } : p,
                    ),
                  )
                }
              />
            </label>
            {portions.length > 1 ? (
              <button
                type="button"
                onClick={() => setPortions(portions.filter((p) => p.key !== row.key))}
                aria-label={`Remove portion ${index + 1}`}
              >
                Remove
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          onClick={() => setPortions([...portions, { key: Date.now(), name: '', grams: '' }])}
        >
          Add a portion
        </button>
      </fieldset>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorMessage
        error={error}
        title={editing ? 'The food was not saved.' : 'The food was not added.'}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {editing ? 'Save changes' : 'Add food'}
        </button>
        {editing ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <span className="muted small">
          Known now:{' '}
          {formatAmount(Object.values(values).filter((text) => text.trim() !== '').length)} of{' '}
          {ENTRY_NUTRIENTS.length}
        </span>
      </div>
    </form>
  );
}
