/**
 * Builds data/sr24/ from Debian's `cronometer` package (USDA SR24, public domain):
 *   npm run data:build                      # apt-get download cronometer, then build
 *   npm run data:build -- --deb <file.deb>  # build from a .deb already at hand
 * Writes foods.tsv, portions.tsv and manifest.json; reads group-assignments.tsv (see data/README.md).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SR24_FOOD_GROUPS, sr24FoodGroup } from '../src/data/food-groups.js';
import { SR24_NUTRIENT_MAP } from '../src/data/sr24-nutrients.js';
import {
  formatSr24FoodsTsv,
  formatSr24PortionsTsv,
  parseGroupAssignmentsTsv,
  type Sr24FoodRow,
  type Sr24PortionRow,
} from '../src/data/sr24-tsv.js';
import { parseSr24FoodXml, parseSr24Index, splitSr24Foods } from '../src/data/sr24-xml.js';

const PACKAGE = 'cronometer';
const JAR_PATH = 'usr/share/cronometer/usda_sr24.jar';
const COPYRIGHT_PATH = 'usr/share/doc/cronometer/copyright';
const PUBLIC_DOMAIN_STATEMENT =
  'USDA food composition data is in the public domain and there is no copyright';

const outDir = fileURLToPath(new URL('../data/sr24/', import.meta.url));

function run(command: string, args: string[], cwd?: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function downloadDeb(workDir: string): string {
  try {
    run('apt-get', ['download', PACKAGE], workDir);
  } catch {
    console.error('apt-get download failed; running apt-get update and retrying');
    run('apt-get', ['update'], workDir);
    run('apt-get', ['download', PACKAGE], workDir);
  }
  const deb = readdirSync(workDir).find((f) => f.startsWith(`${PACKAGE}_`) && f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download left no ${PACKAGE}_*.deb in ${workDir}`);
  return join(workDir, deb);
}

/**
 * The cronometer build wrote its computed sums with binary float noise (egg omega-3
 * "0.10200000000000001"); SR values have at most 6 significant digits, so 12 keeps them exact.
 */
function toTwelveDigits(value: number): number {
  return Number(value.toPrecision(12));
}

/** A weighted sum; unknown when every component is absent, a missing component counts 0. */
function combined(
  nutrients: ReadonlyMap<string, number>,
  parts: readonly { xmlName: string; factor: number }[],
): number | undefined {
  let known = false;
  let sum = 0;
  for (const part of parts) {
    const amount = nutrients.get(part.xmlName);
    if (amount === undefined) continue;
    known = true;
    sum += amount * part.factor;
  }
  return known ? sum : undefined;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function main(): void {
  const debFlag = process.argv.indexOf('--deb');
  const workDir = mkdtempSync(join(tmpdir(), 'calcwise-sr24-'));
  try {
    const deb = debFlag >= 0 ? resolve(process.argv[debFlag + 1] ?? '') : downloadDeb(workDir);
    const packageName = run('dpkg-deb', ['-f', deb, 'Package']).trim();
    const version = run('dpkg-deb', ['-f', deb, 'Version']).trim();
    if (packageName !== PACKAGE) throw new Error(`${deb} is package ${packageName}`);
    const root = join(workDir, 'root');
    run('dpkg-deb', ['-x', deb, root]);

    const copyright = readFileSync(join(root, COPYRIGHT_PATH), 'utf8');
    if (!copyright.includes(PUBLIC_DOMAIN_STATEMENT)) {
      throw new Error(`${COPYRIGHT_PATH} no longer states that the USDA data is public domain`);
    }

    const jar = join(root, JAR_PATH);
    const current = parseSr24Index(run('unzip', ['-p', jar, 'usda_sr24/foods.index']));
    const deprecated = parseSr24Index(run('unzip', ['-p', jar, 'usda_sr24/deprecated.index']));
    const xmlFoods = splitSr24Foods(run('unzip', ['-p', jar, 'usda_sr24/*.xml'])).map(
      parseSr24FoodXml,
    );
    const byNdb = new Map(xmlFoods.map((food) => [food.ndb, food]));
    if (byNdb.size !== xmlFoods.length) throw new Error('an NDB number appears in two XML files');

    const assignments = parseGroupAssignmentsTsv(
      readFileSync(join(outDir, 'group-assignments.tsv'), 'utf8'),
    );
    for (const [ndb, code] of assignments) {
      if (!SR24_FOOD_GROUPS.has(code))
        throw new Error(`group-assignments: ${ndb} has code ${code}`);
    }

    const foods: Sr24FoodRow[] = [];
    const portions: Sr24PortionRow[] = [];
    const knownCounts: Record<string, number> = {};
    const leftOut: { ndb: string; name: string; reason: string }[] = [];
    for (const ndb of [...new Set(current)].sort()) {
      const food = byNdb.get(ndb);
      if (!food) throw new Error(`foods.index lists ${ndb} but the jar has no XML for it`);
      if (food.nutrients.size === 0) {
        // 23999 "ground beef calculator": a cronometer entry without data, not an SR24 food.
        leftOut.push({ ndb, name: food.name, reason: 'no nutrient in its XML element' });
        continue;
      }
      const group = sr24FoodGroup(ndb, assignments);
      if (!group) throw new Error(`food ${ndb} (${food.name}): no SR24 food group`);
      const nutrients: Sr24FoodRow['nutrients'] = {};
      for (const mapping of SR24_NUTRIENT_MAP) {
        const amount = mapping.combine
          ? combined(food.nutrients, mapping.combine)
          : food.nutrients.get(mapping.xmlName);
        if (amount === undefined) continue; // absent from the XML: unknown, never 0
        nutrients[mapping.id] = toTwelveDigits(amount / mapping.divisor);
        knownCounts[mapping.id] = (knownCounts[mapping.id] ?? 0) + 1;
      }
      foods.push({ ndb, name: food.name, group, nutrients });
      food.measures.forEach((measure, index) => {
        if (!(measure.amount > 0) || !(measure.grams > 0)) {
          throw new Error(`food ${ndb}: measure "${measure.name}" is not positive`);
        }
        portions.push({ ndb, seq: index + 1, ...measure });
      });
    }

    writeFileSync(join(outDir, 'foods.tsv'), formatSr24FoodsTsv(foods));
    writeFileSync(join(outDir, 'portions.tsv'), formatSr24PortionsTsv(portions));
    const manifest = {
      source: {
        package: packageName,
        version,
        distribution: 'Debian bookworm',
        file: JAR_PATH,
        sha256: sha256(jar),
        dataset: 'USDA National Nutrient Database for Standard Reference, Release 24 (2011)',
        licence: `public domain (${COPYRIGHT_PATH}: "${PUBLIC_DOMAIN_STATEMENT}")`,
      },
      build: 'npm run data:build',
      counts: {
        xmlFoods: xmlFoods.length,
        currentFoods: foods.length,
        deprecatedFoodsLeftOut: new Set(deprecated).size,
        portions: portions.length,
        groupAssignments: assignments.size,
      },
      leftOut,
      nutrients: SR24_NUTRIENT_MAP.map((m) => ({
        id: m.id,
        from: m.xmlName,
        srNutrNo: m.srNutrNo,
        divisor: m.divisor,
        knownFor: knownCounts[m.id] ?? 0,
        ...(m.note ? { note: m.note } : {}),
      })),
    };
    writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(
      `data/sr24: ${foods.length} foods, ${portions.length} portions from ${packageName} ${version}`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
