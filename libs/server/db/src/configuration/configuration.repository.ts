import { type DataSource } from 'typeorm';
import { ConfigurationEntity } from './configuration.entity';

/** Queries over system settings. */
export class ConfigurationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Reads one setting, or the fallback when it was never set. */
  async get<T>(key: string, fallback: T): Promise<T> {
    const row = await this.dataSource.getRepository(ConfigurationEntity).findOneBy({ key });
    return row ? (row.value as T) : fallback;
  }
}
