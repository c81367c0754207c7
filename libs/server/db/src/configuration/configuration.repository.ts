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

  /** Reads every stored setting. */
  async getAll(): Promise<Map<string, unknown>> {
    const rows = await this.dataSource.getRepository(ConfigurationEntity).find();
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  /**
   * Stores several settings in one statement and returns the keys whose stored value actually changed (inserted, or
   * updated to a different JSON value), so callers can audit exactly what changed.
   */
  async setMany(values: Readonly<Record<string, unknown>>): Promise<string[]> {
    const entries = Object.entries(values);
    if (entries.length === 0) return [];
    const rows: { key: string }[] = await this.dataSource.query(
      `INSERT INTO "configuration" ("key", "value", "updated_at")
       SELECT entry.key, entry.value, now() FROM jsonb_each($1::jsonb) AS entry
       ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updated_at" = now()
       WHERE "configuration"."value" IS DISTINCT FROM EXCLUDED."value"
       RETURNING "key"`,
      [JSON.stringify(Object.fromEntries(entries))],
    );
    return rows.map((row) => row.key).sort();
  }
}
