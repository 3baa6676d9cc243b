import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type RecipeView } from '../api.js';
import type { Food, FoodHit } from '../api-types.js';
import { AmountFields, amountGrams } from '../components/amount-fields.js';
import { FoodSearch } from '../components/food-search.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { forgetFood, loadFood } from '../food-cache.js';
import { formatAmount, formatPercent, nutrientName, todayIso, useAsync } from '../lib.js';
import { href } from '../router.js';
import { slugOf } from './my-foods-page.js';

/** The values a recipe card shows per serving, in this order. */
export const RECIPE_NUTRIENTS = [
  'energy',
  'protein',
  'fat',
  'carbohydrate',
  'calcium',
  'magnesium',
  'potassium',
  'sodium',
  'vitamin-d',
  'vitamin-k1',
  'vitamin-k2',
  'mk7',
] as const;

interface IngredientRow {
  key: number;
  food: Food;
  amount: string;
  unit: string;
}

/** A recipe being edited, with its ingredients' foods loaded for the form. */
interface Editing {
  recipe: RecipeView;
  foods: Food[];
}

/** `#/recipes`: recipes made of foods in household amounts, by the serving. */
export function RecipesPage() {
  const recipes = useAsync(() => api.recipes(), []);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<Editing>();
  const [editError, setEditError] = useState<Error>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const listRef = useRef<HTMLElement>(null);

  const startEdit = async (recipe: RecipeView) => {
    setEditError(undefined);
    try {
      const foods = await Promise.all(recipe.ingredients.map((i) => loadFood(i.food)));
      setEditing({ recipe, foods });
    } catch (e) {
      setEditError(e as Error);
    }
  };
  /** Back to the recipe's Edit button, the place editing started from. */
  const cancel = (recipe: RecipeView) => {
    setEditing(undefined);
    requestAnimationFrame(() =>
      listRef.current
        ?.querySelector<HTMLButtonElement>(`button[data-edit="${CSS.escape(recipe.id)}"]`)
        ?.focus(),
    );
  };

  return (
    <section aria-labelledby="recipes-title">
      <h1 id="recipes-title">Recipes</h1>
      <p className="muted">
        A recipe&apos;s values come from its ingredients&apos; data. Where an ingredient has no
        value for a nutrient, the recipe&apos;s value is a lower bound and says how much of the
        recipe it covers. Log a recipe in the <a href={href('diary')}>diary</a> by the serving or in
        grams; your own foods are on <a href={href('my-foods')}>My foods</a>.
      </p>
      <RecipeForm
        key={editing?.recipe.id ?? 'new'}
        editing={editing}
        onCancel={() => editing && cancel(editing.recipe)}
        onSaved={(recipe, edited) => {
          setNotice(`Saved ${recipe.name}.`);
          if (edited) {
            forgetFood(recipe.id);
            setEditing(undefined);
            requestAnimationFrame(() => noticeRef.current?.focus());
          }
          recipes.reload();
        }}
      />
      <p role="status" className="ok" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      <ErrorMessage error={editError} title="The recipe could not be opened for editing." />
      <section aria-labelledby="recipe-list-title" ref={listRef}>
        <h2 id="recipe-list-title">Your recipes</h2>
        {recipes.loading && !recipes.data ? <Loading what="your recipes" /> : null}
        <ErrorMessage error={recipes.error} title="Could not load your recipes." />
        {recipes.data && recipes.data.recipes.length === 0 ? (
          <p className="muted">No recipes yet.</p>
        ) : null}
        {recipes.data?.recipes.map((recipe) => (
          <RecipeCard
            key={recipe.id}
            recipe={recipe}
            onEdit={() => startEdit(recipe)}
            onDeleted={() => {
              forgetFood(recipe.id);
              if (editing?.recipe.id === recipe.id) setEditing(undefined);
              recipes.reload();
            }}
          />
        ))}
      </section>
    </section>
  );
}

