/**
 * The layers of src/ and which may import which: the one list eslint.config.js (rule
 * `calcwise/layers`) and test/layers.test.ts both read. Add a folder here before adding it to src/.
 *
 *   core      pure domain: imports nothing outside src/core (no node:, no I/O library)
 *   schemas   input schemas (zod) over core types
 *   data, solver, store   adapters: each reaches only core
 *   app       use cases, the one bridge: wires adapters for the hosts
 *   cli, server           hosts: parse, call app, render
 *   web       browser UI: core types and its own API client
 */

/** @type {Record<string, readonly string[]>} layer -> layers it may import (itself always). */
export const LAYERS = {
  core: [],
  schemas: ['core'],
  data: ['core'],
  solver: ['core'],
  store: ['core'],
  app: ['core', 'schemas', 'data', 'solver', 'store'],
  cli: ['core', 'schemas', 'app'],
  server: ['core', 'schemas', 'app'],
  web: ['core', 'schemas'],
};

/** Layers that may not import node: modules or I/O libraries. */
export const PURE_LAYERS = ['core'];

/** Bare modules a pure layer may not import (node builtins are caught by `node:` or this list). */
export const IO_MODULES = [
  'fs',
  'path',
  'os',
  'child_process',
  'better-sqlite3',
  'pg',
  'kysely',
  'hono',
  '@hono/node-server',
  'highs',
  'commander',
];

/**
 * Imports that cross a layer today and are removed by the application-layer refactor (issue #15,
 * part 3): `[importing file, imported layer]`. Remove an entry when its import goes; the list
 * only shrinks.
 */
export const KNOWN_CROSSINGS = [
  // `calcwise serve` starts the HTTP host from the CLI: the one host-to-host import.
  ['src/cli/commands/serve.ts', 'server'],
];

/** The layer of a repository-relative path ('src/core/foods.ts' -> 'core'), or undefined. */
export function layerOf(file) {
  const match = /^src\/([^/]+)\//.exec(file.replaceAll('\\', '/'));
  return match ? match[1] : undefined;
}

/**
 * Why importing `spec` from repository-relative `file` breaks a layer rule, or undefined.
 * Test files are held to the rules of the folder they sit in.
 */
export function layerViolation(file, spec) {
  file = file.replaceAll('\\', '/');
  const from = layerOf(file);
  if (from === undefined) return undefined;
  if (!(from in LAYERS)) return `src/${from} is not a known layer: add it to scripts/layers.js`;
  if (!spec.startsWith('.')) {
    if (!PURE_LAYERS.includes(from)) return undefined;
    const bare = spec.startsWith('node:')
      ? spec
      : spec
          .split('/')
          .slice(0, spec.startsWith('@') ? 2 : 1)
          .join('/');
    if (spec.startsWith('node:') || IO_MODULES.includes(bare)) {
      return `src/${from} is pure: it may not import ${spec}`;
    }
    return undefined;
  }
  const dir = file.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') dir.pop();
    else if (part !== '.') dir.push(part);
  }
  const target = dir.join('/');
  if (!target.startsWith('src/')) return `src/${from} may not import ${spec} (outside src/)`;
  const to = layerOf(`${target}/`);
  if (to === undefined || to === from || LAYERS[from].includes(to)) return undefined;
  if (KNOWN_CROSSINGS.some(([f, l]) => f === file && l === to)) return undefined;
  const allowed = LAYERS[from].length > 0 ? LAYERS[from].join(', ') : 'nothing outside itself';
  return `src/${from} may import ${allowed}; not src/${to} (${spec})`;
}
