import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFreshSignIn } from '../../../components/FreshSignIn';
import { PageTitle } from '../../../components/PageTitle';
import { CorrectionSection } from './CorrectionSection';
import { ErasureSection } from './ErasureSection';
import { ExportSection } from './ExportSection';
import { HistorySection } from './HistorySection';
import { ObjectionSection, RestrictionSection, WithdrawSection } from './ProcessingSections';

/** The rights centre: what a person can do about their data without writing to us. */
export function RightsPage() {
  const fresh = useFreshSignIn();
  return (
    <Stack gap="lg">
      <PageTitle>Your data and privacy</PageTitle>
      <Text>
        Here you can get a copy of your data, have it corrected, limit or object to how we use it, and erase it. Our{' '}
        <Anchor component={Link} to="/privacy">
          privacy policy
        </Anchor>{' '}
        explains what we hold and why.
      </Text>
      <ExportSection run={fresh.run} />
      <CorrectionSection />
      <RestrictionSection />
      <ObjectionSection />
      <WithdrawSection />
      <HistorySection />
      <ErasureSection run={fresh.run} />
      {fresh.modal}
    </Stack>
  );
}
