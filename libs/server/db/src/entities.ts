import { ConfigurationEntity } from './configuration/configuration.entity';
import { ProjectEntity } from './project/project.entity';
import { BlobEntity } from './registry/blob.entity';
import { ManifestBlobEntity } from './registry/manifest-blob.entity';
import { ManifestReferenceEntity } from './registry/manifest-reference.entity';
import { ManifestEntity } from './registry/manifest.entity';
import { RepositoryBlobEntity } from './registry/repository-blob.entity';
import { RepositoryEntity } from './registry/repository.entity';
import { TagEntity } from './registry/tag.entity';
import { UploadEntity } from './registry/upload.entity';
import { UserEntity } from './user/user.entity';
import { ExecutionEntity } from './job/execution.entity';
import { TaskEntity } from './job/task.entity';
import { UserGroupEntity } from './identity/user-group.entity';
import { ProjectMemberEntity } from './identity/project-member.entity';
import { RobotEntity } from './identity/robot.entity';
import { PersonalAccessTokenEntity } from './identity/personal-access-token.entity';
import { AuditLogEntity } from './audit/audit-log.entity';

/** Every entity of the shared schema; the DataSource and the migration drift check use exactly this list. */
export const ENTITIES = [
  UserEntity,
  ProjectEntity,
  ConfigurationEntity,
  RepositoryEntity,
  BlobEntity,
  RepositoryBlobEntity,
  ManifestEntity,
  ManifestBlobEntity,
  ManifestReferenceEntity,
  TagEntity,
  UploadEntity,
  ExecutionEntity,
  TaskEntity,
  UserGroupEntity,
  ProjectMemberEntity,
  RobotEntity,
  PersonalAccessTokenEntity,
  AuditLogEntity,
];
