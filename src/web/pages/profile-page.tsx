import { useEffect, useState, type FormEvent } from 'react';
import { ALLERGEN_GROUPS } from '../../core/profile.js';
import { KNOWN_MEDICATIONS } from '../../core/safety/medications.js';
import { api, ApiError } from '../api.js';
import type { ProfileInput } from '../api-types.js';
import { FoodSearch } from '../components/food-search.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { loadFood } from '../food-cache.js';
import { conditionLabel } from '../lib.js';
import { enteredSupplement, SupplementList } from '../components/supplement-list.js';
import { navigate } from '../router.js';
import { YourData } from '../components/your-data.js';

/** Fields whose error the form shows beside the field rather than only below the form. */
const NUMBER_FIELDS = ['age', 'weightKg', 'heightCm', 'energyKcal'] as const;

/** "invalid profile: age: must be at least 14 …" → "Must be at least 14 …". */
function fieldMessage(error: ApiError): string {
  const text = error.message.replace(/^invalid profile: /, '').replace(`${error.field}: `, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The conditions offered in the form, named as the report names them. */
const CONDITIONS: { code: string; label: string }[] = (
  [
    'ckd-1',
    'ckd-2',
    'ckd-3a',
    'ckd-3b',
    'ckd-4',
    'ckd-5',
    'dialysis',
    'hypercalcemia',
    'hyperparathyroidism',
    'sarcoidosis',
    'kidney-stones',
  ] as const
).map((code) => ({ code, label: conditionLabel(code) }));

const ALLERGEN_LABELS: Record<string, string> = {
  dairy: 'Dairy',
  egg: 'Egg',
  fish: 'Fish',
  shellfish: 'Shellfish',
  peanut: 'Peanut',
  'tree-nut': 'Tree nuts',
  soy: 'Soy',
  gluten: 'Gluten',
  sesame: 'Sesame',
};

export const EMPTY_PROFILE: ProfileInput = {
  age: 60,
  sex: 'female',
  lifeStage: 'none',
  smoker: false,
  conditions: [],
  medications: [],
  supplements: [],
  pattern: 'omnivore',
  exclude: [],
  dislikes: [],
};

/** The form keeps numbers as text so that a field being edited can be empty. */
interface FormState {
  age: string;
  sex: ProfileInput['sex'];
  lifeStage: ProfileInput['lifeStage'];
  smoker: boolean;
  weightKg: string;
  heightCm: string;
  activity: string;
  energyKcal: string;
  conditions: string[];
  otherConditions: string;
  medications: string[];
  supplements: { nutrient: string; amount: string; unit: string }[];
  pattern: ProfileInput['pattern'];
  exclude: string[];
  dislikes: { id: string; name: string }[];
  targets?: ProfileInput['targets'];
}

function toForm(profile: ProfileInput): FormState {
  const known = new Set(CONDITIONS.map((c) => c.code));
  return {
    age: String(profile.age),
    sex: profile.sex,
    lifeStage: profile.lifeStage,
    smoker: profile.smoker,
    weightKg: profile.weightKg?.toString() ?? '',
    heightCm: profile.heightCm?.toString() ?? '',
    activity: profile.activity ?? '',
    energyKcal: profile.energyKcal?.toString() ?? '',
    conditions: profile.conditions.filter((c) => known.has(c)),
    otherConditions: profile.conditions.filter((c) => !known.has(c)).join(', '),
    medications: [...profile.medications],
    supplements: profile.supplements.map(enteredSupplement),
    pattern: profile.pattern,
    exclude: [...profile.exclude],
    dislikes: profile.dislikes.map((id) => ({ id, name: id })),
    targets: profile.targets,
  };
}

function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

function fromForm(form: FormState): ProfileInput {
  const profile: ProfileInput = {
    age: Number(form.age),
    sex: form.sex,
    lifeStage: form.lifeStage,
    smoker: form.smoker,
    conditions: [
      ...form.conditions,
      ...form.otherConditions
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    ],
    medications: form.medications,
    supplements: form.supplements.map((s) => ({
      nutrient: s.nutrient,
      amount: Number(s.amount),
      unit: s.unit,
    })),
    pattern: form.pattern,
    exclude: form.exclude,
    dislikes: form.dislikes.map((d) => d.id),
  };
  const weightKg = optionalNumber(form.weightKg);
  const heightCm = optionalNumber(form.heightCm);
  const energyKcal = optionalNumber(form.energyKcal);
  if (weightKg !== undefined) profile.weightKg = weightKg;
  if (heightCm !== undefined) profile.heightCm = heightCm;
  if (energyKcal !== undefined) profile.energyKcal = energyKcal;
  if (form.activity) profile.activity = form.activity as ProfileInput['activity'];
  if (form.targets) profile.targets = form.targets;
  return profile;
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/**
 * `knownMissing`: the app has just asked and the server has no profile (first visit), so the
 * page starts the onboarding form without asking again.
 */
export function ProfilePage({ knownMissing = false }: { knownMissing?: boolean }) {
  const [form, setForm] = useState<FormState | undefined>();
  const [isNew, setIsNew] = useState(false);
  const [loadError, setLoadError] = useState<Error>();
  const [saveError, setSaveError] = useState<Error>();
  const [saved, setSaved] = useState('');
  const [medication, setMedication] = useState('');

  useEffect(() => {
    if (knownMissing) {
      setIsNew(true);
      setForm(toForm(EMPTY_PROFILE));
      return;
    }
    api.getProfile().then(
      (profile) => setForm(toForm({ ...EMPTY_PROFILE, ...profile })),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) {
          setIsNew(true);
          setForm(toForm(EMPTY_PROFILE));
        } else setLoadError(error as Error);
      },
    );
  }, []);

  useEffect(() => {
    // Dislikes are stored as ids; show their names.
    if (!form) return;
    const unnamed = form.dislikes.filter((d) => d.name === d.id);
    for (const dislike of unnamed) {
      loadFood(dislike.id).then(
        (food) =>
          setForm(
            (f) =>
              f && {
                ...f,
                dislikes: f.dislikes.map((d) =>
                  d.id === food.id ? { id: d.id, name: food.name } : d,
                ),
              },
          ),
        () => undefined,
      );
    }
    // Only when the list of ids changes.
  }, [form?.dislikes.map((d) => d.id).join('|')]);

  if (loadError) return <ErrorMessage error={loadError} title="Could not load the profile." />;
  if (!form) return <Loading what="profile" />;

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => f && { ...f, [key]: value });

  const fieldError =
    saveError instanceof ApiError &&
    (NUMBER_FIELDS as readonly (string | undefined)[]).includes(saveError.field)
      ? saveError
      : undefined;
  /** Props that tie a number field to its error: announced with the field, shown beside it. */
  const invalid = (name: (typeof NUMBER_FIELDS)[number]) =>
    fieldError?.field === name ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {};
  const errorFor = (name: (typeof NUMBER_FIELDS)[number]) =>
    fieldError?.field === name ? (
      <span id={`${name}-error`} className="field-error" aria-hidden="true">
        {fieldMessage(fieldError)}
      </span>
    ) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(undefined);
    setSaved('');
    try {
      const stored = await api.putProfile(fromForm(form));
      if (stored && typeof stored === 'object' && 'age' in stored) {
        setForm(toForm({ ...EMPTY_PROFILE, ...stored }));
      }
      setSaved('Profile saved.');
      if (isNew) {
        setIsNew(false);
        navigate('diary');
      }
    } catch (error) {
      setSaveError(error as Error);
      // Take the person to the field at fault.
      if (error instanceof ApiError && error.field) {
        const field = error.field;
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(`.profile-form [name="${CSS.escape(field)}"]`)
            ?.focus(),
        );
      }
    }
  };

  const addMedication = () => {
    const name = medication.trim().toLowerCase();
    if (!name) return;
    set('medications', [...new Set([...form.medications, name])]);
    setMedication('');
  };

  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">{isNew ? 'Welcome: tell calcwise about you' : 'Your profile'}</h1>
      {isNew ? (
        <p>
          Targets, safety screening and plans depend on your age, sex, conditions, medications and
          supplements. Everything stays on this computer.
        </p>
      ) : null}
      <form onSubmit={submit} className="profile-form" noValidate>
        <fieldset>
          <legend>About you</legend>
          <div className="grid">
            <label>
              Age (years)
              <input
                name="age"
                type="number"
                min={1}
                max={120}
                required
                value={form.age}
                onChange={(e) => set('age', e.target.value)}
                {...invalid('age')}
              />
              {errorFor('age')}
            </label>
            <label>
              Sex
              <select
                name="sex"
                value={form.sex}
                onChange={(e) => set('sex', e.target.value as FormState['sex'])}
              >
                <option value="female">Female</option>
                <option value="male">Male</option>
              </select>
            </label>
            <label>
              Pregnant or breastfeeding?
              <select
                name="lifeStage"
                value={form.lifeStage}
                onChange={(e) => set('lifeStage', e.target.value as FormState['lifeStage'])}
              >
                <option value="none">No</option>
                <option value="pregnant">Pregnant</option>
                <option value="lactating">Breastfeeding</option>
              </select>
            </label>
            <label className="checkbox">
              <input
                name="smoker"
                type="checkbox"
                checked={form.smoker}
                onChange={(e) => set('smoker', e.target.checked)}
              />
              I smoke
            </label>
            <label>
              Weight (kg, optional)
              <input
                name="weightKg"
                type="number"
                min={1}
                step="any"
                value={form.weightKg}
                onChange={(e) => set('weightKg', e.target.value)}
                {...invalid('weightKg')}
              />
              {errorFor('weightKg')}
            </label>
            <label>
              Height (cm, optional)
              <input
                name="heightCm"
                type="number"
                min={1}
                step="any"
                value={form.heightCm}
                onChange={(e) => set('heightCm', e.target.value)}
                {...invalid('heightCm')}
              />
              {errorFor('heightCm')}
            </label>
            <label>
              Activity (optional)
              <select
                name="activity"
                value={form.activity}
                onChange={(e) => set('activity', e.target.value)}
              >
                <option value="">Not given</option>
                <option value="sedentary">Sedentary</option>
                <option value="light">Light</option>
                <option value="moderate">Moderate</option>
                <option value="active">Active</option>
                <option value="very-active">Very active</option>
              </select>
            </label>
            <label>
              Energy target (kcal/day, optional)
              <input
                name="energyKcal"
                type="number"
                min={500}
                step={10}
                value={form.energyKcal}
                onChange={(e) => set('energyKcal', e.target.value)}
                {...invalid('energyKcal')}
              />
              {errorFor('energyKcal')}
            </label>
          </div>
        </fieldset>

        <fieldset>
          <legend>Conditions</legend>
          <div className="checks">
            {CONDITIONS.map((condition) => (
              <label key={condition.code} className="checkbox">
                <input
                  type="checkbox"
                  name="conditions"
                  value={condition.code}
                  checked={form.conditions.includes(condition.code)}
                  onChange={(e) =>
                    set('conditions', toggle(form.conditions, condition.code, e.target.checked))
                  }
                />
                {condition.label}
              </label>
            ))}
          </div>
          <label>
            Other conditions (comma-separated; they will be reported as not screened)
            <input
              name="otherConditions"
              value={form.otherConditions}
              onChange={(e) => set('otherConditions', e.target.value)}
            />
          </label>
        </fieldset>

        <fieldset>
          <legend>Medications</legend>
          <p className="muted small">
            Generic or brand names, e.g. warfarin or Coumadin, hydrochlorothiazide, Nexium; the list
            offers the names calcwise can screen as you type.
          </p>
          <div className="inline">
            <label>
              Medication
              <input
                name="medication"
                list="known-medications"
                autoComplete="off"
                value={medication}
                onChange={(e) => setMedication(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addMedication();
                  }
                }}
              />
            </label>
            <datalist id="known-medications">
              {KNOWN_MEDICATIONS.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <button type="button" onClick={addMedication}>
              Add medication
            </button>
          </div>
          <ul className="chips" aria-label="Your medications">
            {form.medications.map((name) => (
              <li key={name}>
                {name}{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${name}`}
                  onClick={() =>
                    set(
                      'medications',
                      form.medications.filter((m) => m !== name),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </fieldset>

        <fieldset>
          <legend>Supplements</legend>
          <p className="muted">
            What you usually take each day. A day you took something else, or nothing, can be logged
            on the Diary page.
          </p>
          <SupplementList
            name="supplement"
            value={form.supplements}
            onChange={(rows) => set('supplements', rows)}
          />
        </fieldset>

        <fieldset>
          <legend>Eating pattern, allergies and dislikes</legend>
          <label>
            Pattern
            <select
              name="pattern"
              value={form.pattern}
              onChange={(e) => set('pattern', e.target.value as FormState['pattern'])}
            >
              <option value="omnivore">Omnivore</option>
              <option value="pescatarian">Pescatarian</option>
              <option value="vegetarian">Vegetarian</option>
              <option value="vegan">Vegan</option>
            </select>
          </label>
          <p className="label-like">Allergies and exclusions</p>
          <div className="checks">
            {ALLERGEN_GROUPS.map((group) => (
              <label key={group} className="checkbox">
                <input
                  type="checkbox"
                  name="exclude"
                  value={group}
                  checked={form.exclude.includes(group)}
                  onChange={(e) => set('exclude', toggle(form.exclude, group, e.target.checked))}
                />
                {ALLERGEN_LABELS[group] ?? group}
              </label>
            ))}
          </div>
          <FoodSearch
            label="Add a food you dislike"
            onPick={(hit) =>
              !form.dislikes.some((d) => d.id === hit.id) &&
              set('dislikes', [...form.dislikes, { id: hit.id, name: hit.name }])
            }
          />
          <ul className="chips" aria-label="Foods you dislike">
            {form.dislikes.map((dislike) => (
              <li key={dislike.id}>
                {dislike.name}{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${dislike.name}`}
                  onClick={() =>
                    set(
                      'dislikes',
                      form.dislikes.filter((d) => d.id !== dislike.id),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </fieldset>

        {fieldError ? (
          <p className="error" role="alert">
            <strong>The profile was not saved.</strong> See the field marked above.
          </p>
        ) : (
          <ErrorMessage error={saveError} title="The profile was not saved." />
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Save profile
          </button>
          <span role="status" className="ok">
            {saved}
          </span>
        </div>
      </form>
      <YourData />
    </section>
  );
}
