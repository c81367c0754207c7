import { Button, EmptyState } from '@mantine/core';

/** Props of NoMatches. */
export interface NoMatchesProps {
  /** What found nothing, e.g. "No users match". */
  title: string;
  description: string;
  /** Clears the search (and filters) that found nothing. */
  onClear(): void;
  /** The clear button's text; "Clear search" by default. */
  clearLabel?: string;
}

/** A list's empty state when its search or filters match nothing: says so and offers to clear them. */
export function NoMatches({ title, description, onClear, clearLabel = 'Clear search' }: NoMatchesProps) {
  return (
    <EmptyState title={title} description={description} size="sm">
      <Button variant="light" size="xs" onClick={onClear}>
        {clearLabel}
      </Button>
    </EmptyState>
  );
}
