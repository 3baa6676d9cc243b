/**
 * Writes docs/export.schema.json, the JSON Schema of the calcwise export document, from the zod
 * schema the importer checks with (src/app/export-data.ts). Run: npx tsx scripts/build-export-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema } from '../src/app/export-data.js';

const target = fileURLToPath(new URL('../docs/export.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
