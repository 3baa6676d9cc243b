/**
 * The classic diet problem: minimise cost subject to nutrient minimums and maximums
 * (Stigler 1945; Chvátal, Linear Programming, 1983, ch. 1). Pure: parsing and model building.
 */
import { parseCsvRecords } from '../diary/csv.js';
import { err, ok, type Result } from '../result.js';
import { ModelBuilder, type LinearModel } from './solver-port.js';

export interface DietFoods {
  nutrients: string[];
  foods: { id: string; name: string; cost: number; amounts: number[] }[];
}

export interface DietModel {
  objective: 'min-cost';
  nutrients: Record<string, { min?: number; max?: number }>;
  foods?: Record<string, { max?: number; min?: number }>;
  integer?: boolean;
}

/** Parses `id,name,cost,<nutrient>...`; every amount per unit of food. Errors name line and column. */
export function parseDietFoods(text: string, file: string): Result<DietFoods> {
  const records = parseCsvRecords(text, file);
  if (!records.ok) return records;
  const [head, ...rows] = records.value;
  if (!head) return err({ code: 'INVALID_CSV', message: 'empty file', file, location: 'line 1' });
  const header = head.fields.map((f) => f.trim());
  if (header[0] !== 'id' || header[1] !== 'name' || header[2] !== 'cost' || header.length < 4) {
    return err({
      code: 'INVALID_CSV',
      message: 'header must be id,name,cost then one column per nutrient',
      file,
      location: 'line 1',
    });
  }
  const nutrients = header.slice(3);
  const seen = new Set<string>();
  const foods: DietFoods['foods'] = [];
  for (const row of rows) {
    const location = `line ${row.line}`;
    if (row.fields.length !== header.length) {
      return err({
        code: 'INVALID_CSV',
        message: `${row.fields.length} fields, expected ${header.length}`,
        file,
        location,
      });
    }
    const id = (row.fields[0] as string).trim();
    if (id === '')
      return err({ code: 'INVALID_CSV', message: 'id is empty', file, location, field: 'id' });
    if (seen.has(id))
      return err({
        code: 'INVALID_CSV',
        message: `duplicate id "${id}"`,
        file,
        location,
        field: 'id',
      });
    seen.add(id);
    const numbers: number[] = [];
    for (let c = 2; c < header.length; c += 1) {
      const text = (row.fields[c] as string).trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) {
        return err({
          code: 'INVALID_CSV',
          message: `not a number: "${text}"`,
          file,
          location,
          field: header[c] as string,
        });
      }
      numbers.push(value);
    }
    foods.push({
      id,
      name: (row.fields[1] as string).trim(),
      cost: numbers[0] as number,
      amounts: numbers.slice(1),
    });
  }
  if (foods.length === 0)
    return err({ code: 'INVALID_CSV', message: 'no foods', file, location: 'line 2' });
  return ok({ nutrients, foods });
}

/** Checks the model against the foods file: unknown nutrient columns or food ids are errors. */
export function checkDietModel(
  model: DietModel,
  foods: DietFoods,
  file: string,
): Result<DietModel> {
  for (const [name, bound] of Object.entries(model.nutrients)) {
    if (!foods.nutrients.includes(name)) {
      return err({
        code: 'INVALID_MODEL',
        message: `no column "${name}" in the foods file`,
        file,
        location: `nutrients.${name}`,
      });
    }
    if (bound.min === undefined && bound.max === undefined) {
      return err({
        code: 'INVALID_MODEL',
        message: 'give min, max or both',
        file,
        location: `nutrients.${name}`,
      });
    }
  }
  for (const id of Object.keys(model.foods ?? {})) {
    if (!foods.foods.some((f) => f.id === id)) {
      return err({
        code: 'INVALID_MODEL',
        message: `no food "${id}" in the foods file`,
        file,
        location: `foods.${id}`,
      });
    }
  }
  return ok(model);
}

export function buildDietModel(model: DietModel, foods: DietFoods): LinearModel {
  const b = new ModelBuilder();
  for (const food of foods.foods) {
    const bounds = model.foods?.[food.id];
    b.addCol(
      `x_${food.id}`,
      food.cost,
      bounds?.min ?? 0,
      bounds?.max ?? Infinity,
      model.integer === true,
    );
  }
  for (const [name, bound] of Object.entries(model.nutrients)) {
    const column = foods.nutrients.indexOf(name);
    b.addRow(
      `nutrient_${name}`,
      bound.min ?? -Infinity,
      bound.max ?? Infinity,
      foods.foods.map((food, j) => [j, food.amounts[column] as number]),
    );
  }
  return b.build();
}
