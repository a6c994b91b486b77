/** Session templates at the boundary: what a facilitator writes (TemplateInput) and what the API returns (Template). */
import { z } from '@hono/zod-openapi';
import { Scale } from 'tonal';
import { TemplateQuestion } from '../guide/state.ts';

export const TEMPLATE_KINDS = ['reflective', 'warm-up', 'opener', 'classroom'] as const;

export const TemplateInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(1000).default(''),
    kind: z.enum(TEMPLATE_KINDS).default('reflective'),
    questions: z
      .array(TemplateQuestion)
      .min(1)
      .max(6)
      .refine((qs) => new Set(qs.map((q) => q.stage)).size === qs.length, { message: 'each stage can be asked only once' }),
    constraint: z
      .object({
        mode: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .refine((m) => !Scale.get(`C ${m}`).empty, { message: 'a scale name Tonal knows, e.g. "dorian"' })
          .optional(),
      })
      .default({}),
  })
  .openapi('TemplateInput');

export const Template = TemplateInput.extend({
  id: z.string(),
  /** Built-in templates ship with Innerchord and cannot be edited or deleted. */
  builtin: z.boolean(),
  /** True when the caller may edit or delete it. */
  editable: z.boolean(),
  updatedAt: z.string().nullable(),
}).openapi('Template');

export type TemplateInput = z.infer<typeof TemplateInput>;
export type TemplateInputRaw = z.input<typeof TemplateInput>;
export type Template = z.infer<typeof Template>;
