import { type DataSource, type SelectQueryBuilder } from 'typeorm';
import { touchCredentialLastUsed } from '../common/last-used';
import { rawRowCount } from '../common/raw-row-count';
import { type RobotLevel, RobotEntity, type RobotPermissionGrant } from './robot.entity';

/** The alias of the robot table in list queries, for the SQL expressions of a refinement's field map. */
export const ROBOT_LIST_ALIAS = 'r';

/** Postgres' SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

/** The fields of a new robot; id, times and last use are set by the database. */
export interface NewRobot {
  name: string;
  description: string;
  level: RobotLevel;
  projectId: number | null;
  secretHash: string;
  permissions: RobotPermissionGrant[];
  durationDays: number;
  expiresAt: Date | null;
  disabled: boolean;
  creator: string;
}

/** The fields of a robot an update may change. */
export type RobotChanges = Partial<
  Pick<RobotEntity, 'description' | 'permissions' | 'durationDays' | 'expiresAt' | 'disabled'>
>;

/** Which robots a list covers before the request's own filters. */
export interface RobotListScope {
  /** Only the robots of this project. */
  projectId?: number;
}

/** Adds a request's filters, order and page to a list query (the API layer's q/sort/page helpers). */
export type RobotListRefinement = (qb: SelectQueryBuilder<RobotEntity>) => void;

/** Thrown when a robot name is already taken. */
export class RobotNameTakenError extends Error {
  constructor(readonly robotName: string) {
    super(`a robot named ${robotName} already exists`);
  }
}

/** Queries over robot accounts. */
export class RobotRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finds a robot by id. */
  findById(id: number): Promise<RobotEntity | null> {
    return this.dataSource.getRepository(RobotEntity).findOneBy({ id });
  }

  /** Finds a robot by its stored name (without the login prefix). */
  findByName(name: string): Promise<RobotEntity | null> {
    return this.dataSource.getRepository(RobotEntity).findOneBy({ name });
  }

  /** Inserts a robot and returns it; throws RobotNameTakenError when the name exists. */
  async insert(robot: NewRobot): Promise<RobotEntity> {
    const repo = this.dataSource.getRepository(RobotEntity);
    try {
      return await repo.save(repo.create(robot));
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new RobotNameTakenError(robot.name);
      throw err;
    }
  }

  /** Applies changes to a robot and returns it, or null when it does not exist. */
  async update(id: number, changes: RobotChanges): Promise<RobotEntity | null> {
    if (Object.keys(changes).length > 0) await this.dataSource.getRepository(RobotEntity).update({ id }, changes);
    return this.findById(id);
  }

  /**
   * Replaces the secret, keeping the old one's hash acceptable until `previousExpiresAt`; returns false when the robot
   * does not exist. A second rotation within the grace period retires the first old secret at once.
   */
  async rotateSecret(id: number, secretHash: string, previousExpiresAt: Date): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE robot SET previous_secret_hash = secret_hash, previous_secret_expires_at = $3,
         secret_hash = $2, updated_at = now()
       WHERE id = $1`,
      [id, secretHash, previousExpiresAt],
    );
    return rawRowCount(result) > 0;
  }

  /** Deletes a robot; returns whether it existed. */
  async delete(id: number): Promise<boolean> {
    const result = await this.dataSource.getRepository(RobotEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records a use of the robot unless one was recorded less than `minIntervalMs` ago, so a busy robot costs one write
   * per interval; returns whether it wrote.
   */
  touchLastUsed(id: number, at: Date, minIntervalMs: number): Promise<boolean> {
    return touchCredentialLastUsed(this.dataSource, 'robot', id, at, minIntervalMs);
  }

  /** Lists one page of robots in a scope, refined by the request's filters, order and page, with the total. */
  async list(scope: RobotListScope, refine: RobotListRefinement): Promise<{ items: RobotEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(RobotEntity).createQueryBuilder(ROBOT_LIST_ALIAS);
    if (scope.projectId !== undefined)
      qb.andWhere(`${ROBOT_LIST_ALIAS}.project_id = :scopeProjectId`, {
        scopeProjectId: scope.projectId,
      });
    refine(qb);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
