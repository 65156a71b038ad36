// The card a done issue created: its id and a way to open it.
import { Button, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { firstCardId } from '../../../api/outcome.ts';
import { useNavigation } from '../../../app/router.tsx';
import { PRIMARY } from '../../../components/colors.ts';
import { ConfirmationPrint } from '../../../print/ConfirmationPrint.tsx';

/** `reference`: the request id, for its printed confirmation. */
export function NewCard({
  result,
  testId,
  reference,
}: {
  result: Record<string, unknown>;
  testId: string;
  reference?: string;
}): ReactElement | null {
  const { t } = useTranslation('clients');
  const { navigate } = useNavigation();
  const cardId = firstCardId(result);
  if (cardId === undefined) return null;
  return (
    <Group mt="xs" gap="sm">
      <Text size="sm" data-testid={`${testId}-card-id`}>
        {t('issue.newCard', { cardId })}
      </Text>
      <Button
        size="xs"
        color={PRIMARY}
        onClick={() => {
          navigate({ screen: 'card', cardId });
        }}
        data-testid={`${testId}-open-card`}
      >
        {t('issue.openCard')}
      </Button>
      {reference !== undefined && (
        <ConfirmationPrint facts={{ kind: 'cardIssued', cardId, reference }} testId={`${testId}-print`} />
      )}
    </Group>
  );
}
