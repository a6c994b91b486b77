/**
 * "Where your words go", as data the page shows verbatim: which guide reads the musician's words
 * (offline on this machine, or a named LLM host), where the journal is stored, the retention rule,
 * and the promises (no analytics, no third-party requests from the page).
 */
import { z } from '@hono/zod-openapi';
import type { Config } from '../config.ts';
import { guideLabel } from '../http/health.ts';

export const PrivacyStatement = z
  .object({
    mode: z.enum(['personal', 'group']),
    guide: z.object({ mode: z.enum(['offline', 'llm']), provider: z.string() }),
    storage: z.enum(['pglite', 'postgres']),
    retentionDays: z.number().int().nullable(),
    /** Plain sentences, in order, for the "where your words go" panel. */
    lines: z.array(z.string()),
  })
  .openapi('PrivacyStatement');
export type PrivacyStatement = z.infer<typeof PrivacyStatement>;

/** The statement for this server's configuration. */
export function privacyStatement(config: Config, storage: 'pglite' | 'postgres'): PrivacyStatement {
  const guide = guideLabel(config.llm);
  const mode = config.deployment ?? 'personal';
  const retentionDays = config.retentionDays ?? null;
  const lines = [
    guide.mode === 'offline'
      ? 'Your words stay on this server: the guide and the interpreter run here, and nothing is sent to any AI service.'
      : `Your messages (a running summary and the last few turns) are sent to the language model at ${guide.provider} to phrase replies and choose the music. Nothing else leaves this server.`,
    storage === 'pglite'
      ? mode === 'personal'
        ? 'Your journal is stored in a database file on this computer.'
        : 'Journals are stored in a database file on this server.'
      : 'Journals are stored in the PostgreSQL database this server is configured with.',
    mode === 'group'
      ? 'Each journal belongs to its participant. A facilitator sees a song only while you share it with them, and you can stop sharing at any time. If you write words that suggest you may be in danger, facilitators get a discreet note of which song and when (never your words), so they can check in with you.'
      : 'There are no accounts: this is your own copy of Innerchord.',
    retentionDays ? `Songs not changed for ${retentionDays} days are deleted automatically.` : 'Songs are kept until you delete them.',
    'You can export everything as a zip, and delete everything, from the account menu.',
    'No analytics, no tracking, no fonts or scripts from other sites: the page talks only to this server.',
  ];
  return { mode, guide: { mode: guide.mode, provider: guide.provider }, storage, retentionDays, lines };
}
