import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { KNOWN_CROSSINGS, LAYERS, layerViolation } from '../scripts/layers.js';

/** The layer rules as ESLint applies them (eslint.config.js reads scripts/layers.js). */
describe('calcwise/layers in eslint', () => {
  const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

  async function lint(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result!.messages.filter((m) => m.ruleId === 'calcwise/layers').map((m) => m.message);
  }

  it('rejects planted violations: core importing an adapter or node:, adapters importing each other', async () => {
    expect(
      await lint('src/core/planted.ts', "import { x } from '../store/store.js';\nexport { x };\n"),
    ).toEqual(['src/core may import nothing outside itself; not src/store (../store/store.js)']);
    expect(await lint('src/core/planted.ts', "export { readFileSync } from 'node:fs';\n")).toEqual([
      'src/core is pure: it may not import node:fs',
    ]);
    expect(
      await lint('src/server/routes/planted.ts', "export * from '../../cli/commands/foods.js';\n"),
    ).toHaveLength(1);
    expect(
      await lint('src/store/planted.ts', "export const s = () => import('../solver/highs.js');\n"),
    ).toHaveLength(1);
  });

  it('accepts what the layers allow', async () => {
    expect(await lint('src/cli/planted.ts', "export { ok } from '../core/result.js';\n")).toEqual(
      [],
    );
    expect(await lint('src/core/a/planted.ts', "export { ok } from '../result.js';\n")).toEqual([]);
  });
});

describe('scripts/layers.js', () => {
  it('names every folder under src/ and only lists existing crossings', async () => {
    const { readdirSync, existsSync } = await import('node:fs');
    const root = new URL('../src/', import.meta.url).pathname;
    const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const folder of folders) expect(Object.keys(LAYERS)).toContain(folder.name);
    for (const [file] of KNOWN_CROSSINGS) {
      expect(existsSync(new URL(`../${file}`, import.meta.url)), file).toBe(true);
    }
  });

  it('resolves relative paths before judging them', () => {
    expect(layerViolation('src/cli/x.ts', '../core/targets/data/x.js')).toBeUndefined();
    expect(layerViolation('src/data/x.ts', '../../test/fixtures/x.js')).toMatch(/outside src/);
    expect(layerViolation('src/web/x.tsx', '../server/app.js')).toMatch(/not src\/server/);
  });
});
