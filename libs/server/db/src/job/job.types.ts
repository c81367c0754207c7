/** Where an execution or a task stands, in Harbor's words; the console shows exactly these. */
export const JobStatus = {
  /** Written, not started yet (or waiting for its next attempt). */
  Pending: 'Pending',
  /** A worker holds a lease on it (a task), or some of its tasks are not final yet (an execution). */
  Running: 'Running',
  /** Stopped on request before it finished. */
  Stopped: 'Stopped',
  /** Failed, after its last attempt. */
  Error: 'Error',
  /** Finished its work. */
  Success: 'Success',
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

/** The statuses after which nothing runs any more. */
export const FINAL_JOB_STATUSES: readonly JobStatus[] = [JobStatus.Stopped, JobStatus.Error, JobStatus.Success];

/** What started an execution, in Harbor's words. */
export const JobTrigger = {
  /** Someone asked for it (console or API). */
  Manual: 'MANUAL',
  /** A schedule fired. */
  Schedule: 'SCHEDULE',
  /** An event (a push, a delete, …) caused it. */
  Event: 'EVENT',
} as const;
export type JobTrigger = (typeof JobTrigger)[keyof typeof JobTrigger];

/** The kinds of job the platform runs; an execution and its tasks carry one. */
export const VendorType = {
  /** Removes expired blob upload sessions and orphaned upload bytes. */
  UploadSweep: 'UPLOAD_SWEEP',
  /** Removes audit log entries older than the configured retention. */
  AuditLogRetention: 'AUDIT_LOG_RETENTION',
} as const;
export type VendorType = (typeof VendorType)[keyof typeof VendorType];

/** The SQL list of every status, for the CHECK constraints of the execution and task tables. */
export const JOB_STATUS_SQL_LIST = Object.values(JobStatus)
  .map((status) => `'${status}'`)
  .join(', ');
