import { defineListQuery } from '../../common/query';

/** What GET /projects/{p}/members accepts in `q` and `sort`. */
export const MEMBER_LIST = defineListQuery({
  filters: { entity_name: 'string', entity_type: 'string', role_id: 'int' },
  sort: ['entity_name', 'entity_type', 'role_id'],
  defaultSort: ['entity_name'],
});
