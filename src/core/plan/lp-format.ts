import type { LinearModel } from './solver-port.js';

/**
 * Writes a model in CPLEX LP format (as read by CPLEX, HiGHS, CBC and `glpsol --lp`).
 * Names are sanitised to the LP alphabet; rows without entries are left out.
 */
export function writeLp(model: LinearModel, title = 'calcwise'): string {
  const cols = model.colNames.map(lpName);
  const out: string[] = [
    `\\ ${title}`,
    'Minimize',
    ` obj:${terms(model.colCost, (j) => cols[j] as string)}`,
  ];
  out.push('Subject To');
  for (let i = 0; i < model.rowNames.length; i += 1) {
    const start = model.rowStarts[i] as number;
    const end = model.rowStarts[i + 1] as number;
    if (start === end) continue;
    const parts: string[] = [];
    for (let k = start; k < end; k += 1) {
      parts.push(term(model.rowValue[k] as number, cols[model.rowIndex[k] as number] as string));
    }
    const expr = wrap(parts);
    const lo = model.rowLower[i] as number;
    const hi = model.rowUpper[i] as number;
    const name = lpName(model.rowNames[i] as string);
    if (Number.isFinite(lo) && Number.isFinite(hi) && lo === hi)
      out.push(` ${name}:${expr} = ${num(lo)}`);
    else if (Number.isFinite(lo) && Number.isFinite(hi)) {
      out.push(` ${name}_lo:${expr} >= ${num(lo)}`, ` ${name}_hi:${expr} <= ${num(hi)}`);
    } else if (Number.isFinite(lo)) out.push(` ${name}:${expr} >= ${num(lo)}`);
    else if (Number.isFinite(hi)) out.push(` ${name}:${expr} <= ${num(hi)}`);
  }
  out.push('Bounds');
  const generals: string[] = [];
  for (let j = 0; j < cols.length; j += 1) {
    const lo = model.colLower[j] as number;
    const hi = model.colUpper[j] as number;
    const name = cols[j] as string;
    if (Number.isFinite(lo) && Number.isFinite(hi))
      out.push(` ${num(lo)} <= ${name} <= ${num(hi)}`);
    else if (Number.isFinite(lo)) out.push(` ${name} >= ${num(lo)}`);
    else if (Number.isFinite(hi)) out.push(` -inf <= ${name} <= ${num(hi)}`);
    else out.push(` ${name} free`);
    if (model.integer[j]) generals.push(name);
  }
  if (generals.length > 0) {
    out.push('Generals');
    for (let k = 0; k < generals.length; k += 8) out.push(` ${generals.slice(k, k + 8).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}

function terms(costs: Float64Array, name: (j: number) => string): string {
  const parts: string[] = [];
  for (let j = 0; j < costs.length; j += 1) {
    const c = costs[j] as number;
    if (c !== 0) parts.push(term(c, name(j)));
  }
  if (parts.length === 0) return costs.length > 0 ? ` 0 ${name(0)}` : ' 0';
  return wrap(parts);
}

/** Keeps lines short: some LP readers limit the line length. */
function wrap(parts: string[]): string {
  let out = '';
  for (let k = 0; k < parts.length; k += 1) {
    out += (k > 0 && k % 8 === 0 ? '\n   ' : '') + (parts[k] as string);
  }
  return out;
}

function term(coef: number, name: string): string {
  return coef < 0 ? ` - ${num(-coef)} ${name}` : ` + ${num(coef)} ${name}`;
}

function num(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** LP names: letters, digits and !"#$%&()/,.;?@_`'{}|~ ; not starting with a digit or a period. */
export function lpName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_.]/g, '_');
  return /^[0-9.]/.test(clean) ? `_${clean}` : clean;
}
