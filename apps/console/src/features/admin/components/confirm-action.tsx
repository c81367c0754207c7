import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';
import { type ProgressMessages, withProgress } from '../../../shared/ui/notify';

/** What confirmAction asks and does. */
export interface ConfirmActionOptions {
  title: string;
  /** What will happen, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  /** Colours the confirm button red for actions that lose something. */
  danger?: boolean;
  messages: ProgressMessages;
  run(): Promise<unknown>;
}

/** Asks to confirm an action, then runs it with a progress notification ending in its success or the API's refusal. */
export function confirmAction({ title, body, confirmLabel, danger, messages, run }: ConfirmActionOptions): void {
  modals.openConfirmModal({
    title,
    children: typeof body === 'string' ? <Text size="sm">{body}</Text> : body,
    labels: { confirm: confirmLabel, cancel: 'Cancel' },
    confirmProps: danger ? { color: 'red' } : undefined,
    onConfirm: () => void withProgress(messages, run).catch(() => undefined),
  });
}
