// Who is signed in, always in the frame (name and roles), with "Switch operator" (signs them out: the sign-in
// screen follows and their drafts go) (docs/operator-ui.md, signing in).
import { Button, Menu, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/contract/index.ts';
import { useSignOut } from '../api/session.ts';
import { useSession } from '../api/shared-queries.ts';
import './operator-menu.css';

export function rolesText(t: (key: string) => string, roles: readonly Role[]): string {
  return roles.map((role) => t(`common:role.${role}`)).join(', ');
}

/** The role that says most about what the operator may do, first in this order; the frame shows it (and how
 * many more) to keep the header narrow at 1024 wide; the whole list is the button's title. */
const RANK: readonly Role[] = ['administrator', 'supervisor', 'auditor', 'teller'];

function mainRole(t: (key: string) => string, roles: readonly Role[]): string {
  const first = RANK.find((role) => roles.includes(role)) ?? roles[0];
  if (first === undefined) return '';
  const more = roles.length - 1;
  return more > 0 ? `${t(`common:role.${first}`)} +${String(more)}` : t(`common:role.${first}`);
}

export function OperatorMenu(): ReactElement | null {
  const { t } = useTranslation();
  const operator = useSession().data?.operator ?? null;
  const signOut = useSignOut();
  if (operator === null) return null;
  const roles = rolesText(t, operator.roles);
  const role = mainRole(t, operator.roles);
  return (
    <Menu position="bottom-end" withinPortal={false}>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          className="frame-operator"
          title={`${operator.name} (${operator.id}): ${roles}`}
          data-testid="frame-operator"
          data-operator={operator.id}
        >
          <Text span size="xs" fw={600} title={operator.name} data-testid="frame-operator-name">
            {operator.name}
          </Text>
          <Text
            span
            size="xs"
            c="dimmed"
            title={role}
            className="frame-operator-roles"
            data-testid="frame-operator-roles"
          >
            {role}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void signOut.run()} data-testid="frame-switch-operator">
          {t('frame.switchOperator')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
