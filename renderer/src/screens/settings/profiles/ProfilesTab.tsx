// Profiles: which bank connection the desk uses. Switch, add, edit, remove (with confirmation), import.
import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../../../common/contract/index.ts';
import { useRemoveProfile, useSwitchProfile } from '../../../api/profiles.ts';
import { useProfiles } from '../../../api/shared-queries.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorNotice, Notice } from '../../../components/Notice.tsx';
import { ImportProvisioning } from './ImportProvisioning.tsx';
import { ProfileFormModal } from './ProfileFormModal.tsx';
import { ProfileTable } from './ProfileTable.tsx';

type Editing = { kind: 'closed' } | { kind: 'add' } | { kind: 'edit'; profile: ProfileView };
type Done = { kind: 'switched' | 'saved' | 'removed'; name: string } | undefined;

export function ProfilesTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const profiles = useProfiles();
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [removing, setRemoving] = useState<ProfileView | undefined>();
  const [done, setDone] = useState<Done>();

  const switchTo = useSwitchProfile();
  const remove = useRemoveProfile();
  const switchProfile = async (profile: ProfileView): Promise<void> => {
    setDone(undefined);
    const switched = await switchTo.run(profile);
    if (switched !== undefined) setDone({ kind: 'switched', name: switched.name });
  };
  const removeProfile = async (profile: ProfileView): Promise<void> => {
    setDone(undefined);
    const removed = await remove.run(profile);
    setRemoving(undefined);
    if (removed !== undefined) setDone({ kind: 'removed', name: removed.name });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} className="settings-section-title">
          {t('profiles.title')}
        </Title>
        <Button
          onClick={() => {
            setDone(undefined);
            setEditing({ kind: 'add' });
          }}
          data-testid="profile-add"
        >
          {t('profiles.add')}
        </Button>
      </Group>
      {profiles.error !== null && <ErrorNotice error={profiles.error} testId="profiles-error" />}
      {profiles.data === undefined && profiles.error === null && (
        <Loader size="sm" aria-label={t('common:state.loading')} />
      )}
      {profiles.data !== undefined && (
        <ProfileTable
          profiles={profiles.data}
          actions={{
            onSwitch: (profile) => void switchProfile(profile),
            onEdit: (profile) => {
              setDone(undefined);
              setEditing({ kind: 'edit', profile });
            },
            onRemove: setRemoving,
            switching: switchTo.busy ? switchTo.args?.id : undefined,
          }}
        />
      )}
      {done !== undefined && (
        <Notice
          described={{ tone: 'success', message: t(`profiles.done.${done.kind}`, { name: done.name }) }}
          testId="profiles-result"
        />
      )}
      {switchTo.error !== undefined && <ErrorNotice error={switchTo.error} testId="profiles-result" />}
      {remove.error !== undefined && <ErrorNotice error={remove.error} testId="profiles-result" />}

      <Title order={3} className="settings-subsection-title">
        {t('import.title')}
      </Title>
      <ImportProvisioning />

      <ProfileFormModal
        opened={editing.kind !== 'closed'}
        profile={editing.kind === 'edit' ? editing.profile : undefined}
        onClose={() => {
          setEditing({ kind: 'closed' });
        }}
        onSaved={(saved) => {
          setEditing({ kind: 'closed' });
          setDone({ kind: 'saved', name: saved.name });
        }}
      />
      <ConfirmDialog
        opened={removing !== undefined}
        title={t('profiles.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('profiles.remove')}
        typeWord={removing?.id}
        danger
        busy={remove.busy}
        onConfirm={() => {
          if (removing !== undefined) void removeProfile(removing);
        }}
        onCancel={() => {
          setRemoving(undefined);
        }}
      >
        <p className="settings-note">{t('profiles.removeBody', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </Stack>
  );
}
