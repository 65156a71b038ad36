// The environment is told apart by colour AND by its word: green Sandbox, amber Test, red Production.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../common/contract/index.ts';

export type Environment = ProfileView['environment'];

export function EnvironmentBadge({ environment }: { environment: Environment }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className={`env-badge env-${environment}`} data-testid="environment-badge" data-environment={environment}>
      {t(`environment.${environment}`)}
    </span>
  );
}
