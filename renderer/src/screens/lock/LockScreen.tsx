// Signing in, mounted instead of the frame while the session is locked: the app's name and an operator id and
// secret, nothing else (only app.info and session.* work while locked). When an operator's session is locked,
// only that operator may sign in again; "Switch operator" signs them out first (docs/operator-ui.md, signing in).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../../common/contract/index.ts';
import { useSignIn, useSignOut } from '../../api/session.ts';
import { useFieldError, wordsByField } from '../../components/field-error.ts';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useFormattingLanguage } from '../../i18n/use-language.ts';
import { signInSchema, type SignInValues } from './sign-in-form.ts';
import { useLockedUntil } from './use-locked-until.ts';
import './lock.css';

const WORDS = wordsByField({ operatorId: 'lock:operatorIdFormat', secret: 'lock:secretRequired' });

export function LockScreen({ operator }: { operator: SessionState['operator'] }): ReactElement {
  const { t } = useTranslation(['lock', 'common']);
  const language = useFormattingLanguage();
  const locked = useLockedUntil();
  const signIn = useSignIn(locked.onRefused);
  const signOut = useSignOut();
  const lockedUntil = locked.until;
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { operatorId: operator?.id ?? '', secret: '' },
  });
  const errorOf = useFieldError(errors, WORDS);

  const submit = async (values: SignInValues): Promise<void> => {
    // The secret lives in the field only while typed; it is cleared after every attempt.
    resetField('secret');
    const state = await signIn.run({ operatorId: values.operatorId, secret: values.secret });
    if (state === undefined || state.locked) setFocus('secret');
  };

  return (
    <main className="lock-screen" data-testid="lock-screen" data-operator={operator?.id ?? ''}>
      <Paper withBorder shadow="sm" p="xl" className="lock-card">
        <form
          noValidate
          onSubmit={(event) => {
            void handleSubmit(submit)(event);
          }}
        >
          <Stack gap="md">
            <div>
              <Text fw={700} size="lg" data-testid="lock-app-name">
                {t('common:appName')}
              </Text>
              <Title order={1} className="lock-title">
                {operator === null ? t('signInTitle') : t('title')}
              </Title>
            </div>
            {operator !== null && (
              <Text size="sm" data-testid="lock-operator">
                {t('lockedFor', { name: operator.name, id: operator.id })}
              </Text>
            )}
            <TextInput
              label={t('operatorId')}
              autoComplete="username"
              readOnly={operator !== null}
              autoFocus={operator === null}
              error={errorOf('operatorId')}
              data-testid="sign-in-id"
              {...register('operatorId')}
            />
            <PasswordInput
              label={t('secret')}
              description={t('secretHint')}
              autoComplete="off"
              maxLength={128}
              autoFocus={operator !== null}
              error={errorOf('secret')}
              visibilityToggleButtonProps={{ 'aria-label': t('showSecret') }}
              data-testid="sign-in-secret"
              {...register('secret')}
            />
            <Button
              type="submit"
              loading={signIn.busy}
              disabled={lockedUntil !== undefined}
              fullWidth
              data-testid="sign-in-submit"
            >
              {t('signIn')}
            </Button>
            <WriteOutcome write={signIn} only="problems" testId="sign-in-error" />
            {lockedUntil !== undefined && (
              <Text size="sm" c="dimmed" role="status" data-testid="sign-in-locked-until">
                {t('lockedUntil', { time: formatDateTime(lockedUntil, language) })}
              </Text>
            )}
            {operator !== null && (
              <Button
                variant="subtle"
                loading={signOut.busy}
                onClick={() => void signOut.run()}
                data-testid="switch-operator"
              >
                {t('switchOperator')}
              </Button>
            )}
            <WriteOutcome write={signOut} only="problems" testId="switch-operator-error" />
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
