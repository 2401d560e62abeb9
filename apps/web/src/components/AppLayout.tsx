import { Anchor, AppShell, Box, Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconMail, IconSettings, IconShieldLock, IconTrash, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { authClient, isStaff } from '../lib/auth';

interface NavItem {
  to: string;
  label: string;
  icon: React.ReactNode;
  end?: boolean;
}

const ACCOUNT_NAV: NavItem[] = [
  { to: '/account', label: 'Profile', icon: <IconUser size={18} aria-hidden />, end: true },
  { to: '/account/security', label: 'Sign-in and security', icon: <IconLock size={18} aria-hidden /> },
  { to: '/account/preferences', label: 'Preferences', icon: <IconSettings size={18} aria-hidden /> },
  { to: '/account/delete', label: 'Delete account', icon: <IconTrash size={18} aria-hidden /> },
];

const STAFF_NAV: NavItem[] = [{ to: '/staff/outbox', label: 'Outbox', icon: <IconMail size={18} aria-hidden /> }];

function SideNav({ label, items, onNavigate }: { label: string; items: NavItem[]; onNavigate: () => void }) {
  const location = useLocation();
  return (
    <nav aria-label={label}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb="xs">
        {label}
      </Text>
      <Stack gap={2}>
        {items.map((item) => {
          const active = item.end ? location.pathname === item.to : location.pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              end={item.end}
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
    await authClient.signOut();
    queryClient.clear();
    navigate(to);
  };
}

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const { data: session } = authClient.useSession();
  const signOut = useSignOut();

  const inAccount = location.pathname === '/account' || location.pathname.startsWith('/account/');
  const inStaff = location.pathname === '/staff' || location.pathname.startsWith('/staff/');
  const staff = isStaff((session?.user as { role?: string | null } | undefined)?.role);
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
            {session ? (
              <>
                {staff && !inStaff && (
                  <Button component={Link} to="/staff" variant="subtle" size="compact-sm" visibleFrom="xs">
                    Staff
                  </Button>
                )}
                {!inAccount && (
                  <Button component={Link} to="/account" variant="subtle" size="compact-sm">
                    Account
                  </Button>
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
        <AppShell.Navbar p="sm" id="steward-navbar">
          {inAccount && <SideNav label="Your account" items={ACCOUNT_NAV} onNavigate={close} />}
          {inStaff && <SideNav label="Staff console" items={STAFF_NAV} onNavigate={close} />}
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
        <Box component="footer" maw={960} mx={showNav ? undefined : 'auto'} mt={48} pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="md">
            <Anchor component={Link} to="/privacy" size="sm">
              Privacy
            </Anchor>
            <Text size="sm" c="dimmed">
              Steward
            </Text>
          </Group>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
