// How a journal is opened, and what it tells its listeners (journal.ts).
import { isOpenState, type EntryState } from './records.ts';

export interface JournalOptions {
  /** Sync the log before a record counts as written (default true). Off only in benchmarks of its cost. */
  durable?: boolean;
  /** Group commit: a turn's records share one commit and one background sync (`write`, write-batch.ts). */
  groupCommit?: boolean;
  /**
   * With group commit, how long a group stays open for more records (write-batch.ts). 0 (the default) commits at
   * the end of the turn: an operator's single action waits the least. A bulk job process, whose rows wait for the
   * bank's slots anyway, keeps it open a few milliseconds (child-job.ts).
   */
  commitWindowMs?: number;
  /** The chain key from the keychain (chain-key.ts); without it links are sealed unkeyed (chain.ts). */
  chainKey?: Buffer;
}

/** One recorded change of an operation's state: its intent (`sending`) or one of its outcome records. */
export interface JournalChange {
  key: string;
  op: string;
  state: EntryState;
}

export function isFinal(state: EntryState): boolean {
  return !isOpenState(state);
}
