/**
 * Runs every bench/*.bench.ts (or those whose name contains an argument: `npm run bench -- search`),
 * prints one markdown table per section and writes bench/results.json with the machine it ran on.
 * Each bench file exports `async function run(): Promise<BenchSection>`.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
}

const here = dirname(fileURLToPath(import.meta.url));

async function main(filters: string[]): Promise<number> {
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
  const sections: (BenchSection & { file: string; seconds: number })[] = [];
  const failures: { file: string; error: string }[] = [];
  for (const file of files) {
    const started = performance.now();
    process.stderr.write(`bench: ${file} …\n`);
    try {
      const module = (await import(pathToFileURL(join(here, file)).href)) as {
        run?: () => Promise<BenchSection>;
      };
      if (typeof module.run !== 'function') throw new Error('exports no run() function');
      const section = await module.run();
      sections.push({ ...section, file, seconds: (performance.now() - started) / 1000 });
      process.stdout.write(toMarkdown(section, file));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ file, error: message });
      process.stderr.write(`bench: ${file} failed: ${message}\n`);
    }
  }
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
  };
  const results = {
    date: new Date().toISOString(),
    command: `npm run bench${filters.length ? ` -- ${filters.join(' ')}` : ''}`,
    machine,
    sections,
    failures,
  };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}). Results in bench/results.json.\n`,
  );
  return failures.length === 0 ? 0 : 1;
}

export function toMarkdown(section: BenchSection, file: string): string {
  const lines = [
    `\n## ${section.title}\n`,
    `_${file}_\n`,
    '| Measure | Value | Unit | Note |',
    '|---|---:|---|---|',
  ];
  for (const row of section.rows) {
    lines.push(`| ${row.name} | ${formatValue(row.value)} | ${row.unit} | ${row.note ?? ''} |`);
  }
  return `${lines.join('\n')}\n`;
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 1
      ? value.toFixed(2)
      : value.toPrecision(3);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
