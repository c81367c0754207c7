import { Badge, Group, List, Text } from '@mantine/core';
import type { Health, HealthStatus } from '../../../shared/api/types';

const COLORS: Record<HealthStatus, string> = { healthy: 'teal', unhealthy: 'red' };

/** Lists each component with its status in words, and the error of those that are down. */
export function HealthList({ health }: { health: Health }) {
  return (
    <>
      <Text mb="xs">
        Overall: <strong>{health.status}</strong>
      </Text>
      <List listStyleType="none" spacing={4} aria-label="Component status">
        {health.components.map((component) => (
          <List.Item key={component.name}>
            <Group gap="xs">
              <Text fw={500}>{component.name}</Text>
              <Badge color={COLORS[component.status]} variant="dot">
                {component.status}
              </Badge>
            </Group>
            {component.error ? (
              <Text size="sm" c="red">
                {component.error}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </>
  );
}
