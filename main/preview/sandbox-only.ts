// The preview reaches sandbox profiles only: a browser tab on loopback is a weaker place than the desktop
// window, so production and test profiles stay out of its sight and out of its reach. The guard wraps the one
// dispatcher and is derived from each method's metadata (scope and target, common/contract/method.ts): every
// scope is classified here, and a call whose profile cannot be placed is refused (docs/architecture.md).
// Events are filtered by the same rules from their own metadata (common/contract/events.ts): one that cannot be
// placed on a sandbox profile is dropped.
import {
  EVENTS,
  specOf,
  type ContractError,
  type EventName,
  type EventPayloads,
  type MethodSpec,
  type Reply,
  type Scope,
  type Target,
} from '../../common/contract/index.ts';
import { EMBEDDED_PROFILE_ID } from '../../common/settings/schema.ts';
import type { Desk } from '../core/desk.ts';
import type { Dispatcher } from '../core/services/index.ts';
import { JobStore } from '../core/bulk/job-store.ts';
import { parseProvisioning } from '../core/settings/provisioning.ts';
import { filterListed } from './listed-filter.ts';
import type { PreviewEvents } from './server.ts';

export const SANDBOX_ONLY = 'preview_sandbox_only';

/** Which scopes act on no profile (free in the preview) and which only on sandbox profiles. */
const PREVIEW_SCOPES: Record<Scope, 'free' | 'sandbox'> = {
  app: 'free',
  session: 'free',
  settings: 'free',
  operators: 'free',
  'profile.settings': 'sandbox',
  'profile.secret': 'sandbox',
  'cardApi.read': 'sandbox',
  'cardApi.write': 'sandbox',
  'card.reveal': 'sandbox',
  bulk: 'sandbox',
  journal: 'sandbox',
  directory: 'sandbox',
};

type Verdict = 'pass' | 'filter' | Reply<never>;

function refused(message: string): Reply<never> {
  const error: ContractError = { code: SANDBOX_ONLY, message };
  return { ok: false, error };
}
const notSandbox = (id: string) =>
  refused(`the browser preview works with sandbox profiles only; "${id}" is not one of them`);

interface ProfileLike {
  id: string;
  environment: string;
}

