/** Throwaway PostgreSQL databases on a server (for tests and benchmarks; no test-runner imports). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Create an empty database `innerchord_t_<random>` on the server of `baseUrl`; `drop()` removes it. */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `innerchord_t_${randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
