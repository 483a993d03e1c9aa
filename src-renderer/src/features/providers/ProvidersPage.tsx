import { Alert, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../lib/use-call';

export function ProvidersPage() {
  const { data, error, loading } = useCall('providers:list', {});
  return (
    <Stack>
      <Title order={2}>Providers</Title>
      {loading && <Loader aria-label="Loading providers" />}
      {error && (
        <Alert color="red" title="Could not load providers">
          {error}
        </Alert>
      )}
      {data && data.length === 0 && (
        <Alert color="blue" title="No providers yet">
          Drafting works offline with the built-in drafter. An admin can add Gemini, OpenAI, Claude or a local
          OpenAI-compatible server.
        </Alert>
      )}
      {data && data.length > 0 && (
        <Table striped highlightOnHover aria-label="Providers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Model</Table.Th>
              <Table.Th>Tasks</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Key</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.kind}</Table.Td>
                <Table.Td>{p.model}</Table.Td>
                <Table.Td>{p.tasks.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={p.active ? 'green' : 'gray'}>{p.active ? 'Active' : 'Inactive'}</Badge>
                    {p.isDefault && <Badge color="indigo">Default</Badge>}
                    {p.keyInvalid && <Badge color="red">Key invalid</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace">{p.keyHint ? `…${p.keyHint}` : '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
