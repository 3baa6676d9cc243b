/**
 * The clinician report as an A4 PDF (pdf-lib, pure JavaScript, the standard Helvetica fonts), two
 * printed pages: a title with the period, the disclaimer, the profile, the calcification panel
 * as a table, coverage, the findings in two columns grouped by severity with numbered short
 * references, labs as one row per test (its results oldest first, the change), the other
 * intakes, the latest plan and the sources in two columns. When that does not fit on two pages
 * the least serious findings are shortened to their first sentence, and the page says so.
 * Deterministic: the same report gives the same bytes.
 */
import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Severity } from '../core/safety/index.js';
import type { ClinicianReport, ReportFinding, ReportLab, ReportRow } from './report.js';

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
/** Under half an inch (10.6 mm): inside what office printers print, on A4 and on Letter scaled to fit. */
const MARGIN = 30;
/** Room kept at the foot of every page for the rule, the disclaimer and the page number. */
const FOOTER = 24;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY = 8.5;
const SMALL = 7.5;
/** Findings, set in two columns. */
const FINDING = 7.5;
/** Two columns, for findings, sources and the profile. */
const GUTTER = 16;
const COLUMN = (CONTENT_WIDTH - GUTTER) / 2;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.78, 0.78, 0.8);
const SHADE = rgb(0.93, 0.93, 0.95);
const ALERT = rgb(0.7, 0.1, 0.1);

const SEVERITY_LABELS: Record<Severity, string> = {
  avoid: 'Avoid',
  caution: 'Caution',
  monitor: 'Monitor',
  info: 'Information',
};
const SEVERITY_COLOURS: Record<Severity, ReturnType<typeof rgb>> = {
  avoid: rgb(0.7, 0.1, 0.1),
  caution: rgb(0.72, 0.4, 0),
  monitor: rgb(0.1, 0.33, 0.62),
  info: rgb(0.35, 0.35, 0.4),
};

/** Characters the standard fonts (WinAnsi) lack, in words they have. */
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '‑': '-',
  '→': '->',
  '←': '<-',
  '≈': '~',
  μ: 'µ',
  α: 'alpha-',
  β: 'beta-',
  γ: 'gamma-',
  '₂': '2',
  '₃': '3',
  '′': "'",
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  charset: ReadonlySet<number>;
}

type Colour = ReturnType<typeof rgb>;
interface Run {
  text: string;
  bold?: boolean;
  colour?: Colour;
}
interface TextStyle {
  size?: number;
  bold?: boolean;
  colour?: Colour;
  indent?: number;
  width?: number;
}

/** Formats for print: three significant figures, thousands separated. */
export function printAmount(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return String(Number(value.toFixed(1)));
  if (magnitude >= 1) return String(Number(value.toFixed(2)));
  return String(Number(value.toPrecision(2)));
}

/** Line height as a multiple of the type size. */
const LEADING = 1.16;

/** Something drawn whole in a column: its height is known before it is placed. */
interface Block {
  height: number;
  draw(): void;
}

/** Whether blocks of these heights fill at most two columns no taller than `limit`. */
function packs(heights: readonly number[], limit: number): boolean {
  let columns = 1;
  let used = 0;
  for (const height of heights) {
    if (used > 0 && used + height > limit + 0.01) {
      columns++;
      used = 0;
    }
    used += height;
  }
  return columns <= 2;
}

/** The shortest column height that takes all the blocks in two columns, if `room` is enough. */
function balancedHeight(heights: readonly number[], room: number): number | undefined {
  if (!packs(heights, room)) return undefined;
  let low = Math.max(...heights);
  let high = room;
  for (let step = 0; step < 24 && high - low > 0.5; step++) {
    const middle = (low + high) / 2;
    if (packs(heights, middle)) high = middle;
    else low = middle;
  }
  return high;
}

class Writer {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  y = 0;
  /** Where text starts and how wide it may run: the page, or one column of it. */
  left = MARGIN;
  width = CONTENT_WIDTH;
  /** In a column flow every block was measured to fit: no page break inside one. */
  private flowing = false;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Room for `height` points, else a new page. */
  ensure(height: number): void {
    if (!this.flowing && this.y - height < MARGIN + FOOTER) this.newPage();
  }

  clean(text: string): string {
    let out = '';
    for (const char of text) {
      const replaced = REPLACEMENTS[char] ?? char;
      for (const c of replaced) out += this.fonts.charset.has(c.codePointAt(0)!) ? c : '?';
    }
    return out;
  }

