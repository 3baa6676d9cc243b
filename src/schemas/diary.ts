/**
 * Diary input at the edge. Parsing is pure text → value and lives in the core
 * (src/core/diary/parse.ts) so the CLI, the server and importers share it; this module is the
 * entry point adapters import.
 */
export { parseDiaryCsv, parseDiaryJson, parseDiaryText } from '../core/diary/parse.js';
