// The frame around every screen: the active profile and its environment (colour and word), the connection,
// how many requests are in progress, who is signed in, the lock button, the audit warnings, and the sections the
// operator may open (Alt+1…), which fold into an icon-only rail (Ctrl+B; docs/operator-ui.md, frame and navigation).
import { Badge, Button, Group, NavLink, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useCallback, useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTest } from '../../../common/contract/index.ts';
import { useLock } from '../api/session.ts';
import { useActiveProfile, useConnection, usePendingCount } from '../api/shared-queries.ts';
import { useInFlight } from '../api/in-flight.ts';
import { BackgroundOutcomes } from '../components/BackgroundOutcomes.tsx';
import { DirectorySearch } from '../components/DirectorySearch.tsx';
import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { useCan, type Can } from '../api/rights.ts';
import { AuditWarnings } from './AuditWarnings.tsx';
import { OperatorMenu } from './OperatorMenu.tsx';
import { clearAllDrafts } from './drafts.ts';
import { NavIcon, RailToggleIcon } from './nav-icons.tsx';
import { SECTIONS, sectionOf, useNavigation, type Section } from './router.tsx';
import { SIDEBAR_SHORTCUT, useSidebar } from './sidebar.ts';

type ConnectionState = 'checking' | 'online' | 'refused' | 'offline';

function connectionState(test: ConnectionTest | undefined, fetching: boolean): ConnectionState {
  if (test === undefined) return fetching ? 'checking' : 'offline';
  if (test.result === 'signature_accepted') return 'online';
  return test.result === 'unreachable' ? 'offline' : 'refused';
}

const CONNECTION_COLOR: Record<ConnectionState, string> = {
  checking: 'gray',
  online: 'green',
  refused: 'orange',
  offline: 'red',
};

/** The sections the operator may open: each needs the right of the method its screen starts with. */
function sectionAllowed(can: Can, section: Section): boolean {
  switch (section) {
    case 'clients':
      return can.right('clients');
    case 'cards':
      return can.call('cards.info');
    case 'bulk':
      return can.right('bulk');
    case 'requests':
      return can.call('requests.list');
    case 'gift':
      return can.right('gift');
    case 'journal':
      return can.call('journal.search') || can.call('journal.audit');
    case 'settings':
      return true;
  }
}

function useSectionShortcuts(sections: readonly Section[], go: (section: Section) => void): void {
  // The listener reads the sections of the latest render: it is not replaced whenever they are computed again.
  const shown = useRef(sections);
  useEffect(() => {
    shown.current = sections;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const n = Number(event.key);
      const section = Number.isInteger(n) ? shown.current[n - 1] : undefined;
      if (section === undefined) return;
      event.preventDefault();
      go(section);
    }
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [go]);
}

/** Another profile became active: drafts of the one before are not for it (docs/operator-ui.md, forms and drafts). */
function useDraftsOfOneProfile(profileId: string | undefined): void {
  const previous = useRef(profileId);
  useEffect(() => {
    if (profileId === undefined) return;
    if (previous.current !== undefined && previous.current !== profileId) clearAllDrafts();
    previous.current = profileId;
  }, [profileId]);
}