  font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Lines of `text` no wider than `width` at `size`. */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const font = this.font(bold);
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        // A word wider than the column is cut where it must be.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  draw(text: string, x: number, y: number, size: number, bold = false, colour: Colour = INK): void {
    this.page.drawText(text, { x, y, size, font: this.font(bold), color: colour });
  }

  /** The height `text` takes in `style`, in a column `width` wide (the current one if not given). */
  measure(text: string, style: TextStyle = {}, width = this.width): number {
    const size = style.size ?? BODY;
    const wide = style.width ?? width - (style.indent ?? 0);
    return this.wrap(text, wide, size, style.bold).length * size * LEADING;
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? BODY;
    const indent = style.indent ?? 0;
    const lineHeight = size * LEADING;
    for (const line of this.wrap(text, style.width ?? this.width - indent, size, style.bold)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.draw(line, this.left + indent, this.y + size * 0.25, size, style.bold, style.colour);
    }
  }

  /** Words of `runs` in lines no wider than `width`, each word with its run's style. */
  private richLines(runs: readonly Run[], width: number, size: number): Run[][] {
    const space = this.fonts.regular.widthOfTextAtSize(' ', size);
    const lines: Run[][] = [[]];
    let used = 0;
    for (const run of runs) {
      for (const word of this.clean(run.text).split(/\s+/).filter(Boolean)) {
        const wide = this.font(run.bold).widthOfTextAtSize(word, size);
        if (used > 0 && used + space + wide > width) {
          lines.push([]);
          used = 0;
        }
        lines.at(-1)!.push({ ...run, text: word });
        used += (used > 0 ? space : 0) + wide;
      }
    }
    return lines;
  }

  /** The height of a paragraph of styled runs. */
  measureRich(runs: readonly Run[], size: number, width = this.width): number {
    return this.richLines(runs, width, size).length * size * LEADING;
  }

  /** A paragraph whose words change weight or colour within a line ("What to do: ..."). */
  rich(runs: readonly Run[], size: number): void {
    const lineHeight = size * LEADING;
    for (const line of this.richLines(runs, this.width, size)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      let x = this.left;
      // Words of one style are drawn as one string, each followed by its space.
      for (let i = 0; i < line.length;) {
        const { bold, colour } = line[i]!;
        let text = '';
        while (i < line.length && line[i]!.bold === bold && line[i]!.colour === colour) {
          text += `${line[i]!.text} `;
          i++;
        }
        this.draw(text, x, this.y + size * 0.25, size, bold, colour);
        x += this.font(bold).widthOfTextAtSize(text, size);
      }
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  heading(text: string, size = 10): void {
    // Keep a heading with at least three lines of what follows it.
    this.ensure(size * 1.6 + BODY * 4);
    this.gap(size * 0.45);
    this.text(text, { size, bold: true });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 1.5 },
      end: { x: MARGIN + CONTENT_WIDTH, y: this.y - 1.5 },
      thickness: 0.6,
      color: RULE,
    });
    this.gap(4);
  }

  /**
   * A block of paragraphs in one column's width, with `space` points after it: plain text in a
   * style, or runs of one size whose words change weight or colour.
   */
  block(parts: readonly ([string, TextStyle] | [readonly Run[], number])[], space = 0): Block {
    const height = parts.reduce(
      (sum, [content, style]) =>
        sum +
        (typeof content === 'string'
          ? this.measure(content, style as TextStyle, COLUMN)
          : this.measureRich(content, style as number, COLUMN)),
      0,
    );
    return {
      height: height + space,
      draw: () => {
        for (const [content, style] of parts) {
          if (typeof content === 'string') this.text(content, style as TextStyle);
          else this.rich(content, style as number);
        }
        this.gap(space);
      },
    };
  }

  /** A label and its value side by side, in one column. */
  pair(label: string, value: string, labelWidth: number): Block {
    const height = Math.max(
      this.measure(label, { bold: true, width: labelWidth - 4 }),
      this.measure(value, { width: COLUMN - labelWidth }),
    );
    return {
      height,
      draw: () => {
        const top = this.y;
        this.text(label, { bold: true, width: labelWidth - 4 });
        this.y = top;
        this.text(value, { indent: labelWidth });
        this.y = top - height;
      },
    };
  }

  /**
   * Blocks in two columns, read down the first then the second. Where the rest fits on this page
   * the columns are balanced; else both are filled and the flow goes on on the next page. A block
   * never breaks across columns or pages.
   */
  columns(blocks: readonly Block[]): void {
    let next = 0;
    while (next < blocks.length) {
      const top = this.y;
      const room = top - (MARGIN + FOOTER);
      const first = blocks[next]!.height;
      if (first > room && top < PAGE_HEIGHT - MARGIN) {
        this.newPage();
        continue;
      }
      const limit = balancedHeight(
        blocks.slice(next).map((b) => b.height),
        room,
      );
      let bottom = top;
      this.flowing = true;
      for (let column = 0; column < 2 && next < blocks.length; column++) {
        this.y = top;
        this.left = MARGIN + column * (COLUMN + GUTTER);
        this.width = COLUMN;
        let used = 0;
        while (next < blocks.length) {
          const height = blocks[next]!.height;
          // A block taller than a whole page still goes somewhere: first in its column.
          if (used > 0 && used + height > (limit ?? room) + 0.01) break;
          blocks[next]!.draw();
          used += height;
          next++;
        }
        bottom = Math.min(bottom, this.y);
      }
      this.flowing = false;
      this.left = MARGIN;
      this.width = CONTENT_WIDTH;
      this.y = bottom;
      if (next < blocks.length) this.newPage();
    }
  }

  /** A table with a shaded header row (repeated on a new page); cells wrap within their column. */
  table(
    columns: { header: string; width: number; align?: 'left' | 'right' }[],
    rows: { cells: string[]; alert?: boolean }[],
    size = 8,
  ): void {
    const lineHeight = size * 1.18;
    const pad = 1.2;
    const header = () => {
      const lines = columns.map((c) => this.wrap(c.header, c.width - 6, size, true));
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      this.ensure(height + lineHeight * 2);
      this.page.drawRectangle({
        x: MARGIN,
        y: this.y - height,
        width: CONTENT_WIDTH,
        height,
        color: SHADE,
      });
      this.cells(columns, lines, height, size, true, INK, pad);
    };
    header();
    for (const row of rows) {
      const lines = columns.map((c, i) =>
        this.wrap(row.cells[i] ?? '', c.width - 6, size, row.alert === true && i === 0),
      );
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      if (this.y - height < MARGIN + FOOTER) {
        this.newPage();
        header();
      }
      this.cells(columns, lines, height, size, false, row.alert ? ALERT : INK, pad);
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + CONTENT_WIDTH, y: this.y },
        thickness: 0.4,
        color: RULE,
      });
    }
  }

  private cells(
    columns: { width: number; align?: 'left' | 'right' }[],
    lines: string[][],
    height: number,
    size: number,
    bold: boolean,
    colour: Colour,
    pad: number,
  ): void {
    const lineHeight = size * 1.18;
    let x = MARGIN;
    columns.forEach((column, i) => {
      (lines[i] ?? []).forEach((line, n) => {
        const width = this.font(bold).widthOfTextAtSize(line, size);
        const left = column.align === 'right' ? x + column.width - 3 - width : x + 3;
        this.draw(
          line,
          left,
          this.y - pad - (n + 1) * lineHeight + size * 0.28,
          size,
          bold,
          colour,
        );
      });
      x += column.width;
    });
    this.y -= height;
  }

  footers(disclaimer: string, title: string): void {
    this.pages.forEach((page, index) => {
      const text = this.clean(`${title} · page ${index + 1} of ${this.pages.length}`);
      page.drawLine({
        start: { x: MARGIN, y: MARGIN + 16 },
        end: { x: MARGIN + CONTENT_WIDTH, y: MARGIN + 16 },
        thickness: 0.4,
        color: RULE,
      });
      page.drawText(this.clean(disclaimer), {
        x: MARGIN,
        y: MARGIN + 7,
        size: SMALL,
        font: this.fonts.regular,
        color: MUTED,
      });
      page.drawText(text, {
        x: MARGIN + CONTENT_WIDTH - this.fonts.regular.widthOfTextAtSize(text, SMALL),
        y: MARGIN - 2,
        size: SMALL,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
  }
}

function amountCell(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined ? 'unknown' : `${printAmount(value)} ${unit}`;
}

function intakeRows(rows: readonly ReportRow[]): { cells: string[]; alert?: boolean }[] {
  return rows.map((r) => ({
    alert: r.overLimit,
    cells: [
      r.name,
      amountCell(r.food, r.unit),
      r.supplement > 0 ? amountCell(r.supplement, r.unit) : '-',
      r.target !== undefined
        ? `${printAmount(r.target)} ${r.unit}${r.targetKind ? ` ${r.targetKind}` : ''}`
        : r.notApplicable
          ? 'see findings'
          : '-',
      r.percent !== undefined ? `${Math.round(r.percent)} %` : '-',
      r.limit !== undefined
        ? `${printAmount(r.limit)} ${r.unit}${r.limitKind ? ` ${r.limitKind}` : ''}${r.limitAppliesTo === 'supplements' ? ' (suppl.)' : ''}${r.overLimit ? ' OVER' : ''}`
        : '-',
      `${Math.round(r.coverage * 100)} %`,
    ],
  }));
}

const INTAKE_COLUMNS = [
  { header: 'Nutrient', width: 124 },
  { header: 'Food / day', width: 60, align: 'right' as const },
  { header: 'Supplements', width: 60, align: 'right' as const },
  { header: 'Target', width: 88, align: 'right' as const },
  { header: '% of target', width: 50, align: 'right' as const },
  { header: 'Upper limit', width: 100, align: 'right' as const },
  { header: 'Coverage', width: CONTENT_WIDTH - 482, align: 'right' as const },
];

/** The two pages a clinician is given: findings are shortened, least serious first, to keep to them. */
const PAGE_BUDGET = 2;
const SEVERITY_ORDER: readonly Severity[] = ['avoid', 'caution', 'monitor', 'info'];

/** A finding's first sentence: what it is about, without the explanation that follows. */
export function headline(message: string): string {
  const first = /^(.{40,}?[.!?])\s+(?=[A-Z(])/.exec(message);
  return first ? first[1]! : message;
}

function findingsSection(
  w: Writer,
  findings: readonly ReportFinding[],
  shortened: readonly Severity[],
): void {
  if (findings.length === 0) {
    w.text('No findings for this profile and diary.', { colour: MUTED });
    return;
  }
  const cut = findings.filter(
    (f) => shortened.includes(f.severity) && headline(f.message) !== f.message,
  );
  if (cut.length > 0) {
    const groups = SEVERITY_ORDER.filter((s) => shortened.includes(s)).map((s) =>
      SEVERITY_LABELS[s].toLowerCase(),
    );
    w.text(
      `Shortened to fit two pages: ${listWords(groups)} findings show their first sentence only (${cut.length} of ${findings.length} findings); each keeps its action, cause and sources.`,
      { size: SMALL, colour: MUTED },
    );
    w.gap(2);
  }
  const blocks: Block[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    group.forEach((finding, index) => {
      const refs =
        finding.references.length > 0 ? ` · sources [${finding.references.join(', ')}]` : '';
      const message = shortened.includes(severity) ? headline(finding.message) : finding.message;
      const parts: ([string, TextStyle] | [Run[], number])[] = [
        [message, { size: FINDING }],
        [
          [
            { text: 'What to do:', bold: true },
            { text: finding.action },
            { text: `Because of ${finding.because}${refs}`, colour: MUTED },
          ],
          FINDING,
        ],
      ];
      // The group's label goes with its first finding, never alone at the foot of a column.
      if (index === 0) {
        parts.unshift([
          `${SEVERITY_LABELS[severity]} (${group.length})`,
          { bold: true, size: 9, colour: SEVERITY_COLOURS[severity] },
        ]);
      }
      blocks.push(w.block(parts, 3));
    });
  }
  w.columns(blocks);
}

/** "a", "a and b", "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** A test's results in the period, oldest first, each out-of-range value marked. */
function labRows(labs: readonly ReportLab[]): { cells: string[]; alert?: boolean }[] {
  const byTest = new Map<string, ReportLab[]>();
  for (const lab of labs) byTest.set(lab.test, [...(byTest.get(lab.test) ?? []), lab]);
  return [...byTest.entries()].map(([test, results]) => {
    const mark = (lab: ReportLab) =>
      lab.low !== undefined && lab.value < lab.low
        ? ' LOW'
        : lab.high !== undefined && lab.value > lab.high
          ? ' HIGH'
          : '';
    const latest = results.at(-1)!;
    const first = results[0]!;
    const change = latest.value - first.value;
    const range =
      latest.low !== undefined || latest.high !== undefined
        ? `${latest.low !== undefined ? printAmount(latest.low) : ''}-${latest.high !== undefined ? printAmount(latest.high) : ''}`
        : '-';
    return {
      alert: mark(latest) !== '',
      cells: [
        test,
        results.map((lab) => `${lab.date}: ${printAmount(lab.value)}${mark(lab)}`).join(' · '),
        latest.unit,
        range,
        results.length > 1
          ? change === 0
            ? 'no change'
            : `${change > 0 ? '+' : '-'}${printAmount(Math.abs(change))}`
          : '-',
      ],
    };
  });
}

/**
 * The report as PDF bytes: in full when it fits on two pages, else with the least serious
 * findings shortened to their first sentence, one severity at a time, until it does (the page
 * says which). Nothing else is left out; a report that still does not fit runs on.
 */
export async function renderReportPdf(report: ClinicianReport): Promise<Uint8Array> {
  let doc: PDFDocument | undefined;
  for (let level = 0; level <= SEVERITY_ORDER.length; level++) {
    doc = await layout(report, SEVERITY_ORDER.slice(SEVERITY_ORDER.length - level));
    if (doc.getPageCount() <= PAGE_BUDGET) break;
  }
  return doc!.save({ useObjectStreams: false });
}

async function layout(
  report: ClinicianReport,
  shortened: readonly Severity[],
): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const title = 'calcwise report for a clinician';
  const when = new Date(`${report.generatedOn}T00:00:00Z`);
  doc.setTitle(`${title}, ${report.period.from} to ${report.period.to}`);
  doc.setSubject(report.disclaimer);
  doc.setCreator('calcwise');
  doc.setProducer('calcwise (pdf-lib)');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, { regular, bold, charset: new Set(regular.getCharacterSet()) });

  w.text(title, { size: 15, bold: true });
  w.gap(1);
  w.text(
    `Diet from ${report.period.from} to ${report.period.to} (${report.period.loggedDays} logged of ${report.period.days} days) · generated ${report.generatedOn} · reference intakes: ${report.authority.toUpperCase()}`,
    { colour: MUTED },
  );
  w.gap(2);
  w.text(report.disclaimer, { bold: true });

  w.heading('Profile');
  if (report.profile) {
    w.columns(report.profile.map((row) => w.pair(row.label, row.value, 76)));
  } else {
    w.text('No profile has been entered: no targets and no findings can be given.', {
      colour: MUTED,
    });
  }

  w.heading('Calcification panel: average daily intake vs targets');
  w.table(INTAKE_COLUMNS, intakeRows(report.panel));
  w.gap(2);
  w.text(
    'Food and supplements are daily averages over the logged days; targets and limits are compared with their sum (a limit marked "suppl." counts supplements only). Vitamin D: 1 µg = 40 IU. Coverage: share of logged entries whose food has a value; unknown values are not counted as zero.',
    { size: SMALL, colour: MUTED },
  );

  w.heading('Data coverage');
  for (const line of report.coverage) w.text(line);

  w.heading('Findings, most serious first');
  findingsSection(w, report.findings, shortened);

  w.heading('Labs in the period, oldest result first');
  if (report.labs && report.labs.length > 0) {
    w.table(
      [
        { header: 'Test', width: 110 },
        { header: 'Results (date: value)', width: CONTENT_WIDTH - 290 },
        { header: 'Unit', width: 70 },
        { header: 'Your range', width: 60 },
        { header: 'Change', width: 50, align: 'right' },
      ],
      labRows(report.labs),
    );
    w.gap(2);
    w.text(
      'HIGH, LOW: outside the range entered with the result. Change: latest minus first result in the period.',
      { size: SMALL, colour: MUTED },
    );
  } else {
    w.text('No laboratory results are recorded in calcwise for this period.', { colour: MUTED });
  }

  if (report.other.length > 0) {
    w.heading('Other intake vs targets');
    w.table(INTAKE_COLUMNS, intakeRows(report.other));
  }

  w.heading('Latest saved plan');
  if (report.plan) {
    w.text(
      `Made ${report.plan.createdAt.slice(0, 10)} (${report.plan.status}), ${report.plan.days.length} day(s):`,
      { colour: MUTED },
    );
    for (const day of report.plan.days) {
      w.text(`${day.label}: ${day.foods.join('; ') || 'nothing planned'}`, { indent: 6 });
    }
    if (report.plan.supplements.length > 0) {
      w.text(`Supplements suggested: ${report.plan.supplements.join('; ')}`, { indent: 6 });
    }
  } else {
    w.text('No plan has been saved.', { colour: MUTED });
  }

  if (report.references.length > 0) {
    w.heading('Sources');
    w.columns(
      report.references.map((reference, index) =>
        w.block([[`[${index + 1}] ${reference}`, { size: SMALL }]], 1),
      ),
    );
  }

  w.footers(report.disclaimer, title);
  return doc;
}
