import { api } from '../api.js';
import type { Food, NutrientId, TopFood } from '../api-types.js';
import { SourceRefView } from '../components/source-ref.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { FoodSearch } from '../components/food-search.js';
import { loadFood } from '../food-cache.js';
import { formatAmount, nutrientName, nutrientUnit, portionLabel, useAsync } from '../lib.js';
import { href, navigate } from '../router.js';

/**
 * The food page's tables. `onlyKnown` rows are left out when the food has no value: forms few
 * sources measure (MK-11 to MK-13, dihydrophylloquinone) would otherwise be a column of
 * "unknown" on nearly every food.
 */
const GROUPS: { title: string; ids: NutrientId[]; onlyKnown?: NutrientId[] }[] = [
  {
    title: 'Vitamin K forms',
    onlyKnown: ['mk11', 'mk12', 'mk13', 'dihydrophylloquinone'],
    ids: [
      'vitamin-k1',
      'mk4',
      'mk5',
      'mk6',
      'mk7',
      'mk8',
      'mk9',
      'mk10',
      'mk11',
      'mk12',
      'mk13',
      'vitamin-k2',
      'vitamin-k',
      'dihydrophylloquinone',
    ],
  },
  { title: 'Omega-3 fatty acids', ids: ['epa', 'dha', 'dpa', 'ala', 'omega-3', 'epa-dha'] },
  {
    title: 'Minerals and vitamins',
    ids: ['calcium', 'magnesium', 'phosphorus', 'potassium', 'sodium', 'vitamin-c', 'vitamin-d'],
  },
  {
    title: 'Energy and macronutrients',
    ids: [
      'energy',
      'protein',
      'fat',
      'saturated-fat',
      'carbohydrate',
      'fiber',
      'sugars',
      'added-sugars',
    ],
  },
];

type ApiNutrients = Record<
  string,
  (Food['nutrients'][NutrientId] & { unit?: string; derived?: boolean }) | null
>;

export function FoodPage({ id }: { id: string | undefined }) {
  if (!id) return <FoodsIndex />;
  return <FoodDetail id={id} />;
}

