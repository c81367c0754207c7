import { Badge, Code, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/format';
import type { BuildHistoryEntry } from '../../../shared/api/types';

/** The steps an image was built with, from its config's history, oldest first. */
export function BuildHistoryTable({ history }: { history: readonly BuildHistoryEntry[] }) {
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The config records no build history (images built by some tools, and non-image artifacts, have none).
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Build history" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Step</Table.Th>
            <Table.Th>Layer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((step, index) => (
            <Table.Tr key={index}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(step.created)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {step.created_by ?? step.comment ?? '—'}
                </Code>
              </Table.Td>
              <Table.Td>
                {step.empty_layer ? (
                  <Badge variant="outline" color="gray" size="sm">
                    no layer
                  </Badge>
                ) : (
                  <Badge variant="light" size="sm">
                    layer
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
