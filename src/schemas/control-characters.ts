/**
 * Control characters (C0, DEL, C1) have no place in a name, id, unit or date. PostgreSQL cannot
 * store NUL in text at all, and the rest only hide what a value says; refusing them at the edge
 * keeps both stores and every screen showing the same text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * The path (`portions.0.name`) of the first string value or object key in a parsed JSON value
 * that holds a control character; `[]` for the value itself; undefined when there is none.
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
export function findControlCharacter(value: unknown): (string | number)[] | undefined {
  // Each pending value links to its parent, so a path is only built for the one found.
  interface Step {
    value: unknown;
    key?: string | number;
    parent?: Step;
  }
  const pathOf = (step: Step | undefined): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at = step; at?.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const pending: Step[] = [{ value }];
  for (let step = pending.pop(); step; step = pending.pop()) {
    const current = step.value;
    if (typeof current === 'string') {
      if (hasControlCharacter(current)) return pathOf(step);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) {
        pending.push({ value: current[i], key: i, parent: step });
      }
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current).reverse()) {
        if (hasControlCharacter(key)) return [...pathOf(step), key];
        pending.push({ value: item, key, parent: step });
      }
    }
  }
  return undefined;
}
