import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapterFolders = ['data', 'store', 'server', 'cli', 'web', 'solver'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'docs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Layer rule: the core is pure. No node: modules, no adapters, no I/O libraries.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/core is pure: no node: imports.' },
            {
              group: adapterFolders.flatMap((f) => [
                `../${f}/*`,
                `../../${f}/*`,
                `../../../${f}/*`,
              ]),
              message: 'src/core must not import adapters.',
            },
            {
              group: ['fs', 'path', 'better-sqlite3', 'pg', 'kysely', 'hono', 'highs', 'commander'],
              message: 'src/core is pure: no I/O libraries.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the clock in.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in.' },
      ],
    },
  },
);
