// Mantine keeps the colour scheme in localStorage by default; Card Desk stores nothing in web storage, so the
// scheme lives in memory (light, the only scheme styled for the environment colours).
import type { MantineColorSchemeManager } from '@mantine/core';

export function memoryColorSchemeManager(): MantineColorSchemeManager {
  return {
    get: () => 'light',
    set: () => undefined,
    subscribe: () => undefined,
    unsubscribe: () => undefined,
    clear: () => undefined,
  };
}
