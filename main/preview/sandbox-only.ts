// The preview reaches sandbox profiles only (issue 4 "Preview"): a browser tab on loopback is a weaker place
// than the desktop window, so production and test profiles stay out of its sight and out of its reach.
// A wrapper around the one dispatcher: it filters what the renderer sees and refuses what would touch, name
// or use a profile that is not a sandbox profile.
import { contract, type ContractError, type Reply } from '../../common/contract/index.ts';
import type { Desk } from '../core/desk.ts';
import type { Dispatcher } from '../core/services/index.ts';
import { JobStore } from '../core/bulk/job-store.ts';
import { parseProvisioning } from '../core/settings/provisioning.ts';
import { EMBEDDED_PROFILE_ID } from '../../common/settings/schema.ts';

export const SANDBOX_ONLY = 'preview_sandbox_only';

/** Methods that act on the active profile (its Card API client). */
const ACTIVE_PROFILE_GROUPS = new Set(['clients', 'cards', 'limits', 'gift']);
/** Large enough to read the whole journal before filtering it (the contract's own maximum). */
const ALL = 100_000;

function refused(message: string): Reply<never> {
  const error: ContractError = { code: SANDBOX_ONLY, message };
  return { ok: false, error };
}

interface ProfileLike {
  id: string;
  environment: string;
}

interface EntryLike {
  profileId: string | null;
}

