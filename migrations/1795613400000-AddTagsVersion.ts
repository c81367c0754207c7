import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * AddTagsVersion: `repository.tags_version`, bumped by statement-level triggers on `tag` (insert, update, delete,
 * including deletes cascaded from manifests) in the same transaction as the change. A registry replica caches a
 * repository's tag list with the version it was read at and revalidates it with one primary-key lookup.
 */
export class AddTagsVersion1795613400000 implements MigrationInterface {
  name = 'AddTagsVersion1795613400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repository" ADD "tags_version" bigint NOT NULL DEFAULT '0'`);
    // Each trigger names its transition table changed_tags (the new rows, or for deletes the old ones).
    await queryRunner.query(`
      CREATE FUNCTION berth_bump_tags_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE repository SET tags_version = tags_version + 1
        WHERE id IN (SELECT DISTINCT repository_id FROM changed_tags);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tag_bump_version_insert AFTER INSERT ON "tag" REFERENCING NEW TABLE AS changed_tags
      FOR EACH STATEMENT EXECUTE FUNCTION berth_bump_tags_version()`);
    await queryRunner.query(`
      CREATE TRIGGER tag_bump_version_update AFTER UPDATE ON "tag" REFERENCING NEW TABLE AS changed_tags
      FOR EACH STATEMENT EXECUTE FUNCTION berth_bump_tags_version()`);
    await queryRunner.query(`
      CREATE TRIGGER tag_bump_version_delete AFTER DELETE ON "tag" REFERENCING OLD TABLE AS changed_tags
      FOR EACH STATEMENT EXECUTE FUNCTION berth_bump_tags_version()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tag_bump_version_delete ON "tag"`);
    await queryRunner.query(`DROP TRIGGER tag_bump_version_update ON "tag"`);
    await queryRunner.query(`DROP TRIGGER tag_bump_version_insert ON "tag"`);
    await queryRunner.query(`DROP FUNCTION berth_bump_tags_version()`);
    await queryRunner.query(`ALTER TABLE "repository" DROP COLUMN "tags_version"`);
  }
}
