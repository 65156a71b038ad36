// The profiles of this workstation: environment (colour and word), region, merchant, secret, which is active.
import { Badge, Button, Group, Table } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../../../common/contract/index.ts';
import { EnvironmentBadge } from '../../../components/EnvironmentBadge.tsx';
import { VaultStatusWord } from '../VaultStatusWord.tsx';

export interface ProfileActions {
  onSwitch: (profile: ProfileView) => void;
  /** Absent for an operator who may not manage profiles (the buttons are hidden). */
  onEdit: ((profile: ProfileView) => void) | undefined;
  onRemove: ((profile: ProfileView) => void) | undefined;
  switching: string | undefined;
}

/** A row action's accessible name: its visible word first (as speech input expects), then the profile. */
const named = (action: string, profile: ProfileView): string => `${action}: ${profile.name}`;

export function ProfileTable({
  profiles,
  actions,
}: {
  profiles: ProfileView[];
  actions: ProfileActions;
}): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t('profiles.tableLabel')} data-testid="profiles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('profiles.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('profiles.columns.environment')}</Table.Th>
            <Table.Th scope="col">{t('profiles.columns.region')}</Table.Th>
            <Table.Th scope="col">{t('profiles.columns.merchantId')}</Table.Th>
            <Table.Th scope="col">{t('profiles.columns.secret')}</Table.Th>
            <Table.Th scope="col">{t('profiles.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profiles.map((profile) => (
            <Table.Tr key={profile.id} data-testid="profile-row" data-profile-id={profile.id}>
              <Table.Th scope="row" className="profile-name-cell">
                <span data-testid="profile-row-name">{profile.name}</span>
                {(profile.active || profile.embedded === true) && (
                  <span className="profile-marks">
                    {profile.active && (
                      <Badge variant="filled" color="blue" size="sm" data-testid="profile-active">
                        {t('profiles.active')}
                      </Badge>
                    )}
                    {profile.embedded === true && (
                      <span className="settings-pill settings-pill-neutral">{t('profiles.builtin')}</span>
                    )}
                  </span>
                )}
              </Table.Th>
              <Table.Td>
                <EnvironmentBadge environment={profile.environment} />
              </Table.Td>
              <Table.Td>{t(`region.${profile.region}`)}</Table.Td>
              <Table.Td className="mono">{profile.merchantId}</Table.Td>
              <Table.Td data-testid="profile-secret">
                <VaultStatusWord status={profile.secret} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {!profile.active && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={actions.switching === profile.id}
                      onClick={() => {
                        actions.onSwitch(profile);
                      }}
                      aria-label={named(t('profiles.switch'), profile)}
                      data-testid="profile-switch"
                    >
                      {t('profiles.switch')}
                    </Button>
                  )}
                  {actions.onEdit !== undefined && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        actions.onEdit?.(profile);
                      }}
                      aria-label={named(profile.embedded === true ? t('profiles.view') : t('profiles.edit'), profile)}
                      data-testid="profile-edit"
                    >
                      {profile.embedded === true ? t('profiles.view') : t('profiles.edit')}
                    </Button>
                  )}
                  {profile.embedded !== true && actions.onRemove !== undefined && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        actions.onRemove?.(profile);
                      }}
                      aria-label={named(t('profiles.remove'), profile)}
                      data-testid="profile-remove"
                    >
                      {t('profiles.remove')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