export function sandboxOnly(desk: Desk, dispatch: Dispatcher): Dispatcher {
  // Profile id → environment, cached (desk.profiles() asks the keychain) and read again after every profiles.*
  // call. Checks that could let a non-sandbox profile be changed (save, import, remove) always read it fresh; a
  // stale cache elsewhere can only refuse too much (an unknown id is refused), never allow too much.
  let cache: Promise<Map<string, string>> | undefined;
  const environments = (fresh = false): Promise<Map<string, string>> => {
    if (fresh) cache = undefined;
    return (cache ??= desk.profiles().then(
      (list) => new Map(list.map((p) => [p.id, p.environment])),
      (error: unknown) => {
        cache = undefined;
        throw error;
      },
    ));
  };
  const isSandbox = async (id: string | null | undefined): Promise<boolean> =>
    id !== undefined && id !== null && (await environments()).get(id) === 'sandbox';
  const jobs = new JobStore(desk.dataDir);
  const notSandbox = (id: string) =>
    refused(`the browser preview works with sandbox profiles only; "${id}" is not one of them`);

  const guard = async (method: string, args: unknown): Promise<Reply<unknown> | 'pass' | 'filter'> => {
    if (!Object.hasOwn(contract, method)) return 'pass';
    const parsed = contract[method as keyof typeof contract].args.safeParse(args ?? {});
    // Malformed arguments are the dispatcher's to refuse, with its field-by-field message.
    if (!parsed.success) return 'pass';
    const a = parsed.data as Record<string, unknown>;
    const group = method.slice(0, method.indexOf('.'));

    if (ACTIVE_PROFILE_GROUPS.has(group)) {
      const active = desk.activeProfileId();
      return (await isSandbox(active)) ? 'pass' : notSandbox(active);
    }
    switch (method) {
      case 'profiles.list':
      case 'requests.list':
      case 'journal.audit':
        return 'filter';
      case 'journal.search':
        if (typeof a.profileId === 'string' && !(await isSandbox(a.profileId))) return notSandbox(a.profileId);
        return 'filter';
      case 'profiles.remove':
        return (await environments(true)).get(a.profileId as string) === 'sandbox'
          ? 'pass'
          : notSandbox(a.profileId as string);
      case 'profiles.switch':
      case 'vault.status':
      case 'vault.setSecret':
      case 'vault.clearSecret':
      case 'vault.createPinKey':
      case 'vault.testConnection': {
        const id = a.profileId as string;
        return (await isSandbox(id)) ? 'pass' : notSandbox(id);
      }
      case 'profiles.save': {
        const profile = a.profile as ProfileLike;
        const existing = (await environments(true)).get(profile.id);
        if (profile.environment !== 'sandbox' || (existing !== undefined && existing !== 'sandbox'))
          return notSandbox(profile.id);
        return 'pass';
      }
      case 'profiles.import': {
        let incoming: ReturnType<typeof parseProvisioning>;
        try {
          incoming = parseProvisioning(a.content as string, a.fileName as string);
        } catch {
          return 'pass'; // the handler refuses it again, naming the field and the line
        }
        if (incoming.policy !== undefined)
          return refused('the browser preview does not import a workstation policy; use the desktop app');
        const known = await environments(true);
        for (const p of incoming.profiles) {
          const existing = known.get(p.id);
          if (p.environment !== 'sandbox' || (existing !== undefined && existing !== 'sandbox'))
            return notSandbox(p.id);
        }
        return 'pass';
      }
      case 'bulk.start': {
        const active = desk.activeProfileId();
        return (await isSandbox(active)) ? 'pass' : notSandbox(active);
      }
      case 'bulk.list':
        return 'filter';
      case 'bulk.get':
      case 'bulk.pause':
      case 'bulk.resume':
      case 'bulk.cancel':
      case 'bulk.result': {
        let profileId: string;
        try {
          profileId = jobs.meta(a.jobId as string).profileId;
        } catch {
          return 'pass'; // the handler answers bulk_job_not_found
        }
        return (await isSandbox(profileId)) ? 'pass' : notSandbox(profileId);
      }
      case 'requests.recheck': {
        const entry = desk.journal.get(a.requestId as string);
        const profileId = entry?.connection.profileId;
        return profileId === undefined || (await isSandbox(profileId)) ? 'pass' : notSandbox(profileId);
      }
      case 'requests.reconcileAll': {
        const known = await environments();
        const elsewhere = desk.journal
          .open()
          .map((e) => e.connection.profileId)
          .find((id) => id !== undefined && known.has(id) && known.get(id) !== 'sandbox');
        return elsewhere === undefined
          ? 'pass'
          : refused('operations of non-sandbox profiles are open: reconcile them in the desktop app');
      }
      default:
        return 'pass';
    }
  };

  return async (method, args) => {
    const verdict = await guard(method, args);
    if (verdict === 'pass') {
      const reply = await dispatch(method, args);
      if (method.startsWith('profiles.')) cache = undefined;
      return reply;
    }
    if (verdict !== 'filter') return verdict;

    const query = (args ?? {}) as Record<string, unknown>;
    if (method === 'profiles.list') {
      const reply = await dispatch(method, args);
      if (!reply.ok) return reply;
      return { ok: true, value: (reply.value as ProfileLike[]).filter((p) => p.environment === 'sandbox') };
    }
    const known = await environments();
    const visible = (e: EntryLike) => e.profileId === null || known.get(e.profileId) === 'sandbox';
    if (method === 'bulk.list') {
      const reply = await dispatch(method, args);
      if (!reply.ok) return reply;
      return { ok: true, value: (reply.value as EntryLike[]).filter(visible) };
    }
    if (method === 'journal.audit') {
      const reply = await dispatch(method, { ...query, limit: ALL });
      if (!reply.ok) return reply;
      const limit = typeof query.limit === 'number' ? query.limit : 1000;
      return { ok: true, value: (reply.value as EntryLike[]).filter(visible).slice(0, limit) };
    }
    if (method === 'requests.list') {
      const reply = await dispatch(method, { ...query, limit: ALL });
      if (!reply.ok) return reply;
      const limit = typeof query.limit === 'number' ? query.limit : 1000;
      return { ok: true, value: (reply.value as EntryLike[]).filter(visible).slice(0, limit) };
    }
    // journal.search: filter the whole match list, then page it, so `total` stays true.
    const reply = await dispatch(method, { ...query, offset: 0, limit: ALL });
    if (!reply.ok) return reply;
    const matches = (reply.value as { entries: EntryLike[] }).entries.filter(visible);
    const offset = typeof query.offset === 'number' ? query.offset : 0;
    const limit = typeof query.limit === 'number' ? query.limit : 1000;
    return { ok: true, value: { entries: matches.slice(offset, offset + limit), total: matches.length } };
  };
}

/** If the active profile is not a sandbox profile, the preview works with the embedded Sandbox instead. */
export async function ensureSandboxActive(desk: Desk): Promise<boolean> {
  const active = desk.activeProfileId();
  const profile = (await desk.profiles()).find((p) => p.id === active);
  if (profile?.environment === 'sandbox') return false;
  desk.switchProfile(EMBEDDED_PROFILE_ID);
  return true;
}
