/**
 * CLI conventions (issue #15): --version, `-` for stdin wherever a file is read, a closed pipe
 * ending quietly with exit 0, no stack trace unless CALCWISE_DEBUG=1, --help examples. The
 * process-level behaviour is tested on the built CLI (bin/calcwise.js → dist), spawned.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../src/cli/help-examples.js';
import type { CliIo } from '../src/cli/io.js';
import { runCli, VERSION } from '../src/cli/main.js';

const root = new URL('..', import.meta.url).pathname;
const bin = `${root}bin/calcwise.js`;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function spawnCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; closeStdout?: boolean } = {},
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, CALCWISE_DEBUG: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (options.closeStdout) {
      // The reader is gone before the first byte is written: every write meets EPIPE.
      child.stdout.destroy();
    } else {
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    }
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

function capture(extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd: root,
    env: {},
    ...extra,
  };
  return { io, out: () => stdout, err: () => stderr };
}

describe('--version', () => {
  it('prints the package version, in-process and from the built CLI', async () => {
    expect(VERSION).toBe(pkg.version);
    const c = capture();
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.out()).toBe(`${pkg.version}\n`);
    const spawned = await spawnCli(['--version']);
    expect(spawned).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('`-` reads standard input', () => {
  const diaryCsv = readFileSync(`${root}examples/diary-week.csv`, 'utf8');
  const profile = readFileSync(`${root}examples/profile-omnivore-64f.json`, 'utf8');

  it('analyze -: a CSV diary piped in gives the same analysis as the file', async () => {
    const fromFile = await spawnCli(['analyze', 'examples/diary-week.csv', '--json']);
    const fromStdin = await spawnCli(['analyze', '-', '--json'], { stdin: diaryCsv });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stderr).toBe('');
    expect(JSON.parse(fromStdin.stdout)).toEqual({
      ...JSON.parse(fromFile.stdout),
      diary: '-', // the input's name: `-` for standard input
    });
  });

  it('--profile - for targets and check; --diary - for check', async () => {
    const targets = await spawnCli(['targets', '--profile', '-', '--json'], { stdin: profile });
    expect(targets.code).toBe(0);
    const fromFile = await spawnCli([
      'targets',
      '--profile',
      'examples/profile-omnivore-64f.json',
      '--json',
    ]);
    expect(JSON.parse(targets.stdout)).toEqual(JSON.parse(fromFile.stdout));
    const check = await spawnCli(
      ['check', '--profile', 'examples/profile-warfarin-ckd3b-72m.json', '--diary', '-', '--json'],
      { stdin: readFileSync(`${root}examples/diary-week.json`, 'utf8') },
    );
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).findings.length).toBeGreaterThan(0);
  });

  it('bad input on stdin is exit 2 naming `-`, the line and the field; stdin is read once', async () => {
    const bad = await spawnCli(['analyze', '-'], {
      stdin: 'date,food,amount,unit\n2026-11-20,sr24:11233,lots,g\n',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^calcwise: -: line 2\b/);
    const c = capture({ readStdin: () => profile });
    expect(await runCli(['check', '--profile', '-', '--diary', '-'], c.io)).toBe(2);
    expect(c.err()).toMatch(/standard input can be read only once/);
  });
});

describe('a closed pipe', () => {
  it('ends quietly with exit 0 when the reader has gone (foods top mk7 | head -1)', async () => {
    const result = await spawnCli(['foods', 'top', 'mk7'], { closeStdout: true });
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' });
  });

  it('through a real shell pipe into head -1: one line, exit 0, nothing on stderr', async () => {
    const result = await new Promise<Spawned>((resolve, reject) => {
      const child = spawn(
        'bash',
        ['-c', `set -o pipefail; "${process.execPath}" "${bin}" foods top mk7 | head -1`],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    expect(result).toMatchObject({
      code: 0,
      stdout: 'Menaquinone-7 (MK-7), per 100 g:\n',
      stderr: '',
    });
  });
});

describe('errors', () => {
  it('an unexpected error is one line without a stack; CALCWISE_DEBUG=1 adds the stack', async () => {
    const args = ['serve', '--port', '0', '--db', '/nonexistent-calcwise-dir/x.db'];
    const plain = await spawnCli(args);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      'calcwise: unexpected error: Cannot open database because the directory does not exist\n',
    );
    const debug = await spawnCli(args, { env: { CALCWISE_DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(
      /^calcwise: unexpected error: TypeError: Cannot open database.*\n\s+at /,
    );
  });

  it('bad input is exit 2 with a coded one-line message', async () => {
    const result = await spawnCli(['analyze', 'no-such-diary.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('calcwise: no-such-diary.csv: file not found [INVALID_INPUT]\n');
  });
});

describe('--help', () => {
  it('every command has examples, and every example names a real command', async () => {
    const c = capture();
    await runCli(['--help'], c.io);
    const topLevel = [...c.out().matchAll(/^ {2}([a-z]+)\b/gm)]
      .map((m) => m[1]!)
      .filter((n) => n !== 'help');
    expect(topLevel.length).toBeGreaterThan(6);
    for (const name of topLevel) expect(Object.keys(HELP_EXAMPLES), name).toContain(name);
    for (const [path, examples] of Object.entries(HELP_EXAMPLES)) {
      const help = capture();
      expect(await runCli([...path.split(' '), '--help'], help.io), path).toBe(0);
      expect(help.out(), path).toContain('Examples:');
      for (const example of examples) {
        expect(help.out()).toContain(`$ ${example}`);
        expect(example.replace(/^cat \S+ \| /, '')).toMatch(new RegExp(`^calcwise ${path}\\b`));
      }
    }
  });
});
