import { Button, Table, Text } from '@mantine/core';
import type { AuditRowDto } from '@contract';
import { formatDateTime } from '../../lib/format';

/** Audit rows, newest first; "Details" opens the before/after drawer. */
export function AuditTable({ rows, onOpen }: { rows: AuditRowDto[]; onOpen: (row: AuditRowDto) => void }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>
              <Text span size="sm" fw={700}>
                Details
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{row.id}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</Table.Td>
              <Table.Td>{row.actor}</Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {row.action}
                </Text>
              </Table.Td>
              <Table.Td>{row.target ?? '—'}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => onOpen(row)}
                  aria-label={`Details of audit row ${row.id}`}
                >
                  Details
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
