/** Pieces every journal route shares: path params and the documented error responses. */
import { z } from '@hono/zod-openapi';
import { ErrorBody } from '../shapes.ts';

export const SongParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
export const VersionParams = z.object({ vid: z.string().min(1).max(100).openapi({ param: { name: 'vid', in: 'path' } }) });

const error = (description: string) => ({ content: { 'application/json': { schema: ErrorBody } }, description });

/** The error responses a route can give, for the OpenAPI document. */
export const errors = {
  400: error('Invalid input; `field` names the offending field'),
  404: error('No such song or version'),
} as const;

/** A JSON response entry for createRoute. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });

/** A required JSON request body for createRoute. */
export const body = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

/** `Content-Disposition` for a download whose name is already file-safe ASCII. */
export const attachment = (filename: string) => `attachment; filename="${filename}"`;
