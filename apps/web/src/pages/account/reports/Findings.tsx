import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { bySeverity, type Finding, type ReportListItem, SEVERITY_COLORS, SEVERITY_LABELS, type Severity } from '../../../lib/reports';

const ICONS: Record<Severity, React.ReactNode> = {
  critical: <IconAlertOctagon aria-hidden />,
  warning: <IconAlertTriangle aria-hidden />,
  info: <IconInfoCircle aria-hidden />,
};

/** GSI-2: what the parser found, worst first, each in the colour of its severity. */
export function Findings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="no-findings">
        The parser found nothing that needs attention.
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="findings">
      {bySeverity(findings).map((f) => (
        <Alert
          key={`${f.code}-${f.title}`}
          color={SEVERITY_COLORS[f.severity]}
          variant="light"
          icon={ICONS[f.severity]}
          title={
            <Group gap={6} wrap="wrap">
              <span>{f.title}</span>
              <Badge size="xs" color={SEVERITY_COLORS[f.severity]} variant="outline">
                {SEVERITY_LABELS[f.severity]}
              </Badge>
            </Group>
          }
          data-severity={f.severity}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {f.detail}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" mt={4}>
            {f.code}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}

/** The count of findings by severity, for lists where the details are one click away. */
export function FindingCounts({ findings }: { findings: ReportListItem['findings'] }) {
  const counts = (['critical', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  if (counts.length === 0)
    return (
      <Text size="sm" c="dimmed" span>
        No findings
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      {counts.map(([severity, n]) => (
        <Badge key={severity} size="sm" variant="light" color={SEVERITY_COLORS[severity]} miw="max-content">
          {n} {SEVERITY_LABELS[severity].toLowerCase()}
        </Badge>
      ))}
    </Group>
  );
}
