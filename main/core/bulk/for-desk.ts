// The bulk service over a desk: its data folder, journal, clients and the workstation's allowed operations.
import type { Desk } from '../desk.ts';
import type { BulkProgress } from '../../../common/bulk/progress.ts';
import { BulkService } from './service.ts';

export function bulkServiceFor(
  desk: Desk,
  options: {
    onProgress?: (progress: BulkProgress) => void;
    report?: (error: unknown) => void;
    settleTimeoutMs?: number;
  } = {},
): BulkService {
  return new BulkService(desk.dataDir, {
    journal: desk.journal,
    client: (profileId) => desk.client(profileId),
    assertAllowed: (profileId, opId) => {
      desk.assertAllowed(profileId, opId);
    },
    ...options,
  });
}
