/** Session templates: built-in data, written ones in the journal, the routes, and starting a song from one. */
export { BUILTIN_TEMPLATES } from './builtin.ts';
export { Template, TemplateInput, TEMPLATE_KINDS } from './shapes.ts';
export { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate, PERSONAL, type Actor } from './service.ts';
export { guideTemplate, startFromTemplate } from './start.ts';
export { templateRoutes, actorOf } from './routes.ts';
