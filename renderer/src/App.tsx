// The renderer's skeleton (issue 4): proves the plumbing end to end over window.cardDesk — app info, the
// active profile and its environment, the profiles, the lock state and its event, and a connection test.
// The operator screens arrive with the UI issue.
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import {
  CardDeskError,
  type AppInfo,
  type ConnectionTest,
  type ProfileView,
  type SessionState,
} from '../../preload/contract.ts';

type Environment = ProfileView['environment'];

const ENVIRONMENT_LABEL: Record<Environment, string> = {
  sandbox: 'Sandbox',
  test: 'Test',
  production: 'Production',
};

function describeError(error: unknown): string {
  if (error instanceof CardDeskError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

function describeTest(test: ConnectionTest): { text: string; good: boolean } {
  switch (test.result) {
    case 'signature_accepted':
      return { text: 'Signature accepted', good: true };
    case 'invalid_signature':
      return { text: `Signature refused: ${test.description}`, good: false };
    case 'unknown_merchant':
      return { text: `Unknown merchant: ${test.description}`, good: false };
    case 'unreachable':
      return { text: `Server not reached: ${test.reason}`, good: false };
    case 'unexpected':
      return { text: `Unexpected answer: ${test.description}`, good: false };
  }
}

export function EnvironmentBadge({ environment }: { environment: Environment }): ReactElement {
  return (
    <span className={`env-badge env-${environment}`} data-testid="environment-badge" data-environment={environment}>
      {ENVIRONMENT_LABEL[environment]}
    </span>
  );
}

type TestState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; test: ConnectionTest }
  | { state: 'failed'; message: string };

export function App(): ReactElement {
  const api = window.cardDesk;
  const [info, setInfo] = useState<AppInfo>();
  const [session, setSession] = useState<SessionState>();
  const [profiles, setProfiles] = useState<ProfileView[]>();
  const [error, setError] = useState<string>();
  const [test, setTest] = useState<TestState>({ state: 'idle' });

  const loadProfiles = useCallback(async () => {
    try {
      setProfiles(await api.profiles.list({}));
    } catch (e) {
      setError(describeError(e));
    }
  }, [api]);

  useEffect(() => {
    const mounted = { live: true };
    void (async () => {
      try {
        const [i, s] = await Promise.all([api.app.info({}), api.session.state({})]);
        if (!mounted.live) return;
        setInfo(i);
        setSession(s);
        setError(undefined);
      } catch (e) {
        if (mounted.live) setError(describeError(e));
      }
    })();
    void loadProfiles();
    const offLock = api.on('session.lockChanged', ({ locked }) => {
      setSession((s) => (s === undefined ? s : { ...s, locked }));
      if (!locked) void loadProfiles();
    });
    const offSwitch = api.on('profiles.switched', () => {
      setTest({ state: 'idle' });
      void loadProfiles();
    });
    return () => {
      mounted.live = false;
      offLock();
      offSwitch();
    };
  }, [api, loadProfiles]);

  const active = profiles?.find((p) => p.active);

  async function testConnection(profileId: string): Promise<void> {
    setTest({ state: 'running' });
    try {
      setTest({ state: 'done', test: await api.vault.testConnection({ profileId }) });
    } catch (e) {
      setTest({ state: 'failed', message: describeError(e) });
    }
    // The first call may have started the embedded sandbox and settled where its secret lives.
    await loadProfiles();
  }

  async function switchTo(profileId: string): Promise<void> {
    try {
      await api.profiles.switch({ profileId });
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <div className={`app ${active ? `app-env-${active.environment}` : ''}`}>
      <header className="app-header">
        <h1>{info?.name ?? 'Card Desk'}</h1>
        <dl className="app-info" data-testid="app-info">
          <div>
            <dt>Version</dt>
            <dd>{info?.version ?? '…'}</dd>
          </div>
          <div>
            <dt>Transport</dt>
            <dd data-testid="transport">{info?.transport ?? '…'}</dd>
          </div>
          <div>
            <dt>Session</dt>
            <dd data-testid="lock-state" className={session?.locked ? 'locked' : 'unlocked'}>
              {session === undefined ? '…' : session.locked ? 'Locked' : 'Unlocked'}
            </dd>
          </div>
        </dl>
      </header>

      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <main>
        <section className="active-profile" aria-labelledby="active-heading" data-testid="active-profile">
          <h2 id="active-heading">Active profile</h2>
          {active === undefined ? (
            <p>{profiles === undefined ? 'Loading…' : 'No active profile'}</p>
          ) : (
            <>
              <p className="profile-name">
                <span data-testid="active-profile-name">{active.name}</span>{' '}
                <EnvironmentBadge environment={active.environment} />
              </p>
              <p className="profile-details">
                Region {active.region} · merchant {active.merchantId} · secret {active.secret} (
                {active.secretStore === 'keychain' ? 'OS keychain' : 'memory only'})
              </p>
              <button
                type="button"
                onClick={() => void testConnection(active.id)}
                disabled={test.state === 'running' || session?.locked === true}
              >
                {test.state === 'running' ? 'Testing…' : 'Test connection'}
              </button>
              <p className="test-result" data-testid="test-result" aria-live="polite">
                {test.state === 'done' && (
                  <span className={describeTest(test.test).good ? 'good' : 'bad'}>{describeTest(test.test).text}</span>
                )}
                {test.state === 'failed' && <span className="bad">{test.message}</span>}
              </p>
            </>
          )}
        </section>

        <section className="profiles" aria-labelledby="profiles-heading">
          <h2 id="profiles-heading">Profiles</h2>
          <ul data-testid="profiles">
            {profiles?.map((p) => (
              <li key={p.id} className={p.active ? 'active' : ''}>
                <span className="profile-name">{p.name}</span> <EnvironmentBadge environment={p.environment} />{' '}
                <span className="profile-id">{p.id}</span>
                {p.active ? (
                  <span className="active-mark">active</span>
                ) : (
                  <button type="button" onClick={() => void switchTo(p.id)}>
                    Use
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
