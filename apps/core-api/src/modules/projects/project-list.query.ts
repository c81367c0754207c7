import { defineListQuery } from '../../common/query';

/** What GET /projects accepts in `q` and `sort`. */
export const PROJECT_LIST = defineListQuery({
  filters: {
    project_id: 'int',
    name: 'string',
    public: 'bool',
    owner_id: 'int',
    owner_name: 'string',
    creation_time: 'date',
    update_time: 'date',
  },
  sort: ['project_id', 'name', 'creation_time', 'update_time'],
  defaultSort: ['name'],
});

/** The separate filters of GET /projects besides `q`, as Harbor has them. */
export interface ProjectListFilters {
  /** Part of the name, case-insensitive. */
  name?: string;
  /** `true` or `false`. */
  public?: string;
  /** The owner's exact username. */
  owner?: string;
}
