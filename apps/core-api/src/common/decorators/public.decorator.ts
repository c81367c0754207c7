import { SetMetadata } from '@nestjs/common';

/** Metadata key marking a route as reachable without authentication. */
export const IS_PUBLIC = 'berth:public';

/** Marks a route (or controller) as reachable without authentication. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
