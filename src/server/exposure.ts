/**
 * Who may reach the server, decided before it listens: the bind address, the Host names it
 * answers (a DNS-rebinding guard on every address) and whether a reverse proxy's X-Forwarded-*
 * headers are believed.
 */

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`: reachable from this machine only. */
export function isLoopbackAddress(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** Addresses that mean "every interface": not a name anyone sends in Host. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** A Host value as written in a header: IPv6 literals in brackets. */
function hostLiteral(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  return bare.includes(':') ? `[${bare}]` : bare;
}

/**
 * The Host values a server on `bindHost:port` answers by default: the loopback names, and the
 * bind address itself when it is one address (not 0.0.0.0 or ::), each with the port.
 */
export function defaultAllowedHosts(bindHost: string, port: number): string[] {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  const own = hostLiteral(bindHost.toLowerCase());
  if (!WILDCARDS.has(bindHost) && !names.includes(own)) names.push(own);
  return names.map((name) => `${name}:${port}`);
}

const HOST_ENTRY =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * An `--allowed-host` value, lower-cased: a DNS name or IP literal (IPv6 in brackets), with a
 * port to allow only that port. Undefined when it is not one (no wildcards, no schemes or paths).
 */
export function parseAllowedHost(text: string): string | undefined {
  const entry = text.trim().toLowerCase();
  if (!HOST_ENTRY.test(entry)) return undefined;
  const port = /:(\d+)$/.exec(entry.startsWith('[') ? entry.slice(entry.indexOf(']')) : entry);
  if (port && Number(port[1]) > 65535) return undefined;
  return entry;
}

/** Splits a Host value into its name and port (undefined when it names none). */
function splitHost(value: string): { name: string; port?: string } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(value.trim().toLowerCase());
  if (!match) return { name: '' };
  return { name: match[1]!, ...(match[2] !== undefined && { port: match[2] }) };
}

/**
 * Whether a request's Host (`calcwise.lan:3000`) is one of `allowed`: an entry with a port
 * matches only that port (no port in the header is port 80), an entry without one any port.
 */
export function isAllowedHost(header: string, allowed: readonly string[]): boolean {
  const host = splitHost(header);
  if (!host.name) return false;
  return allowed.some((entry) => {
    const want = splitHost(entry);
    if (want.name !== host.name) return false;
    return want.port === undefined || want.port === (host.port || '80');
  });
}

/**
 * Why a server must not start on `host`, or undefined when it may: beyond loopback, without
 * accounts, anyone who reaches the address reads and changes the diary and medications.
 */
export function exposureRefusal(
  host: string,
  options: { insecureNoAuth?: boolean; accounts?: boolean },
): string | undefined {
  if (isLoopbackAddress(host) || options.insecureNoAuth || options.accounts) return undefined;
  return (
    `refusing to listen on ${host} without accounts: anyone who can reach that address could ` +
    'read and change the diary, profile and medications. Add --accounts (logins), or listen on ' +
    '127.0.0.1 behind a reverse proxy (see README, Deploy), or pass --insecure-no-auth on a ' +
    'network you trust'
  );
}
