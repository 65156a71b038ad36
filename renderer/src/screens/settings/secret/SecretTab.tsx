// The merchant secret and PIN key of a profile: their state, setting or clearing the secret, creating the PIN
// key, and testing the connection (which proves the secret by a signed request).
import { Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../../../common/contract/index.ts';
import { useClearSecret, useCreatePinKey, useTestConnection, useVaultStatus } from '../../../api/profiles.ts';
import { useProfiles } from '../../../api/shared-queries.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { VaultStatusWord } from '../VaultStatusWord.tsx';
import { describeConnection } from './connection-words.ts';
import { SecretForm } from './SecretForm.tsx';

export function SecretTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const profiles = useProfiles();
  const [chosen, setChosen] = useState<string | undefined>();
  const list = profiles.data ?? [];
  const profile = list.find((p) => p.id === chosen) ?? list.find((p) => p.active) ?? list[0];

  if (profiles.error !== null) return <ErrorNotice error={profiles.error} testId="secret-error" />;
  if (profile === undefined) return <Loader size="sm" aria-label={t('common:state.loading')} />;
  return (
    <Stack gap="md">
      <Title order={2} className="settings-section-title">
        {t('secret.title')}
      </Title>
      <Text className="settings-note" data-testid="secret-intro">
        {t('secret.intro')}
      </Text>
      <NativeSelect
        label={t('secret.profile')}
        value={profile.id}
        data={list.map((p) => ({ value: p.id, label: p.name }))}
        onChange={(event) => {
          setChosen(event.currentTarget.value);
        }}
        className="settings-narrow"
        data-testid="secret-profile"
      />
      {/* A fresh panel per profile: nothing typed for one profile is sent for another. */}
      <ProfileSecret key={profile.id} profile={profile} />
    </Stack>
  );
}

function ProfileSecret({ profile }: { profile: ProfileView }): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const status = useVaultStatus(profile.id);
  const [confirmClear, setConfirmClear] = useState(false);
  const [confirmPinKey, setConfirmPinKey] = useState(false);
  const builtin = profile.embedded === true;

  const clear = useClearSecret(profile.id);
  const pinKey = useCreatePinKey(profile.id);
  const test = useTestConnection(profile.id);
  const hasPinKey = status.data?.pinKey === 'present';
  const clearSecret = async (): Promise<void> => {
    await clear.run();
    setConfirmClear(false);
  };
  const createPinKey = async (): Promise<void> => {
    await pinKey.run();
    setConfirmPinKey(false);
  };

  return (
    <Stack gap="md" data-testid="secret-panel" data-profile-id={profile.id}>
      {status.error !== null && <ErrorNotice error={status.error} testId="vault-status-error" />}
      {status.data !== undefined && (
        <dl className="settings-facts" data-testid="vault-status">
          <dt>{t('secret.secretStatus')}</dt>
          <dd>
            <VaultStatusWord status={status.data.secret} testId="vault-secret" />
          </dd>
          <dt>{t('secret.pinKeyStatus')}</dt>
          <dd>
            <VaultStatusWord status={status.data.pinKey} testId="vault-pin-key" />
          </dd>
          <dt>{t('secret.store')}</dt>
          <dd>{t(`secret.stores.${status.data.store}`)}</dd>
        </dl>
      )}
      {status.data === undefined && status.error === null && (
        <Loader size="sm" aria-label={t('common:state.loading')} />
      )}

      {builtin ? (
        <Text className="settings-note" data-testid="secret-builtin">
          {t('secret.builtin')}
        </Text>
      ) : (
        <SecretForm profileId={profile.id} />
      )}

      <Group gap="sm">
        {!builtin && (
          <Button
            variant="default"
            color="red"
            disabled={status.data?.secret !== 'present'}
            onClick={() => {
              setConfirmClear(true);
            }}
            data-testid="secret-clear"
          >
            {t('secret.clear')}
          </Button>
        )}
        <Button
          variant="default"
          loading={pinKey.busy}
          onClick={() => {
            // A new key replaces the one in use (docs/card-api.md, sensitive data): ask before throwing the old one away.
            if (hasPinKey) setConfirmPinKey(true);
            else void createPinKey();
          }}
          data-testid="pin-key-create"
        >
          {hasPinKey ? t('secret.replacePinKey') : t('secret.createPinKey')}
        </Button>
        <Button variant="default" loading={test.busy} onClick={() => void test.run()} data-testid="connection-test">
          {t('secret.test')}
        </Button>
      </Group>
      <WriteOutcome write={clear} done={t('secret.cleared')} testId="secret-clear-result" />
      <WriteOutcome write={pinKey} done={t('secret.pinKeyCreated')} testId="pin-key-result" />
      <WriteOutcome write={test} done={(answer) => describeConnection(t, answer)} testId="connection-result" />

      <ConfirmDialog
        opened={confirmClear}
        title={t('secret.clearTitle', { name: profile.name })}
        confirmLabel={t('secret.clear')}
        danger
        busy={clear.busy}
        onConfirm={() => void clearSecret()}
        onCancel={() => {
          setConfirmClear(false);
        }}
      >
        <p className="settings-note">{t('secret.clearBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirmPinKey}
        title={t('secret.replacePinKeyTitle', { name: profile.name })}
        confirmLabel={t('secret.replacePinKey')}
        busy={pinKey.busy}
        onConfirm={() => void createPinKey()}
        onCancel={() => {
          setConfirmPinKey(false);
        }}
      >
        <p className="settings-note">{t('secret.replacePinKeyBody')}</p>
      </ConfirmDialog>
    </Stack>
  );
}
