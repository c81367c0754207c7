import { type MigrationInterface } from 'typeorm';
import { CreateRegistrySchema1795609422531 } from './1795609422531-CreateRegistrySchema';

/** A migration class as TypeORM instantiates it. */
export type MigrationClass = new () => MigrationInterface;

/** Every migration, oldest first; an explicit list so it works in the swc build and in vitest. `generate` appends here. */
export const MIGRATIONS: MigrationClass[] = [CreateRegistrySchema1795609422531];
