// Adding or editing a connection profile (region, environment, server, merchant id, signing scheme, allowed
// operation groups). The built-in Sandbox profile opens read-only. Policy may lock the allowed operations.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OPERATION_GROUPS, type ArgsOf, type ProfileView } from '../../../../../common/contract/index.ts';
import type { ProfileInput } from '../../../api/profiles.ts';
import type { Write } from '../../../api/use-write.ts';
import { useSettings } from '../../../api/shared-queries.ts';
import { useFieldError, type FieldWords } from '../../../components/field-error.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ApprovalSection } from '../../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../../components/approval/use-approval.ts';
import { isLocked, PolicyMark } from '../PolicyMark.tsx';
import {
  emptyProfile,
  ENVIRONMENT_OPTIONS,
  groupKey,
  profileFormSchema,
  profileToForm,
  REGION_OPTIONS,
  SCHEME_OPTIONS,
  type ProfileFormInput,
  type ProfileFormValues,
} from './profile-form.ts';

/** Each field has one sentence, whatever rule of the contract it broke. */
const WORDS: FieldWords = { key: (field) => `settings:profileForm.errors.${field}` };

/** The caller's save: its answer is shown outside the dialog, which closes once the profile is saved. */
type SaveProfile = Write<{ profile: ProfileInput; approval?: ArgsOf<'profiles.save'>['approval'] }, ProfileView>;

export function ProfileFormModal({
  profile,
  opened,
  save,
  onClose,
}: {
  /** The profile to edit; undefined to add a new one. */
  profile: ProfileView | undefined;
  opened: boolean;
  save: SaveProfile;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const title = profile === undefined ? t('profiles.addTitle') : t('profiles.editTitle', { name: profile.name });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      centered
      // Mantine's scroll lock injects a <style> element, which the CSP refuses.
      lockScroll={false}
      closeButtonProps={{ 'aria-label': t('common:action.close') }}
    >
      {opened && <ProfileForm profile={profile} save={save} onClose={onClose} />}
    </Modal>
  );
}

function ProfileForm({
  profile,
  save,
  onClose,
}: {
  profile: ProfileView | undefined;
  save: SaveProfile;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const settings = useSettings();
  const readOnly = profile?.embedded === true;
  const operationsLocked = isLocked(settings.data, 'allowedOperations');
  // A provisioned profile's connection is main's to keep (profile_locked): read-only here, never `disabled`,
  // which would leave the field out of what is saved.
  const lockedBy = profile?.provisionedBy;
  const connectionLocked = lockedBy !== undefined;
  const only = <T extends string>(options: readonly T[], current: T | undefined): readonly T[] =>
    connectionLocked && current !== undefined ? [current] : options;
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<ProfileFormInput, unknown, ProfileFormValues>({
    resolver: zodResolver(profileFormSchema),
    defaultValues: profile === undefined ? emptyProfile() : profileToForm(profile),
  });
  const fieldError = useFieldError(errors, WORDS);
  const approval = useApproval('profiles.save', save.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(async (values) => {
          // A second operator's approval where dual control asks for one (docs/operator-ui.md, approvals).
          const second = await approval.take();
          if (second === null) return;
          if ((await save.run({ profile: values, ...second })) !== undefined) onClose();
        })(event);
      }}
      data-testid="profile-form"
    >
      <fieldset disabled={readOnly} className="plain-fieldset">
        <Stack gap="sm">
          {readOnly && <p className="settings-note">{t('profiles.builtinReadOnly')}</p>}
          <TextInput
            label={t('profileForm.id')}
            description={t('profileForm.idHint')}
            required
            disabled={profile !== undefined}
            autoComplete="off"
            error={fieldError('id')}
            data-testid="profile-id"
            data-autofocus
            {...register('id')}
          />
          <TextInput
            label={t('profileForm.name')}
            required
            autoComplete="off"
            error={fieldError('name')}
            data-testid="profile-name"
            {...register('name')}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('profileForm.region')}
              required
              data={only(REGION_OPTIONS, profile?.region).map((r) => ({ value: r, label: t(`region.${r}`) }))}
              error={fieldError('region')}
              data-testid="profile-region"
              {...register('region')}
            />
            <NativeSelect
              label={t('profileForm.environment')}
              required
              data={only(ENVIRONMENT_OPTIONS, profile?.environment).map((e) => ({
                value: e,
                label: t(`common:environment.${e}`),
              }))}
              error={fieldError('environment')}
              data-testid="profile-environment"
              {...register('environment')}
            />
          </Group>
          <TextInput
            label={t('profileForm.baseUrl')}
            description={t('profileForm.baseUrlHint')}
            required
            type="url"
            readOnly={connectionLocked}
            autoComplete="off"
            error={fieldError('baseUrl')}
            data-testid="profile-base-url"
            {...register('baseUrl')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('profileForm.merchantId')}
              required
              inputMode="numeric"
              readOnly={connectionLocked}
              autoComplete="off"
              error={fieldError('merchantId')}
              data-testid="profile-merchant-id"
              {...register('merchantId')}
            />
            <NativeSelect
              label={t('profileForm.scheme')}
              required
              data={only(SCHEME_OPTIONS, profile?.scheme).map((s) => ({ value: s, label: t(`scheme.${s}`) }))}
              error={fieldError('scheme')}
              data-testid="profile-scheme"
              {...register('scheme')}
            />
          </Group>
          {lockedBy !== undefined && <ConnectionLock lockedBy={lockedBy} />}
          <Controller
            control={control}
            name="allowedOperations"
            render={({ field }) => (
              <Checkbox.Group
                label={t('profileForm.allowedOperations')}
                description={operationsLocked ? undefined : t('profileForm.allowedOperationsHint')}
                value={field.value}
                onChange={field.onChange}
                error={fieldError('allowedOperations')}
                data-testid="profile-operations"
              >
                <Group gap="md" mt="xs">
                  {OPERATION_GROUPS.map((group) => (
                    <Checkbox
                      key={group}
                      value={group}
                      label={t(groupKey(group))}
                      disabled={operationsLocked || readOnly}
                    />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <PolicyMark view={settings.data} setting="allowedOperations" />
        </Stack>
      </fieldset>
      <Stack gap="sm" mt="md">
        {!readOnly && <ApprovalSection control={approval} />}
        <WriteOutcome write={withoutApprovalError(save)} only="problems" testId="profile-save-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {readOnly ? t('common:action.close') : t('common:action.cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={save.busy} data-testid="profile-save">
              {t('common:action.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Who set a provisioned profile's connection, in the words and mark of a locked setting. */
function ConnectionLock({ lockedBy }: { lockedBy: NonNullable<ProfileView['provisionedBy']> }): ReactElement {
  const { t } = useTranslation('settings');
  return (
    <p className="settings-note" data-testid="profile-connection-lock" data-source={lockedBy}>
      <span className="policy-mark">{lockedBy === 'provisioned' ? t('policy.provisioned') : t('policy.managed')}</span>{' '}
      {t('profileForm.connectionLocked')}
    </p>
  );
}
