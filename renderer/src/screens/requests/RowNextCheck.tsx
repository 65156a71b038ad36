// An open entry's next background check in a table row (docs/architecture.md, live reconciliation): "in 12 s
// (#3)", the whole sentence on hover, counted down locally from main's `nextCheckAt`.
import type { ReactElement } from 'react';
import { useOpenCheck } from '../../api/open-checks.ts';
import { NextCheckText } from '../../components/OpenChecks.tsx';

export function RowNextCheck({ requestId }: { requestId: string }): ReactElement | null {
  const check = useOpenCheck(requestId);
  return check === undefined ? null : <NextCheckText check={check} short testId="row-next-check" />;
}
