import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const coreDir = join(root, 'src/core');
const adapters = ['data', 'store', 'server', 'cli', 'web', 'solver', 'schemas'];

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) found.push((match[1] ?? match[2])!);
  return found;
}

describe('layer rules', () => {
  const files = listTs(coreDir);

  it('finds the core files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('keeps src/core pure: no node: modules, no adapters, no I/O libraries', () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const bare = !spec.startsWith('.');
        const nodeBuiltin =
          spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(spec);
        const ioLibrary =
          bare &&
          ['better-sqlite3', 'pg', 'kysely', 'hono', 'highs', 'commander'].some(
            (lib) => spec === lib || spec.startsWith(`${lib}/`),
          );
        const resolved = bare ? '' : relative(coreDir, join(file, '..', spec));
        const adapter =
          !bare &&
          resolved.startsWith('..') &&
          adapters.some((a) => resolved.startsWith(`../${a}/`) || resolved === `../${a}`);
        if (nodeBuiltin || ioLibrary || adapter)
          violations.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('detects a violation when one is present (the check itself works)', () => {
    expect(importsOf(`import { readFileSync } from 'node:fs';`)).toEqual(['node:fs']);
    expect(importsOf(`export { x } from '../store/index.js';`)).toEqual(['../store/index.js']);
  });

  it('keeps the clock and randomness out of the core', () => {
    const violations = files.filter((file) =>
      /\bDate\.now\(|\bMath\.random\(|new Date\(\)/.test(readFileSync(file, 'utf8')),
    );
    expect(violations.map((f) => relative(root, f))).toEqual([]);
  });
});
