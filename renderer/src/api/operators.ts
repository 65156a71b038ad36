// Operator accounts on this workstation (docs/operator-ui.md, the operators screen): the list, adding one,
// disabling or enabling one, resetting one's secret. Secrets go in and never come back; a write carrying one
// (or a second operator's approval) does not keep its arguments.
import { useQuery } from '@tanstack/react-query';
import type { ArgsOf, OperatorView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

export function useOperators(enabled = true) {
  return useQuery({ queryKey: queryKeys.operators, queryFn: () => cardDesk().operators.list({}), enabled });
}

export function useAddOperator(): Write<ArgsOf<'operators.add'>, OperatorView> {
  return useWrite({
    call: (args: ArgsOf<'operators.add'>) => cardDesk().operators.add(args),
    refresh: [queryKeys.operators],
    secretArgs: true,
  });
}

export type OperatorSwitch = { enable: true; operatorId: string } | ({ enable: false } & ArgsOf<'operators.disable'>);

/** Disables (with an approval where dual control asks for one) or enables an operator. */
export function useSetOperatorEnabled(): Write<OperatorSwitch, OperatorView> {
  return useWrite({
    call: (change: OperatorSwitch) => {
      if (change.enable) return cardDesk().operators.enable({ operatorId: change.operatorId });
      const { operatorId, approval } = change;
      return cardDesk().operators.disable({ operatorId, ...(approval === undefined ? {} : { approval }) });
    },
    refresh: [queryKeys.operators],
    refreshAlways: true,
    secretArgs: true,
  });
}

export function useResetOperatorSecret(): Write<ArgsOf<'operators.resetSecret'>, OperatorView> {
  return useWrite({
    call: (args: ArgsOf<'operators.resetSecret'>) => cardDesk().operators.resetSecret(args),
    refresh: [queryKeys.operators],
    secretArgs: true,
  });
}
