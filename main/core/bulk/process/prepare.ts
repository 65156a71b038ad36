// What the host gives a job process for one profile, read when the job (re)starts: the connection, the secret's
// bytes (lent by the vault, after its binding check), the timing and the operations this workstation allows.
import { operations, type OpId } from '../../../../common/card-api/catalog/index.ts';
import type { Desk } from '../../desk.ts';
import type { JobStart } from './messages.ts';

export async function jobStartFor(
  desk: Desk,
  profileId: string,
  settleTimeoutMs?: number,
): Promise<Omit<JobStart, 'type' | 'jobId' | 'dataDir'>> {
  const { connection, secrets, timing, logged } = await desk.connection(profileId);
  const allowedOps = (Object.keys(operations) as OpId[]).filter((opId) => {
    try {
      desk.assertAllowed(profileId, opId);
      return true;
    } catch {
      return false;
    }
  });
  // A copy for the one message: the vault zero-fills its own loan, the runner this copy once it is sent.
  const secret = await secrets.withSecret((bytes) => new Uint8Array(bytes));
  return {
    connection,
    secret,
    ...(desk.chainKey === undefined ? {} : { chainKey: new Uint8Array(desk.chainKey) }),
    allowedOps,
    timing,
    log: logged,
    ...(settleTimeoutMs === undefined ? {} : { settleTimeoutMs }),
  };
}
