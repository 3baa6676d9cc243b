import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import type { AccessRecord } from '../src/server/access-log.js';
import {
  isLoopbackAddress,
  parseAllowedHost,
  startServer,
  type RunningServer,
  type StartOptions,
} from '../src/server/index.js';

const foods = makeFoodIndex([makeFood({ id: 'sr24:11233', name: 'Kale, raw' })]);

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: StartOptions): Promise<RunningServer> {
  running = await startServer({
    port: 0,
    dbFile: ':memory:',
    foods,
    log: false,
    env: {},
    ...options,
  });
  return running;
}

/** A raw HTTP request to the server's socket with exactly these headers (Host included). */
function send(
  server: { port: number },
  headers: Record<string, string>,
  address = '127.0.0.1',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: address, port: server.port, path: '/api/health', headers, setHost: false },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function statusFor(
  server: { port: number },
  headers: Record<string, string>,
  address?: string,
) {
  return (await send(server, headers, address)).status;
}

describe('addresses and allowed hosts', () => {
  it('counts 127.0.0.0/8, ::1 and localhost as loopback, nothing else', () => {
    for (const host of [
      '127.0.0.1',
      '127.0.0.2',
      '127.255.0.9',
      '::1',
      '[::1]',
      'localhost',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackAddress(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.5',
      '10.0.0.1',
      '128.0.0.1',
      'localhost.example',
      '127.0.0.1.nip.io',
    ]) {
      expect(isLoopbackAddress(host), host).toBe(false);
    }
  });

  it('reads --allowed-host values: names and IP literals, with an optional port, lower-cased', () => {
    expect(parseAllowedHost('Calcwise.Example.org')).toBe('calcwise.example.org');
    expect(parseAllowedHost('box.lan:8443')).toBe('box.lan:8443');
    expect(parseAllowedHost('192.168.1.5:3000')).toBe('192.168.1.5:3000');
    expect(parseAllowedHost('[fe80::1]:3000')).toBe('[fe80::1]:3000');
    for (const bad of [
      '',
      '*',
      '*.example.org',
      'http://x',
      'x/y',
      'a b',
      'x:99999',
      'fe80::1',
      '-x.lan',
    ]) {
      expect(parseAllowedHost(bad), bad).toBeUndefined();
    }
  });
});

describe('Host allowlist (DNS rebinding)', () => {
  it('on loopback answers the loopback names with the port, and refuses any other Host in the error shape', async () => {
    const server = await start({});
    const port = server.port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `[::1]:${port}`,
    ]) {
      expect(await statusFor(server, { host }), host).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost:${port + 1}`,
      'localhost',
      '',
    ]) {
      const { status, body } = await send(server, { host });
      expect(status, host).toBe(403);
      expect(JSON.parse(body), host).toEqual({
        error: { code: 'FORBIDDEN_HOST', message: expect.any(String), field: 'host' },
      });
    }
  });

  it('guards every loopback address too (127.0.0.2 is not a way around it)', async () => {
    const server = await start({ host: '127.0.0.2' });
    expect(await statusFor(server, { host: `127.0.0.2:${server.port}` }, '127.0.0.2')).toBe(200);
    expect(await statusFor(server, { host: `rebind.example:${server.port}` }, '127.0.0.2')).toBe(
      403,
    );
  });

  it('answers the names --allowed-host adds: without a port any port, with one only that port', async () => {
    const server = await start({ allowedHosts: ['calcwise.lan', 'box.lan:8443'] });
    expect(await statusFor(server, { host: 'calcwise.lan' })).toBe(200);
    expect(await statusFor(server, { host: `calcwise.lan:${server.port}` })).toBe(200);
    expect(await statusFor(server, { host: 'box.lan:8443' })).toBe(200);
    expect(await statusFor(server, { host: 'box.lan' })).toBe(403);
    expect(await statusFor(server, { host: `localhost:${server.port}` })).toBe(200);
    expect(await statusFor(server, { host: 'other.lan' })).toBe(403);
  });
});

describe('X-Forwarded-* headers', () => {
  it('ignores them without --trust-proxy: a forged X-Forwarded-Host neither passes nor blocks', async () => {
    const server = await start({ allowedHosts: ['calcwise.example.org'] });
    const own = `127.0.0.1:${server.port}`;
    expect(
      await statusFor(server, { host: 'evil.example', 'x-forwarded-host': 'calcwise.example.org' }),
    ).toBe(403);
    expect(await statusFor(server, { host: own, 'x-forwarded-host': 'evil.example' })).toBe(200);
  });

  it('with --trust-proxy checks X-Forwarded-Host and logs the client from X-Forwarded-For', async () => {
    const records: AccessRecord[] = [];
    const server = await start({
      allowedHosts: ['calcwise.example.org'],
      trustProxy: true,
      log: (record) => records.push(record),
    });
    const proxied = { host: `127.0.0.1:${server.port}`, 'x-forwarded-proto': 'https' };
    expect(
      await statusFor(server, {
        ...proxied,
        'x-forwarded-host': 'calcwise.example.org',
        'x-forwarded-for': '198.51.100.7, 203.0.113.9',
      }),
    ).toBe(200);
    expect(await statusFor(server, { ...proxied, 'x-forwarded-host': 'evil.example' })).toBe(403);
    expect(records[0]).toMatchObject({ path: '/api/health', status: 200, client: '203.0.113.9' });
    // Without the header, the proxy's own Host is checked.
    expect(await statusFor(server, proxied)).toBe(200);
  });
});

describe('binding beyond loopback', () => {
  it('refuses to start without accounts unless told --insecure-no-auth', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.10']) {
      await expect(start({ host }), host).rejects.toMatchObject({ code: 'EXPOSURE_REFUSED' });
    }
    running = undefined;
    const server = await start({ host: '0.0.0.0', insecureNoAuth: true });
    // Every interface: still only the allowed Host names.
    expect(await statusFor(server, { host: `localhost:${server.port}` })).toBe(200);
    expect(await statusFor(server, { host: `attacker.example:${server.port}` })).toBe(403);
  });
});

function captureIo(env: Record<string, string | undefined> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    cwd: tmpdir(),
    env,
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
  };
  return { io, out };
}

describe('calcwise serve flags', () => {
  it('exits 2 naming --insecure-no-auth when asked to listen on 0.0.0.0, and listens on nothing', async () => {
    const { io, out } = captureIo();
    expect(
      await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', ':memory:'], io),
    ).toBe(2);
    expect(out.stderr).toContain('refusing to listen on 0.0.0.0');
    expect(out.stderr).toContain('--insecure-no-auth');
    expect(out.stderr).not.toContain('serving');
  });

  it('refuses an --allowed-host that is not a host with exit 2', async () => {
    for (const bad of ['*', 'http://calcwise.lan', 'calcwise.lan/x', 'a b', 'host:99999']) {
      const { io, out } = captureIo();
      expect(await runCli(['serve', '--allowed-host', bad, '--port', '0'], io), bad).toBe(2);
      expect(out.stderr, bad).toContain('allowed-host');
    }
  });

  it('with --insecure-no-auth, --allowed-host (twice) and --trust-proxy: serves, warns, and guards Host', async () => {
    const { io, out } = captureIo();
    const done = runCli(
      [
        'serve',
        ...['--host', '0.0.0.0', '--port', '0', '--db', ':memory:', '--insecure-no-auth'],
        ...[
          '--allowed-host',
          'calcwise.lan',
          '--allowed-host',
          'Kitchen.LAN:8080',
          '--trust-proxy',
        ],
      ],
      io,
    );
    let port = 0;
    for (let i = 0; i < 200 && !port; i += 1) {
      port = Number(/serving http:\/\/[^\s]+:(\d+)/.exec(out.stderr)?.[1] ?? 0);
      if (!port) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(port).toBeGreaterThan(0);
    expect(out.stderr).toContain('warning: --insecure-no-auth');
    expect(out.stderr).toContain('kitchen.lan:8080');
    expect(await statusFor({ port }, { host: 'calcwise.lan' })).toBe(200);
    expect(await statusFor({ port }, { host: 'kitchen.lan:8080' })).toBe(200);
    expect(
      await statusFor({ port }, { host: `127.0.0.1:${port}`, 'x-forwarded-host': 'evil.example' }),
    ).toBe(403);
    expect(await statusFor({ port }, { host: 'evil.example' })).toBe(403);
    process.emit('SIGTERM');
    expect(await done).toBe(0);
  });
});
