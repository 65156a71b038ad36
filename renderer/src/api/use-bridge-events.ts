// Main's events refresh what they change: request states, the lock, the active profile.
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect } from 'react';
import { cardDesk } from './bridge.ts';
import { applyRequestChange } from './live-pages.ts';
import { PAGES } from './paged.ts';
import { queryKeys } from './query-keys.ts';

export function useBridgeEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const api = cardDesk();
    const offRequests = api.on('requests.changed', (change) => {
      // Paged lists are patched and their first page read again; the rest (counts, recent lists) is read again.
      applyRequestChange(client, change);
      const notPaged = (q: Query) => q.queryKey[1] !== PAGES;
      void client.invalidateQueries({ queryKey: queryKeys.requests, predicate: notPaged });
      void client.invalidateQueries({ queryKey: queryKeys.journal, predicate: notPaged });
    });
    const offLock = api.on('session.lockChanged', ({ locked }) => {
      // Nothing read while unlocked survives a lock: card data, statements and journal pages are dropped. The
      // session query stays (it is what shows the lock screen) and is read again; so do the settings (language,
      // idle minutes, kiosk: no client data), whose observer above the lock would otherwise be left on a removed
      // query and miss every later change of language.
      const kept = ['app', 'session', 'settings'];
      if (locked) client.removeQueries({ predicate: (q) => !kept.includes(String(q.queryKey[0])) });
      void client.invalidateQueries({ queryKey: queryKeys.session });
    });
    const offSwitch = api.on('profiles.switched', () => {
      // The other profile's data goes; what is on screen is read again for the new one (a removed query that
      // a component still shows would never update).
      const predicate = (q: Query) => !['app', 'session', 'settings'].includes(String(q.queryKey[0]));
      client.removeQueries({ predicate, type: 'inactive' });
      void client.resetQueries({ predicate, type: 'active' });
    });
    return () => {
      offRequests();
      offLock();
      offSwitch();
    };
  }, [client]);
}
