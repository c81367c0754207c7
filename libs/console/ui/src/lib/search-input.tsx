import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

/** Waits this long after the last keystroke before searching: one request per pause, not per letter. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Props of SearchInput. */
export interface SearchInputProps {
  /** The search in effect (e.g. read from the URL). */
  value: string;
  /** Called with the new text once typing pauses, or at once on Enter or clear. */
  onSearch(value: string): void;
  /** Accessible name and placeholder, e.g. "Search projects". */
  label: string;
  debounceMs?: number;
}

/** A search box that reports its text once typing pauses, and follows outside changes (Back, links). */
export function SearchInput({ value, onSearch, label, debounceMs = SEARCH_DEBOUNCE_MS }: SearchInputProps) {
  const [text, setText] = useState(value);
  const [followed, setFollowed] = useState(value);
  const debounced = useDebouncedCallback(onSearch, debounceMs);
  // Follow the search in effect when it changes from outside (Back, a link), as React advises, during render.
  if (value !== followed) {
    setFollowed(value);
    setText(value);
  }

  const now = (next: string) => {
    debounced.cancel();
    setText(next);
    onSearch(next);
  };
  return (
    <TextInput
      aria-label={label}
      placeholder={label}
      type="search"
      value={text}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={() => now('')} /> : null}
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') now(event.currentTarget.value);
      }}
      w={{ base: '100%', sm: 320 }}
    />
  );
}
