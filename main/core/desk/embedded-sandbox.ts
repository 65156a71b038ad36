// The embedded sandbox of a data folder (docs/architecture.md, folders "desk"): started in this process on first
// use, or joined when another Card Desk process of the same folder already runs it. Its merchant secret is generated once and
// kept in the OS keychain, or in memory for this session only (labelled as such) when there is no keychain.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DeskError } from '../errors.ts';
import type { AppLog } from '../log/logger.ts';
import { EMBEDDED_STATE_FILE, embeddedProfile, type EmbeddedSandboxStarter } from '../settings/embedded.ts';
import { claimEmbedded, EMBEDDED_INSTANCE_FILE } from '../settings/embedded-instance.ts';
import { MemoryVault, type BoundVault } from '../vault/index.ts';

export interface EmbeddedSandboxOptions {
  dataDir: string;
  /** The OS keychain, bound to this data folder. */
  keychain: BoundVault;
  start: EmbeddedSandboxStarter;
  log?: AppLog | undefined;
  /** Told when the keychain cannot hold the secret (the desk lists it among its problems). */
  problem: (message: string) => void;
}

interface Running {
  url: string;
  close(): Promise<void>;
}

export class EmbeddedSandbox {
  private readonly options: EmbeddedSandboxOptions;
  /** The secret's home once the keychain proved unavailable. */
  private fallback: BoundVault | undefined;
  private running: Promise<Running> | undefined;

  constructor(options: EmbeddedSandboxOptions) {
    this.options = options;
  }

  /** Where the embedded profile's secret and PIN key live: the keychain when it answers, else memory. */
  get vault(): BoundVault {
    return this.fallback ?? this.options.keychain;
  }

  /** The sandbox's URL, starting or joining it. */
  async url(): Promise<string> {
    return (await this.start()).url;
  }

  async close(): Promise<void> {
    if (this.running) await (await this.running).close();
  }

  private start(): Promise<Running> {
    this.running ??= this.startOrJoin();
    return this.running;
  }

  private async startOrJoin(): Promise<Running> {
    const secret = await this.secret();
    const { dataDir } = this.options;
    const claim = await claimEmbedded(join(dataDir, EMBEDDED_INSTANCE_FILE));
    if (!claim.owner && this.fallback !== undefined) {
      // Its secret lives in that process's memory; without the keychain nothing may carry it here.
      throw new DeskError(
        'embedded_busy',
        `the embedded sandbox already runs at ${claim.url} in another Card Desk process, and without the OS keychain its secret cannot be shared: use that process, or stop it`,
      );
    }
    if (!claim.owner) return { url: claim.url, close: () => Promise.resolve() };
    try {
      const running = await this.options.start({
        merchant: { id: embeddedProfile().merchantId, secret },
        stateFile: join(dataDir, EMBEDDED_STATE_FILE),
      });
      claim.publish(running.url);
      return {
        url: running.url,
        close: async () => {
          claim.release();
          await running.close();
        },
      };
    } catch (error) {
      claim.release();
      throw error;
    }
  }

  /** Generated once and kept in the keychain, or in memory when it is unavailable. */
  private async secret(): Promise<string> {
    const profile = embeddedProfile();
    const status = await this.options.keychain.status(profile, 'merchant-secret');
    if (status === 'unavailable') {
      this.fallback = this.options.keychain.over(new MemoryVault());
      this.options.problem(
        'the OS keychain is unavailable: the Sandbox secret is kept in memory only for this session',
      );
    }
    const vault = this.vault;
    if (status !== 'present') await vault.set(profile, 'merchant-secret', Buffer.from(randomBytes(32).toString('hex')));
    // The simulated bank must know the secret to verify signatures; it runs in this process.
    const secret = await vault.use(profile, 'merchant-secret').withSecret((s) => s.toString('utf8'));
    this.options.log?.redactor.addSecret(secret);
    return secret;
  }
}
