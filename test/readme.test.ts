/**
 * README.md runs as written. Every command in it is run from the repository root on the built
 * CLI (dist), offline, on the bundled data, and must exit 0:
 *   - ```sh blocks: one command per line; a trailing `# …` is a comment.
 *   - ``` blocks whose first line is `$ command`: the command and its output. Every line shown
 *     must appear in the real output, in the same order (a block may show an excerpt: lines
 *     may be left out, never changed). Blocks that do not start with `$ ` are not run.
 *   - the ```js block (the Library section) runs with node against the package's own exports.
 * `npx calcwise` is run as `node bin/calcwise.js` (what npx resolves it to, minus npx's start-up).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'calcwise-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Commands the test does not run, and why. */
const NOT_RUN: Record<string, string> = {
  'npm ci': 'installs the tree this test runs in; .ci/run and the fresh-clone check run it',
  'npm test': 'the suite this test is part of',
};

interface Block {
  lang: string;
  lines: string[];
  line: number;
}

function blocks(markdown: string): Block[] {
  const found: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]!); i += 1) body.push(lines[i]!);
    found.push({ lang: open[1]!, lines: body, line: start + 1 });
  }
  return found;
}

function shellCommand(line: string): string {
  return line.replace(/\s+#\s.*$/, '').trim();
}

function forShell(command: string): string {
  return command.replace(/^npx calcwise\b/, `"${process.execPath}" bin/calcwise.js`);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      cwd: root,
      env: { ...process.env, CALCWISE_DB: join(scratch, 'readme.db'), ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** `npm start`: it must serve; probed on /api/health, then stopped. */
async function startAndProbe(command: string): Promise<void> {
  const child = spawn('bash', ['-c', `exec ${command}`], {
    cwd: root,
    env: { ...process.env, PORT: '0', CALCWISE_DB: join(scratch, 'start.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
        const match = /calcwise serving (http:\/\/\S+?) \(/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`${command} exited ${code}: ${stderr}`)));
    });
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
}

/** Every line of `shown` appears in `actual`, in order (trailing spaces ignored). */
function missingLines(shown: string[], actual: string): string[] {
  const lines = actual.split('\n').map((l) => l.trimEnd());
  let at = 0;
  const missing: string[] = [];
  for (const want of shown.map((l) => l.trimEnd()).filter((l) => l !== '')) {
    const found = lines.indexOf(want, at);
    if (found === -1) missing.push(want);
    else at = found + 1;
  }
  return missing;
}

const all = blocks(readme);
const commands = all
  .filter((b) => b.lang === 'sh')
  .flatMap((b) => b.lines.map(shellCommand).filter((c) => c !== '' && !c.startsWith('#')));
const outputs = all.filter((b) => b.lang === '' && b.lines[0]?.startsWith('$ '));
const scripts = all.filter((b) => b.lang === 'js');

describe('README.md commands', () => {
  it('finds the commands, the output blocks and the library example', () => {
    expect(commands.length).toBeGreaterThanOrEqual(12);
    expect(outputs.length).toBeGreaterThanOrEqual(4);
    expect(scripts).toHaveLength(1);
  });

  it.each(commands)('%s', { timeout: 300_000 }, async (command) => {
    if (command in NOT_RUN) return; // see NOT_RUN for the reason
    if (command === 'npm start') return startAndProbe(command);
    expect(command, 'README commands are npx calcwise …, npm start, npm ci or npm test').toMatch(
      /^npx calcwise /,
    );
    const result = await run(forShell(command));
    expect(result.stderr, command).toBe('');
    expect(result.code, command).toBe(0);
  });

  it.each(outputs.map((b) => [b.lines[0]!.slice(2), b] as const))(
    'output of %s matches README',
    { timeout: 300_000 },
    async (command, block) => {
      const result = await run(forShell(command));
      expect(result.code, command).toBe(0);
      expect(missingLines(block.lines.slice(1), result.stdout), `README.md:${block.line}`).toEqual(
        [],
      );
    },
  );

  it('the Library example runs against the package exports', async () => {
    const result = await run(
      `"${process.execPath}" --input-type=module`,
      {},
      scripts[0]!.lines.join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^calcium \d+ mg\nfindings \d+\n$/);
  });

  it('lists why each command it does not run is left out', () => {
    for (const command of Object.keys(NOT_RUN)) expect(commands).toContain(command);
  });
});