/** A new recipe, or with `editing` that recipe filled in and saved in place (its id stays). */
function RecipeForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: Editing | undefined;
  onSaved: (recipe: RecipeView, edited: boolean) => void;
  onCancel: () => void;
}) {
  const start = editing?.recipe;
  const [name, setName] = useState(start?.name ?? '');
  const [servings, setServings] = useState(start ? String(start.servings) : '1');
  const [cooked, setCooked] = useState(
    start?.cookedGrams !== undefined ? String(start.cookedGrams) : '',
  );
  const [rows, setRows] = useState<IngredientRow[]>(() =>
    (start?.ingredients ?? []).flatMap((ingredient, key) => {
      const food = editing?.foods[key];
      return food ? [{ key, food, amount: String(ingredient.amount), unit: ingredient.unit }] : [];
    }),
  );
  const [error, setError] = useState<Error>();
  const [problem, setProblem] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  // Focus follows the task: editing starts at the recipe's name.
  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  const pick = async (hit: FoodHit) => {
    setError(undefined);
    try {
      const food = await loadFood(hit.id);
      const first = food.portions[0];
      const key = Date.now();
      setRows((all) => [
        ...all,
        { key, food, amount: first ? String(first.amount) : '100', unit: first?.name ?? 'g' },
      ]);
      // Focus follows the task: to the new ingredient's amount.
      requestAnimationFrame(() =>
        list.current
          ?.querySelector<HTMLInputElement>(`[data-key="${key}"] input[name="amount"]`)
          ?.focus(),
      );
    } catch (e) {
      setError(e as Error);
    }
  };
  const update = (key: number, change: Partial<IngredientRow>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const weights = rows.map((row) => amountGrams(row.food, row.amount, row.unit));
  const total = weights.every((g) => g !== undefined)
    ? weights.reduce<number>((sum, g) => sum + (g ?? 0), 0)
    : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const trimmed = name.trim();
    if (!trimmed) return setProblem('Give the recipe a name.');
    if (rows.length === 0) return setProblem('Add at least one ingredient.');
    if (!(Number(servings) > 0)) return setProblem('Servings: a number greater than 0.');
    if (cooked.trim() !== '' && !(Number(cooked) > 0)) {
      return setProblem('Cooked weight: grams greater than 0, or empty.');
    }
    setProblem('');
    const recipe = {
      name: trimmed,
      servings: Number(servings),
      ...(cooked.trim() !== '' && { cookedGrams: Number(cooked) }),
      ingredients: rows.map((row) => ({
        food: row.food.id,
        amount: Number(row.amount),
        unit: row.unit,
      })),
    };
    try {
      if (start) {
        onSaved(await api.updateRecipe(start.id, recipe), true);
        return;
      }
      const added = await api.addRecipe({ slug: slugOf(trimmed), ...recipe });
      setName('');
      setServings('1');
      setCooked('');
      setRows([]);
      onSaved(added, false);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <form className="card recipe-form" onSubmit={submit} aria-labelledby="new-recipe-title">
      <h2 id="new-recipe-title">{start ? `Edit ${start.name}` : 'New recipe'}</h2>
      {start ? (
        <p className="muted small">
          Saving keeps the id {start.id}: diary entries and recipes with this one use the new
          values.
        </p>
      ) : null}
      <div className="inline">
        <label className="wide-field">
          Recipe name
          <input
            ref={nameRef}
            name="recipeName"
            value={name}
            required
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          Servings
          <input
            name="servings"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={servings}
            required
            onChange={(event) => setServings(event.target.value)}
          />
        </label>
        <label>
          Cooked weight (g, optional)
          <input
            name="cookedGrams"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={cooked}
            aria-describedby="cooked-hint"
            onChange={(event) => setCooked(event.target.value)}
          />
        </label>
      </div>
      <p className="muted small" id="cooked-hint">
        Weigh the dish when cooked if you can: water lost or taken up changes the values per 100 g.
        Without it, the weight is the sum of the ingredients.
      </p>
      <h3 id="ingredients-title">Ingredients</h3>
      <FoodSearch label="Add an ingredient" onPick={pick} />
      {rows.length === 0 ? <p className="muted small">No ingredients yet.</p> : null}
      <ol className="entries ingredient-list" ref={list} aria-labelledby="ingredients-title">
        {rows.map((row, index) => (
          <li key={row.key} className="entry" data-key={row.key}>
            <div className="inline">
              <span className="entry-name picked">{row.food.name}</span>
              <AmountFields
                food={row.food}
                amount={row.amount}
                unit={row.unit}
                onAmount={(amount) => update(row.key, { amount })}
                onUnit={(unit) => update(row.key, { unit })}
                labelPrefix={`Ingredient ${index + 1}: `}
              />
              <button
                type="button"
                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                aria-label={`Remove ${row.food.name}`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      {rows.length > 0 ? (
        <p className="small">
          Ingredients weigh {formatAmount(total, 'g')}
          {Number(servings) > 0 && (cooked.trim() !== '' || total !== undefined)
            ? `; one serving is ${formatAmount(
                (cooked.trim() !== '' ? Number(cooked) : (total ?? Number.NaN)) / Number(servings),
                'g',
              )}`
            : ''}
          .
        </p>
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorMessage error={error} title="The recipe was not saved." />
      <div className="actions">
        <button type="submit" className="primary">
          {start ? 'Save changes' : 'Save recipe'}
        </button>
        {start ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** "at least 12 µg" when some ingredients lacked the value; "unknown" when none had it. */
function servingValue(recipe: RecipeView, id: string): { text: string; known: string } {
  const value = recipe.food?.nutrients[id];
  const of = recipe.ingredients.length;
  if (!value || recipe.servingGrams === undefined) {
    return { text: 'unknown', known: `0 of ${of}` };
  }
  const amount = formatAmount((value.per100g * recipe.servingGrams) / 100, value.unit);
  const coverage = value.coverage;
  const known = coverage
    ? `${coverage.known} of ${coverage.of}${coverage.share < 1 ? ` (${formatPercent(coverage.share)} of the weight)` : ''}`
    : value.partial
      ? 'sum of the forms known; some unknown'
      : 'sum of the forms known';
  return { text: value.partial ? `at least ${amount}` : amount, known };
}

function RecipeCard({
  recipe,
  onEdit,
  onDeleted,
}: {
  recipe: RecipeView;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const [error, setError] = useState<Error>();
  const [logged, setLogged] = useState('');
  const titleId = `recipe-${recipe.id.replace(/[^a-z0-9-]/g, '-')}`;

  const log = async () => {
    setError(undefined);
    try {
      const date = todayIso();
      await api.addEntry({ date, food: recipe.id, amount: 1, unit: 'serving' });
      setLogged(date);
    } catch (e) {
      setError(e as Error);
    }
  };
  const remove = async () => {
    setError(undefined);
    try {
      await api.deleteRecipe(recipe.id);
      onDeleted();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <article className="card recipe" aria-labelledby={titleId}>
      <h3 id={titleId}>{recipe.name}</h3>
      <p className="small">
        {formatAmount(recipe.servings)} {recipe.servings === 1 ? 'serving' : 'servings'}
        {recipe.servingGrams !== undefined ? ` of ${formatAmount(recipe.servingGrams, 'g')}` : ''}
        {recipe.totalGrams !== undefined
          ? `; ${formatAmount(recipe.totalGrams, 'g')} ${recipe.cookedGrams !== undefined ? 'cooked' : 'in all'}`
          : ''}
      </p>
      <ul className="small ingredient-summary">
        {recipe.ingredients.map((ingredient, index) => (
          <li key={`${ingredient.food}-${index}`}>
            {formatAmount(ingredient.amount)} {ingredient.unit}{' '}
            <a href={href('food', ingredient.food)}>{ingredient.name ?? ingredient.food}</a>
            {ingredient.grams !== undefined && ingredient.unit !== 'g'
              ? ` (${formatAmount(ingredient.grams, 'g')})`
              : ''}
          </li>
        ))}
      </ul>
      {recipe.problem ? (
        <p className="error" role="alert">
          Cannot be worked out now: {recipe.problem}
        </p>
      ) : (
        <ScrollRegion label={`${recipe.name}: values per serving`}>
          <table className="recipe-values">
            <caption className="sr-only">{recipe.name}: values per serving</caption>
            <thead>
              <tr>
                <th scope="col">Nutrient</th>
                <th scope="col" className="num">
                  Per serving <span className="muted small block">ingredients with a value</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {RECIPE_NUTRIENTS.map((id) => {
                const shown = servingValue(recipe, id);
                return (
                  <tr key={id} data-nutrient={id}>
                    <th scope="row">{nutrientName(id)}</th>
                    <td className="num">
                      <span className="value">{shown.text}</span>{' '}
                      <span className="known muted small block">{shown.known}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={log} disabled={!!recipe.problem}>
          Log 1 serving today
        </button>
        <a href={href('food', recipe.id)}>All values</a>
        <button
          type="button"
          data-edit={recipe.id}
          onClick={onEdit}
          aria-label={`Edit ${recipe.name}`}
        >
          Edit
        </button>
        <button type="button" onClick={remove} aria-label={`Delete ${recipe.name}`}>
          Delete
        </button>
      </div>
      <p role="status" className="ok">
        {logged ? (
          <>
            Logged 1 serving on <a href={href('diary', logged)}>{logged}</a>.
          </>
        ) : null}
      </p>
      <ErrorMessage error={error} title="That did not work." />
    </article>
  );
}
