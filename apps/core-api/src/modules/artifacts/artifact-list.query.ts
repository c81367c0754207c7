import { defineListQuery } from '../../common/query';

/** What GET …/artifacts accepts in `q` and `sort`. */
export const ARTIFACT_LIST = defineListQuery({
  filters: { digest: 'string', media_type: 'string', artifact_type: 'string', push_time: 'date', pull_time: 'date' },
  sort: ['size', 'push_time', 'pull_time'],
  defaultSort: ['-push_time'],
});

/** What GET …/artifacts/{reference}/referrers accepts: grouped by artifact type, newest first within a type. */
export const REFERRER_LIST = defineListQuery({
  filters: { digest: 'string', media_type: 'string', artifact_type: 'string', push_time: 'date' },
  sort: ['artifact_type', 'size', 'push_time'],
  defaultSort: ['artifact_type', '-push_time'],
});
