// The contract's methods over the desk: one implementation, whatever the transport (IPC, preview, tests).
import {
  type AppInfo,
  type MethodName,
  type ParsedArgsOf,
  type ResultOfMethod,
} from '../../../common/contract/index.ts';
import type { OpId, RequestOf } from '../../../common/card-api/catalog/index.ts';
import type { Outcome } from '../../../common/card-api/outcome.ts';
import type { BulkService } from '../bulk/index.ts';
import type { Desk } from '../desk.ts';
import { DeskError } from '../errors.ts';
import { parseProvisioning } from '../settings/provisioning.ts';
import { KioskExitGuard } from '../session/kiosk-exit.ts';
import type { SecretClipboard } from '../clipboard/secret-clipboard.ts';
import type { PinAttempts } from '../session/pin-attempts.ts';
import type { Session } from '../session/session.ts';
import { concerns, MAX_OPEN_CHECKS, openCheckView, type CheckStatus } from '../reconcile/index.ts';
import { maskPansIn } from '../journal/redact.ts';
import type { DirectoryService } from '../directory/index.ts';
import { bulkHandlers } from './bulk-handlers.ts';
import { directoryHandlers } from './directory-handlers.ts';
import { closeCard } from './close-card.ts';
import type { DeskEvents } from './events.ts';
import { operatorHandlers } from './operator-handlers.ts';
import { printHandlers, type Printer } from './print-handlers.ts';
import { auditQuery, auditView, entryQuery, entryView, pageView, reconcileView } from './journal-views.ts';

export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOfMethod<M>> };

export interface HandlerContext {
  desk: Desk;
  session: Session;
  events: DeskEvents;
  appInfo: AppInfo;
  /** Card secrets are on screen (true) or gone (false): the shell turns content protection on and off. */
  secretShown?: (shown: boolean) => void;
  clipboard?: SecretClipboard | undefined;
  /** Lets the kiosk window go once the admin PIN is verified; false where no kiosk runs. */
  kioskExit?: () => boolean;
  bulk: BulkService;
  /** Wrong-PIN counts shared with the session (the operator PIN) and kiosk exit. */
  pinAttempts: PinAttempts;
  /** Where an open operation stands in the background reconciler's schedule (core/reconcile). */
  checkStatus?: (requestId: string) => CheckStatus | undefined;
  /** Runs an operator's re-check unless the background reconciler is checking the entry now (core/reconcile). */
  checkNow?: (requestId: string, run: () => Promise<unknown>) => Promise<void>;
  /** The search directory, fed with every operation settled here (core/directory). */
  directory: DirectoryService;
  /** The shell prints the window; absent elsewhere, where the page prints itself. */
  printer?: Printer | undefined;
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const { desk, session, events, bulk } = ctx;
  const kioskGuard = new KioskExitGuard(() => desk.kioskExitPinHash(), ctx.pinAttempts);
  const active = () => desk.activeProfileId();
  /** Records name operators by their accounts' display names (journal-views.ts). */
  const names = (id: string) => desk.operators.nameOf(id);

  /** One Card API operation for the active profile (its writes are announced by the journal, see services). */
  const run = async <Id extends OpId>(opId: Id, body: Omit<RequestOf<Id>, 'request_id'>): Promise<Outcome> => {
    const profileId = active();
    const outcome = await desk.call(profileId, opId, body);
    await ctx.directory.settled(profileId, opId, body, outcome);
    return outcome;
  };
  const typed = <T>(outcome: Outcome) => Promise.resolve(outcome as Outcome<T>);

