// The embedded journal's own thread: one PGlite instance, driven by messages from the request
// thread (db/pglite-remote.ts). PGlite runs PostgreSQL as WebAssembly and writes its files with
// synchronous calls, so on the request thread every statement stopped every other request; here
// it runs beside them. Plain JavaScript (no TypeScript imports), so the same file runs from source
// and from the compiled tree.
//
// Requests are answered strictly one after another, in the order they were posted: the request
// thread relies on that to keep a transaction's statements together (see pglite-remote.ts).
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {PGlite | undefined} */
let db;
let queue = Promise.resolve();

/** An error as plain fields (structured clone keeps only an Error's message): code, constraint, detail… */
function plainError(error) {
  const fields = {};
  if (error && typeof error === 'object') for (const [k, v] of Object.entries(error)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { ...fields, name: error?.name ?? 'Error', message: error?.message ?? String(error) };
}

/** Values of these type ids come back as the database's text: the request thread applies its own parsers. */
const identity = (oids) => Object.fromEntries((oids ?? []).map((oid) => [oid, (value) => value]));

async function handle(message) {
  switch (message.op) {
    case 'open': {
      const options = message.template ? { loadDataDir: message.template } : {};
      const opened = new PGlite(message.dataDir, options);
      try {
        await opened.waitReady;
      } catch (error) {
        await opened.close().catch(() => {});
        throw error;
      }
      db = opened;
      return null;
    }
    case 'query': {
      const result = await db.query(message.sql, message.params, { rowMode: message.rowMode, parsers: identity(message.raw) });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'exec': {
      const results = await db.exec(message.sql);
      return results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case 'close': {
      await db?.close();
      db = undefined;
      return null;
    }
    default:
      throw new Error(`unknown journal thread request ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id: message.id, ok: true, result: await handle(message) });
    } catch (error) {
      parentPort.postMessage({ id: message.id, ok: false, error: plainError(error) });
    }
  });
});
