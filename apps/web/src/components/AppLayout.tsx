import { ActionIcon, Anchor, AppShell, Box, Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAdjustments,
  IconBuilding,
  IconChartLine,
  IconClockHour4,
  IconDatabase,
  IconDevices,
  IconFileCheck,
  IconHeadset,
  IconInbox,
  IconLicense,
  IconLock,
  IconMail,
  IconMailCheck,
  IconMessages,
  IconMoodSmile,
  IconReceipt,
  IconReportMedical,
  IconSettings,
  IconShieldLock,
  IconSpeakerphone,
  IconTrash,
  IconUser,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { authClient, hasRole, isStaff } from '../lib/auth';
import { CookieConsentProvider, useCookieSettings } from './CookieConsent';

interface NavItem {
  to: string;
  label: string;
  icon: React.ReactNode;
  end?: boolean;
  /** Roles that may open it; absent for every staff role. */
  roles?: string[];
}

const ACCOUNT_NAV: NavItem[] = [
  { to: '/account', label: 'Profile', icon: <IconUser size={18} aria-hidden />, end: true },
  { to: '/account/security', label: 'Sign-in and security', icon: <IconLock size={18} aria-hidden /> },
  { to: '/account/licenses', label: 'Licenses', icon: <IconLicense size={18} aria-hidden /> },
  { to: '/account/purchases', label: 'Purchases', icon: <IconReceipt size={18} aria-hidden /> },
  { to: '/company', label: 'Company', icon: <IconBuilding size={18} aria-hidden /> },
  { to: '/account/devices', label: 'Devices', icon: <IconDevices size={18} aria-hidden /> },
  { to: '/account/mail-protection', label: 'Mail protection', icon: <IconMailCheck size={18} aria-hidden /> },
  { to: '/account/support', label: 'Support', icon: <IconHeadset size={18} aria-hidden /> },
  { to: '/account/reports', label: 'System reports', icon: <IconReportMedical size={18} aria-hidden /> },
  { to: '/account/community', label: 'Community profile', icon: <IconMessages size={18} aria-hidden /> },
  { to: '/account/preferences', label: 'Preferences', icon: <IconSettings size={18} aria-hidden /> },
  { to: '/account/privacy', label: 'Your data and privacy', icon: <IconDatabase size={18} aria-hidden /> },
  { to: '/account/delete', label: 'Delete account', icon: <IconTrash size={18} aria-hidden /> },
];

const STAFF_NAV: NavItem[] = [
  { to: '/staff/outbox', label: 'Outbox', icon: <IconMail size={18} aria-hidden />, roles: ['admin', 'support'] },
  { to: '/staff/retention', label: 'Retention', icon: <IconClockHour4 size={18} aria-hidden />, roles: ['admin', 'dpo'] },
  { to: '/staff/stats', label: 'Statistics', icon: <IconChartLine size={18} aria-hidden />, roles: ['admin', 'dpo'] },
  { to: '/staff/privacy-requests', label: 'Privacy requests', icon: <IconInbox size={18} aria-hidden />, roles: ['admin', 'dpo'] },
  { to: '/staff/audit', label: 'Audit log', icon: <IconFileCheck size={18} aria-hidden />, roles: ['admin', 'dpo'] },
  { to: '/staff/support', label: 'Support queue', icon: <IconHeadset size={18} aria-hidden />, roles: ['admin', 'support'] },
  { to: '/staff/support/settings', label: 'Support settings', icon: <IconAdjustments size={18} aria-hidden />, roles: ['admin'] },
  { to: '/staff/support/surveys', label: 'Surveys', icon: <IconMoodSmile size={18} aria-hidden />, roles: ['admin', 'support'] },
  { to: '/staff/mail-protection', label: 'Mail protection', icon: <IconSpeakerphone size={18} aria-hidden />, roles: ['admin'] },
];

function SideNav({ label, items, onNavigate }: { label: string; items: NavItem[]; onNavigate: () => void }) {
  const location = useLocation();
  const within = (item: NavItem) => (item.end ? location.pathname === item.to : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`));
  // /staff/support/settings lies within /staff/support too: the longest match is the page open.
  const current = items.filter(within).sort((a, b) => b.to.length - a.to.length)[0];
  return (
    <nav aria-label={label}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb="xs">
        {label}
      </Text>
      <Stack gap={2}>
        {items.map((item) => {
          const active = item === current;
          return (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              // The router marks every prefix of the path as current; only the longest match is.
              end={item !== current}
              label={item.label}
              leftSection={item.icon}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
            />
          );
        })}
      </Stack>
    </nav>
  );
}

export function useSignOut() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (to = '/') => {
    // Leave the guarded page first (the public home page never redirects): signed out on a guarded
    // page, its guard would race this and send the user to sign-in instead.
    navigate('/');
    await authClient.signOut();
    queryClient.clear();
    if (to !== '/') navigate(to);
  };
}

export function AppLayout() {
  return (
    <CookieConsentProvider>
      <Layout />
    </CookieConsentProvider>
  );
}

function Footer({ withNav }: { withNav: boolean }) {
  const cookies = useCookieSettings();
  return (
    <Box component="footer" maw={960} mx={withNav ? undefined : 'auto'} mt={48} pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="md">
        <Anchor component={Link} to="/privacy" size="sm">
          Privacy policy
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={cookies.open}>
          Cookie settings
        </Anchor>
        <Text size="sm" c="dimmed">
          Steward
        </Text>
      </Group>
      {cookies.bannerHeight > 0 && <Box h={cookies.bannerHeight} aria-hidden />}
    </Box>
  );
}

function Layout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const { data: session } = authClient.useSession();
  const signOut = useSignOut();

  // The company pages belong to the account area: the same navigation, one click from the personal pages.
  const inAccount = ['/account', '/company'].some((area) => location.pathname === area || location.pathname.startsWith(`${area}/`));
  const inStaff = location.pathname === '/staff' || location.pathname.startsWith('/staff/');
  const inCommunity = location.pathname === '/community' || location.pathname.startsWith('/community/');
  const role = (session?.user as { role?: string | null } | undefined)?.role;
  const staff = isStaff(role);
  const staffNav = STAFF_NAV.filter((item) => !item.roles || hasRole(role, item.roles));
  // The cookie banner sits over the foot of the navigation: keep the signed-in address above it.
  const { bannerHeight } = useCookieSettings();
  const showNav = Boolean(session) && (inAccount || (inStaff && staff));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the mobile menu closes whenever the page changes.
  useEffect(() => {
    close();
  }, [location.pathname, close]);

  return (
    <AppShell header={{ height: 60 }} navbar={showNav ? { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined} padding="md">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {showNav && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={opened}
                aria-controls="steward-navbar"
              />
            )}
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="Steward home">
              <Group gap={6} wrap="nowrap">
                <IconShieldLock size={26} aria-hidden color="var(--mantine-color-blue-6)" />
                <Text fw={800} size="lg">
                  Steward
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {/* The community is for everyone, signed in or not; on a phone its name gives way to an icon. */}
            <Button
              component={Link}
              to="/community"
              variant={inCommunity ? 'light' : 'subtle'}
              size="compact-sm"
              visibleFrom="xs"
              aria-current={inCommunity ? 'page' : undefined}
            >
              Community
            </Button>
            <ActionIcon
              component={Link}
              to="/community"
              variant={inCommunity ? 'light' : 'subtle'}
              size="md"
              hiddenFrom="xs"
              aria-label="Community"
              title="Community"
              aria-current={inCommunity ? 'page' : undefined}
            >
              <IconMessages size={18} aria-hidden />
            </ActionIcon>
            {session ? (
              <>
                {staff && !inStaff && (
                  <Button component={Link} to="/staff" variant="subtle" size="compact-sm" visibleFrom="xs">
                    Staff
                  </Button>
                )}
                {/* Beside the menu button of the staff console a phone has no room for the word: an icon stands in. */}
                {!inAccount && (
                  <>
                    <Button component={Link} to="/account" variant="subtle" size="compact-sm" visibleFrom={showNav ? 'xs' : undefined}>
                      Account
                    </Button>
                    {showNav && (
                      <ActionIcon component={Link} to="/account" variant="subtle" size="md" hiddenFrom="xs" aria-label="Account" title="Account">
                        <IconUser size={18} aria-hidden />
                      </ActionIcon>
                    )}
                  </>
                )}
                <Button variant="default" size="compact-sm" onClick={() => void signOut('/')}>
                  Sign out
                </Button>
              </>
            ) : (
              <>
                <Button component={Link} to="/sign-in" variant="subtle" size="compact-sm">
                  Sign in
                </Button>
                <Button component={Link} to="/sign-up" size="compact-sm">
                  Sign up
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      {showNav && (
        <AppShell.Navbar p="sm" pb={bannerHeight > 0 ? bannerHeight + 12 : undefined} id="steward-navbar">
          {inAccount && <SideNav label="Your account" items={ACCOUNT_NAV} onNavigate={close} />}
          {inStaff && <SideNav label="Staff console" items={staffNav} onNavigate={close} />}
          {session && (
            <Box mt="auto" pt="md">
              <VisuallyHidden>Signed in as</VisuallyHidden>
              <Text size="xs" c="dimmed" truncate="end" px="sm" title={session.user.email}>
                {session.user.email}
              </Text>
            </Box>
          )}
        </AppShell.Navbar>
      )}

      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={showNav ? 760 : 960} mx={showNav ? undefined : 'auto'}>
          <Outlet />
        </Box>
        <Footer withNav={showNav} />
      </AppShell.Main>
    </AppShell>
  );
}
