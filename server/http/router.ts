/** Every sub-app is made here so they all share the validation hook (zod-openapi applies the hook
 *  of the app a route was defined on, not of the app it is mounted into). */
import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './errors.ts';

/** A new OpenAPIHono whose failed validations answer 400 `{ error: { code, message, field } }`. */
export function createRouter() {
  return new OpenAPIHono({ defaultHook: (result, c) => validationHook(result as Parameters<typeof validationHook>[0], c) });
}
