/**
 * Configuration from the environment, parsed once at start-up with zod so a typo is a clear error
 * rather than a silent default. Every variable here is documented in the README.
 */
import { z } from 'zod';
import { loadOverrides, withOverrides } from './safety/resources/file.ts';
import type { ResourceDirectory } from './safety/resources/index.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  /** Extra host names the server answers to (comma-separated), e.g. "studio.local,192.168.1.20". */
  INNERCHORD_ALLOWED_HOSTS: z.string().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
  INNERCHORD_DATA_DIR: z.string().default('./data'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** Milliseconds before an LLM call is abandoned and the offline path answers. */
  INNERCHORD_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  INNERCHORD_SAFETY_SECOND_OPINION_MS: z.coerce.number().int().min(100).max(10_000).optional(),
  INNERCHORD_OFFLINE: z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  INNERCHORD_LOG: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** personal: one musician on their own computer, no login; group: accounts on a shared server. */
  INNERCHORD_MODE: z.enum(['personal', 'group']).default('personal'),
  /** Group mode: per-account quotas (songs, conversation turns per hour, stored megabytes). */
  INNERCHORD_QUOTA_SONGS: z.coerce.number().int().min(1).max(1_000_000).default(200),
  INNERCHORD_QUOTA_TURNS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(120),
  INNERCHORD_QUOTA_STORAGE_MB: z.coerce.number().min(0.01).max(1_000_000).default(100),
  /** Delete songs not changed for this many days; unset keeps everything. */
  INNERCHORD_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /** Default locale for crisis help lines when the browser sends none we know: "en-GB", "de-DE" … */
  INNERCHORD_LOCALE: z.string().regex(/^[A-Za-z]{2}(?:[-_][A-Za-z]{2})?$/, 'a locale like en-GB').optional(),
  /** Path of a JSON file of crisis resources by locale, added to (or replacing) the built-in ones. */
  INNERCHORD_CRISIS_RESOURCES: z.string().optional(),
});

export interface Quotas {
  songs: number;
  turnsPerHour: number;
  storageBytes: number;
}

export const DEFAULT_QUOTAS: Quotas = { songs: 200, turnsPerHour: 120, storageBytes: 100 * 1024 * 1024 };

export interface Config {
  port: number;
  host: string;
  /** INNERCHORD_ALLOWED_HOSTS: host names besides loopback and HOST that requests may address. */
  allowedHosts?: string[];
  databaseUrl?: string;
  dataDir: string;
  log: 'silent' | 'error' | 'info' | 'debug';
  /** INNERCHORD_MODE; absent means personal (configs built by hand in tests). Not called `mode`:
   *  llmSettings() tells a Config from its `llm` part by the presence of `mode`. */
  deployment?: 'personal' | 'group';
  /** Group mode's per-account quotas; absent → the defaults (configs built by hand in tests). */
  quotas?: Quotas;
  /** Days a song may go unchanged before the retention sweeper deletes it; null/absent keeps forever. */
  retentionDays?: number | null;
  /** INNERCHORD_LOCALE: fallback locale for crisis help lines; absent → the international list. */
  locale?: string | null;
  /** Crisis resources by locale: the built-in data with INNERCHORD_CRISIS_RESOURCES laid over it;
   *  absent → the built-in data (configs built by hand in tests). */
  crisisResources?: ResourceDirectory;
  /** INNERCHORD_SAFETY_SECOND_OPINION_MS: with an LLM configured, ask it about messages the offline
   *  crisis check let through, within this deadline (it may only add alarms); absent → off. */
  safetySecondOpinionMs?: number | null;
  llm:
    | { mode: 'offline'; reason: 'INNERCHORD_OFFLINE' | 'not configured' }
    | { mode: 'llm'; apiKey: string; baseURL?: string; model: string; timeoutMs: number };
}

/** Parse the environment; throws an Error naming the variable at fault. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  // Local servers (Ollama, llama.cpp, vLLM) need no key: a base URL alone turns the LLM on.
  const llmConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  let crisisResources: ResourceDirectory;
  try {
    crisisResources = withOverrides(e.INNERCHORD_CRISIS_RESOURCES ? loadOverrides(e.INNERCHORD_CRISIS_RESOURCES) : null);
  } catch (error) {
    throw new Error(`Invalid environment variable INNERCHORD_CRISIS_RESOURCES: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    allowedHosts: (e.INNERCHORD_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.INNERCHORD_DATA_DIR,
    log: e.INNERCHORD_LOG,
    deployment: e.INNERCHORD_MODE,
    retentionDays: e.INNERCHORD_RETENTION_DAYS ?? null,
    quotas: { songs: e.INNERCHORD_QUOTA_SONGS, turnsPerHour: e.INNERCHORD_QUOTA_TURNS_PER_HOUR, storageBytes: Math.round(e.INNERCHORD_QUOTA_STORAGE_MB * 1024 * 1024) },
    locale: e.INNERCHORD_LOCALE ?? null,
    crisisResources,
    safetySecondOpinionMs: e.INNERCHORD_SAFETY_SECOND_OPINION_MS ?? null,
    llm: e.INNERCHORD_OFFLINE
      ? { mode: 'offline', reason: 'INNERCHORD_OFFLINE' }
      : llmConfigured
        ? { mode: 'llm', apiKey: e.OPENAI_API_KEY ?? 'not-needed', baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.INNERCHORD_LLM_TIMEOUT_MS }
        : { mode: 'offline', reason: 'not configured' },
  };
}
