import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import {
  communityProblem,
  isRestrictedProblem,
  MEMBER_RULES,
  type MemberInput,
  type Membership,
  memberPath,
  NAME_MAX,
  USER_NAME,
  useSaveMembership,
} from '../../../lib/community';
import { formatDateTime } from '../../../lib/format';

/** Both preferences are off until the member turns them on. */
const EMPTY: MemberInput = { userName: '', firstName: '', lastName: '', showFullName: false, notifyReplies: false };

/** Only the fields the server takes: it refuses any other, such as the joining date. */
const inputOf = (m: MemberInput): MemberInput => ({
  userName: m.userName.trim(),
  firstName: m.firstName.trim(),
  lastName: m.lastName.trim(),
  showFullName: m.showFullName,
  notifyReplies: m.notifyReplies,
});

/** What the member left out or wrote in a form the server refuses, named at the field before any round trip. */
function check(input: MemberInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!USER_NAME.test(input.userName)) problems.userName = MEMBER_RULES.userName;
  if (!input.firstName || input.firstName.length > NAME_MAX) problems.firstName = MEMBER_RULES.firstName;
  if (!input.lastName || input.lastName.length > NAME_MAX) problems.lastName = MEMBER_RULES.lastName;
  return problems;
}

/** COMM-1: joining the community, and afterwards correcting the profile, in one form. */
export function CommunityProfileSection({ member }: { member: Membership | null }) {
  const [draft, setDraft] = useState<MemberInput>(member ? inputOf(member) : EMPTY);
  const [restricted, setRestricted] = useState(false);
  const save = useSaveMembership();
  const form = useFormProblem();
  const joining = member === null;

  const text = (field: 'userName' | 'firstName' | 'lastName') => ({
    name: field,
    value: draft[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [field]: value }));
    },
    error: form.fields[field],
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    setRestricted(false);
    const input = inputOf(draft);
    const problems = check(input);
    if (Object.keys(problems).length > 0) return form.setProblem({ errors: Object.entries(problems).map(([field, message]) => ({ field, message })) });
    try {
      const saved = await save.mutateAsync(input);
      setDraft(inputOf(saved));
      notifications.show({
        color: 'green',
        message: joining ? `Welcome to the community, ${saved.userName}.` : 'Your community profile is saved.',
      });
    } catch (err) {
      if (isRestrictedProblem(err)) setRestricted(true);
      else form.setProblem(communityProblem(err, MEMBER_RULES));
    }
  }

  const shownAs = draft.userName.trim() || 'your user name';
  const fullName = `${draft.firstName.trim()} ${draft.lastName.trim()}`.trim();

  return (
    <Section
      id="community-profile"
      title={joining ? 'Join the community' : 'Your community profile'}
      description={
        joining ? (
          'Choose the user name your posts and comments appear under. You sign in with your Steward email address and password as always.'
        ) : (
          <>
            Member since {formatDateTime(member.joinedAt)}. See{' '}
            <Anchor component={Link} to={memberPath(member.userName)} size="sm">
              your public profile
            </Anchor>
            .
          </>
        )
      }
    >
      {form.alert}
      {restricted && (
        <Alert color="yellow" variant="light" role="alert" title="Processing of your data is restricted" mb="md">
          While the restriction lasts you cannot join the community or post. You can lift it on the{' '}
          <Anchor component={Link} to="/account/privacy">
            Your data and privacy
          </Anchor>{' '}
          page.
        </Alert>
      )}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label={joining ? 'Join the community' : 'Your community profile'}>
        <Stack gap="md">
          <TextInput
            label="User name"
            description="3 to 30 letters, digits, dots, dashes or underscores. Everyone sees it."
            required
            autoComplete="username"
            spellCheck={false}
            maxLength={30}
            {...text('userName')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="First name" required autoComplete="given-name" maxLength={NAME_MAX} {...text('firstName')} />
            <TextInput label="Last name" required autoComplete="family-name" maxLength={NAME_MAX} {...text('lastName')} />
          </SimpleGrid>
          <Switch
            size="md"
            label="Show my first and last name to other members"
            description="Off: others see only your user name. Your email address is never shown."
            checked={draft.showFullName}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setDraft((d) => ({ ...d, showFullName: checked }));
            }}
          />
          <Switch
            size="md"
            label="Email me when someone comments on my posts"
            description="We send a link to the post to your account’s email address, at most once an hour per post; nothing else."
            checked={draft.notifyReplies}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setDraft((d) => ({ ...d, notifyReplies: checked }));
            }}
          />
          <Text size="sm" c="dimmed" data-testid="shown-as" style={{ overflowWrap: 'anywhere' }}>
            Others see you as{' '}
            <Text component="span" fw={600} c="var(--mantine-color-text)" size="sm">
              {shownAs}
            </Text>
            {draft.showFullName && fullName ? ` (${fullName})` : ''}.
          </Text>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {joining ? 'Join the community' : 'Save profile'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
