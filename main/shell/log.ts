// The shell's log: one redacted line per event, through core's application log (the one redaction function,
// docs/architecture.md, security), to <dataDir>/logs/card-desk.log and stderr. Nothing is ever shown in a dialog.
import { createLog as createAppLog, type AppLog } from '../core/log/logger.ts';

export { describeError } from '../core/log/redact.ts';

export type Log = (line: string) => void;

export function createLog(dataDir: string): Log & { app: AppLog } {
  const app = createAppLog(dataDir, { console: true });
  return Object.assign(
    (line: string) => {
      app.warn(line);
    },
    { app },
  );
}
