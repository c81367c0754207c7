import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** Metadata key marking a route as reachable without authentication. */
export const IS_PUBLIC = 'berth:public';

/** OpenAPI extension marking a public operation, turned into `security: []` when the document is built. */
export const PUBLIC_EXTENSION = 'x-berth-public';

/** Marks a route (or controller) as reachable without authentication, and so in the OpenAPI document. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
