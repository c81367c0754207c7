import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { LIST_PARAMS } from '../../../shared/list/list-state';

/**
 * Returns a function that clears a list's search, named filters and page in one change of the URL. Calling several
 * `useListState` setters in a row would not do: each computes from the same render's parameters, so the last wins.
 */
export function useClearFilters(filters: readonly string[]): () => void {
  const [, setParams] = useSearchParams();
  const key = filters.join(',');
  return useCallback(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const name of [LIST_PARAMS.search, LIST_PARAMS.page, ...key.split(',')]) next.delete(name);
        return next;
      },
      { replace: true },
    );
  }, [setParams, key]);
}
