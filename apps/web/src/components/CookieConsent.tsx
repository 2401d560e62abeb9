import { Alert, Anchor, Badge, Box, Button, Card, Collapse, Group, Modal, Paper, SimpleGrid, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconCircleCheck, IconDownload, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../lib/api';
import {
  allCategories,
  COOKIE_CONSENT_KEY,
  COOKIE_PROOF_URL,
  type CookieCategoryInfo,
  type CookieChoice,
  type CookieConsentState,
  type CookieInfo,
  lifetimeInWords,
  type OptionalCookieCategory,
  useCookieConsent,
  useCurrentPolicy,
} from '../lib/privacy';

/** The choice buttons: equal in size and look; a label wraps rather than being cut on a narrow phone. */
const EQUAL = {
  px: 4,
  h: 'auto',
  mih: 36,
  styles: { label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.2, paddingBlock: 6 } },
} as const;

interface CookieSettings {
  /** Opens the cookie preferences dialog, from the footer or the privacy page. */
  open: () => void;
  /** Height of the banner while it shows, so the page can leave room below its last line. */
  bannerHeight: number;
}

const CookieSettingsContext = createContext<CookieSettings>({ open: () => {}, bannerHeight: 0 });

export function useCookieSettings(): CookieSettings {
  return useContext(CookieSettingsContext);
}

/** The header the stats beacon sends to say the visitor allowed first-party analytics. */
const ANALYTICS_CONSENT_HEADER = 'x-steward-analytics-consent';

/**
 * The page-view beacon (STAT-1). It runs only once the visitor has allowed first-party
 * analytics; without that choice no request is made at all.
 */
function usePageViewBeacon(granted: boolean) {
  const { pathname } = useLocation();
  const last = useRef<string | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (!granted || last.current === pathname) return;
    last.current = pathname;
    const referrer = first.current && document.referrer ? document.referrer.slice(0, 500) : undefined;
    first.current = false;
    void fetch('/api/stats/events', {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      headers: { 'content-type': 'application/json', [ANALYTICS_CONSENT_HEADER]: 'granted' },
      body: JSON.stringify({ kind: 'page-view', path: pathname.slice(0, 200), ...(referrer ? { referrer } : {}) }),
    }).catch(() => {});
  }, [granted, pathname]);
  useEffect(() => {
    if (!granted) last.current = null;
  }, [granted]);
}

function useSaveChoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (categories: CookieChoice) => api.post<CookieConsentState>('/api/privacy/cookie-consent', { categories }),
    onSuccess: (state) => queryClient.setQueryData(COOKIE_CONSENT_KEY, state),
  });
}

export function ProofLink() {
  return (
    <Anchor href={COOKIE_PROOF_URL} download="steward-cookie-consent.json" size="sm">
      <Group gap={4} component="span" wrap="nowrap" display="inline-flex">
        <IconDownload size={14} aria-hidden />
        Download proof of my choices
      </Group>
    </Anchor>
  );
}

function savedNotification() {
  notifications.show({
    color: 'green',
    title: 'Your choice is saved',
    message: (
      <Text size="sm" component="span">
        You can change it at any time from “Cookie settings” at the foot of every page. <ProofLink />
      </Text>
    ),
    autoClose: 8000,
  });
}

