import type { Command } from 'commander';
import { MEDICATION_CLASSES, resolveMedication } from '../../core/safety/index.js';
import { printJson, type CliIo } from '../io.js';

/** `calcwise meds resolve <name>`: what a typed medication name means to the safety rules. */
export function registerMedsCommand(program: Command, io: CliIo): void {
  const meds = program
    .command('meds')
    .description('Medication vocabulary: generics, salts, brands and combination products');
  meds
    .command('resolve <name...>')
    .description(
      'Resolve a medication name (brand, salt, combination, typo) to its generics and classes',
    )
    .option('--json', 'print JSON')
    .action((words: string[], options: { json?: boolean }) => {
      const resolution = resolveMedication(words.join(' '));
      const out = {
        input: resolution.input,
        matches: resolution.matches.map((m) => ({
          generic: m.generic,
          classes: m.classes,
          name: m.name,
          kind: m.kind,
          source: m.source,
        })),
        suggestions: resolution.suggestions,
      };
      if (options.json) return printJson(io, out);
      const lines: string[] = [];
      if (out.matches.length === 0) {
        lines.push(`"${out.input}": not in the calcwise vocabulary; it would not be screened.`);
        if (out.suggestions.length) lines.push(`Did you mean: ${out.suggestions.join(', ')}?`);
      } else {
        lines.push(`"${out.input}" → ${out.matches.map((m) => m.generic).join(' + ')}`);
        for (const m of out.matches) {
          const classes = m.classes.length
            ? m.classes.map((c) => MEDICATION_CLASSES[c]).join('; ')
            : 'no calcwise rule concerns it';
          lines.push(`  ${m.generic}: ${classes}`);
          lines.push(`    source (${m.source.level}): ${m.source.url}`);
        }
      }
      io.stdout(`${lines.join('\n')}\n`);
    });
}
