/**
 * Session templates: the built-in ones (data) and those written in the app (the
 * session_templates table). Anyone may list and use them; in group mode only facilitators write,
 * and each edits only their own; in personal mode the one musician edits every written one.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessionTemplates, type SessionTemplateRow } from '../../db/schema.ts';
import { found, ServiceError } from '../errors.ts';
import { newId, now, parseInput } from '../journal/common.ts';
import { BUILTIN_TEMPLATES } from './builtin.ts';
import { TemplateInput, type Template } from './shapes.ts';

/** Who is asking: `userId` null in personal mode. */
export interface Actor {
  userId: string | null;
  role: 'facilitator' | 'participant' | null;
}

export const PERSONAL: Actor = { userId: null, role: null };

const BUILTINS: Template[] = BUILTIN_TEMPLATES.map(({ id, ...t }) => ({ ...TemplateInput.parse(t), id, builtin: true, editable: false, updatedAt: null }));

const mayWrite = (actor: Actor) => actor.userId === null || actor.role === 'facilitator';
const owns = (actor: Actor, row: SessionTemplateRow) => mayWrite(actor) && row.ownerId === actor.userId;

function fromRow(row: SessionTemplateRow, actor: Actor): Template {
  // A row that no longer parses (hand-edited database) is skipped by listTemplates, never served.
  const body = TemplateInput.parse(row.body);
  return { ...body, name: row.name, id: row.id, builtin: false, editable: owns(actor, row), updatedAt: row.updatedAt.toISOString() };
}

/** Built-in templates first (in their order), then written ones, newest first. */
export async function listTemplates(db: Database, actor: Actor = PERSONAL): Promise<Template[]> {
  const rows = await db.orm.select().from(sessionTemplates).orderBy(desc(sessionTemplates.updatedAt));
  const written = rows.flatMap((r) => {
    try {
      return [fromRow(r, actor)];
    } catch {
      return [];
    }
  });
  return [...BUILTINS, ...written];
}

/** One template by id (built-in or written); NOT_FOUND otherwise. */
export async function getTemplate(db: Database, id: string, actor: Actor = PERSONAL): Promise<Template> {
  const builtin = BUILTINS.find((t) => t.id === id);
  if (builtin) return builtin;
  const [row] = await db.orm.select().from(sessionTemplates).where(eq(sessionTemplates.id, id));
  return fromRow(found(row, 'template'), actor);
}

/** Write a new template: createTemplate(db, { name, questions: [{ stage: 'about', question: '…' }] }). */
export async function createTemplate(db: Database, input: unknown, actor: Actor = PERSONAL): Promise<Template> {
  if (!mayWrite(actor)) throw new ServiceError('FORBIDDEN', 'Only a facilitator can write session templates.');
  const body = parseInput(TemplateInput, input);
  const at = now();
  const row: SessionTemplateRow = { id: newId(), ownerId: actor.userId, name: body.name, body, createdAt: at, updatedAt: at };
  await db.orm.insert(sessionTemplates).values(row);
  return fromRow(row, actor);
}

async function ownRow(db: Database, id: string, actor: Actor): Promise<SessionTemplateRow> {
  if (BUILTINS.some((t) => t.id === id)) throw new ServiceError('FORBIDDEN', 'Built-in templates cannot be changed; write a new one instead.');
  const [row] = await db.orm.select().from(sessionTemplates).where(eq(sessionTemplates.id, id));
  const existing = found(row, 'template');
  if (!owns(actor, existing)) throw new ServiceError('FORBIDDEN', 'Only the facilitator who wrote this template can change it.');
  return existing;
}

/** Replace a written template's content; FORBIDDEN for built-ins and other people's. */
export async function updateTemplate(db: Database, id: string, input: unknown, actor: Actor = PERSONAL): Promise<Template> {
  const body = parseInput(TemplateInput, input);
  const row = await ownRow(db, id, actor);
  const next = { ...row, name: body.name, body, updatedAt: now() };
  await db.orm.update(sessionTemplates).set({ name: next.name, body, updatedAt: next.updatedAt }).where(eq(sessionTemplates.id, id));
  return fromRow(next, actor);
}

/** Delete a written template (songs that used it keep their copy in the conversation state). */
export async function deleteTemplate(db: Database, id: string, actor: Actor = PERSONAL): Promise<void> {
  await ownRow(db, id, actor);
  await db.orm.delete(sessionTemplates).where(eq(sessionTemplates.id, id));
}
