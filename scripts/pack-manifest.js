/**
 * Keeps the repository's `prepare` (the build `npm ci` runs in a clone) out of the packed
 * package.json: npm 11 lists a `prepare` of a tarball or git dependency as an install script to
 * approve, although a packed calcwise has nothing to build. `npm pack` / `npm publish` run
 *   prepack:  build, then `node scripts/pack-manifest.js strip`   (package.json without prepare)
 *   postpack: `node scripts/pack-manifest.js restore`             (package.json as committed)
 * The original is kept in .package.json.prepack until it is restored.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const manifest = fileURLToPath(new URL('../package.json', import.meta.url));
const backup = fileURLToPath(new URL('../.package.json.prepack', import.meta.url));

const command = process.argv[2];
if (command === 'strip') {
  if (existsSync(backup))
    throw new Error(`${backup} exists: run "node scripts/pack-manifest.js restore" first`);
  const text = readFileSync(manifest, 'utf8');
  writeFileSync(backup, text);
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(backup)) renameSync(backup, manifest);
} else {
  throw new Error('usage: node scripts/pack-manifest.js strip|restore');
}
