import { type JobsOptions, type Queue } from 'bullmq';
import { type TaskWakeUp } from './queues';

/**
 * Names the wake-up job for a task's next attempt: derived from the task id and the attempts it has had, so sending
 * the same wake-up twice (a reclaim racing a retry) queues one job, while the next attempt gets a job of its own.
 */
export function taskWakeUpJobId(taskId: number, attempts: number): string {
  // BullMQ refuses custom ids containing ':' and ids that are integers.
  return `task-${taskId}-${attempts}`;
}

/**
 * Enqueues a wake-up call for a task whose execution and task rows are already committed; the job carries only ids,
 * and BullMQ tries it once, because attempts and backoff are the task's, in Postgres. Finished jobs are removed, failed
 * ones too (the failure is the task's, recorded in Postgres), so a later wake-up with the same id is never swallowed.
 */
export async function enqueueTaskWakeUp(
  queue: Queue,
  name: string,
  wakeUp: TaskWakeUp,
  { attempts, delayMs = 0 }: { attempts: number; delayMs?: number },
): Promise<void> {
  const options: JobsOptions = {
    jobId: taskWakeUpJobId(wakeUp.taskId, attempts),
    delay: delayMs,
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: true,
  };
  await queue.add(name, wakeUp, options);
}
