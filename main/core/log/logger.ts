// The application log: electron-log's Node flavour, one file in the data folder, every line redacted.
import { join } from 'node:path';
import log from 'electron-log/node';
import { PRODUCT_NAME } from '../paths.ts';
import { makePrivate, PRIVATE_FILE_MODE } from '../private-files.ts';
import { describeError, Redactor } from './redact.ts';

export const LOG_FILE = join('logs', 'card-desk.log');

export interface AppLog {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  readonly redactor: Redactor;
  readonly path: string;
}

function describe(value: unknown): string {
  if (value instanceof Error) return describeError(value);
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** One logger per data folder (electron-log's instances are keyed by id). */
export function createLog(dataDir: string, options: { console?: boolean } = {}): AppLog {
  const logger = log.create({ logId: `card-desk:${dataDir}` });
  const redactor = new Redactor();
  const path = join(dataDir, LOG_FILE);
  // electron-log names the app from the nearest package.json of the working directory and writes nothing when
  // there is none (a CLI run from elsewhere): name it, and give the path outright.
  logger.transports.file.setAppName(PRODUCT_NAME);
  logger.transports.file.resolvePathFn = () => path;
  // Owner-only (private-files.ts): a new log file is created so, and one an older version made is narrowed.
  logger.transports.file.writeOptions = { ...logger.transports.file.writeOptions, mode: PRIVATE_FILE_MODE };
  makePrivate(path);
  logger.transports.console.level = options.console === true ? 'warn' : false;
  // Every transport sees only redacted text: the whole message is rendered to one string first.
  logger.hooks.push((message) => ({ ...message, data: [redactor.redact(message.data.map(describe).join(' '))] }));
  return {
    info: (m, ...d) => {
      logger.info(m, ...d);
    },
    warn: (m, ...d) => {
      logger.warn(m, ...d);
    },
    error: (m, ...d) => {
      logger.error(m, ...d);
    },
    redactor,
    path,
  };
}
