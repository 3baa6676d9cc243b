/**
 * The clinician report as an A4 PDF (pdf-lib, pure JavaScript, the standard Helvetica fonts):
 * a title with the period, the disclaimer, the profile, the calcification panel and the other
 * intakes as tables, findings grouped by severity with numbered short references, coverage, the
 * latest plan and labs. Deterministic: the same report gives the same bytes.
 */
import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Severity } from '../core/safety/index.js';
import type { ClinicianReport, ReportFinding, ReportRow } from './report.js';

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 42;
const FOOTER = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY = 9;
const SMALL = 7.5;
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

class Writer {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  y = 0;

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
    if (this.y - height < MARGIN + FOOTER) this.newPage();
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

  /** The height `text` takes in `style`. */
  measure(text: string, style: TextStyle = {}): number {
    const size = style.size ?? BODY;
    const width = style.width ?? CONTENT_WIDTH - (style.indent ?? 0);
    return this.wrap(text, width, size, style.bold).length * size * 1.24;
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? BODY;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.24;
    for (const line of this.wrap(text, style.width ?? CONTENT_WIDTH - indent, size, style.bold)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.draw(line, MARGIN + indent, this.y + size * 0.25, size, style.bold, style.colour);
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  heading(text: string, size = 11.5): void {
    // Keep a heading with at least three lines of what follows it.
    this.ensure(size * 1.6 + BODY * 4);
    this.gap(size * 0.7);
    this.text(text, { size, bold: true });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 2 },
      end: { x: MARGIN + CONTENT_WIDTH, y: this.y - 2 },
      thickness: 0.6,
      color: RULE,
    });
    this.gap(5);
  }

  /** A table with a shaded header row (repeated on a new page); cells wrap within their column. */
  table(
    columns: { header: string; width: number; align?: 'left' | 'right' }[],
    rows: { cells: string[]; alert?: boolean }[],
    size = 8.5,
  ): void {
    const lineHeight = size * 1.25;
    const pad = size > 8 ? 3 : 2;
    const header = () => {
      const lines = columns.map((c) => this.wrap(c.header, c.width - 2 * pad, size, true));
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      this.ensure(height + lineHeight * 2);
      this.page.drawRectangle({
        x: MARGIN,
        y: this.y - height,
        width: CONTENT_WIDTH,
        height,
        color: SHADE,
      });
      this.cells(columns, lines, height, size, true, INK);
    };
    header();
    for (const row of rows) {
      const lines = columns.map((c, i) =>
        this.wrap(row.cells[i] ?? '', c.width - 2 * pad, size, row.alert === true && i === 0),
      );
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      if (this.y - height < MARGIN + FOOTER) {
        this.newPage();
        header();
      }
      this.cells(columns, lines, height, size, false, row.alert ? ALERT : INK);
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
  ): void {
    const lineHeight = size * 1.25;
    let x = MARGIN;
    columns.forEach((column, i) => {
      (lines[i] ?? []).forEach((line, n) => {
        const width = this.font(bold).widthOfTextAtSize(line, size);
        const left = column.align === 'right' ? x + column.width - 3 - width : x + 3;
        this.draw(line, left, this.y - 3 - (n + 1) * lineHeight + size * 0.3, size, bold, colour);
      });
      x += column.width;
    });
    this.y -= height;
  }

  footers(disclaimer: string, title: string): void {
    this.pages.forEach((page, index) => {
      const text = this.clean(`${title} · page ${index + 1} of ${this.pages.length}`);
      page.drawLine({
        start: { x: MARGIN, y: MARGIN + 18 },
        end: { x: MARGIN + CONTENT_WIDTH, y: MARGIN + 18 },
        thickness: 0.4,
        color: RULE,
      });
      page.drawText(this.clean(disclaimer), {
        x: MARGIN,
        y: MARGIN + 8,
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
  { header: 'Nutrient', width: 128 },
  { header: 'Food / day', width: 62, align: 'right' as const },
  { header: 'Supplements', width: 60, align: 'right' as const },
  { header: 'Target', width: 82, align: 'right' as const },
  { header: '% of target', width: 46, align: 'right' as const },
  { header: 'Upper limit', width: 88, align: 'right' as const },
  { header: 'Coverage', width: CONTENT_WIDTH - 466, align: 'right' as const },
];

function findingsSection(w: Writer, findings: readonly ReportFinding[]): void {
  if (findings.length === 0) {
    w.text('No findings for this profile and diary.', { colour: MUTED });
    return;
  }
  for (const severity of ['avoid', 'caution', 'monitor', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    w.ensure(BODY * 6);
    w.gap(3);
    w.text(`${SEVERITY_LABELS[severity]} (${group.length})`, {
      bold: true,
      size: 10,
      colour: SEVERITY_COLOURS[severity],
    });
    for (const finding of group) {
      const refs =
        finding.references.length > 0 ? ` · Sources [${finding.references.join(', ')}]` : '';
      const parts: [string, TextStyle][] = [
        [`- ${finding.message}`, { indent: 6 }],
        [`What to do: ${finding.action}`, { indent: 14 }],
        [`Because of ${finding.because}${refs}`, { indent: 14, size: SMALL, colour: MUTED }],
      ];
      // A finding is read whole: it does not break across pages.
      w.ensure(parts.reduce((height, [text, style]) => height + w.measure(text, style), 1.5));
      w.gap(1.5);
      for (const [text, style] of parts) w.text(text, style);
    }
  }
}

/** The report as PDF bytes. */
export async function renderReportPdf(report: ClinicianReport): Promise<Uint8Array> {
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

  w.text(title, { size: 16, bold: true });
  w.gap(2);
  w.text(
    `Diet from ${report.period.from} to ${report.period.to} (${report.period.loggedDays} logged of ${report.period.days} days) · generated ${report.generatedOn} · reference intakes: ${report.authority.toUpperCase()}`,
    { colour: MUTED },
  );
  w.gap(4);
  w.text(report.disclaimer, { bold: true });

  w.heading('Profile');
  if (report.profile) {
    for (const row of report.profile) {
      const lines = w.wrap(row.value, CONTENT_WIDTH - 130, BODY);
      w.ensure(lines.length * BODY * 1.24);
      const top = w.y;
      w.text(row.label, { bold: true, width: 125 });
      const afterLabel = w.y;
      w.y = top;
      w.text(row.value, { indent: 130 });
      w.y = Math.min(w.y, afterLabel);
    }
  } else {
    w.text('No profile has been entered: no targets and no findings can be given.', {
      colour: MUTED,
    });
  }

  w.heading('Calcification panel: average daily intake vs targets');
  w.table(INTAKE_COLUMNS, intakeRows(report.panel));
  w.gap(3);
  w.text(
    'Food and supplements are daily averages over the logged days; targets and limits are compared with their sum (a limit marked "suppl." counts supplements only). Vitamin D: 1 µg = 40 IU. Coverage: share of logged entries whose food has a value; unknown values are not counted as zero.',
    { size: SMALL, colour: MUTED },
  );

  w.heading('Data coverage');
  for (const line of report.coverage) w.text(line);

  w.heading('Findings, most serious first');
  findingsSection(w, report.findings);

  w.heading('Labs');
  if (report.labs && report.labs.length > 0) {
    w.table(
      [
        { header: 'Test', width: 170 },
        { header: 'Date', width: 80 },
        { header: 'Value', width: 80, align: 'right' },
        { header: 'Unit', width: 80 },
        { header: 'Your range', width: CONTENT_WIDTH - 410 },
      ],
      report.labs.map((lab) => {
        const outside =
          (lab.low !== undefined && lab.value < lab.low) ||
          (lab.high !== undefined && lab.value > lab.high);
        const range =
          lab.low !== undefined || lab.high !== undefined
            ? `${lab.low !== undefined ? printAmount(lab.low) : ''}-${lab.high !== undefined ? printAmount(lab.high) : ''}${outside ? ' OUTSIDE' : ''}`
            : '-';
        return {
          alert: outside,
          cells: [lab.test, lab.date, printAmount(lab.value), lab.unit, range],
        };
      }),
    );
  } else {
    w.text('No laboratory results are recorded in calcwise for this period.', { colour: MUTED });
  }

  if (report.other.length > 0) {
    w.heading('Other intake vs targets');
    w.table(INTAKE_COLUMNS, intakeRows(report.other), 8);
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
    report.references.forEach((reference, index) =>
      w.text(`[${index + 1}] ${reference}`, { size: SMALL }),
    );
  }

  w.footers(report.disclaimer, title);
  return doc.save({ useObjectStreams: false });
}
