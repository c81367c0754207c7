import { ApiError } from '../api/http';

/** Announces that a section is still loading. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="state state--loading" role="status">
      {label}
    </p>
  );
}

/** Shows why a section could not load, in words the user can act on. */
export function ErrorMessage({ error }: { error: unknown }) {
  const message =
    error instanceof ApiError
      ? error.message
      : `Cannot reach the Berth API: ${error instanceof Error ? error.message : String(error)}`;
  return (
    <p className="state state--error" role="alert">
      {message}
    </p>
  );
}
