// The card's secret data (docs/card-api.md, sensitive data), held in component state only while shown: never in a query cache, never
// logged. It is dropped after 30 seconds, when the window loses focus or is hidden, and on unmount (leaving the
// screen, locking); then main is told to end content protection. A reveal still in flight when one of those
// happens is dropped when it lands.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardSecretData, OperationOutcome } from '../../../../../common/contract/index.ts';
import { actionStarted } from '../../../api/action-generation.ts';
import { concealCardSecret, revealCardSecret, type RevealReason } from '../../../api/cards.ts';

export const REVEAL_MS = 30_000;

type NotDone = Exclude<OperationOutcome<CardSecretData>, { kind: 'done' }>;

export interface RevealedSecret {
  secret: CardSecretData | null;
  /** Whole seconds until it is hidden again (0 while hidden). */
  secondsLeft: number;
  busy: boolean;
  /** Why the last reveal showed nothing: the bank's outcome, or Card Desk's refusal; both undefined when none. */
  problem: { result: NotDone | undefined; error: unknown };
  /** Reveals with the operator's reason (audited in main). */
  reveal: (why: RevealReason) => Promise<void>;
  conceal: () => void;
}

const NO_PROBLEM: RevealedSecret['problem'] = { result: undefined, error: undefined };

export function useRevealedSecret(cardId: string): RevealedSecret {
  const [secret, setSecret] = useState<CardSecretData | null>(null);
  const [expiresAt, setExpiresAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(NO_PROBLEM);
  // Each reveal and each conceal takes a new generation; an answer of an older generation is not shown.
  const generation = useRef(0);
  // From the reveal call until conceal: main may have content protection on.
  const exposed = useRef(false);

  const conceal = useCallback(() => {
    generation.current += 1;
    setSecret(null);
    setExpiresAt(0);
    setBusy(false);
    if (exposed.current) {
      exposed.current = false;
      concealCardSecret();
    }
  }, []);

  const reveal = useCallback(
    async (why: RevealReason) => {
      const mine = ++generation.current;
      actionStarted();
      exposed.current = true;
      setBusy(true);
      setProblem(NO_PROBLEM);
      try {
        const outcome = await revealCardSecret(cardId, why);
        if (mine !== generation.current) {
          // Concealed while the answer was on its way: drop it, and end protection again (main set it on).
          if (outcome.kind === 'done') concealCardSecret();
          return;
        }
        if (outcome.kind === 'done') {
          setSecret(outcome.result);
          setNow(Date.now());
          setExpiresAt(Date.now() + REVEAL_MS);
        } else {
          exposed.current = false;
          setProblem({ result: outcome, error: undefined });
        }
      } catch (error) {
        if (mine !== generation.current) return;
        conceal();
        setProblem({ result: undefined, error });
      } finally {
        if (mine === generation.current) setBusy(false);
      }
    },
    [cardId, conceal],
  );

  // Blur, hidden and unmount conceal at any time (also while a reveal is in flight).
  useEffect(() => {
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') conceal();
    };
    window.addEventListener('blur', conceal);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', conceal);
      document.removeEventListener('visibilitychange', onVisibility);
      conceal();
    };
  }, [conceal]);

  // The 30-second limit, and the countdown shown beside the values.
  useEffect(() => {
    if (secret === null) return;
    const timer = setTimeout(conceal, Math.max(0, expiresAt - Date.now()));
    const tick = setInterval(() => {
      setNow(Date.now());
    }, 250);
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [secret, expiresAt, conceal]);

  const secondsLeft = secret === null ? 0 : Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return { secret, secondsLeft, busy, problem, reveal, conceal };
}