function CookieList({ cookies, category }: { cookies: CookieInfo[]; category: CookieCategoryInfo }) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {cookies.map((cookie) => (
        <Box component="li" key={cookie.name} p="xs" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Text size="sm" ff="monospace" className="mono-break" fw={600}>
            {cookie.name}
          </Text>
          <Text size="sm">{cookie.purpose}</Text>
          <Text size="xs" c="dimmed">
            Lasts: {lifetimeInWords(cookie.lifetimeSeconds)}
            {cookie.strictlyNecessary && !category.strictlyNecessary ? ' · strictly necessary: set even when this category is off' : ''}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}

function CategoryRow({
  category,
  cookies,
  checked,
  onChange,
}: {
  category: CookieCategoryInfo;
  cookies: CookieInfo[];
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const listId = `cookie-list-${category.id}`;
  return (
    <Card withBorder padding="sm" data-testid={`cookie-category-${category.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Box style={{ minWidth: 0 }}>
          <Text fw={600} id={`cookie-cat-${category.id}`}>
            {category.name}
          </Text>
          <Text size="sm" c="dimmed">
            {category.description}
          </Text>
        </Box>
        {category.strictlyNecessary ? (
          <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />} style={{ flexShrink: 0 }}>
            Always on
          </Badge>
        ) : (
          <Switch
            size="md"
            checked={checked}
            onChange={(e) => onChange(e.currentTarget.checked)}
            aria-labelledby={`cookie-cat-${category.id}`}
            style={{ flexShrink: 0 }}
          />
        )}
      </Group>
      {cookies.length === 0 ? (
        <Text size="sm" mt={6} c="dimmed">
          Steward sets no cookies in this category.
        </Text>
      ) : (
        <>
          <UnstyledButton mt={6} onClick={() => setExpanded((v) => !v)} aria-expanded={expanded} aria-controls={listId} className="cookie-expand">
            <Group gap={4} wrap="nowrap">
              <IconChevronDown size={14} aria-hidden style={{ transform: expanded ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />
              <Text size="sm" c="blue.7" component="span">
                {expanded ? 'Hide' : 'Show'} {cookies.length === 1 ? 'the cookie' : `the ${cookies.length} cookies`}
              </Text>
            </Group>
          </UnstyledButton>
          <Collapse expanded={expanded} id={listId}>
            <Box pt="xs">
              <CookieList cookies={cookies} category={category} />
            </Box>
          </Collapse>
        </>
      )}
    </Card>
  );
}

function CookieDialog({ opened, onClose, consent }: { opened: boolean; onClose: () => void; consent: CookieConsentState | undefined }) {
  const policy = useCurrentPolicy(opened);
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const save = useSaveChoice();
  const [choice, setChoice] = useState<CookieChoice>(allCategories(false));
  const [saved, setSaved] = useState(false);

  // Each time the dialog opens it starts from what this browser chose last (all off before a choice).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens.
  useEffect(() => {
    if (opened) {
      setChoice(consent?.categories ?? allCategories(false));
      setSaved(false);
      save.reset();
    }
  }, [opened]);

  function submit(next: CookieChoice) {
    setChoice(next);
    setSaved(false);
    save.mutate(next, {
      onSuccess: (state) => {
        setChoice(state.categories);
        setSaved(true);
      },
    });
  }

  const section = policy.data?.document.cookies;
  const categories = section?.categories ?? [];

  return (
    <Modal opened={opened} onClose={onClose} title="Cookie settings" size="lg" fullScreen={phone} yOffset="5vh">
      <Stack gap="md">
        <Text size="sm">
          {section?.choice ??
            'Only strictly necessary cookies are set before you choose. You can allow or refuse each other category, and change your mind at any time; the site works either way.'}{' '}
          <Anchor component={Link} to="/privacy#cookies" onClick={onClose} size="sm">
            Cookies in our privacy policy
          </Anchor>
        </Text>
        {policy.isPending && (
          <Text size="sm" c="dimmed" role="status">
            Loading the cookie list…
          </Text>
        )}
        {policy.error && (
          <Alert color="red" variant="light" role="alert" title="The cookie list could not be loaded">
            {policy.error.message}
          </Alert>
        )}
        <Stack gap="xs" role="group" aria-label="Cookie categories">
          {categories.map((category) => (
            <CategoryRow
              key={category.id}
              category={category}
              cookies={section?.cookies.filter((c) => c.category === category.id) ?? []}
              checked={!category.strictlyNecessary && choice[category.id as OptionalCookieCategory] === true}
              onChange={(value) => {
                setSaved(false);
                setChoice((prev) => ({ ...prev, [category.id]: value }));
              }}
            />
          ))}
        </Stack>
        <Stack gap="xs" className="cookie-dialog-actions">
          {save.error && (
            <Alert color="red" variant="light" role="alert" title="Your choice was not saved">
              {save.error.message}
            </Alert>
          )}
          {saved && (
            <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />} title="Your choice is saved" py="xs">
              <ProofLink />
            </Alert>
          )}
          <SimpleGrid cols={3} spacing="xs">
            <Button onClick={() => submit(choice)} loading={save.isPending && save.variables === choice} disabled={!section} {...EQUAL}>
              Save choices
            </Button>
            <Button onClick={() => submit(allCategories(false))} disabled={save.isPending} {...EQUAL}>
              Refuse all
            </Button>
            <Button onClick={() => submit(allCategories(true))} disabled={save.isPending} {...EQUAL}>
              Accept all
            </Button>
          </SimpleGrid>
          {consent?.chosen && !saved && (
            <Text size="xs" c="dimmed">
              This browser has made a choice before. <ProofLink />
            </Text>
          )}
        </Stack>
      </Stack>
    </Modal>
  );
}

function CookieBanner({ onChoose }: { onChoose: () => void }) {
  const save = useSaveChoice();
  const [pending, setPending] = useState<'accept' | 'refuse' | null>(null);
  const decide = (value: boolean) => {
    setPending(value ? 'accept' : 'refuse');
    save.mutate(allCategories(value), { onSuccess: savedNotification, onSettled: () => setPending(null) });
  };
  return (
    <Paper component="section" aria-label="Cookie choice" shadow="lg" withBorder radius={0} px="md" py="sm" data-testid="cookie-banner">
      <Group justify="space-between" gap="sm" maw={1100} mx="auto" wrap="wrap">
        <Text size="sm" style={{ flex: '1 1 320px' }}>
          We use strictly necessary cookies to sign you in and keep the site secure. With your consent we'd also use others.{' '}
          <Anchor component={Link} to="/privacy#cookies" size="sm">
            Cookies in our privacy policy
          </Anchor>
        </Text>
        <SimpleGrid cols={3} spacing="xs" style={{ flex: '1 1 300px' }} maw={480}>
          <Button onClick={() => decide(true)} loading={pending === 'accept'} disabled={pending === 'refuse'} {...EQUAL}>
            Accept all
          </Button>
          <Button onClick={() => decide(false)} loading={pending === 'refuse'} disabled={pending === 'accept'} {...EQUAL}>
            Refuse all
          </Button>
          <Button onClick={onChoose} disabled={pending !== null} {...EQUAL}>
            Choose…
          </Button>
        </SimpleGrid>
      </Group>
      {save.error && (
        <Text size="sm" c="red.8" role="alert" ta="center" mt="xs">
          Your choice was not saved: {save.error.message}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The cookie banner (COOK-1), the cookie settings dialog (COOK-3) and the page-view beacon,
 * which runs only with consent for first-party analytics.
 */
export function CookieConsentProvider({ children }: { children: ReactNode }) {
  const { data: consent } = useCookieConsent();
  const [opened, setOpened] = useState(false);
  const { ref, height } = useElementSize<HTMLDivElement>();
  const open = useCallback(() => setOpened(true), []);
  const close = useCallback(() => setOpened(false), []);
  const showBanner = consent?.chosen === false;

  usePageViewBeacon(consent?.categories['first-party-analytics'] === true);

  const bannerHeight = showBanner ? height : 0;
  const value = useMemo(() => ({ open, bannerHeight }), [open, bannerHeight]);

  return (
    <CookieSettingsContext.Provider value={value}>
      {children}
      {showBanner && (
        <div ref={ref} className="cookie-banner">
          <CookieBanner onChoose={open} />
        </div>
      )}
      <CookieDialog opened={opened} onClose={close} consent={consent} />
    </CookieSettingsContext.Provider>
  );
}
