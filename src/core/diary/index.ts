export type { Diary, DiaryDay, DiaryEntry, DiaryMeal } from './types.js';
export { DIARY_MEALS, isDiaryMeal } from './types.js';
export { parseDiaryCsv, parseDiaryJson, parseDiaryText } from './parse.js';
export { parseCsvRecords, type CsvRecord } from './csv.js';
export { isIsoDate, MAX_ENTRY_AMOUNT } from './validate.js';
