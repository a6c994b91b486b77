/**
 * Session templates in the web app: the list to pick from when starting a song, and (for a
 * facilitator, or the one musician in personal mode) writing, changing and deleting templates.
 * Plain fetch to our own origin; the CSRF wrapper adds its header in group mode.
 */
import { i18n, t } from '../i18n/index.ts';
import type { z } from 'zod';
import type { Template as TemplateSchema, TemplateInput as TemplateInputSchema } from '../../../server/templates/shapes.ts';
import type { SongSummary } from '../lib/types.ts';
import { fetchJson } from '../lib/json.ts';

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateInput = z.input<typeof TemplateInputSchema>;
export type TemplateQuestion = Template['questions'][number];
export type TemplateStage = TemplateQuestion['stage'];

/** The stages a template question can stand for, with words a facilitator knows, in the page's language. */
export const stageLabels = (): Record<TemplateStage, string> => ({
  about: t('templates.stages.about'),
  feeling: t('templates.stages.feeling'),
  message: t('templates.stages.message'),
  images: t('templates.stages.images'),
  audience: t('templates.stages.audience'),
  references: t('templates.stages.references'),
});


/** A blank template for the editor. */
export const blankTemplate = (): TemplateInput => ({ name: '', description: '', kind: 'reflective', questions: [{ stage: 'about', question: '' }], constraint: {} });

export class TemplatesState {
  templates = $state<Template[]>([]);
  /** Whether this person may write templates (facilitator, or personal mode). */
  canWrite = $state(false);
  error = $state<string | null>(null);

  /** Load the templates and whether the caller may write them. */
  async load(): Promise<void> {
    try {
      const [list, me] = await Promise.all([
        fetchJson<{ templates: Template[] }>('/api/templates'),
        fetchJson<{ mode: string; user: { role: string } | null }>('/api/auth/me').catch(() => ({ mode: 'personal', user: null })),
      ]);
      this.templates = list.templates;
      this.canWrite = me.mode === 'personal' || me.user?.role === 'facilitator';
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** Start a song from a template (or the default conversation when `templateId` is empty). */
  startSong(templateId: string | null, title?: string): Promise<SongSummary> {
    const body = { ...(title ? { title } : {}), ...(templateId ? { templateId } : {}) };
    return fetchJson<SongSummary>('/api/songs', { method: 'POST', body: JSON.stringify(body) });
  }

  /** Save a template: a new one without `id`, else replace it. */
  async save(input: TemplateInput, id?: string): Promise<Template> {
    const saved = await fetchJson<Template>(id ? `/api/templates/${encodeURIComponent(id)}` : '/api/templates', { method: id ? 'PUT' : 'POST', body: JSON.stringify(input) });
    await this.load();
    return saved;
  }

  async remove(id: string): Promise<void> {
    await fetchJson<void>(`/api/templates/${encodeURIComponent(id)}`, { method: 'DELETE' });
    this.templates = this.templates.filter((t) => t.id !== id);
  }
}

/**
 * A template's name and description as the page says them: the built-in ones are translated in
 * the web catalogues (by id); a facilitator's own stay in their words.
 */
export function templateText(tpl: Pick<Template, 'id' | 'name' | 'description'>): { name: string; description: string } {
  const slug = tpl.id.startsWith('builtin:') ? tpl.id.slice('builtin:'.length) : null;
  if (!slug) return { name: tpl.name, description: tpl.description };
  return { name: i18n.lookup(`builtins.${slug}.name`, tpl.name), description: i18n.lookup(`builtins.${slug}.description`, tpl.description) };
}
