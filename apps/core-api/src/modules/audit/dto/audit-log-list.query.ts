import { defineListQuery } from '../../../common/query';

/** The filters and orders of both audit log lists, with Harbor's keys plus source_ip and result. */
export const AUDIT_LOG_LIST = defineListQuery({
  filters: {
    username: 'string',
    operation: 'string',
    resource_type: 'string',
    resource: 'string',
    op_time: 'date',
    result: 'string',
    source_ip: 'string',
  },
  sort: ['op_time', 'username', 'operation', 'resource_type', 'resource'],
  defaultSort: ['-op_time'],
});
