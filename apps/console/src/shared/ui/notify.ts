import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/api-error';

/** Messages of an action tracked by `withProgress`. */
export interface ProgressMessages {
  /** Shown while the action runs, e.g. "Deleting project team-a…". */
  pending: string;
  /** Shown when it succeeded, e.g. "Project team-a deleted". */
  success: string;
  /** The title above the API's refusal, e.g. "Could not delete project team-a". */
  failure: string;
}

/** How long a success stays on screen; failures stay until dismissed, since they usually need reading. */
const SUCCESS_AUTO_CLOSE_MS = 4000;
let sequence = 0;

/** Shows a notification for the run of an action (spinner, then success or the API's refusal) and returns its result. */
export async function withProgress<T>(messages: ProgressMessages, action: () => Promise<T>): Promise<T> {
  const id = `progress-${++sequence}`;
  notifications.show({ id, loading: true, message: messages.pending, autoClose: false, withCloseButton: false });
  try {
    const result = await action();
    notifications.update({
      id,
      loading: false,
      color: 'teal',
      message: messages.success,
      autoClose: SUCCESS_AUTO_CLOSE_MS,
      withCloseButton: true,
    });
    return result;
  } catch (error) {
    notifications.update({
      id,
      loading: false,
      color: 'red',
      title: messages.failure,
      message: errorMessage(error),
      autoClose: false,
      withCloseButton: true,
    });
    throw error;
  }
}

/** Shows that an action succeeded. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: SUCCESS_AUTO_CLOSE_MS });
}

/** Shows why an action failed, with the API's message. */
export function notifyFailure(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: false });
}
