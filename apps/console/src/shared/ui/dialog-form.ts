import { errorMessage, HttpStatus, isApiError } from '../api/api-error';

/** Why the API refused a form: the message, and the field it belongs to when the API said the value is taken. */
export interface FormRefusal<F extends string> {
  message: string;
  field?: F;
}

/** What a dialog's form needs from its mutation: the refusal to show, and a close that forgets the last attempt. */
export interface DialogForm<F extends string> {
  error: FormRefusal<F> | undefined;
  close(): void;
}

/**
 * Ties a dialog's form to its mutation: a refusal becomes the form's error (a 409 Conflict on `conflictField`, as
 * when a name is taken), and closing resets the mutation so the dialog opens clean the next time.
 */
export function dialogForm<F extends string>(
  mutation: { error: unknown; reset(): void },
  onClose: () => void,
  conflictField: F,
): DialogForm<F> {
  const { error } = mutation;
  return {
    error: error
      ? { message: errorMessage(error), field: isApiError(error, HttpStatus.Conflict) ? conflictField : undefined }
      : undefined,
    close: () => {
      mutation.reset();
      onClose();
    },
  };
}
