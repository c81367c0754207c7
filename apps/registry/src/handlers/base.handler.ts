import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { overall, probe } from '@berth/common';
import { BLOB_DRIVER, type BlobDriver } from '@berth/storage';
import { type Reply } from '../http/route';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The endpoints that are not about a repository: the API version check and the health report. */
@Injectable()
export class BaseHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BLOB_DRIVER) private readonly driver: BlobDriver,
  ) {}

  /** Answers `GET /v2/` with 200 and an empty JSON object: this registry implements the distribution API. */
  apiVersion = async (): Promise<Reply> => ({
    status: 200,
    headers: { 'Content-Type': JSON_TYPE },
    body: Buffer.from('{}'),
  });

  /** Reports the database and storage health; 503 when either is unhealthy. */
  health = async (): Promise<Reply> => {
    const report = overall(
      await Promise.all([
        probe('database', async () => {
          await this.dataSource.query('SELECT 1');
        }),
        probe('storage', async () => {
          await this.driver.ping();
          return { driver: this.driver.kind };
        }),
      ]),
    );
    return {
      status: report.status === 'healthy' ? 200 : 503,
      headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
      body: Buffer.from(JSON.stringify(report)),
    };
  };
}
