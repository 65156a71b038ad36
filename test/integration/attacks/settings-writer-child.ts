// One of two processes that change the same settings file at once: adds `count` profiles named `<prefix>-<n>`.
//   node settings-writer-child.ts <data dir> <prefix> <count>
import { SettingsStore } from '../../../main/core/settings/store.ts';

const [dataDir, prefix, count] = process.argv.slice(2) as [string, string, string];
const store = SettingsStore.open(dataDir);
for (let n = 0; n < Number(count); n++) {
  store.update((doc) => ({
    ...doc,
    profiles: [
      ...doc.profiles,
      {
        id: `${prefix}-${String(n)}`,
        name: `${prefix} ${String(n)}`,
        region: 'sandbox',
        environment: 'sandbox',
        baseUrl: 'http://127.0.0.1:9',
        merchantId: 1,
        scheme: 'sha256-body',
        allowedOperations: ['clients'],
      },
    ],
  }));
}