export function Frame({ children }: { children: ReactNode }): ReactElement {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  const { active } = useActiveProfile();
  const connection = useConnection(active?.id);
  // The journal's open operations; a card write in flight counts before its first record is read back
  // (docs/operator-ui.md, dialogs and long requests).
  const journalOpen = usePendingCount().data ?? 0;
  const inFlight = useInFlight().running.length;
  const pendingCount = Math.max(journalOpen, inFlight);
  const lock = useLock();
  const can = useCan();
  const state = connectionState(connection.data, connection.isFetching);
  const sections = SECTIONS.filter((section) => sectionAllowed(can, section));
  const go = useCallback(
    (section: Section): void => {
      navigate({ screen: section });
    },
    [navigate],
  );
  useSectionShortcuts(sections, go);
  const sidebar = useSidebar();
  useDraftsOfOneProfile(active?.id);
  const current = sectionOf(route);
  // A section the operator may not open (another operator's last screen) gives way to the first they may.
  const fallback = sections.includes(current) ? undefined : sections[0];
  useEffect(() => {
    if (fallback !== undefined) go(fallback);
  }, [fallback, go]);
  const environment = active?.environment;

  return (
    // Plain CSS grid rather than Mantine's AppShell, which injects <style> elements the CSP refuses.
    <div
      className={`frame${environment ? ` frame-env-${environment}` : ''}${sidebar.collapsed ? ' frame-rail' : ''}`}
      data-testid="frame"
      data-rail={sidebar.collapsed}
    >
      <header className="frame-header">
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" className="frame-header-start">
            <Text fw={700}>{t('appName')}</Text>
            <span className="frame-profile" data-testid="active-profile">
              <Text span c="dimmed" size="sm">
                {t('frame.profile')}:
              </Text>{' '}
              <Text span fw={600} data-testid="active-profile-name">
                {active?.name ?? t('frame.noProfile')}
              </Text>{' '}
              {environment && <EnvironmentBadge environment={environment} />}
            </span>
          </Group>
          <DirectorySearch />
          <Group gap="sm" wrap="nowrap" className="frame-header-end">
            <Tooltip label={t('frame.connection.retry')}>
              <UnstyledButton
                onClick={() => void connection.refetch()}
                data-testid="connection-state"
                data-state={state}
                aria-label={`${t(`frame.connection.${state}`)}. ${t('frame.connection.retry')}`}
              >
                <Badge color={CONNECTION_COLOR[state]} variant="dot">
                  {t(`frame.connection.${state}`)}
                </Badge>
              </UnstyledButton>
            </Tooltip>
            {pendingCount > 0 && (
              <Button
                size="xs"
                variant="default"
                data-testid="pending-count"
                onClick={() => {
                  navigate({ screen: 'requests' });
                }}
              >
                {t('frame.pending', { count: pendingCount })}
              </Button>
            )}
            <OperatorMenu />
            <Button size="xs" variant="default" data-testid="lock-button" onClick={() => void lock.run()}>
              {t('frame.lock')}
            </Button>
          </Group>
        </Group>
      </header>
      <nav className="frame-nav" aria-label={t('nav.label')}>
        <Tooltip
          label={`${t(sidebar.collapsed ? 'nav.expand' : 'nav.collapse')} (${SIDEBAR_SHORTCUT})`}
          position="right"
        >
          <UnstyledButton
            className="frame-rail-toggle"
            onClick={sidebar.toggle}
            aria-label={t(sidebar.collapsed ? 'nav.expand' : 'nav.collapse')}
            aria-expanded={!sidebar.collapsed}
            aria-keyshortcuts="Control+B"
            data-testid="nav-toggle"
          >
            <RailToggleIcon collapsed={sidebar.collapsed} />
          </UnstyledButton>
        </Tooltip>
        {sections.map((section, i) => (
          <Tooltip
            key={section}
            label={`${t(`nav.${section}`)} (Alt+${String(i + 1)})`}
            position="right"
            disabled={!sidebar.collapsed}
          >
            <NavLink
              component="button"
              label={sidebar.collapsed ? undefined : t(`nav.${section}`)}
              description={sidebar.collapsed ? undefined : `Alt+${String(i + 1)}`}
              leftSection={<NavIcon section={section} />}
              aria-label={sidebar.collapsed ? t(`nav.${section}`) : undefined}
              aria-keyshortcuts={`Alt+${String(i + 1)}`}
              active={current === section}
              aria-current={current === section ? 'page' : undefined}
              data-testid={`nav-${section}`}
              onClick={() => {
                go(section);
              }}
            />
          </Tooltip>
        ))}
      </nav>
      <BackgroundOutcomes />
      <main id="main" className="frame-main">
        <AuditWarnings />
        {fallback === undefined && children}
      </main>
    </div>
  );
}
