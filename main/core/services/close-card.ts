// Closing a card is final, and money left on it stays with the bank's process for closed cards. So main asks the
// card's balance first and refuses to close a card with money on it (an amount or a hold) unless the operator
// acknowledged that balance (docs/operator-ui.md, clients and cards). When the balance cannot be read, the close
// goes on as before: the bank still decides, and the dialog showed what it knew.
import type { ParsedArgsOf } from '../../../common/contract/index.ts';
import type { OpId, RequestOf } from '../../../common/card-api/catalog/index.ts';
import type { Outcome } from '../../../common/card-api/outcome.ts';
import { DeskError } from '../errors.ts';

type Run = <Id extends OpId>(opId: Id, body: Omit<RequestOf<Id>, 'request_id'>) => Promise<Outcome>;

interface Account {
  currency?: unknown;
  amount?: unknown;
  blocked_amount?: unknown;
}

/** The accounts with money on them (an amount or a hold), as read now; empty when the read failed. */
async function moneyOn(run: Run, cardId: string): Promise<Account[]> {
  let outcome: Outcome;
  try {
    outcome = await run('card.balance', { card_id: cardId });
  } catch {
    return [];
  }
  if (outcome.kind !== 'done') return [];
  const accounts = (outcome.result as { accounts?: unknown }).accounts;
  if (!Array.isArray(accounts)) return [];
  return (accounts as Account[]).filter(
    (a) =>
      (typeof a.amount === 'number' && a.amount !== 0) ||
      (typeof a.blocked_amount === 'number' && a.blocked_amount !== 0),
  );
}

export async function closeCard(run: Run, args: ParsedArgsOf<'cards.close'>): Promise<Outcome> {
  const { cardId, reason, note, balanceAcknowledged } = args;
  if (balanceAcknowledged !== true) {
    const funded = await moneyOn(run, cardId);
    if (funded.length > 0)
      throw new DeskError(
        'balance_not_acknowledged',
        `card ${cardId} has money on it; acknowledge the balance to close it`,
        {
          currencies: funded.map((a) => String(a.currency)),
        },
      );
  }
  return run('card.close', { card_id: cardId, description: note === '' ? reason : `${reason}: ${note}` });
}
