import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { HttpStatus, errorMessage, isApiError } from '../api/api-error';
import type { LdapGroup } from '../api/types';
import { firstRdnValue, isDn, ldapGroupSearchQuery } from './ldap-queries';

/** Waits for a pause in typing before asking the API, and LDAP behind it. */
export const LDAP_SEARCH_DEBOUNCE_MS = 300;

/** A group chosen in the picker: found by search, or typed as a DN. */
export type LdapGroupChoice = Pick<LdapGroup, 'ldap_group_dn' | 'group_name'>;

/** Props of LdapGroupPicker. */
export interface LdapGroupPickerProps {
  value: LdapGroupChoice | null;
  onChange(group: LdapGroupChoice | null): void;
  label?: string;
  /** A problem with the choice, e.g. from the form's validation. */
  error?: ReactNode;
  /** False while the picker is hidden, so it asks LDAP nothing. */
  enabled?: boolean;
}

function optionLabel(group: LdapGroupChoice): string {
  return `${group.group_name} (${group.ldap_group_dn})`;
}

/**
 * Picks an LDAP group: searches LDAP by part of the name (or by a whole DN) as the user types, and also offers a
 * typed DN as it is, so a group can be named even where searching LDAP is not allowed (only administrators may).
 */
export function LdapGroupPicker({
  value,
  onChange,
  label = 'LDAP group',
  error,
  enabled = true,
}: LdapGroupPickerProps) {
  const [search, setSearch] = useState('');
  // Choosing an option writes its label into the search box: that text is not a new search.
  const typed = value && search === optionLabel(value) ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, LDAP_SEARCH_DEBOUNCE_MS);
  const groups = useQuery({ ...ldapGroupSearchQuery(debounced), enabled: enabled && debounced !== '' });

  const choices = new Map<string, LdapGroupChoice>();
  if (value) choices.set(value.ldap_group_dn, value);
  for (const group of groups.data ?? []) choices.set(group.ldap_group_dn, group);
  const typedDn = isDn(typed) && !choices.has(typed) ? typed : undefined;
  const data = [
    ...(typedDn ? [{ value: typedDn, label: `Use the DN ${typedDn}` }] : []),
    ...[...choices.values()].map((group) => ({ value: group.ldap_group_dn, label: optionLabel(group) })),
  ];

  const searchForbidden = isApiError(groups.error, HttpStatus.Forbidden);
  const nothingFound =
    typed === ''
      ? 'Type part of a group name, or its DN'
      : typed !== debounced || groups.isFetching
        ? 'Searching LDAP…'
        : 'No group found';

  return (
    <Select
      label={label}
      placeholder="Search by group name, or enter a DN"
      description={
        searchForbidden ? 'Only administrators can search LDAP: enter the group’s full DN instead.' : undefined
      }
      searchable
      required
      data-autofocus
      data={data}
      value={value?.ldap_group_dn ?? null}
      onChange={(dn) => {
        if (!dn) return onChange(null);
        onChange(choices.get(dn) ?? { ldap_group_dn: dn, group_name: firstRdnValue(dn) });
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      selectFirstOptionOnChange
      nothingFoundMessage={nothingFound}
      error={error ?? (groups.isError && !searchForbidden ? errorMessage(groups.error) : undefined)}
    />
  );
}
