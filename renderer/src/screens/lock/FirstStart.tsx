// The first start of a workstation without operators (and without a policy providing them): the person
// installing names the first operator, who becomes an administrator holding every role and is signed in
// (docs/operator-ui.md, signing in). The secrets are cleared from the form after every attempt. The language is
// chosen here too: nobody has signed in to set it yet.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCreateFirstOperator } from '../../api/session.ts';
import { useFieldError, wordsByField } from '../../components/field-error.ts';
import { SecretPairFields } from '../../components/SecretPairFields.tsx';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { currentLanguage, i18n } from '../../i18n/index.ts';
import { firstOperatorSchema, type FirstOperatorValues } from './sign-in-form.ts';
import './lock.css';

const EMPTY: FirstOperatorValues = { operatorId: '', name: '', secret: '', repeat: '' };
export const OPERATOR_WORDS = wordsByField({
  operatorId: 'lock:operatorIdFormat',
  name: 'lock:nameRequired',
  secret: 'lock:secretFormat',
  repeat: 'lock:secretMismatch',
});

export function FirstStartScreen(): ReactElement {
  const { t } = useTranslation(['lock', 'common', 'settings']);
  const create = useCreateFirstOperator();
  // The system's language until the person installing chooses another; kept once the first operator exists.
  const [initial] = useState(currentLanguage);
  const [language, setLanguage] = useState(initial);
  const {
    register,
    handleSubmit,
    resetField,
    formState: { errors },
  } = useForm<FirstOperatorValues>({ resolver: zodResolver(firstOperatorSchema), defaultValues: EMPTY });
  const errorOf = useFieldError(errors, OPERATOR_WORDS);
  const submit = async ({ operatorId, name, secret }: FirstOperatorValues): Promise<void> => {
    resetField('secret');
    resetField('repeat');
    await create.run({ operatorId, name, secret, ...(language === initial ? {} : { language }) });
  };

  return (
    <main className="lock-screen" data-testid="first-start-screen">
      <Paper withBorder shadow="sm" p="xl" className="lock-card">
        <form
          noValidate
          onSubmit={(event) => {
            void handleSubmit(submit)(event);
          }}
        >
          <Stack gap="sm">
            <div>
              <Text fw={700} size="lg">
                {t('common:appName')}
              </Text>
              <Title order={1} className="lock-title">
                {t('first.title')}
              </Title>
            </div>
            <LanguageSelect
              label={t('settings:preferences.language')}
              value={language}
              onChange={(chosen) => {
                setLanguage(chosen);
                void i18n.changeLanguage(chosen);
              }}
              testId="first-language"
            />
            <Text size="sm">{t('first.intro')}</Text>
            <TextInput
              label={t('operatorId')}
              description={t('operatorIdHint')}
              autoComplete="off"
              autoFocus
              error={errorOf('operatorId')}
              data-testid="first-id"
              {...register('operatorId')}
            />
            <TextInput
              label={t('name')}
              autoComplete="off"
              error={errorOf('name')}
              data-testid="first-name"
              {...register('name')}
            />
            <SecretPairFields
              secret={register('secret')}
              repeat={register('repeat')}
              errors={{ secret: errorOf('secret'), repeat: errorOf('repeat') }}
              testIds={{ secret: 'first-secret', repeat: 'first-repeat' }}
            />
            <Button type="submit" loading={create.busy} fullWidth data-testid="first-submit">
              {t('first.submit')}
            </Button>
            <WriteOutcome write={create} only="problems" testId="first-error" />
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
