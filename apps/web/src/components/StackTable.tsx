import { Table, type TableTdProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A cell of a table with the class "stack-table": on a phone each row becomes a card and the
 * cell shows its column's name beside its content.
 */
export function LabelledTd({ label, children, ...props }: { label: string; children: ReactNode } & Omit<TableTdProps, 'children'>) {
  return (
    <Table.Td data-label={label} {...props}>
      <div>{children}</div>
    </Table.Td>
  );
}
