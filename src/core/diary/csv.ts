import { err, ok, type Result } from '../result.js';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records following RFC 4180: fields separated by commas, optionally
 * enclosed in double quotes, `""` for a quote inside a quoted field, quoted fields may hold
 * commas and line breaks. Tolerates a UTF-8 byte-order mark, CRLF or LF line ends, and spaces
 * around a quoted field. Blank lines are skipped.
 * @example parseCsvRecords('date,unit\n2026-01-01,"cup, chopped"') // records with fields ['2026-01-01', 'cup, chopped']
 */
export function parseCsvRecords(text: string, file?: string): Result<CsvRecord[]> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let wasQuoted = false;
  let afterQuote = false;
  let quoteLine = 1;

  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  const fail = (message: string) =>
    err({ code: 'INVALID_CSV' as const, message, file, location: `line ${line}` });

  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (inQuotes) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === ',') {
      endField();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (char === '"') {
      if (field.trim() !== '' || afterQuote)
        return fail('a quote inside an unquoted field; enclose the field in quotes');
      field = '';
      inQuotes = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (afterQuote) {
      if (char !== ' ' && char !== '\t')
        return fail('text after a closing quote; expected a comma or a line end');
    } else {
      field += char;
    }
  }
  if (inQuotes) {
    line = quoteLine;
    return fail('a quoted field opened here is not closed');
  }
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return ok(records);
}
