import { Badge, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Fact } from '../../../components/Fact';
import { formatDateTime } from '../../../lib/format';
import { type RequestView, statusColor, statusLabel } from '../../../lib/support';

const wrap = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** What the request says about the product and the computer, in the summary grid of the page. */
export function RequestFacts({ request, extra, statusText = statusLabel }: { request: RequestView; extra?: ReactNode; statusText?: (s: string) => string }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm">
        <Fact label="Status">
          <Badge
            variant="light"
            color={statusColor(request.status)}
            h="auto"
            maw="100%"
            styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
            data-testid="request-status"
          >
            {statusText(request.status)}
          </Badge>
        </Fact>
        <Fact label="Product">{request.productName}</Fact>
        <Fact label="License">{request.license?.label ?? request.licenseNumber ?? '—'}</Fact>
        <Fact label="Team">{request.department.name}</Fact>
        <Fact label="Opened">{formatDateTime(request.createdAt)}</Fact>
        <Fact label="Updated">{formatDateTime(request.updatedAt)}</Fact>
        <Fact label="Contact email">
          <Text size="sm" className="mono-break">
            {request.contactEmail}
          </Text>
        </Fact>
        {request.closedAt && <Fact label="Closed">{formatDateTime(request.closedAt)}</Fact>}
        {extra}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Fact label="Hardware">
          <Text size="sm" style={wrap}>
            {request.hardware}
          </Text>
        </Fact>
        <Fact label="Software">
          <Text size="sm" style={wrap}>
            {request.software}
          </Text>
        </Fact>
      </SimpleGrid>
    </Stack>
  );
}
