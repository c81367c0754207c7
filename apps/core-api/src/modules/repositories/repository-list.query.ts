import { defineListQuery } from '../../common/query';

/** What GET /projects/{p}/repositories accepts in `q` and `sort`. */
export const REPOSITORY_LIST = defineListQuery({
  filters: { id: 'int', name: 'string', creation_time: 'date', update_time: 'date' },
  sort: ['id', 'name', 'pull_count', 'artifact_count', 'creation_time', 'update_time'],
  defaultSort: ['-update_time'],
});
