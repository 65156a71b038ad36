// Profiles: which bank connection the desk uses. Switch, add, edit, remove (with confirmation), import.
import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../../../common/contract/index.ts';
import { cardDesk } from '../../../api/bridge.ts';
import { queryKeys } from '../../../api/query-keys.ts';
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
  const queryClient = useQueryClient();
  const profiles = useProfiles();
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [removing, setRemoving] = useState<ProfileView | undefined>();
  const [done, setDone] = useState<Done>();

  const refresh = (): void => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
  };
  const switchTo = useMutation({
    mutationFn: (profile: ProfileView) => cardDesk().profiles.switch({ profileId: profile.id }),
    onMutate: () => {
      setDone(undefined);
    },
    onSuccess: (profile) => {
      setDone({ kind: 'switched', name: profile.name });
    },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (profile: ProfileView) => cardDesk().profiles.remove({ profileId: profile.id, confirm: true }),
    onMutate: () => {
      setDone(undefined);
    },
    onSuccess: (_nothing, profile) => {
      setDone({ kind: 'removed', name: profile.name });
    },
    // The profile may be gone even when the keychain could not forget its secret: read the list again.
    onSettled: () => {
      setRemoving(undefined);
      refresh();
    },
  });

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
            onSwitch: (profile) => {
              switchTo.mutate(profile);
            },
            onEdit: (profile) => {
              setDone(undefined);
              setEditing({ kind: 'edit', profile });
            },
            onRemove: setRemoving,
            switching: switchTo.isPending ? switchTo.variables.id : undefined,
          }}
        />
      )}
      {done !== undefined && (
        <Notice
          described={{ tone: 'success', message: t(`profiles.done.${done.kind}`, { name: done.name }) }}
          testId="profiles-result"
        />
      )}
      {switchTo.error !== null && <ErrorNotice error={switchTo.error} testId="profiles-result" />}
      {remove.error !== null && <ErrorNotice error={remove.error} testId="profiles-result" />}

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
        busy={remove.isPending}
        onConfirm={() => {
          if (removing !== undefined) remove.mutate(removing);
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
