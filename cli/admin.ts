/**
 * `innerchord admin create-facilitator --username <name>` — make a facilitator account on the
 * server's own journal (the same DATABASE_URL / INNERCHORD_DATA_DIR the server reads), for the
 * operator who sets up a group. The password comes from INNERCHORD_ADMIN_PASSWORD; without it a
 * random one is made and printed once. Prints `{ id, username, role, password? }`.
 *
 * An embedded PGlite journal can be opened by one process at a time: stop the server first, or
 * use the one-time setup code the server prints at start-up instead.
 *
 * `innerchord admin invite [--uses N] [--days N]` makes a participant invite the same way.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import { createInvite } from '../server/auth/invites.ts';
import { createFacilitator } from '../server/auth/users.ts';
import { loadConfig } from '../server/config.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';

const USAGE = 'usage: innerchord admin create-facilitator --username <name>   (password from INNERCHORD_ADMIN_PASSWORD, else one is made)\n       innerchord admin invite [--uses 30] [--days 7]';

async function withJournal<T>(io: CliIO, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const dataDir = path.resolve(io.cwd, config.dataDir);
  let db;
  try {
    db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir });
  } catch (error) {
    throw new CliError(`could not open ${config.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `the journal in ${dataDir}`} (is the server running on it? stop it first): ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function run(args: string[], io: CliIO): Promise<void> {
  const [sub, ...rest] = args;
  const { flags } = parseArgs(rest);
  if (sub === 'create-facilitator') {
    const username = flags['username'];
    if (typeof username !== 'string') throw new CliError(USAGE, 2);
    const given = io.env['INNERCHORD_ADMIN_PASSWORD'];
    const password = given || randomBytes(12).toString('base64url');
    const user = await withJournal(io, (db) => createFacilitator(db, { username, password }));
    io.stdout(JSON.stringify({ ...user, ...(given ? {} : { password }) }, null, 2) + '\n');
    return;
  }
  if (sub === 'invite') {
    const uses = flags['uses'] === undefined ? undefined : Number(flags['uses']);
    const expiresInDays = flags['days'] === undefined ? undefined : Number(flags['days']);
    const invite = await withJournal(io, async (db) => {
      const [fac] = await db.orm.select({ id: users.id }).from(users).where(eq(users.role, 'facilitator')).limit(1);
      if (!fac) throw new CliError('there is no facilitator yet: run `innerchord admin create-facilitator --username <name>` first');
      return createInvite(db, fac.id, { uses, expiresInDays });
    });
    io.stdout(JSON.stringify(invite, null, 2) + '\n');
    return;
  }
  throw new CliError(USAGE, 2);
}
