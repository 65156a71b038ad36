// Minutes without activity before Card Desk locks itself (1–15; a policy may fix the value).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NumberInput, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type SettingsView } from '../../../../../common/contract/index.ts';
import { useUpdateSettings } from '../../../api/session.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { isLocked, PolicyMark } from '../PolicyMark.tsx';

const minutesSchema = contract['settings.update'].args.shape.idleLockMinutes.unwrap();
const idleFormSchema = z.object({ minutes: z.number({ error: 'required' }).pipe(minutesSchema) });
type IdleForm = z.input<typeof idleFormSchema>;

export const MIN_MINUTES = minutesSchema.minValue ?? 1;
export const MAX_MINUTES = minutesSchema.maxValue ?? 15;
const WORDS = wordsByField({ minutes: 'settings:preferences.idleLockError' }, { min: MIN_MINUTES, max: MAX_MINUTES });

export function IdleLockField({ view }: { view: SettingsView }): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const update = useUpdateSettings();
  const locked = isLocked(view, 'idleLockMinutes');
  const {
    control,
    handleSubmit,
    formState: { errors, isDirty },
    reset,
  } = useForm<IdleForm>({
    resolver: zodResolver(idleFormSchema),
    defaultValues: { minutes: view.values.idleLockMinutes },
  });

  const errorOf = useFieldError(errors, WORDS);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(async (values) => {
          const next = await update.run({ idleLockMinutes: values.minutes });
          if (next !== undefined) reset({ minutes: next.values.idleLockMinutes });
        })(event);
      }}
      data-testid="idle-form"
    >
      <Stack gap={4}>
        <Group align="flex-end" gap="sm">
          <Controller
            control={control}
            name="minutes"
            render={({ field }) => (
              <NumberInput
                ref={field.ref}
                label={t('preferences.idleLock')}
                description={t('preferences.idleLockHint', { min: MIN_MINUTES, max: MAX_MINUTES })}
                min={MIN_MINUTES}
                max={MAX_MINUTES}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                disabled={locked}
                value={field.value}
                onChange={(value) => {
                  field.onChange(typeof value === 'number' ? value : undefined);
                }}
                onBlur={field.onBlur}
                error={errorOf('minutes')}
                className="settings-minutes"
                data-testid="idle-minutes"
              />
            )}
          />
          {!locked && (
            <Button type="submit" loading={update.busy} disabled={!isDirty} data-testid="idle-save">
              {t('common:action.save')}
            </Button>
          )}
        </Group>
        <PolicyMark view={view} setting="idleLockMinutes" />
        <WriteOutcome
          write={update}
          done={t('preferences.idleLockSaved', { count: view.values.idleLockMinutes })}
          testId="idle-result"
        />
      </Stack>
    </form>
  );
}
