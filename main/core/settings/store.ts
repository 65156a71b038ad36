// The settings file: conf here and in the CLI, electron-store (a thin layer over conf) in the desktop shell,
// both from settingsStoreOptions() so they share one schema, one folder and one set of migrations.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf, { type Options } from 'conf';
import { z } from 'zod';
import { describeProblems, fieldProblems, parseOrThrow } from '../../../common/card-api/validation.ts';
import { policySchema, preferencesSchema, profileIdSchema, profileSchema } from '../../../common/settings/schema.ts';
import { withFileLock } from './settings-lock.ts';

export const SETTINGS_NAME = 'settings';
export const SETTINGS_FILE = `${SETTINGS_NAME}.json`;
/** The settings format version; migrations are keyed by it. */
export const SETTINGS_VERSION = '1.0.0';

export const settingsDocumentSchema = z.strictObject({
  profiles: z
    .array(profileSchema)
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'each profile id once'),
  activeProfileId: profileIdSchema.optional(),
  preferences: preferencesSchema,
  /** The policy of the last provisioning file imported (the managed policy is read from its system file). */
  provisionedPolicy: policySchema.optional(),
  /** Operator PIN for the lock screen, as a scrypt hash (the desktop shell issue). */
  operatorPinHash: z.string().optional(),
});
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

const EMPTY: SettingsDocument = { profiles: [], preferences: {} };

/** One options object for conf and electron-store. */
export function settingsStoreOptions(dataDir: string): Options<SettingsDocument> {
  return {
    cwd: dataDir,
    configName: SETTINGS_NAME,
    projectName: 'card-desk',
    projectVersion: SETTINGS_VERSION,
    defaults: EMPTY,
    clearInvalidConfig: false, // a damaged file is kept aside and reported, never silently reset
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    migrations: {
      // 1.0.0: stores written before versioning kept no preferences object.
      '1.0.0': (store) => {
        if (!store.has('preferences')) store.set('preferences', {});
      },
    },
  };
}

/** Builds the store from the shared options: conf here, electron-store (a Conf subclass) in the desktop shell. */
export type SettingsBackend = (options: Options<SettingsDocument>) => Conf<SettingsDocument>;
const confBackend: SettingsBackend = (options) => new Conf<SettingsDocument>(options);

/** A settings file that could not be read was moved here and reported. */
export interface SettingsProblem {
  code: 'settings_corrupt';
  message: string;
  keptAt: string;
}

export class SettingsStore {
  readonly problem: SettingsProblem | undefined;
  private readonly conf: Conf<SettingsDocument>;
  private current: SettingsDocument;
  /** The file's identity when `current` was read from it: unchanged, there is nothing new to read. */
  private seen = '';

  private constructor(conf: Conf<SettingsDocument>, document: SettingsDocument, problem?: SettingsProblem) {
    this.conf = conf;
    this.current = document;
    this.problem = problem;
  }

  /** Opens the store in `dataDir`. A damaged file is kept aside as settings.json.corrupt-<time> and reported. */
  static open(dataDir: string, now: () => number = Date.now, backend: SettingsBackend = confBackend): SettingsStore {
    const options = settingsStoreOptions(dataDir);
    const file = join(dataDir, SETTINGS_FILE);
    // conf may rewrite the file while opening it (migrations), so the original bytes are taken first.
    const original = existsSync(file) ? readFileSync(file) : undefined;
    let reason: string;
    try {
      const conf = backend(options);
      const parsed = settingsDocumentSchema.safeParse(conf.store);
      if (parsed.success) return new SettingsStore(conf, parsed.data);
      reason = `invalid settings: ${describeProblems(fieldProblems(parsed.error))}`;
    } catch (error) {
      reason = `unreadable settings: ${(error as Error).message.split('\n')[0] ?? ''}`;
    }
    const keptAt = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    if (original !== undefined) writeFileSync(keptAt, original, { mode: 0o600 });
    rmSync(file, { force: true });
    const fresh = backend(options);
    return new SettingsStore(fresh, structuredClone(EMPTY), {
      code: 'settings_corrupt',
      message: `the settings file was damaged (${reason}); it was kept at ${keptAt} and Card Desk started with fresh settings`,
      keptAt,
    });
  }

  /** The file as it is now: another process on the same data folder may have changed it. */
  get document(): SettingsDocument {
    return structuredClone(this.reread());
  }

  /**
   * Validates the whole new document before anything is written; a refused change leaves the file as it was.
   * The change is made under the settings lock on the file's latest copy, so no process loses another's change.
   */
  update(change: (document: SettingsDocument) => SettingsDocument): SettingsDocument {
    return withFileLock(`${this.conf.path}.lock`, () => {
      // Always the file itself under the lock: a change must start from the latest copy, whatever its timestamp.
      const next = parseOrThrow(settingsDocumentSchema, change(structuredClone(this.reread(true))));
      this.conf.store = next;
      this.current = next;
      this.seen = this.fileStamp();
      return structuredClone(next);
    });
  }

  /**
   * The file's latest copy, read and validated again only when its size, time or inode changed (reads are on
   * every Card API call). A copy that does not validate (never written by us) keeps the last good one.
   */
  private reread(force = false): SettingsDocument {
    const stamp = this.fileStamp();
    if (!force && stamp !== '' && stamp === this.seen) return this.current;
    try {
      const parsed = settingsDocumentSchema.safeParse(this.conf.store);
      if (parsed.success) {
        this.current = parsed.data;
        this.seen = stamp;
      }
    } catch {
      // unreadable for a moment (e.g. removed by hand): the last good copy stands
    }
    return this.current;
  }

  private fileStamp(): string {
    try {
      const { ino, size, mtimeMs, ctimeMs } = statSync(this.conf.path);
      return `${String(ino)}:${String(size)}:${String(mtimeMs)}:${String(ctimeMs)}`;
    } catch {
      return '';
    }
  }

  get path(): string {
    return this.conf.path;
  }
}
