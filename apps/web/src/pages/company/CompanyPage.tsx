import { Alert, Card, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Fact } from '../../components/Fact';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { type Company, isAdministrator, languageName, ROLE_LABELS, regionName, useCompany } from '../../lib/company';
import { formatDateTime } from '../../lib/format';
import { BlockCompanySection, BlockedBanner, LeaveCompanySection } from './CompanyAccessSection';
import { CompanyLicensesSection } from './CompanyLicensesSection';
import { CompanySettingsSection } from './CompanySettingsSection';
import { InvitationsSection } from './InvitationsSection';
import { MembersSection } from './MembersSection';
import { NoticesSection } from './NoticesSection';
import { JoinableCompanySection, RegisterCompanySection } from './RegisterCompanySection';
import { SupportContractsSection } from './SupportContractsSection';
import { WorkspacesSection } from './workspaces/WorkspacesSection';

const ADMIN_TABS = [
  { value: 'members', label: 'Members' },
  { value: 'invitations', label: 'Invitations' },
  { value: 'notices', label: 'Who joined' },
  { value: 'licenses', label: 'Licenses' },
  { value: 'workspaces', label: 'Workspaces' },
  { value: 'support-contracts', label: 'Contracts' },
  { value: 'settings', label: 'Settings' },
] as const;

function CompanyFacts({ company }: { company: Company }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label="About the company">
      <Text fw={700} size="lg" mb="sm" style={{ overflowWrap: 'anywhere' }} data-testid="company-name">
        {company.name}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Fact label="Your role">{ROLE_LABELS[company.role] ?? company.role}</Fact>
        <Fact label="Country">{regionName(company.country) ?? '—'}</Fact>
        <Fact label="Language">{languageName(company.language) ?? '—'}</Fact>
        <Fact label="Registered">{formatDateTime(company.createdAt)}</Fact>
      </SimpleGrid>
    </Card>
  );
}

/** The administrators' work, one tab per kind; the open tab is in the address so it survives a reload. */
function AdministratorTabs({ company }: { company: Company }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = ADMIN_TABS.some((t) => t.value === asked) ? (asked as string) : 'members';
  return (
    <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
      <Tabs.List mb="lg">
        {ADMIN_TABS.map((t) => (
          <Tabs.Tab key={t.value} value={t.value}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="members">
        <MembersSection />
      </Tabs.Panel>
      <Tabs.Panel value="invitations">
        <InvitationsSection />
      </Tabs.Panel>
      <Tabs.Panel value="notices">
        <NoticesSection />
      </Tabs.Panel>
      <Tabs.Panel value="licenses">
        <CompanyLicensesSection role={company.role} />
      </Tabs.Panel>
      <Tabs.Panel value="workspaces">
        <WorkspacesSection administrator />
      </Tabs.Panel>
      <Tabs.Panel value="support-contracts">
        <SupportContractsSection administrator />
      </Tabs.Panel>
      <Tabs.Panel value="settings">
        <Stack gap="lg">
          <CompanySettingsSection company={company} />
          <BlockCompanySection company={company} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

function CompanyOverview({ company }: { company: Company }) {
  if (company.blocked) {
    return (
      <Stack gap="lg">
        <BlockedBanner company={company} />
        {isAdministrator(company.role) && <BlockCompanySection company={company} />}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <CompanyFacts company={company} />
      {isAdministrator(company.role) ? (
        <AdministratorTabs company={company} />
      ) : (
        <>
          <CompanyLicensesSection role={company.role} />
          <WorkspacesSection administrator={false} />
          <SupportContractsSection administrator={false} />
        </>
      )}
      <LeaveCompanySection company={company} />
    </Stack>
  );
}

/** ORG-1..ORG-4: the caller's company, or the ways into one. */
export function CompanyPage() {
  const company = useCompany();
  return (
    <Stack gap="lg">
      <PageTitle>Company</PageTitle>
      {company.isPending && <PageLoader label="Loading your company" />}
      {company.error && (
        <Alert color="red" variant="light" role="alert" title="Your company could not be loaded">
          {company.error.message}
        </Alert>
      )}
      {company.data === null && (
        <>
          <Text>Manage your company’s licenses together with your colleagues. You belong to one company at a time; your personal account stays yours.</Text>
          <JoinableCompanySection />
          <RegisterCompanySection />
        </>
      )}
      {company.data && <CompanyOverview company={company.data} />}
    </Stack>
  );
}
