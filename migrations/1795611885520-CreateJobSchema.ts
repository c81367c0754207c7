import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Creates the job model shaped like Harbor's: `execution` (one run of a job kind, with its trigger, rolled-up status and
 * extra attributes) and `task` (one unit of work of a run, with attempts, the next attempt's time and a worker's lease).
 */
export class CreateJobSchema1795611885520 implements MigrationInterface {
  name = 'CreateJobSchema1795611885520';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "execution" ("id" BIGSERIAL NOT NULL, "vendor_type" character varying(64) NOT NULL, "vendor_id" integer, "trigger" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'Pending', "status_message" text, "extra_attrs" jsonb NOT NULL DEFAULT '{}', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_execution_status" CHECK ("status" IN ('Pending', 'Running', 'Stopped', 'Error', 'Success')), CONSTRAINT "pk_execution" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_execution_vendor" ON "execution" ("vendor_type", "vendor_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task" ("id" BIGSERIAL NOT NULL, "execution_id" bigint NOT NULL, "vendor_type" character varying(64) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'Pending', "status_message" text, "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_owner" character varying(255), "lease_until" TIMESTAMP WITH TIME ZONE, "extra_attrs" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_task_status" CHECK ("status" IN ('Pending', 'Running', 'Stopped', 'Error', 'Success')), CONSTRAINT "pk_task" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_task_vendor_status" ON "task" ("vendor_type", "status") `);
    await queryRunner.query(`CREATE INDEX "idx_task_execution" ON "task" ("execution_id") `);
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "FK_2861ae0a4930ab03ffbb789ba6d" FOREIGN KEY ("execution_id") REFERENCES "execution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_2861ae0a4930ab03ffbb789ba6d"`);
    await queryRunner.query(`DROP INDEX "public"."idx_task_execution"`);
    await queryRunner.query(`DROP INDEX "public"."idx_task_vendor_status"`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP INDEX "public"."idx_execution_vendor"`);
    await queryRunner.query(`DROP TABLE "execution"`);
  }
}
