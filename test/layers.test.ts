import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerOf, layerViolation } from '../scripts/layers.js';

const root = new URL('..', import.meta.url).pathname;

/** Repository-relative paths of every .ts/.tsx file under a folder. */
function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) found.push((match[1] ?? match[2] ?? match[3])!);
  return found;
}

/** Layer-rule violations of a set of files (path -> source), as "file imports spec: why". */
function violations(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    for (const spec of importsOf(source)) {
      const why = layerViolation(file, spec);
      if (why) found.push(`${file} imports ${spec}: ${why}`);
    }
  }
  return found;
}

/** The module of a core file: its folder under src/core, or the file's own name. */
function coreModule(file: string): string {
  return file
    .replace(/^src\/core\//, '')
    .split('/')[0]!
    .replace(/\.tsx?$/, '');
}

/** Import cycles between core modules (folders and top-level files), each as a path. */
function coreCycles(files: ReadonlyMap<string, string>): string[] {
  const edges = new Map<string, Set<string>>();
  for (const [file, source] of files) {
    if (!file.startsWith('src/core/') || /\.test\.tsx?$/.test(file)) continue;
    const from = coreModule(file);
    for (const spec of importsOf(source)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(root, join(root, file, '..', spec));
      if (!target.startsWith('src/core/')) continue;
      const to = coreModule(target);
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
      return;
    }
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) visit(node, []);
  return cycles;
}

const sources = new Map(
  listTs(join(root, 'src')).map((f) => [f, readFileSync(join(root, f), 'utf8')]),
);

describe('layer rules (scripts/layers.js)', () => {
  it('finds files in every layer', () => {
    const layers = new Set([...sources.keys()].map((f) => layerOf(f)));
    for (const layer of Object.keys(LAYERS)) expect(layers, layer).toContain(layer);
    expect(sources.size).toBeGreaterThan(100);
  });

  it('every folder of src/ is a known layer', () => {
    const unknown = [...sources.keys()].filter((f) => !(layerOf(f)! in LAYERS));
    expect(unknown).toEqual([]);
  });

  it('no file in src/ breaks a layer rule', () => {
    expect(violations(sources)).toEqual([]);
  });

  it('fails on planted violations (the checker itself works)', () => {
    const planted = new Map([
      ['src/core/foods.ts', `import { readFileSync } from 'node:fs';`],
      ['src/core/plan/model.ts', `import { openStore } from '../../store/open-store.js';`],
      ['src/core/search/index.ts', `export { x } from 'kysely';`],
      ['src/server/routes/foods.ts', `import { describeFood } from '../../cli/commands/foods.js';`],
      ['src/cli/commands/plan.ts', `const s = await import('../../solver/highs.js');`],
      ['src/data/pantry.ts', `import type { Store } from '../store/store.js';`],
      ['src/web/api.ts', `import { createApp } from '../server/app.js';`],
      ['src/newlayer/x.ts', `import { ok } from '../core/result.js';`],
      ['src/app/plan.ts', `import { createApp } from '../server/app.js';`],
    ]);
    const found = violations(planted);
    expect(found).toHaveLength(planted.size);
    expect(found.join('\n')).toMatch(/src\/core is pure: it may not import node:fs/);
    expect(found.join('\n')).toMatch(/src\/server may import core, schemas, app; not src\/cli/);
    expect(found.join('\n')).toMatch(/src\/newlayer is not a known layer/);
    // And the same imports where they are allowed pass.
    const allowed = new Map([
      ['src/app/plan.ts', `import { HighsSolver } from '../solver/highs.js';`],
      ['src/server/routes/foods.ts', `import { describeFood } from '../../app/describe-food.js';`],
      ['src/cli/main.ts', `import { Command } from 'commander';`],
    ]);
    expect(violations(allowed)).toEqual([]);
  });

  it('src/core imports no clock and no randomness', () => {
    const impure = [...sources]
      .filter(([f]) => f.startsWith('src/core/') && !/\.test\.tsx?$/.test(f))
      .filter(([, s]) => /\bDate\.now\(|\bMath\.random\(|new Date\(\)/.test(s))
      .map(([f]) => f);
    expect(impure).toEqual([]);
  });

  it('core modules import each other without cycles (balance and safety included)', () => {
    expect(coreCycles(sources)).toEqual([]);
  });

  it('the cycle check finds a planted cycle', () => {
    const planted = new Map([
      ['src/core/balance/index.ts', `import { x } from '../safety/medications.js';`],
      ['src/core/safety/rules/vka.rule.ts', `import { y } from '../../balance/index.js';`],
    ]);
    expect(coreCycles(planted)).toEqual(['balance -> safety -> balance']);
  });
});
