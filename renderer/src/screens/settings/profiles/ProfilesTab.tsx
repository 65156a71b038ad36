// Profiles: which bank connection the desk uses. Switch, add, edit, remove (with confirmation), import.
import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../../../common/contract/index.ts';
import { useRemoveProfile, useSaveProfile, useSwitchProfile } from '../../../api/profiles.ts';
import { useCan } from '../../../api/rights.ts';
import { useProfiles } from '../../../api/shared-queries.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ImportProvisioning } from './ImportProvisioning.tsx';
import { ProfileFormModal } from './ProfileFormModal.tsx';
import { ProfileTable } from './ProfileTable.tsx';

type Editing = { kind: 'closed' } | { kind: 'add' } | { kind: 'edit'; profile: ProfileView };

export function ProfilesTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const profiles = useProfiles();
  // Choosing the active profile is every card operator's; adding, editing and removing an administrator's.
  const manages = useCan().call('profiles.save');
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [removing, setRemoving] = useState<ProfileView | undefined>();
  const switchTo = useSwitchProfile();
  const remove = useRemoveProfile();
  // Saved in the form's dialog; the answer shows here once the dialog has closed.
  const save = useSaveProfile();
  // One answer on screen at a time: starting one action (or opening the form) puts the others' away.
  const clearAnswers = (): void => {
    switchTo.clear();
    remove.clear();
    save.clear();
  };
  const switchProfile = (profile: ProfileView): void => {
    clearAnswers();
    void switchTo.run(profile);
  };
  const removeProfile = async (profile: ProfileView): Promise<void> => {
    clearAnswers();
    await remove.run(profile);
    setRemoving(undefined);
  };
  const edit = (next: Editing): void => {
    clearAnswers();
    setEditing(next);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} className="settings-section-title">
          {t('profiles.title')}
        </Title>
        {manages && (
          <Button
            onClick={() => {
              edit({ kind: 'add' });
            }}
            data-testid="profile-add"
          >
            {t('profiles.add')}
          </Button>
        )}
      </Group>
      {profiles.error !== null && <ErrorNotice error={profiles.error} testId="profiles-error" />}
      {profiles.data === undefined && profiles.error === null && (
        <Loader size="sm" aria-label={t('common:state.loading')} />
      )}
      {profiles.data !== undefined && (
        <ProfileTable
          profiles={profiles.data}
          actions={{
            onSwitch: switchProfile,
            onEdit: manages
              ? (profile) => {
                  edit({ kind: 'edit', profile });
                }
              : undefined,
            onRemove: manages ? setRemoving : undefined,
            switching: switchTo.busy ? switchTo.args?.id : undefined,
          }}
        />
      )}
      <WriteOutcome
        write={switchTo}
        done={(profile) => t('profiles.done.switched', { name: profile.name })}
        testId="profiles-result"
      />
      <WriteOutcome
        write={remove}
        done={(profile) => t('profiles.done.removed', { name: profile.name })}
        testId="profiles-result"
      />
      <WriteOutcome
        write={save}
        only="results"
        done={(profile) => t('profiles.done.saved', { name: profile.name })}
        testId="profiles-result"
      />

      {manages && (
        <>
          <Title order={3} className="settings-subsection-title">
            {t('import.title')}
          </Title>
          <ImportProvisioning />
        </>
      )}

      <ProfileFormModal
        opened={editing.kind !== 'closed'}
        profile={editing.kind === 'edit' ? editing.profile : undefined}
        save={save}
        onClose={() => {
          setEditing({ kind: 'closed' });
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
