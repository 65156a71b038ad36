// What every card action form takes from the action modal: the card, and how to report its end and its busy state.
import type { OperationOutcome } from '../../../../../common/contract/index.ts';

export interface ActionFormProps {
  cardId: string;
  onFinished: (outcome: OperationOutcome<unknown>) => void;
  onCancel: () => void;
  onBusy: (busy: boolean) => void;
}
