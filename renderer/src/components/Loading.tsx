// The one "loading" placeholder: a labelled spinner in a busy region of the given height.
import { Center, Loader } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export function Loading({ height = 200 }: { height?: number | string }): ReactElement {
  const { t } = useTranslation();
  return (
    <Center h={height} aria-busy="true">
      <Loader aria-label={t('common:state.loading')} />
    </Center>
  );
}
