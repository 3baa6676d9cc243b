import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Fails with a clear message when the UI or CLI has not been built (`npm run build`). */
export function assertBuilt(): void {
  const missing = ['dist/web/index.html', 'dist/cli/main.js'].filter(
    (file) => !existsSync(`${REPO_ROOT}${file}`),
  );
  if (missing.length) {
    throw new Error(
      `Browser tests need the built app; missing ${missing.join(', ')}. Run \`npm run build\` first.`,
    );
  }
}

/** An ephemeral port: bind to 0, read the port, release it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `calcwise serve` as a child process on `port` with the SQLite file `db`, and waits until
 * `GET /api/health` answers. CALCWISE_E2E_SERVE may name another command (`{port}` and `{db}`
 * are substituted), e.g. to point the tests at a development server.
 */
export async function startServer(
  db: string,
  port?: number,
  /** More `serve` options, e.g. `['--accounts']`. */
  serveArgs: string[] = [],
): Promise<RunningServer> {
  const template = process.env.CALCWISE_E2E_SERVE;
  // `serve --port 0` takes a free port itself and prints its address: no window between finding
  // a free port and binding it in which another test's server could take it.
  const chosen = port ?? (template ? await freePort() : 0);
  const [command, ...args] = template
    ? template.replaceAll('{port}', String(chosen)).replaceAll('{db}', db).split(' ')
    : ['node', 'bin/calcwise.js', 'serve', '--port', String(chosen), '--db', db, ...serveArgs];
  const env: NodeJS.ProcessEnv = { ...process.env, CALCWISE_DB: db };
  delete env.DATABASE_URL;
  delete env.PORT;
  const child: ChildProcess = spawn(command!, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const deadline = Date.now() + 30_000;
  let url = chosen === 0 ? undefined : `http://127.0.0.1:${chosen}`;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`calcwise serve exited with ${child.exitCode} before answering:\n${output}`);
    }
    url ??= /serving (http:\/\/[^\s)]+)/.exec(output)?.[1];
    try {
      if (url && (await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`calcwise serve did not answer /api/health within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const listeningPort = Number(new URL(url).port);

  return {
    url,
    port: listeningPort,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Sends a JSON request to the running server (to set up state); fails on any error status. */
export async function sendJson(
  server: RunningServer,
  method: string,
  path: string,
  body: unknown,
): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}
