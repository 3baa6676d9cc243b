import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function captureIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    cwd,
    env,
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
  };
  return { io, out };
}

async function waitForUrl(out: { stderr: string }): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const match = /serving (http:\/\/\S+)/.exec(out.stderr);
    if (match) return match[1]!;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server did not start: ${out.stderr}`);
}

describe('calcwise serve', () => {
  it('serves until SIGTERM, on loopback, with ./calcwise.db in the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'calcwise-serve-'));
    dirs.push(cwd);
    const { io, out } = captureIo(cwd);
    const running = runCli(['serve', '--port', '0'], io);
    const url = await waitForUrl(out);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok' });
    const created = await fetch(`${url}/api/diary/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        date: '2026-11-20',
        food: 'sr24:11233',
        amount: 1,
        unit: 'cup, chopped',
      }),
    });
    expect(created.status).toBe(201);
    // The command must still be running: it returns only when the server closes.
    const early = await Promise.race([
      running,
      new Promise((resolve) => setTimeout(() => resolve('running'), 100)),
    ]);
    expect(early).toBe('running');

    process.emit('SIGTERM');
    expect(await running).toBe(0);
    // One JSON access-log line per request on stdout.
    const logged = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { method: string; path: string; status: number });
    expect(logged.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/api/health', 200],
      ['POST', '/api/diary/entries', 201],
    ]);
    expect(out.stderr).toContain('stopped');
    expect(existsSync(join(cwd, 'calcwise.db'))).toBe(true);

    // What was entered survives a restart (CALCWISE_DB names the same file).
    const again = captureIo(cwd, { CALCWISE_DB: join(cwd, 'calcwise.db'), PORT: '0' });
    const second = runCli(['serve'], again.io);
    const url2 = await waitForUrl(again.out);
    const diary = (await (await fetch(`${url2}/api/diary`)).json()) as {
      days: { entries: { food: string }[] }[];
    };
    expect(diary.days[0]?.entries.map((e) => e.food)).toEqual(['sr24:11233']);
    process.emit('SIGINT');
    expect(await second).toBe(0);
  });

  it('refuses a port that is not a number with exit 2 naming the field', async () => {
    const { io, out } = captureIo(tmpdir());
    expect(await runCli(['serve', '--port', 'eighty'], io)).toBe(2);
    expect(out.stderr).toContain('port');
  });
});
