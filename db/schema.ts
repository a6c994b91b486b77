/**
 * The journal: one pg-core schema for both the embedded PGlite database and PostgreSQL.
 * Every child row cascades from its song, so deleting a song really deletes everything.
 * JSON columns are parsed with their zod schema when read (the database is a boundary too).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const id = () => text('id').primaryKey();
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Accounts (group mode only). `username` is stored lower-cased; the hash is node:crypto scrypt. */
export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['facilitator', 'participant'] }).notNull(),
    createdAt: createdAt(),
    /** Set by a facilitator: the account cannot log in and its sessions are ended; null = active. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username)],
);

export const songs = pgTable(
  'songs',
  {
    id: id(),
    /** The account that owns the song; null = the personal-mode owner (no accounts). */
    ownerId: text('owner_id').references((): AnyPgColumn => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    /**
     * The highest version number handed out. A new version bumps it in the same statement that
     * inserts the version: the row lock queues concurrent writers, and each reads the count its
     * predecessor committed, so numbering needs no transaction and no retry.
     */
    lastVersion: integer('last_version').notNull().default(0),
  },
  (t) => [
    // GET /api/songs: newest first, paginated by (updated_at, id).
    index('songs_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    // GET /api/songs in group mode: one owner's songs, newest first.
    index('songs_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()),
  ],
);

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    /** Running summary of older turns, so prompts stay flat as a song is iterated. */
    summary: text('summary').notNull().default(''),
    /** Highest message seq folded into `summary`. */
    summaryUpTo: integer('summary_up_to').notNull().default(0),
    /** The highest message seq handed out (see songs.lastVersion: the same one-statement append). */
    lastSeq: integer('last_seq').notNull().default(0),
    /** The guide's state (stage, answers gathered) as JSON, parsed by the guide's schema. */
    state: jsonb('state').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    // Loading the conversation of a song.
    index('conversations_song_idx').on(t.songId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    /** Position in the conversation, 1-based, gap-free. */
    seq: integer('seq').notNull(),
    role: text('role', { enum: ['user', 'assistant', 'system'] }).notNull(),
    text: text('text').notNull(),
    /** Extra facts about a turn: suggestions, fallback notice, provider, stage, version id … */
    meta: jsonb('meta').notNull().default(sql`'{}'::jsonb`),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    createdAt: createdAt(),
    /**
     * The `Idempotency-Key` the page sent a user message with: a repeat with the same key gets
     * the first turn's result instead of a second message (unique per song, so every instance agrees).
     */
    idempotencyKey: text('idempotency_key'),
    /** On a reply: the user message it answers, so a repeated turn finds the answer it already got. */
    replyTo: text('reply_to'),
    /**
     * On a user message: when a turn began answering it. A repeat waits while this is fresh, and
     * takes over once it is stale (the instance answering it died), so a message is answered once.
     */
    answeringSince: timestamp('answering_since', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // Listing a conversation in order, and the next seq (max) — also keeps seq unique.
    uniqueIndex('messages_conversation_seq_idx').on(t.conversationId, t.seq),
    // Cascade and search by song.
    index('messages_song_idx').on(t.songId),
    // One message per key per song: the database, not a process, decides which request was first.
    uniqueIndex('messages_song_idempotency_idx').on(t.songId, t.idempotencyKey),
    // One reply per user message, found by the message it answers.
    uniqueIndex('messages_reply_to_idx').on(t.replyTo),
  ],
);

export const intentions = pgTable(
  'intentions',
  {
    id: id(),
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    /** The agreed statement of what the song is for, in the musician's words. */
    text: text('text').notNull(),
    confirmed: boolean('confirmed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // The current intention of a song is its newest row.
    index('intentions_song_created_idx').on(t.songId, t.createdAt.desc()),
  ],
);

export const versions = pgTable(
  'versions',
  {
    id: id(),
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    /** The version this one was revised or branched from. */
    parentId: text('parent_id').references((): AnyPgColumn => versions.id, { onDelete: 'set null' }),
    /** 1, 2, 3 … within a song. */
    number: integer('number').notNull(),
    /** What asked for it: the musician's request, "first sketch", "revert to v2" … */
    request: text('request').notNull().default(''),
    params: jsonb('params').notNull(),
    seed: integer('seed').notNull(),
    engineVersion: text('engine_version').notNull(),
    /**
     * The generated Sketch, stored so a saved version sounds the same after upgrades. `json`, not
     * `jsonb`: it is only ever stored and read whole, never queried inside, and as checked text
     * the embedded journal spends ~30% less CPU writing and reading it (measured on PGlite 0.5 with
     * a 66 kB sketch: ~2 ms less per write, ~1 ms less per read).
     */
    sketch: json('sketch').notNull(),
    /** Musician-readable changes from the parent (list of strings). */
    changes: jsonb('changes').notNull().default(sql`'[]'::jsonb`),
    /** Closer (+) or further (−) from what was meant: -2 … 2. */
    rating: integer('rating'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    // Listing a song's versions in order, and the next number — also keeps number unique.
    uniqueIndex('versions_song_number_idx').on(t.songId, t.number),
  ],
);

export const notes = pgTable(
  'notes',
  {
    id: id(),
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    versionId: text('version_id').references(() => versions.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A song's notes, newest first.
    index('notes_song_created_idx').on(t.songId, t.createdAt.desc()),
  ],
);

/** Jam takes: the emotion pad's path recorded over a version's jam loop, replayable on the same
 *  bars. `take` is parsed with music/jam/take.ts's JamTake when read. */
export const jamTakes = pgTable(
  'jam_takes',
  {
    id: id(),
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    /** The version whose parameters and seed the jam morphed: a replay regenerates from them. */
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    take: jsonb('take').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A version's takes, oldest first.
    index('jam_takes_version_created_idx').on(t.versionId, t.createdAt),
    index('jam_takes_song_idx').on(t.songId),
  ],
);

/** Logged-in sessions: the cookie carries a random token, the row is keyed by its SHA-256, so a
 *  leaked database does not hand out live sessions. Stored here because the server keeps no state. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The CSRF token the client must echo in `X-CSRF-Token` on every state-changing request. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Login limits: one counter per key ("user:<name>" across addresses, "ip:<address>" across names)
 * over a fixed window. A login reserves its attempt with one INSERT … ON CONFLICT DO UPDATE …
 * RETURNING before the password is checked, so the row lock makes record-and-check atomic across
 * requests and server instances (server/auth/rate-limit.ts).
 */
export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(),
  /** Attempts counted in the current window (a successful login gives its attempt back). */
  failures: integer('failures').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Invite codes for group mode: sign-up needs one. Only the SHA-256 of the code is kept (the code is
 * shown once, to the facilitator who made it). `role` 'facilitator' marks the one-time setup code
 * printed at start-up while the server has no facilitator.
 */
export const invites = pgTable(
  'invites',
  {
    id: id(),
    codeHash: text('code_hash').notNull(),
    /** The code's first characters, so a facilitator can tell invites apart in the list. */
    hint: text('hint').notNull(),
    role: text('role', { enum: ['facilitator', 'participant'] }).notNull().default('participant'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Sign-ups still allowed; a sign-up takes one in the same statement that checks it. */
    usesLeft: integer('uses_left').notNull(),
    uses: integer('uses').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invites_code_hash_idx').on(t.codeHash)],
);

/** A song its owner currently shares with a facilitator (read-only); deleting the row unshares at once. */
export const songShares = pgTable(
  'song_shares',
  {
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.songId, t.userId] }), index('song_shares_user_idx').on(t.userId)],
);

/** Session templates a facilitator (or, in personal mode, the musician) wrote; the built-in ones
 *  are data in server/templates/builtin.ts. `body` is parsed by server/templates/shapes.ts. */
export const sessionTemplates = pgTable(
  'session_templates',
  {
    id: id(),
    /** The account that wrote it; null in personal mode. */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    body: jsonb('body').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('session_templates_owner_idx').on(t.ownerId, t.name)],
);

/** A discreet flag for facilitators (group mode): crisis language was met in this song at this
 *  time. Deliberately holds no message text and no signal names. */
export const safetyAlerts = pgTable(
  'safety_alerts',
  {
    id: id(),
    songId: text('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // GET /api/safety/alerts: newest first.
    index('safety_alerts_created_idx').on(t.createdAt.desc()),
    // raiseAlert: at most one unseen alert per song, held by the database even when two crisis
    // turns for one song arrive at the same moment.
    uniqueIndex('safety_alerts_unseen_song_idx').on(t.songId).where(sql`${t.seenAt} is null`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type SongRow = typeof songs.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type IntentionRow = typeof intentions.$inferSelect;
export type VersionRow = typeof versions.$inferSelect;
export type NoteRow = typeof notes.$inferSelect;
export type JamTakeRow = typeof jamTakes.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type SessionTemplateRow = typeof sessionTemplates.$inferSelect;
export type SafetyAlertRow = typeof safetyAlerts.$inferSelect;
export type InviteRow = typeof invites.$inferSelect;
