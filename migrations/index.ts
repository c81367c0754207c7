import { type MigrationInterface } from 'typeorm';
import { CreateRegistrySchema1795609422531 } from './1795609422531-CreateRegistrySchema';
import { SetByteOrderCollationOnNames1795611857437 } from './1795611857437-SetByteOrderCollationOnNames';
import { CreateJobSchema1795611885520 } from './1795611885520-CreateJobSchema';
import { AddUploadLease1795612054995 } from './1795612054995-AddUploadLease';
import { AddTagsVersion1795613400000 } from './1795613400000-AddTagsVersion';
import { AddIdentityAndAudit1795617519252 } from './1795617519252-AddIdentityAndAudit';

/** A migration class as TypeORM instantiates it. */
export type MigrationClass = new () => MigrationInterface;

/** Every migration, oldest first; an explicit list so it works in the swc build and in vitest. `generate` appends here. */
export const MIGRATIONS: MigrationClass[] = [
  CreateRegistrySchema1795609422531,
  SetByteOrderCollationOnNames1795611857437,
  CreateJobSchema1795611885520,
  AddUploadLease1795612054995,
  AddTagsVersion1795613400000,
  AddIdentityAndAudit1795617519252,
];
