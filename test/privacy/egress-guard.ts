/**
 * A tripwire for outbound network traffic, for the offline no-egress test: while installed, every
 * attempt to reach a non-loopback host through net/tls sockets, http(s).request/get, fetch or a DNS
 * lookup is recorded and refused with an error. Loopback (the app under test) stays allowed.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';

export interface EgressGuard {
  /** Every refused attempt, as "<channel> <host>". */
  attempts: string[];
  uninstall(): void;
}

/** True for hosts that never leave this machine. */
export function isLoopback(host: string | undefined): boolean {
  if (!host) return true; // Node defaults an absent host to localhost
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

function hostOfUrl(input: unknown): string | undefined {
  try {
    const url = input instanceof URL ? input : typeof input === 'string' ? new URL(input) : new URL((input as Request).url);
    return url.hostname;
  } catch {
    return undefined;
  }
}

/** The host a socket.connect(...) call is aimed at; null for a local (IPC) path. */
function hostOfConnect(args: unknown[]): string | undefined | null {
  // net.connect passes its normalised [options, callback] array to socket.connect.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'string') return null;
  if (typeof first === 'number') return typeof args[1] === 'string' ? args[1] : undefined;
  const options = first as { host?: string; path?: string } | undefined;
  if (options?.path) return null;
  return options?.host;
}

function hostOfRequest(args: unknown[]): string | undefined {
  const first = args[0];
  if (typeof first === 'string' || first instanceof URL) return hostOfUrl(first);
  const o = first as { hostname?: string; host?: string } | undefined;
  return o?.hostname ?? o?.host?.replace(/:\d+$/, '');
}

/** Install the tripwire; `uninstall()` puts every original back. */
export function installEgressGuard(): EgressGuard {
  const attempts: string[] = [];
  const restore: (() => void)[] = [];
  const refuse = (channel: string, host: string | undefined) => {
    attempts.push(`${channel} ${host}`);
    return new Error(`no-egress guard: ${channel} to ${host} refused`);
  };
  const wrap = <T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = make(original);
    restore.push(() => (target[key] = original));
  };
  type Fn = (...args: unknown[]) => unknown;

  wrap(net.Socket.prototype, 'connect', (original) =>
    function (this: net.Socket, ...args: unknown[]) {
      const host = hostOfConnect(args);
      if (host !== null && !isLoopback(host)) throw refuse('socket', host);
      return (original as Fn).apply(this, args);
    } as never,
  );
  wrap(tls, 'connect', (original) => ((...args: unknown[]) => {
    const host = hostOfConnect(args) ?? (args[0] as { servername?: string })?.servername;
    if (host !== null && !isLoopback(host)) throw refuse('tls', host);
    return (original as Fn)(...args);
  }) as never);
  for (const [name, mod] of [['http', http], ['https', https]] as const) {
    for (const fn of ['request', 'get'] as const) {
      wrap(mod, fn, (original) => ((...args: unknown[]) => {
        const host = hostOfRequest(args);
        if (!isLoopback(host)) throw refuse(`${name}.${fn}`, host);
        return (original as Fn)(...args);
      }) as never);
    }
  }
  wrap(dns, 'lookup', (original) => ((hostname: string, ...rest: unknown[]) => {
    if (!isLoopback(hostname) && !isIP(hostname)) throw refuse('dns', hostname);
    return (original as Fn)(hostname, ...rest);
  }) as never);
  wrap(dns.promises, 'lookup', (original) => (async (hostname: string, ...rest: unknown[]) => {
    if (!isLoopback(hostname) && !isIP(hostname)) throw refuse('dns', hostname);
    return (original as Fn)(hostname, ...rest);
  }) as never);
  wrap(globalThis, 'fetch', (original) => (async (input: unknown, init?: unknown) => {
    const host = hostOfUrl(input);
    if (!isLoopback(host)) throw refuse('fetch', host);
    return (original as Fn)(input, init);
  }) as never);
  // ESM named imports of builtins (import { request } from 'node:http') follow the patched objects.
  syncBuiltinESMExports();
  return {
    attempts,
    uninstall() {
      for (const undo of restore.reverse()) undo();
      syncBuiltinESMExports();
    },
  };
}
