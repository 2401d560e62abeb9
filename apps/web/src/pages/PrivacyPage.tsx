import { Alert, Anchor, Badge, Box, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconCookie, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useCookieSettings } from '../components/CookieConsent';
import { PageTitle } from '../components/PageTitle';
import { PageLoader } from '../components/RequireAuth';
import { LabelledTd } from '../components/StackTable';
import { formatDateTime } from '../lib/format';
import {
  categoryInWords,
  columnInWords,
  lifetimeInWords,
  type Policy,
  type PolicyDocument,
  type PolicyService,
  type PolicyVersion,
  shortHash,
  useCurrentPolicy,
  usePolicyVersion,
  usePolicyVersions,
} from '../lib/privacy';

/** A list of terms, each with its explanation underneath. */
function Definitions({ items, testId }: { items: { id: string; term: string; description: string }[]; testId?: string }) {
  return (
    <Stack gap="sm" component="dl" m={0} data-testid={testId}>
      {items.map((item) => (
        <div key={item.id}>
          <Text component="dt" fw={600}>
            {item.term}
          </Text>
          <Text component="dd" m={0} size="sm">
            {item.description}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function AutomatedDecisions({ section }: { section: NonNullable<PolicyDocument['automatedDecisions']> }) {
  return (
    <PolicySection id="automated" title="Automated decisions">
      <Text mb="md">{section.statement}</Text>
      <Definitions
        testId="automated-measures"
        items={section.measures.map((measure) => ({ id: measure.id, term: measure.what, description: `${measure.why} ${measure.human}` }))}
      />
    </PolicySection>
  );
}

const CONTENTS = [
  { id: 'services', label: 'What we keep, service by service' },
  { id: 'processors', label: 'Processors' },
  { id: 'rights', label: 'Your rights' },
  { id: 'complaint', label: 'Complaints' },
  { id: 'automated', label: 'Automated decisions' },
  { id: 'cookies', label: 'Cookies' },
  { id: 'versions', label: 'Older versions' },
];

function PolicySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" id={id} className="anchor-target" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {children}
    </Box>
  );
}

function ServiceCard({ service }: { service: PolicyService }) {
  const basisText = new Map(service.legalBases.map((b) => [b.basis, b.text]));
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`service-${service.id}`} data-testid="policy-service">
      <Title order={3} size="h4" id={`service-${service.id}`} mb={4} className="anchor-target">
        {service.name}
      </Title>
      <Text size="sm" mb="md">
        {service.description}
      </Text>
      {service.data.length > 0 ? (
        <Table className="stack-table" verticalSpacing="xs" fz="sm" striped={false} layout="fixed">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left', marginBottom: 4 }}>
            <Text span size="sm" fw={600}>
              Data held
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="16%">Data</Table.Th>
              <Table.Th w="13%">Kind</Table.Th>
              <Table.Th w="19%">Purpose</Table.Th>
              <Table.Th w="17%">Legal basis</Table.Th>
              <Table.Th>How long we keep it</Table.Th>
              <Table.Th w="9%">In your export</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {service.data.map((row, i) => (
              <Table.Tr key={`${row.table}.${row.column}`}>
                <LabelledTd label="Data" className="stack-head">
                  <Text size="sm" fw={500} className="mono-break">
                    {columnInWords(row.column)}
                  </Text>
                  <Text size="xs" c="dimmed" className="mono-break">
                    {row.table}
                  </Text>
                </LabelledTd>
                <LabelledTd label="Kind">{categoryInWords(row.category)}</LabelledTd>
                <LabelledTd label="Purpose">{row.purpose}</LabelledTd>
                <LabelledTd label="Legal basis">{basisText.get(row.basis) ?? row.basis}</LabelledTd>
                <LabelledTd label="How long">
                  {i > 0 && service.data[i - 1].retentionText === row.retentionText ? (
                    <Text size="sm" c="dimmed">
                      Same as above
                    </Text>
                  ) : (
                    row.retentionText
                  )}
                </LabelledTd>
                <LabelledTd label="In your export">{row.exported ? 'Yes' : 'No'}</LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          This service holds no personal data at the moment.
        </Text>
      )}
      <Text size="sm" mt="md">
        <Text span fw={600}>
          Processors:{' '}
        </Text>
        {service.processors.length === 0
          ? 'none; only Steward handles this data.'
          : service.processors.map((p, i) => (
              <span key={p.id}>
                {i > 0 && '; '}
                <Anchor href="#processors">{p.name}</Anchor> ({p.purpose.toLowerCase()}, {p.region})
              </span>
            ))}
      </Text>
    </Card>
  );
}

function PolicyBody({ document, versions, shownHash }: { document: PolicyDocument; versions: PolicyVersion[] | undefined; shownHash: string }) {
  const cookieSettings = useCookieSettings();
  const categoryName = new Map(document.cookies.categories.map((c) => [c.id, c.name]));
  return (
    <Stack gap={40}>
      <PolicySection id="services" title="What we keep, service by service">
        <Text mb="md">
          Each service below says what personal data it holds, why, on what legal basis, how long we keep it, and whether it is in the copy of your data you can
          download.
        </Text>
        <Stack gap="md">
          {document.services.map((service) => (
            <ServiceCard key={service.id} service={service} />
          ))}
        </Stack>
      </PolicySection>

      <PolicySection id="processors" title="Processors">
        {document.processingRegion && (
          <Text mb="sm" data-testid="processing-region">
            {document.processingRegion.text}
          </Text>
        )}
        <Text mb="md">Other companies that handle personal data for us, only on our instructions.</Text>
        {document.processors.length === 0 ? (
          <Text>We use no processors.</Text>
        ) : (
          <Table className="stack-table" verticalSpacing="xs" fz="sm" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="18%">Processor</Table.Th>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Data</Table.Th>
                <Table.Th w="12%">Where</Table.Th>
                <Table.Th>Used when</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {document.processors.map((p) => (
                <Table.Tr key={p.id}>
                  <LabelledTd label="Processor" className="stack-head">
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                  </LabelledTd>
                  <LabelledTd label="Purpose">{p.purpose}</LabelledTd>
                  <LabelledTd label="Data">{p.data}</LabelledTd>
                  <LabelledTd label="Where">{p.region}</LabelledTd>
                  <LabelledTd label="Used when">{p.usedWhen}</LabelledTd>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PolicySection>

      <PolicySection id="rights" title="Your rights">
        <Definitions items={document.rights.map((right) => ({ id: right.id, term: right.name, description: right.how }))} />
        <Button component={Link} to="/account/privacy" mt="md" rightSection={<IconArrowRight size={16} aria-hidden />}>
          Use your rights in your account
        </Button>
      </PolicySection>

      <PolicySection id="complaint" title="Complaints">
        <Text>{document.complaint.text}</Text>
      </PolicySection>

      {document.automatedDecisions && <AutomatedDecisions section={document.automatedDecisions} />}

      <PolicySection id="cookies" title="Cookies">
        <Text mb="md">{document.cookies.choice}</Text>
        <Table className="stack-table" verticalSpacing="xs" fz="sm" layout="fixed" data-testid="cookie-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">Cookie</Table.Th>
              <Table.Th w="16%">Category</Table.Th>
              <Table.Th>Purpose</Table.Th>
              <Table.Th w="14%">Lasts</Table.Th>
              <Table.Th w="14%">Needed?</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {document.cookies.cookies.map((c) => (
              <Table.Tr key={c.name}>
                <LabelledTd label="Cookie" className="stack-head">
                  <Text size="sm" ff="monospace" className="mono-break">
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.setBy}
                  </Text>
                </LabelledTd>
                <LabelledTd label="Category">{categoryName.get(c.category) ?? c.category}</LabelledTd>
                <LabelledTd label="Purpose">{c.purpose}</LabelledTd>
                <LabelledTd label="Lasts">{lifetimeInWords(c.lifetimeSeconds)}</LabelledTd>
                <LabelledTd label="Needed?">{c.strictlyNecessary ? 'Strictly necessary' : 'Only with your consent'}</LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button mt="md" variant="default" leftSection={<IconCookie size={16} aria-hidden />} onClick={cookieSettings.open}>
          Cookie settings
        </Button>
      </PolicySection>

      <PolicySection id="versions" title="Older versions">
        <Text mb="sm">Every version we published, newest first. Each consent you give is recorded with the version you saw.</Text>
        {versions ? (
          <List spacing="xs" icon={<IconHistory size={16} aria-hidden />} center data-testid="policy-versions">
            {versions.map((v) => (
              <List.Item key={v.hash}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/privacy/${v.hash}`} aria-current={v.hash === shownHash ? 'page' : undefined}>
                    Version {shortHash(v.hash)}, published {formatDateTime(v.publishedAt)}
                  </Anchor>
                  {v.current && (
                    <Badge size="sm" variant="light">
                      Current
                    </Badge>
                  )}
                  {v.hash === shownHash && (
                    <Badge size="sm" variant="outline" color="gray">
                      Shown here
                    </Badge>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            Loading the list of versions…
          </Text>
        )}
      </PolicySection>
    </Stack>
  );
}

/** /privacy shows the current policy; /privacy/:hash one published version (PRIN-6). */
export function PrivacyPage() {
  const { hash } = useParams();
  const location = useLocation();
  const current = useCurrentPolicy(!hash);
  const version = usePolicyVersion(hash);
  const versions = usePolicyVersions();
  const query = hash ? version : current;
  const policy: Policy | undefined = query.data;

  const currentHash = versions.data?.versions.find((v) => v.current)?.hash;
  const older = Boolean(hash && currentHash && hash !== currentHash);

  // A link to /privacy#cookies lands on its section once the policy has loaded.
  useEffect(() => {
    if (!policy || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView();
  }, [policy, location.hash]);

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{older ? 'Privacy policy (older version)' : 'Privacy policy'}</PageTitle>
        {policy && (
          <Group gap="xs" mt={-8} wrap="wrap">
            <Badge variant="light" color="gray" radius="sm" title={policy.hash} data-testid="policy-version">
              Version {shortHash(policy.hash)}
            </Badge>
            <Text size="sm" c="dimmed">
              Published <time dateTime={policy.publishedAt}>{formatDateTime(policy.publishedAt)}</time>
            </Text>
          </Group>
        )}
      </div>

      {older && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} role="note">
          This is an older version; see{' '}
          <Anchor component={Link} to="/privacy">
            the current policy
          </Anchor>
          .
        </Alert>
      )}

      {query.isPending && <PageLoader label="Loading the privacy policy" />}
      {query.error && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={hash ? 'This version of the policy could not be found' : 'The privacy policy could not be loaded'}
        >
          {query.error.message}{' '}
          {hash && (
            <Anchor component={Link} to="/privacy">
              Read the current policy.
            </Anchor>
          )}
        </Alert>
      )}

      {policy && (
        <>
          <Text>
            This policy says what personal data Steward keeps about you, why, on what legal basis, for how long, who else handles it, and how you use your
            rights. It is built from the code that runs the service, so it cannot leave anything out.
          </Text>
          <Card withBorder padding="md" component="nav" aria-labelledby="toc-title" bg="var(--mantine-color-gray-0)">
            <Text fw={700} id="toc-title" mb="xs">
              Contents
            </Text>
            <List spacing={4} size="sm" type="ordered">
              {CONTENTS.map((item) => (
                <List.Item key={item.id}>
                  <Anchor href={`#${item.id}`} size="sm">
                    {item.label}
                  </Anchor>
                  {item.id === 'services' && (
                    <List withPadding size="sm" spacing={2} listStyleType="disc">
                      {policy.document.services.map((s) => (
                        <List.Item key={s.id}>
                          <Anchor href={`#service-${s.id}`} size="sm">
                            {s.name}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </List.Item>
              ))}
            </List>
          </Card>
          <PolicyBody document={policy.document} versions={versions.data?.versions} shownHash={policy.hash} />
        </>
      )}
    </Stack>
  );
}
