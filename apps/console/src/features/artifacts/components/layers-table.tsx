import { parseManifest } from '@berth/oci';
import { Code, Table, Text, Tooltip } from '@mantine/core';
import { formatBytes } from '../../../shared/format';
import type { BuildHistoryEntry, JsonDocument } from '../../../shared/api/types';
import { shortDigest } from './artifact-format';

/** One layer of an image with the build step that made it, when the config records one. */
export interface LayerRow {
  index: number;
  digest: string;
  mediaType: string;
  size: number;
  createdBy?: string;
}

/**
 * Pairs a manifest's layers with the config's history: steps that are not `empty_layer` made the layers, in order.
 * Answers undefined when the document is not an image manifest.
 */
export function layerRows(manifest: JsonDocument, history?: readonly BuildHistoryEntry[]): LayerRow[] | undefined {
  const parsed = parseManifest(
    JSON.stringify(manifest),
    typeof manifest['mediaType'] === 'string' ? manifest['mediaType'] : undefined,
  );
  if (!parsed.ok || parsed.manifest.kind !== 'manifest') return undefined;
  const steps = (history ?? []).filter((step) => step.empty_layer !== true);
  return parsed.manifest.layers.map((layer, index) => ({
    index: index + 1,
    digest: layer.digest,
    mediaType: layer.mediaType,
    size: layer.size,
    createdBy: steps[index]?.created_by,
  }));
}

/** The layers of an image: position, digest, media type, compressed size and the step that made each. */
export function LayersTable({ rows }: { rows: readonly LayerRow[] }) {
  const total = rows.reduce((sum, row) => sum + row.size, 0);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This manifest has no layers: its content is in its config and annotations.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Layers" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Digest</Table.Th>
            <Table.Th>Media type</Table.Th>
            <Table.Th>Created by</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.index}-${row.digest}`}>
              <Table.Td>{row.index}</Table.Td>
              <Table.Td>
                <Tooltip label={row.digest}>
                  <Text size="sm" ff="monospace">
                    {shortDigest(row.digest)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.mediaType}</Text>
              </Table.Td>
              <Table.Td>
                {row.createdBy ? (
                  <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{row.createdBy}</Code>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatBytes(row.size)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={4}>
              {rows.length} {rows.length === 1 ? 'layer' : 'layers'}
            </Table.Th>
            <Table.Th ta="right">{formatBytes(total)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