export function sandboxOnly(desk: Desk, dispatch: Dispatcher): Dispatcher {
  const jobs = new JobStore(desk.dataDir);
  // Read fresh on every check (from the settings, not the keychain): a stale copy could let a profile that
  // stopped being a sandbox through.
  const environments = () => new Map(desk.storedProfiles().map((p) => [p.id, p.environment]));
  const sandboxOrRefuse = (id: string | null | undefined): Verdict => {
    if (id === undefined || id === null) return refused('the browser preview cannot tell which profile this is');
    return environments().get(id) === 'sandbox' ? 'pass' : notSandbox(id);
  };
  /** A profile that is saved or imported must be a sandbox profile and must not replace another one. */
  const newOrSandbox = (incoming: ProfileLike[]): Verdict => {
    const known = environments();
    const bad = incoming.find((p) => p.environment !== 'sandbox' || (known.get(p.id) ?? 'sandbox') !== 'sandbox');
    return bad === undefined ? 'pass' : notSandbox(bad.id);
  };

  /** A narrowed listing is filtered like a full one once its profile is allowed. */
  const filterIfAllowed = (verdict: Verdict): Verdict => (verdict === 'pass' ? 'filter' : verdict);

  const placeBy: Record<Target, (a: Record<string, unknown>) => Verdict> = {
    none: () => refused('the browser preview cannot tell which profile this is'),
    active: () => sandboxOrRefuse(desk.activeProfileId()),
    argument: (a) => sandboxOrRefuse(a.profileId as string),
    draft: (a) => newOrSandbox([a.profile as ProfileLike]),
    file: (a) => {
      let incoming: ReturnType<typeof parseProvisioning>;
      try {
        incoming = parseProvisioning(a.content as string, a.fileName as string);
      } catch {
        return 'pass'; // the handler refuses it again, naming the field and the line
      }
      if (incoming.policy !== undefined)
        return refused('the browser preview does not import a workstation policy; use the desktop app');
      return newOrSandbox(incoming.profiles);
    },
    job: (a) => {
      let profileId: string;
      try {
        profileId = jobs.meta(a.jobId as string).profileId;
      } catch {
        return 'pass'; // the handler answers bulk_job_not_found
      }
      return sandboxOrRefuse(profileId);
    },
    request: (a) => {
      const entry = desk.journal.get(a.requestId as string);
      // An unknown request is the handler's to refuse; one of no profile (a CLI call) cannot be placed.
      if (entry === undefined) return 'pass';
      return sandboxOrRefuse(entry.connection.profileId);
    },
    open: () => {
      const known = environments();
      const elsewhere = desk.journal
        .open()
        .map((e) => e.connection.profileId)
        .find((id) => id !== undefined && known.has(id) && known.get(id) !== 'sandbox');
      return elsewhere === undefined
        ? 'pass'
        : refused('operations of non-sandbox profiles are open: reconcile them in the desktop app');
    },
    listed: (a) => (typeof a.profileId === 'string' ? filterIfAllowed(sandboxOrRefuse(a.profileId)) : 'filter'),
  };

  const guard = (spec: MethodSpec, args: unknown): Verdict => {
    if (PREVIEW_SCOPES[spec.scope] === 'free') return 'pass';
    const parsed = spec.args.safeParse(args ?? {});
    // Malformed arguments are the dispatcher's to refuse, with its field-by-field message.
    if (!parsed.success) return 'pass';
    return placeBy[spec.target](parsed.data as Record<string, unknown>);
  };

  return async (method, args) => {
    const spec = specOf(method);
    // A name outside the contract places nothing: the dispatcher answers unknown_method.
    if (spec === undefined) return dispatch(method, args);
    const verdict = guard(spec, args);
    if (verdict === 'pass') return dispatch(method, args);
    if (verdict !== 'filter') return verdict;
    const known = environments();
    const sandboxIds = [...known].filter(([, environment]) => environment === 'sandbox').map(([id]) => id);
    return filterListed(spec, args, dispatch.bind(null, method), (id) => known.get(id) === 'sandbox', sandboxIds);
  };
}

/** If the active profile is not a sandbox profile, the preview works with the embedded Sandbox instead. */
export function ensureSandboxActive(desk: Desk): boolean {
  const active = desk.activeProfileId();
  const profile = desk.storedProfiles().find((p) => p.id === active);
  if (profile?.environment === 'sandbox') return false;
  desk.switchProfile(EMBEDDED_PROFILE_ID);
  return true;
}

/**
 * The desk's events as the preview may see them: an event of a profile-free scope passes; any other passes only
 * when its payload places it on a sandbox profile (its job's, its operation's, or the profile it names).
 * The verdict is reached synchronously, from the settings, so events keep their order.
 */
export function sandboxEvents(desk: Desk, events: PreviewEvents): PreviewEvents {
  const jobs = new JobStore(desk.dataDir);
  const profileOf = (payload: Record<string, unknown>, event: EventName): string | undefined => {
    switch (EVENTS[event].target) {
      case 'none':
        return undefined;
      case 'argument':
        return typeof payload.profileId === 'string' ? payload.profileId : undefined;
      case 'job':
        try {
          return jobs.meta(String(payload.jobId)).profileId;
        } catch {
          return undefined; // a job that cannot be read cannot be placed
        }
      case 'request':
        return desk.journal.get(String(payload.requestId))?.connection.profileId;
    }
  };
  const visible = <E extends EventName>(event: E, payload: EventPayloads[E]): boolean => {
    if (PREVIEW_SCOPES[EVENTS[event].scope] === 'free') return true;
    const id = profileOf(payload as unknown as Record<string, unknown>, event);
    if (id === undefined) return false;
    return desk.storedProfiles().some((p) => p.id === id && p.environment === 'sandbox');
  };
  return {
    on: (event, listener) =>
      events.on(event, (payload) => {
        let shown = false;
        try {
          shown = visible(event, payload);
        } catch {
          // an event that cannot be placed is not shown
        }
        if (shown) listener(payload);
      }),
  };
}
