import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Creates the first schema (users, projects, configuration and the registry's repositories, blobs, manifests, tags and
 * uploads) and seeds what a fresh install needs: the public `library` project and database authentication.
 * Primary keys and single-column unique constraints carry readable names; foreign keys keep the names TypeORM derives
 * from the entities, because the drift check matches foreign keys by name.
 */
export class CreateRegistrySchema1795609422531 implements MigrationInterface {
  name = 'CreateRegistrySchema1795609422531';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "configuration" (
        "key" character varying(128) NOT NULL,
        "value" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_configuration" PRIMARY KEY ("key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "user" (
        "id" SERIAL NOT NULL,
        "username" character varying(255) NOT NULL,
        "email" character varying(255),
        "realname" character varying(255) NOT NULL DEFAULT '',
        "password_hash" character varying(255),
        "sysadmin" boolean NOT NULL DEFAULT false,
        "source" character varying(16) NOT NULL DEFAULT 'local',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_user_username" UNIQUE ("username"),
        CONSTRAINT "pk_user" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "project" (
        "id" SERIAL NOT NULL,
        "name" character varying(255) NOT NULL,
        "public" boolean NOT NULL DEFAULT false,
        "owner_id" integer,
        "storage_limit" bigint NOT NULL DEFAULT '-1',
        "storage_used" bigint NOT NULL DEFAULT '0',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_project_name" UNIQUE ("name"),
        CONSTRAINT "pk_project" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "blob" (
        "id" BIGSERIAL NOT NULL,
        "digest" character varying(255) NOT NULL,
        "size" bigint NOT NULL,
        "media_type" character varying(255),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_blob_digest" UNIQUE ("digest"),
        CONSTRAINT "pk_blob" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "repository" (
        "id" SERIAL NOT NULL,
        "project_id" integer NOT NULL,
        "name" character varying(255) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "pull_count" bigint NOT NULL DEFAULT '0',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_repository_name" UNIQUE ("name"),
        CONSTRAINT "pk_repository" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_repository_project" ON "repository" ("project_id")`);
    await queryRunner.query(`
      CREATE TABLE "manifest" (
        "id" BIGSERIAL NOT NULL,
        "repository_id" integer NOT NULL,
        "digest" character varying(255) NOT NULL,
        "media_type" character varying(255) NOT NULL,
        "artifact_type" character varying(255),
        "size" bigint NOT NULL,
        "content" bytea NOT NULL,
        "config_digest" character varying(255),
        "subject_digest" character varying(255),
        "annotations" jsonb,
        "pushed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_pulled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_manifest_repository_digest" UNIQUE ("repository_id", "digest"),
        CONSTRAINT "pk_manifest" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_manifest_repository_subject" ON "manifest" ("repository_id", "subject_digest")`,
    );
    await queryRunner.query(`
      CREATE TABLE "manifest_blob" (
        "manifest_id" bigint NOT NULL,
        "blob_id" bigint NOT NULL,
        CONSTRAINT "pk_manifest_blob" PRIMARY KEY ("manifest_id", "blob_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_manifest_blob_blob" ON "manifest_blob" ("blob_id")`);
    await queryRunner.query(`
      CREATE TABLE "manifest_reference" (
        "parent_id" bigint NOT NULL,
        "child_id" bigint NOT NULL,
        "platform" jsonb,
        CONSTRAINT "pk_manifest_reference" PRIMARY KEY ("parent_id", "child_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_manifest_reference_child" ON "manifest_reference" ("child_id")`);
    await queryRunner.query(`
      CREATE TABLE "repository_blob" (
        "repository_id" integer NOT NULL,
        "blob_id" bigint NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_repository_blob" PRIMARY KEY ("repository_id", "blob_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_repository_blob_blob" ON "repository_blob" ("blob_id")`);
    await queryRunner.query(`
      CREATE TABLE "tag" (
        "id" BIGSERIAL NOT NULL,
        "repository_id" integer NOT NULL,
        "name" character varying(128) NOT NULL,
        "manifest_id" bigint NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_tag_repository_name" UNIQUE ("repository_id", "name"),
        CONSTRAINT "pk_tag" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_tag_manifest" ON "tag" ("manifest_id")`);
    await queryRunner.query(`
      CREATE TABLE "upload" (
        "id" uuid NOT NULL,
        "repository_id" integer NOT NULL,
        "size" bigint NOT NULL DEFAULT '0',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_upload" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_upload_repository" ON "upload" ("repository_id")`);
    await queryRunner.query(`CREATE INDEX "idx_upload_expires_at" ON "upload" ("expires_at")`);

    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "FK_d40afe32d1d771bea7a5f468185" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repository" ADD CONSTRAINT "FK_7b840cd81fa4633b9d8a27ed887" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manifest" ADD CONSTRAINT "FK_2d7d1892985ba06169064221f1f" FOREIGN KEY ("repository_id") REFERENCES "repository"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manifest_blob" ADD CONSTRAINT "FK_3599aa9d7c50b6c3d49265af7aa" FOREIGN KEY ("manifest_id") REFERENCES "manifest"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manifest_blob" ADD CONSTRAINT "FK_f1e858619661e95b00dcbea94ba" FOREIGN KEY ("blob_id") REFERENCES "blob"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manifest_reference" ADD CONSTRAINT "FK_39bd45163206115609be3c65d30" FOREIGN KEY ("parent_id") REFERENCES "manifest"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manifest_reference" ADD CONSTRAINT "FK_842c6a4d6b9bee91d4cf0999b14" FOREIGN KEY ("child_id") REFERENCES "manifest"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repository_blob" ADD CONSTRAINT "FK_4d9bc4b17103817e736c3853eb3" FOREIGN KEY ("repository_id") REFERENCES "repository"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "repository_blob" ADD CONSTRAINT "FK_db5179c0e03d7325b14ab9f9eac" FOREIGN KEY ("blob_id") REFERENCES "blob"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tag" ADD CONSTRAINT "FK_3fb134fbb3681b7e0cc2f151da7" FOREIGN KEY ("repository_id") REFERENCES "repository"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tag" ADD CONSTRAINT "FK_28472f204b8babe017eea16c3cd" FOREIGN KEY ("manifest_id") REFERENCES "manifest"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "upload" ADD CONSTRAINT "FK_6eb145e2ec02761229a7a674307" FOREIGN KEY ("repository_id") REFERENCES "repository"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Harbor ships a public `library` project so that `docker push <host>/library/<image>` works out of the box.
    await queryRunner.query(`INSERT INTO "project" ("name", "public") VALUES ('library', true)`);
    await queryRunner.query(`INSERT INTO "configuration" ("key", "value") VALUES ('auth_mode', '"db_auth"'::jsonb)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping in reverse creation order drops each table's indexes and foreign keys with it.
    for (const table of [
      'upload',
      'tag',
      'repository_blob',
      'manifest_reference',
      'manifest_blob',
      'manifest',
      'repository',
      'blob',
      'project',
      'user',
      'configuration',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
