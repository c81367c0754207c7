import { taskWakeUpJobId } from './wake-up';

describe('taskWakeUpJobId', () => {
  it.each([
    [1, 0, 'task-1-0'],
    [1, 1, 'task-1-1'],
    [9007199254740991, 2, 'task-9007199254740991-2'],
  ])('names the wake-up of task %i after %i attempts %s', (taskId, attempts, expected) => {
    expect(taskWakeUpJobId(taskId, attempts)).toBe(expected);
  });

  it('gives ids BullMQ accepts: no ":" and never an integer', () => {
    const id = taskWakeUpJobId(42, 3);
    expect(id).not.toContain(':');
    expect(Number.isInteger(Number(id))).toBe(false);
  });
});