  return {
    'app.info': () => Promise.resolve(ctx.appInfo),

    'session.state': () => Promise.resolve(session.state()),
    'session.lock': () => {
      session.lock('operator');
      ctx.secretShown?.(false);
      return Promise.resolve(session.state());
    },
    'session.activity': () => {
      session.activity();
      return Promise.resolve(undefined);
    },

    'kiosk.exit': async ({ adminPin }) => {
      await kioskGuard.verify(adminPin);
      const exited = ctx.kioskExit?.() ?? false;
      desk.audit('kiosk.exit', { exited });
      return { exited };
    },

    'settings.get': () => Promise.resolve(desk.settings()),
    'settings.update': (change) => Promise.resolve(desk.updatePreferences(change)),

    'profiles.list': () => desk.profiles(),
    'profiles.switch': ({ profileId }) => {
      desk.switchProfile(profileId);
      events.emit('profiles.switched', { profileId });
      return desk.profile(profileId);
    },
    'profiles.save': ({ profile }) => {
      desk.saveProfile(profile);
      return desk.profile(profile.id);
    },
    'profiles.import': ({ fileName, content }) =>
      Promise.resolve(desk.importFromOperator(parseProvisioning(content, fileName), fileName)),
    'profiles.remove': async ({ profileId }) => {
      await desk.removeProfile(profileId);
      return undefined;
    },

    'vault.status': async ({ profileId }) => {
      const p = await desk.profile(profileId);
      return { secret: p.secret, pinKey: p.pinKey, store: p.secretStore };
    },
    'vault.setSecret': async ({ profileId, secret }) => {
      const bytes = Buffer.from(secret, 'utf8');
      try {
        await desk.setSecret(profileId, bytes);
      } finally {
        bytes.fill(0);
      }
      return { secret: (await desk.profile(profileId)).secret };
    },
    'vault.clearSecret': async ({ profileId }) => {
      await desk.clearSecret(profileId);
      return { secret: (await desk.profile(profileId)).secret };
    },
    'vault.createPinKey': async ({ profileId }) => {
      await desk.createPinKey(profileId);
      return { pinKey: (await desk.profile(profileId)).pinKey };
    },
    'vault.testConnection': ({ profileId }) => desk.testConnection(profileId),

    'clients.create': ({ draft }) => run('client.create', draft),
    'clients.updatePhone': ({ clientId, productId, phone }) =>
      run('client.update', { client_id: clientId, product_id: productId, client: { phone } }),
    'clients.cards': async ({ clientId }) => typed(await run('client.cards', { client_id: clientId })),

    'cards.issue': ({ clientId }) => run('card.issue', { client_id: clientId }),
    'cards.issuePlastic': ({ clientId, embossedName, branchId }) =>
      run('card.issuePlastic', {
        client_id: clientId,
        embossed_name: embossedName,
        ...(branchId ? { branch_id: branchId } : {}),
      }),
    'cards.link': ({ clientId, cardId }) => run('card.link', { client_id: clientId, card_id: cardId }),
    'cards.info': async ({ cardId }) => typed(await run('card.info', { card_id: cardId })),
    'cards.balance': async ({ cardId }) => typed(await run('card.balance', { card_id: cardId })),
    'cards.activate': ({ cardId }) => run('card.activate', { card_id: cardId }),
    'cards.block': ({ cardId, reason, note }) =>
      run('card.block', { card_id: cardId, description: describe(reason, note) }),
    'cards.unblock': ({ cardId, reason, note }) =>
      run('card.unblock', { card_id: cardId, description: describe(reason, note) }),
    'cards.setPin': async ({ cardId, pin }) => {
      if (pin === undefined) return run('card.setPin', { card_id: cardId });
      const encrypted = await desk.encryptPinFor(active(), pin);
      return run('card.setPin', { card_id: cardId, pin: encrypted });
    },
    'cards.resetPinCounter': ({ cardId }) => run('card.resetPinCounter', { card_id: cardId }),
    'cards.close': (args) => closeCard(run, args),
    'cards.identify': ({ cardId, idnDate, identifiedBy }) =>
      run('card.identify', {
        card_id: cardId,
        identification_info: { idn_date: idnDate, identified_by: identifiedBy },
      }),
    'cards.statement': async ({ cardId, from, to }) =>
      typed(
        await run('card.statement', {
          card_id: cardId,
          ...(from ? { start_date: from } : {}),
          ...(to ? { end_date: to } : {}),
        }),
      ),
    'cards.statementExtended': async ({ cardId, from, to }) =>
      typed(await run('card.statementExtended', { card_id: cardId, start_date: from, end_date: to })),
    'cards.revealSecret': async ({ cardId, reason, note }) => {
      // Audited first, with the operator's reason: the record exists even if the call then fails or the app dies.
      // A card number typed into the note is masked like any free text (docs/card-api.md, sensitive data).
      desk.audit('card.secret.reveal', {
        profileId: active(),
        cardId,
        reason,
        ...(note === undefined || note === '' ? {} : { note: maskPansIn(note) }),
      });
      ctx.secretShown?.(true);
      const outcome = await run('card.secret', { card_id: cardId });
      if (outcome.kind !== 'done') ctx.secretShown?.(false);
      return typed(outcome);
    },
    'clipboard.copySecret': async ({ text }) => {
      if (ctx.clipboard === undefined) return { handled: false };
      await ctx.clipboard.copy(text);
      return { handled: true };
    },
    'cards.concealSecret': () => {
      ctx.secretShown?.(false);
      return Promise.resolve(undefined);
    },

    'limits.list': async ({ object }) => typed(await run('limits.list', { object })),
    'limits.set': ({ object, limits }) =>
      run('limits.set', {
        object,
        limits: limits.map((l) => ({
          transaction_type: l.transactionType,
          ...(l.period ? { period: l.period } : {}),
          amount: [{ type: 'max' as const, value: l.max, currency: l.currency }],
        })),
      }),

    'gift.products': async () => typed(await run('gift.products', {})),
    'gift.issue': async ({ cardholderName, phone, productCode, cardId }) =>
      typed(
        await run('gift.issue', {
          cardholder_name: cardholderName,
          phone,
          product_code: productCode,
          ...(cardId !== undefined ? { card_id: cardId } : {}),
        }),
      ),
    'gift.confirm': async ({ cardId, otp }) => typed(await run('gift.confirm', { card_id: cardId, otp })),
    'gift.resend': ({ cardId }) => run('gift.resend', { card_id: cardId }),
    'gift.resendCode': ({ cardId }) => run('gift.resendCode', { card_id: cardId }),
    'gift.status': async ({ cardId }) => typed(await run('gift.status', { card_id: cardId })),

    'requests.list': ({ cursor, limit, ...query }) =>
      Promise.resolve(pageView(desk.journal.page({ ...entryQuery(query), cursor, limit }), (e) => entryView(e, names))),
    'requests.recheck': async ({ requestId }) => {
      const entry = desk.journal.get(requestId);
      if (entry === undefined)
        throw new DeskError('request_not_in_journal', `no operation ${requestId} in the journal`);
      const profileId = entry.connection.profileId;
      if (profileId !== undefined) {
        const client = await desk.client(profileId);
        const check = () => client.reconcile(entry);
        await (ctx.checkNow === undefined ? check() : ctx.checkNow(requestId, check));
      }
      return entryView(desk.journal.get(requestId) ?? entry, names);
    },
    'requests.reconcileAll': async () => reconcileView(await desk.reconcile()),
    'requests.checks': (on) =>
      Promise.resolve(
        desk.journal
          .open()
          .filter((e) => concerns(e, on))
          .slice(0, MAX_OPEN_CHECKS)
          .map((e) => openCheckView(entryView(e), ctx.checkStatus?.(e.key))),
      ),

    'journal.search': ({ cursor, limit, ...query }) =>
      Promise.resolve(pageView(desk.journal.page({ ...entryQuery(query), cursor, limit }), (e) => entryView(e, names))),
    'journal.count': (query) => Promise.resolve({ count: desk.journal.count(entryQuery(query)) }),
    'journal.audit': (query) =>
      Promise.resolve(
        pageView(desk.journal.auditPage({ ...auditQuery(query), cursor: query.cursor, limit: query.limit }), (r) =>
          auditView(r, names),
        ),
      ),
    ...bulkHandlers(desk, bulk, active),
    ...directoryHandlers(ctx.directory, active),

    ...printHandlers(ctx.printer),
    ...operatorHandlers({ desk, session, secretShown: ctx.secretShown }),
  };
}

function describe(reason: string, note: string): string {
  return note === '' ? reason : `${reason}: ${note}`;
}
