import { useState, type FormEvent } from 'react';
import { api, type CustomFoodInput, type StoredFood } from '../api.js';
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
}

/**
 * The form's values as the API takes them: a field left empty is unknown and is left out (never
 * sent as 0); anything else must be a number of at least 0. Fails naming the field.
 */
export function customFoodFromForm(form: {
  name: string;
  values: Record<string, string>;
  portions: { name: string; grams: string }[];
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
    portions.push({ name: row.name.trim(), amount: 1, grams });
  }
  return { ok: true, food: { slug: slugOf(name), name, nutrients, portions } };
}

/** `#/my-foods`: foods the person enters from a label, per 100 g; listed and deleted here. */
export function MyFoodsPage() {
  const foods = useAsync(() => api.customFoods(), []);
  const [deleteError, setDeleteError] = useState<Error>();
  const [notice, setNotice] = useState('');

  const remove = async (food: StoredFood) => {
    setDeleteError(undefined);
    try {
      await api.deleteCustomFood(food.id);
      setNotice(`Deleted ${food.name}.`);
      foods.reload();
    } catch (error) {
      setDeleteError(error as Error);
    }
  };

  return (
    <section aria-labelledby="my-foods-title">
      <h1 id="my-foods-title">My foods</h1>
      <p className="muted">
        Foods that are not in the bundled data, from their label or your own data. They appear in
        the diary&apos;s food search and can go into <a href={href('recipes')}>recipes</a>.
      </p>
      <CustomFoodForm
        onAdded={(food) => {
          setNotice(`Added ${food.name}.`);
          foods.reload();
        }}
      />
      <p role="status" className="ok">
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
          <ul className="entries my-foods-list">
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

function CustomFoodForm({ onAdded }: { onAdded: (food: { name: string }) => void }) {
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [portions, setPortions] = useState<PortionRow[]>([{ key: 0, name: '', grams: '' }]);
  const [error, setError] = useState<Error>();
  const [problem, setProblem] = useState('');

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
      const added = await api.addCustomFood(checked.food);
      setName('');
      setValues({});
      setPortions([{ key: Date.now(), name: '', grams: '' }]);
      onAdded(added);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <form className="card custom-food-form" onSubmit={submit} aria-labelledby="new-food-title">
      <h2 id="new-food-title">Add a food</h2>
      <label className="wide-field">
        Name
        <input
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
          sum of the forms entered (MK-4, MK-7); vitamin D in µg (1 µg = 40 IU).
        </p>
        <div className="grid nutrient-fields">
          {ENTRY_NUTRIENTS.map((id) => (
            <label key={id}>
              {nutrientName(id)} ({nutrientUnit(id)})
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
      <ErrorMessage error={error} title="The food was not added." />
      <div className="actions">
        <button type="submit" className="primary">
          Add food
        </button>
        <span className="muted small">
          Known now:{' '}
          {formatAmount(Object.values(values).filter((text) => text.trim() !== '').length)} of{' '}
          {ENTRY_NUTRIENTS.length}
        </span>
      </div>
    </form>
  );
}