function FoodsIndex() {
  return (
    <section aria-labelledby="foods-title">
      <h1 id="foods-title">Foods</h1>
      <div className="card">
        <FoodSearch label="Find a food" onPick={(hit) => navigate('food', hit.id)} />
      </div>
      <div className="card">
        <h2>Top foods per nutrient</h2>
        <ul className="link-list">
          {(
            [
              'vitamin-k2',
              'mk7',
              'vitamin-k1',
              'magnesium',
              'epa-dha',
              'potassium',
              'calcium',
              'vitamin-d',
            ] as const
          ).map((nutrient) => (
            <li key={nutrient}>
              <a href={href('top', nutrient)}>{nutrientName(nutrient)}</a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function FoodDetail({ id }: { id: string }) {
  const food = useAsync(() => loadFood(id), [id]);
  if (food.error) return <ErrorMessage error={food.error} title={`Could not load food ${id}.`} />;
  if (!food.data) return <Loading what="the food" />;
  const nutrients = food.data.nutrients as ApiNutrients;
  return (
    <section aria-labelledby="food-title">
      <p className="small">
        <a href={href('foods')}>Foods</a>
      </p>
      <h1 id="food-title">{food.data.name}</h1>
      <p className="muted">
        {food.data.group} · {food.data.id}
      </p>
      <p className="small">
        Values per 100 g of edible portion. A nutrient without a value is unknown, not zero.
      </p>
      <K2Forms
        nutrients={nutrients}
        reason={
          (food.data as { unknownReasons?: Record<string, string> }).unknownReasons?.['vitamin-k2']
        }
      />
      {GROUPS.map((group) => (
        <div className="card" key={group.title}>
          <h2>{group.title}</h2>
          <ScrollRegion label={`${group.title} (table)`}>
            <table className="nutrient-table">
              <thead>
                <tr>
                  <th scope="col">Nutrient</th>
                  <th scope="col" className="num">
                    Per 100 g
                  </th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {group.ids
                  .filter((nid) => nutrients[nid] || !group.onlyKnown?.includes(nid))
                  .map((nid) => {
                    const value = nutrients[nid];
                    const unit = value?.unit ?? nutrientUnit(nid);
                    return (
                      <tr key={nid} data-nutrient={nid}>
                        <th scope="row">
                          <a href={href('top', nid)} title={`Top foods for ${nutrientName(nid)}`}>
                            {nutrientName(nid)}
                          </a>
                        </th>
                        <td className="num">
                          {value ? (
                            <>
                              {/* A recipe's value some ingredients lacked: a lower bound. */}
                              {value.coverage && value.coverage.share < 1 ? 'at least ' : ''}
                              {formatAmount(value.per100g, unit)}
                              {value.approximate ? <span className="muted"> (approx.)</span> : null}
                              {value.range ? (
                                <div className="muted small">
                                  range {formatAmount(value.range.min)}–
                                  {formatAmount(value.range.max, unit)}
                                </div>
                              ) : null}
                            </>
                          ) : (
                            <span className="muted">unknown</span>
                          )}
                        </td>
                        <td>
                          {value?.source ? (
                            <SourceRefView source={value.source} />
                          ) : value ? (
                            <span className="muted">derived</span>
                          ) : null}
                          {value?.alternatives?.length ? (
                            <details>
                              <summary className="small">
                                Other published values ({value.alternatives.length})
                              </summary>
                              <ul className="small">
                                {value.alternatives.map((alt, index) => (
                                  <li key={index}>
                                    {formatAmount(alt.per100g, unit)} —{' '}
                                    <SourceRefView source={alt.source} />
                                  </li>
                                ))}
                              </ul>
                            </details>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ))}
      <div className="card">
        <h2>Household portions</h2>
        {food.data.portions.length ? (
          <ul>
            {food.data.portions.map((portion) => (
              <li key={portion.name}>{portionLabel(portion)}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No household portions; log this food in grams.</p>
        )}
      </div>
    </section>
  );
}

const MK_IDS: NutrientId[] = [
  'mk4',
  'mk5',
  'mk6',
  'mk7',
  'mk8',
  'mk9',
  'mk10',
  'mk11',
  'mk12',
  'mk13',
];

interface K2Value {
  per100g: number;
  basis?: string;
  source?: { label: string };
  range?: { min: number; max: number };
  sample?: {
    country?: string;
    method?: string;
    n?: number;
    location?: string;
    confidence?: string;
  };
  alternatives?: K2Value[];
}

function provenance(value: K2Value): string {
  const s = value.sample;
  return [
    value.basis ?? 'measured',
    value.source?.label,
    s?.country?.toUpperCase(),
    s?.method,
    s ? (s.n !== undefined ? `n = ${s.n}` : 'n not read') : undefined,
    s?.confidence === 'secondary' ? 'secondary source' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Menaquinones by form: a bar per measured form with basis, study, country, method, samples;
 * dihydrophylloquinone after them, without a bar, when the food has a value.
 */
function K2Forms({ nutrients, reason }: { nutrients: ApiNutrients; reason: string | undefined }) {
  const forms = MK_IDS.flatMap((id) => {
    const value = nutrients[id] as K2Value | null | undefined;
    return value ? [{ id, value }] : [];
  });
  const total = nutrients['vitamin-k2'] as (K2Value & { basis?: string }) | null | undefined;
  const dk = nutrients.dihydrophylloquinone as K2Value | null | undefined;
  const max = Math.max(0, ...forms.map((f) => f.value.per100g));
  return (
    <div className="card" data-section="k2-forms">
      <h2>Vitamin K2 by form</h2>
      {forms.length === 0 && total ? (
        <p className="small">
          {formatAmount(total.per100g, 'µg')} per 100 g in total, as stated; the forms (MK-4, MK-7
          …) are not given.
        </p>
      ) : forms.length === 0 ? (
        <p className="muted">Vitamin K2 unknown{reason ? `: ${reason}` : '.'}</p>
      ) : (
        <>
          <p className="small">
            {formatAmount(total?.per100g ?? 0, 'µg')} per 100 g in total (
            {total?.basis ?? 'measured'}); forms not listed were not measured: unknown, not zero.
          </p>
          <ul className="k2-forms">
            {forms.map(({ id, value }) => (
              <li key={id} data-form={id}>
                <div className="inline">
                  <strong>{nutrientName(id).replace(/^.*\((MK-\d+)\)$/, '$1')}</strong>
                  <span
                    role="img"
                    aria-label={`${formatAmount(value.per100g, 'µg')} per 100 g`}
                    style={{
                      display: 'inline-block',
                      height: '0.8em',
                      width: `${max > 0 && value.per100g > 0 ? Math.max(0.3, (value.per100g / max) * 12) : 0}em`,
                      background: 'currentColor',
                    }}
                  />
                  <span>{formatAmount(value.per100g, 'µg')}</span>
                  {value.range ? (
                    <span className="muted small">
                      range {formatAmount(value.range.min)}–{formatAmount(value.range.max, 'µg')}
                    </span>
                  ) : null}
                </div>
                <div className="small muted">{provenance(value)}</div>
                {value.alternatives?.length ? (
                  <ul className="small">
                    {value.alternatives.map((alt, index) => (
                      <li key={index}>
                        alternative {formatAmount(alt.per100g, 'µg')}: {provenance(alt)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {dk ? (
        <p className="small" data-form="dihydrophylloquinone">
          Dihydrophylloquinone (dK, from hydrogenated oils): {formatAmount(dk.per100g, 'µg')} per
          100 g, shown apart: not counted in K2 or in the vitamin K total.{' '}
          <span className="muted">{provenance(dk)}</span>
        </p>
      ) : null}
    </div>
  );
}

function basisText(food: TopFood, per: string): string {
  const portion = food.portion;
  if (portion && typeof portion === 'object') {
    return `${formatAmount(portion.amount)} ${portion.name} (${formatAmount(portion.grams, 'g')})`;
  }
  if (typeof portion === 'string') return portion;
  return per === '100kcal' ? '100 kcal' : per === 'serving' ? 'serving' : '100 g';
}

const TOP_NUTRIENTS: NutrientId[] = [
  'vitamin-k2',
  'mk4',
  'mk7',
  'vitamin-k1',
  'vitamin-k',
  'vitamin-d',
  'calcium',
  'magnesium',
  'phosphorus',
  'potassium',
  'vitamin-c',
  'epa-dha',
  'epa',
  'dha',
  'ala',
  'fiber',
];

export function TopFoodsPage({
  nutrient,
  per,
  pattern,
}: {
  nutrient: string;
  per: string;
  pattern: string;
}) {
  const top = useAsync(
    () =>
      api.topFoods(
        nutrient,
        per as Parameters<typeof api.topFoods>[1],
        (pattern || undefined) as Parameters<typeof api.topFoods>[2],
      ),
    [nutrient, per, pattern],
  );
  const results = top.data?.results ?? [];
  const update = (next: { nutrient?: string; per?: string; pattern?: string }) => {
    const n = next.nutrient ?? nutrient;
    const params = new URLSearchParams({ per: next.per ?? per });
    const p = next.pattern ?? pattern;
    if (p) params.set('pattern', p);
    window.location.hash = `/top/${encodeURIComponent(n)}?${params.toString()}`;
  };
  return (
    <section aria-labelledby="top-title">
      <p className="small">
        <a href={href('foods')}>Foods</a>
      </p>
      <h1 id="top-title">Top foods: {nutrientName(nutrient)}</h1>
      <div className="inline">
        <label>
          Nutrient
          <select value={nutrient} onChange={(e) => update({ nutrient: e.target.value })}>
            {[...new Set([...TOP_NUTRIENTS, nutrient])].map((id) => (
              <option key={id} value={id}>
                {nutrientName(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Per
          <select value={per} onChange={(e) => update({ per: e.target.value })}>
            <option value="100g">100 g</option>
            <option value="serving">serving</option>
            <option value="100kcal">100 kcal</option>
          </select>
        </label>
        <label>
          Pattern
          <select value={pattern} onChange={(e) => update({ pattern: e.target.value })}>
            <option value="">Any</option>
            <option value="pescatarian">Pescatarian</option>
            <option value="vegetarian">Vegetarian</option>
            <option value="vegan">Vegan</option>
          </select>
        </label>
      </div>
      {top.loading && !top.data ? <Loading what="top foods" /> : null}
      <ErrorMessage error={top.error} title="Could not load top foods." />
      {top.data ? (
        <ol className="top-list">
          {results.map((food, index) => {
            const foodId = food.id;
            const amount = food.amount;
            return (
              <li key={`${foodId}-${index}`}>
                <a href={href('food', foodId)}>{food.name}</a>{' '}
                <span className="muted">
                  {formatAmount(amount, food.unit ?? nutrientUnit(nutrient))} per{' '}
                  {basisText(food, per)}
                </span>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
