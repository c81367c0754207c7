import { type DataSource } from 'typeorm';
import { UserEntity } from './user.entity';

/** The fields needed to create a user. */
export type NewUser = Pick<UserEntity, 'username' | 'email' | 'realname' | 'passwordHash' | 'sysadmin' | 'source'>;

/** Queries over the user aggregate. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the user unless one with that username exists; returns whether this call created it. */
  async insertIfAbsent(user: NewUser): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  /** Finds a user by username. */
  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  /** Counts system administrators. */
  countSysadmins(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).countBy({ sysadmin: true });
  }
}
