// Main's events refresh what they change: request states, the lock, the active profile.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';

export function useBridgeEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const api = cardDesk();
    const offRequests = api.on('requests.changed', () => {
      void client.invalidateQueries({ queryKey: queryKeys.requests });
      void client.invalidateQueries({ queryKey: queryKeys.journal });
    });
    const offLock = api.on('session.lockChanged', ({ locked }) => {
      // Nothing read while unlocked survives a lock: card data, statements and journal pages are dropped.
      if (locked) client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'app' });
      void client.invalidateQueries({ queryKey: queryKeys.session });
    });
    const offSwitch = api.on('profiles.switched', () => {
      client.removeQueries({ predicate: (q) => !['app', 'session', 'settings'].includes(String(q.queryKey[0])) });
    });
    return () => {
      offRequests();
      offLock();
      offSwitch();
    };
  }, [client]);
}
