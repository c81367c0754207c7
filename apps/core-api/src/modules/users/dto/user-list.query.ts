import { defineListQuery } from '../../../common/query';

/** What GET /users filters and sorts on. */
export const USER_LIST = defineListQuery({
  filters: { username: 'string', email: 'string', sysadmin_flag: 'bool', creation_time: 'date' },
  sort: ['username', 'email', 'creation_time', 'update_time'],
  defaultSort: ['username'],
});

/** GET /users/search takes only `username` and the page. */
export const USER_SEARCH = defineListQuery({ filters: {}, sort: [] });
