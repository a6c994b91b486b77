/**
 * The embedded journal (PGlite) in its own worker thread (db/pglite-thread.mjs), behind the few
 * methods drizzle-orm's PGlite driver calls: query, exec, transaction, close. A profile of the load
 * benchmark found half of the request thread's time inside PGlite (its WebAssembly and synchronous
 * file writes) while 30 musicians took turns: every statement stopped every other request. The
 * statements, their order and their commits are unchanged — a write is acknowledged only after the
 * thread has run it — so durability is what it was; only the thread that runs them moved.
 *
 * PGlite is one connection. The thread answers requests one after another in the order they were
 * posted; a transaction holds back every statement that is not its own until it commits or rolls
 * back, so no other request's statement lands inside it (PGlite's own transaction() does the same
 * with its lock).
 */
import { Worker } from 'node:worker_threads';

type Row = Record<string, unknown> | unknown[];
export interface Results {
  rows: Row[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}
export interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Parsers by type id; the thread returns those values as text and they are applied here. */
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
}
type Request = { op: 'open'; dataDir: string; template?: Blob } | { op: 'query'; sql: string; params: unknown[]; rowMode?: 'array' | 'object'; raw: number[] } | { op: 'exec'; sql: string } | { op: 'close' };
interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: Record<string, unknown> & { name: string; message: string };
}

/** A driver error as the callers expect it: an Error carrying PostgreSQL's code, constraint, detail… */
function rebuild(fields: Reply['error']): Error {
  const error = new Error(fields!.message);
  Object.assign(error, fields);
  return error;
}

/**
 * json and jsonb come back as text and are parsed here, as PGlite would (JSON.parse): a string
 * crosses threads as one copy, while a parsed sketch (~50 kB of nested objects) would be cloned
 * field by field on both sides.
 */
const JSON_TYPES: Record<number, (value: string) => unknown> = { 114: (v) => JSON.parse(v), 3802: (v) => JSON.parse(v) };

/** Apply the caller's parsers (and JSON's) to the values the thread returned as text. */
function parse(result: Results, options: QueryOptions | undefined): Results {
  const parsers: Record<number, (value: string, typeId: number) => unknown> = { ...JSON_TYPES, ...options?.parsers };
  if (!result.rows.length) return result;
  const columns = result.fields.map((f, i) => ({ name: f.name, i, parser: parsers[f.dataTypeID], typeId: f.dataTypeID })).filter((c) => c.parser);
  if (!columns.length) return result;
  for (const row of result.rows) {
    for (const c of columns) {
      const key = Array.isArray(row) ? c.i : c.name;
      const value = (row as Record<string | number, unknown>)[key];
      if (typeof value === 'string') (row as Record<string | number, unknown>)[key] = c.parser!(value, c.typeId);
    }
  }
  return result;
}

/** What a transaction's callback gets: the same calls, run inside the transaction. */
export interface RemoteTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results>;
  exec(sql: string): Promise<Results[]>;
}

export class RemotePGlite {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Settles when the open transaction ends; statements from outside it wait for that. */
  private held: Promise<void> | null = null;

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (reply: Reply) => {
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(rebuild(reply.error));
    });
    // A thread that dies fails what was asked of it (503: the journal is unavailable), never hangs it.
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(Object.assign(new Error('the journal thread is not queryable'), { code: '57P01' })));
  }

  /** Start the thread and open the journal in `dataDir` (from `template`, a migrated empty journal, when given). */
  static async open(dataDir: string, template?: Blob): Promise<RemotePGlite> {
    const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url));
    const remote = new RemotePGlite(worker);
    try {
      await remote.send({ op: 'open', dataDir, ...(template ? { template } : {}) });
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return remote;
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  private send(request: Request): Promise<unknown> {
    const id = this.next++;
    // The thread keeps the process alive only while something waits on it (an idle journal must
    // not hold a finished script open; a pending query must not let the process exit under it).
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }

  /** Wait until no transaction is open (a statement posted now runs after it, outside it). */
  private async outside(): Promise<void> {
    while (this.held) await this.held;
  }

  private run(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results> {
    const raw = [...Object.keys(JSON_TYPES), ...Object.keys(options?.parsers ?? {})].map(Number);
    return this.send({ op: 'query', sql, params, rowMode: options?.rowMode, raw }).then((r) => parse(r as Results, options));
  }

  async query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results> {
    await this.outside();
    return this.run(sql, params, options);
  }

  async exec(sql: string): Promise<Results[]> {
    await this.outside();
    return this.send({ op: 'exec', sql }) as Promise<Results[]>;
  }

  /** BEGIN, `work`, COMMIT — or ROLLBACK when `work` throws; nothing else runs in between. */
  async transaction<T>(work: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    await this.outside();
    let end!: () => void;
    // Taken with no await since the check above, so two transactions never both see the way clear.
    this.held = new Promise<void>((resolve) => (end = resolve));
    const tx: RemoteTransaction = {
      query: (sql, params, options) => this.run(sql, params, options),
      exec: (sql) => this.send({ op: 'exec', sql }) as Promise<Results[]>,
    };
    try {
      await this.send({ op: 'exec', sql: 'BEGIN' });
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        await this.send({ op: 'exec', sql: 'ROLLBACK' }).catch(() => {});
        throw error;
      }
      await this.send({ op: 'exec', sql: 'COMMIT' });
      return result;
    } finally {
      this.held = null;
      end();
    }
  }

  /** Close the journal and end the thread. */
  async close(): Promise<void> {
    try {
      await this.send({ op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }
}
