import type { Command } from 'commander';

/**
 * `--help` examples, by command path. Each runs from a clone of the repository (the example
 * files are in examples/); test/cli-conventions.test.ts checks every command has some.
 */
export const HELP_EXAMPLES: Record<string, readonly string[]> = {
  foods: ['calcwise foods search kale', 'calcwise foods show sr24:16113', 'calcwise foods top mk7'],
  'foods search': [
    'calcwise foods search yoghurt',
    'calcwise foods search cheddar --group dairy --limit 3',
    'calcwise foods search brocoli --json',
  ],
  'foods show': ['calcwise foods show sr24:16113', 'calcwise foods show 11233 --json'],
  'foods top': [
    'calcwise foods top mk7 --per serving',
    'calcwise foods top vitamin-k1 --limit 5 --json',
    'calcwise foods top mk7 | head -3',
  ],
  analyze: [
    'calcwise analyze examples/diary-week.json',
    'calcwise analyze examples/diary-week.csv --profile examples/profile-omnivore-64f.json',
    'cat examples/diary-week.csv | calcwise analyze -',
  ],
  targets: [
    'calcwise targets --profile examples/profile-omnivore-64f.json',
    'calcwise targets --age 64 --sex female --authority efsa',
    'calcwise targets --profile - < examples/profile-omnivore-64f.json',
  ],
  check: [
    'calcwise check --profile examples/profile-warfarin-ckd3b-72m.json',
    'calcwise check --profile examples/profile-warfarin-ckd3b-72m.json --diary examples/diary-week.json',
  ],
  evidence: ['calcwise evidence', 'calcwise evidence vitamin-k2', 'calcwise evidence --faq'],
  score: ['calcwise score medas --diary examples/diary-week.json', 'calcwise score dash --help'],
  'score medas': [
    'calcwise score medas --diary examples/diary-week.json',
    'calcwise score medas --answers answers.json --json',
    'calcwise score medas            # asks the 14 questions on a terminal',
  ],
  'score dash': ['calcwise score dash --json'],
  plan: [
    'calcwise plan --profile examples/profile-omnivore-64f.json --days 3',
    'calcwise plan --profile examples/profile-omnivore-64f.json --base examples/diary-week.json',
    'calcwise plan --foods examples/diet-foods.csv --model examples/diet-model.json',
  ],
  meds: ['calcwise meds resolve Coumadin', 'calcwise meds resolve warfrin --json'],
  'meds resolve': [
    'calcwise meds resolve "Lasix 40 mg"',
    'calcwise meds resolve Zestoretic --json',
  ],
  diary: [
    'calcwise diary add 2026-11-20 sr24:11233 1 "cup, chopped" --db ./calcwise.db',
    'calcwise diary list --db ./calcwise.db',
  ],
  labs: [
    'calcwise labs add inr 2.4 ratio --date 2026-11-20 --db ./calcwise.db',
    'calcwise labs list --test inr --db ./calcwise.db',
  ],
  'labs add': [
    'calcwise labs add 25-oh-d 18 ng/mL --date 2026-11-02',
    'calcwise labs add potassium 5.4 mmol/L --low 3.5 --high 5.1 --json',
    'calcwise labs add egfr 52 mL/min/1.73m2',
  ],
  supplements: [
    'calcwise supplements log 2026-11-20 vitamin-d=1000IU mk7=90µg --db ./calcwise.db',
    'calcwise supplements list --from 2026-11-16 --to 2026-11-22 --db ./calcwise.db',
  ],
  'supplements log': [
    'calcwise supplements log 2026-11-20 vitamin-d=1000IU magnesium=250mg',
    'calcwise supplements log 2026-11-21 none',
  ],
  'supplements clear': ['calcwise supplements clear 2026-11-21'],
  'supplements list': [
    'calcwise supplements list',
    'calcwise supplements list --from 2026-11-16 --to 2026-11-22 --json',
  ],
  'labs list': ['calcwise labs list', 'calcwise labs list --test egfr --json'],
  import: [
    'calcwise import cronometer servings.csv --db ./calcwise.db',
    'calcwise import fdc FoodData_Central_foundation_food_csv.zip --db ./calcwise.db',
    'calcwise import calcwise export.json --db ./empty.db',
  ],
  report: [
    'calcwise report --pdf report.pdf --db ./calcwise.db',
    'calcwise report --pdf report.pdf --from 2026-11-01 --to 2026-11-30',
  ],
  export: ['calcwise export --db ./calcwise.db -o export.json', 'calcwise export --format csv'],
  serve: [
    'calcwise serve',
    'calcwise serve --port 8080 --db ./my.db',
    'calcwise serve --port 0',
    'calcwise serve --trust-proxy --allowed-host calcwise.example.org',
    'calcwise serve --queue pg --no-worker',
    'calcwise serve --accounts --host 0.0.0.0 --allowed-host calcwise.lan',
  ],
  worker: ['calcwise worker', 'calcwise worker --concurrency 2 --grace 60'],
  users: ['calcwise users list', 'calcwise users add maria < password.txt'],
  'users add': [
    'calcwise users add maria < password.txt',
    'calcwise users add maria --db ./calcwise.db   # then type the password and Ctrl-D',
  ],
  'users reset-password': ['calcwise users reset-password maria < new-password.txt'],
  'users list': ['calcwise users list --json'],
  backup: [
    'calcwise backup calcwise-backup.db',
    'calcwise backup /backups/calcwise-$(date +%F).db --db ./calcwise.db',
  ],
};

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Appends an "Examples:" section to the help of every command that has some. */
export function addHelpExamples(program: Command): void {
  const visit = (command: Command): void => {
    const examples = HELP_EXAMPLES[pathOf(command)];
    if (examples) {
      command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    }
    command.commands.forEach(visit);
  };
  program.commands.forEach(visit);
}
