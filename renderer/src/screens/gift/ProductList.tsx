// The merchant's gift products. The API's `image` is a remote URL: it is never loaded (the CSP refuses remote
// images, and a desk must not call out to third-party hosts), so products are shown by name and value.
import { Loader, Paper, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useGiftProducts } from '../../api/gift.ts';
import { ErrorNotice } from '../../components/Notice.tsx';
import { formatMoney } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { nameLanguageNote, productNameIn } from './gift-words.ts';

export function ProductList(): ReactElement {
  const { t } = useTranslation(['gift', 'common']);
  const language = useLanguage();
  const products = useGiftProducts();

  if (products.error) return <ErrorNotice error={products.error} testId="gift-products-error" />;
  if (products.data === undefined) return <Loader size="sm" aria-label={t('common:state.loading')} />;
  if (products.data.length === 0) return <Text c="dimmed">{t('products.none')}</Text>;
  return (
    <ul className="gift-products" data-testid="gift-products">
      {products.data.map((product) => {
        const { name, lang } = productNameIn(product, language);
        const note = nameLanguageNote(t, lang, language);
        return (
          <li key={product.code}>
            <Paper withBorder p="sm" className="gift-product" data-testid="gift-product" data-code={product.code}>
              <Text fw={600}>
                <span lang={lang} data-testid="gift-product-name">
                  {name}
                </span>
                {note !== undefined && (
                  <Text span size="sm" fw={400} c="dimmed" data-testid="gift-product-name-language">
                    {' '}
                    {note}
                  </Text>
                )}
              </Text>
              <Text className="gift-product-value" data-testid="gift-product-balance">
                {formatMoney(product.balance, product.currency, language)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('products.code', { code: product.code })}
              </Text>
            </Paper>
          </li>
        );
      })}
    </ul>
  );
}
