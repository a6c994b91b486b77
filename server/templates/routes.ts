/** /api/templates — list, read, write, replace and delete session templates. See docs/API.md. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { currentUser } from '../auth/context.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter } from '../http/router.ts';
import { body, errors, json } from '../journal/routes/common.ts';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, PERSONAL, updateTemplate, type Actor } from './service.ts';
import { Template, TemplateInput } from './shapes.ts';

const tags = ['templates'];
const TemplateParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const TemplateList = z.object({ templates: z.array(Template) }).openapi('TemplateList');
const denied = { 403: { ...errors[400], description: 'Built-in, someone else\'s, or not a facilitator' } };

/** The caller as the template service sees them: the account in group mode, the one musician otherwise. */
export function actorOf(c: Context): Actor {
  const user = currentUser(c);
  return user ? { userId: user.id, role: user.role } : PERSONAL;
}

/** The templates sub-app, mounted at /api. */
export function templateRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(createRoute({ method: 'get', path: '/templates', tags, responses: { 200: json(TemplateList, 'Built-in templates, then written ones') } }), async (c) =>
      c.json({ templates: await listTemplates(db, actorOf(c)) }, 200),
    )
    .openapi(createRoute({ method: 'get', path: '/templates/{id}', tags, request: { params: TemplateParams }, responses: { 200: json(Template, 'The template'), 404: errors[404] } }), async (c) =>
      c.json(await getTemplate(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/templates', tags, request: { body: body(TemplateInput) }, responses: { 201: json(Template, 'The new template'), 400: errors[400], ...denied } }),
      async (c) => c.json(await createTemplate(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({ method: 'put', path: '/templates/{id}', tags, request: { params: TemplateParams, body: body(TemplateInput) }, responses: { 200: json(Template, 'The changed template'), ...errors, ...denied } }),
      async (c) => c.json(await updateTemplate(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({ method: 'delete', path: '/templates/{id}', tags, request: { params: TemplateParams }, responses: { 204: { description: 'Deleted' }, 404: errors[404], ...denied } }),
      async (c) => {
        await deleteTemplate(db, c.req.valid('param').id, actorOf(c));
        return c.body(null, 204);
      },
    );
}
