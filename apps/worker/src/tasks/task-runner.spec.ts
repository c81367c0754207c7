import { DEFAULT_TASK_TUNING, retryDelayMs } from './task-runner';

describe('retryDelayMs', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [5, 480_000],
    [6, 900_000],
    [20, 900_000],
  ])('waits after failed attempt %i for %i ms (doubling from 30 s, capped at 15 min)', (attempt, expected) => {
    expect(retryDelayMs(DEFAULT_TASK_TUNING, attempt)).toBe(expected);
  });
});
