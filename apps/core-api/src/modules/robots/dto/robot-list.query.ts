import { defineListQuery } from '../../../common/query';

/** `GET /robots`: Harbor's `q=Level=project,ProjectID=<id>` selects one project's robots; `name` matches names. */
export const ROBOT_LIST = defineListQuery({
  filters: { Level: 'string', ProjectID: 'int', name: 'string' },
  sort: ['name', 'creation_time'],
  defaultSort: ['name'],
});

/** `GET /projects/{project_name_or_id}/robots`: the project's robots, by name. */
export const PROJECT_ROBOT_LIST = defineListQuery({
  filters: { name: 'string' },
  sort: ['name', 'creation_time'],
  defaultSort: ['name'],
});
