// Mantine, TanStack Query and i18next. Mantine is told not to inject <style> elements (its CSS variables and
// global classes): the CSP is `style-src 'self'`, so all CSS comes from the built stylesheet.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/index.ts';
import { memoryColorSchemeManager } from './color-scheme.ts';

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Reads go to the bank; one retry is done in main already, and writes are never retried from here.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }): ReactElement {
  const [queryClient] = useState(newQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        colorSchemeManager={memoryColorSchemeManager()}
        forceColorScheme="light"
        withCssVariables={false}
        withGlobalClasses={false}
      >
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
