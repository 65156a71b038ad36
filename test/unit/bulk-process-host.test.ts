// The host's side of a bulk job process with a fake process (process/host-runner.ts): what it sends, what it
// makes of what it hears, and of a process that ends without a word. The real processes: bulk-process.test.ts.
import { describe, expect, it } from 'vitest';
import { JobStore } from '../../main/core/bulk/job-store.ts';
import type { JobProcess } from '../../main/core/bulk/process/channel.ts';
import { ProcessRunner } from '../../main/core/bulk/process/host-runner.ts';
import type { HostMessage, JobStart } from '../../main/core/bulk/process/messages.ts';
import type { BulkProgress } from '../../common/bulk/progress.ts';
import { tempDir } from '../support/temp-dir.ts';

class FakeProcess implements JobProcess {
  readonly pid = 4242;
  readonly sent: HostMessage[] = [];
  private listener: (message: unknown) => void = () => undefined;
  private exit: (code: number | null, signal: string | null) => void = () => undefined;
  send(message: HostMessage): void {
    // As over a real channel: the receiver gets its own copy.
    this.sent.push(message.type === 'start' ? { ...message, secret: Uint8Array.from(message.secret) } : message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.listener = listener;
  }
  onExit(listener: (code: number | null, signal: string | null) => void): void {
    this.exit = listener;
  }
  kill(): void {
    this.exit(null, 'SIGKILL');
  }
  tell(message: unknown): void {
    this.listener(message);
  }
  end(signal: string): void {
    this.exit(null, signal);
  }
}

function setup() {
  const dataDir = tempDir();
  const store = new JobStore(dataDir);
  const job = store.create(
    { profileId: 'p', format: 'cards', fileName: 'f.csv', header: [], total: 2, concurrency: 1 },
    [],
    Date.now(),
  );
  const children: FakeProcess[] = [];
  const progress: BulkProgress[] = [];
  const secret = Uint8Array.from([1, 2, 3, 4]);
  const runner = new ProcessRunner({
    dataDir,
    store,
    launch: () => {
      const child = new FakeProcess();
      children.push(child);
      return child;
    },
    prepare: () =>
      Promise.resolve({
        connection: { baseUrl: 'http://127.0.0.1:1', merchantId: 1, scheme: 'sha256-body' as const },
        secret,
        allowedOps: [],
        timing: {},
        log: false,
      }),
    onProgress: (p) => progress.push(p),
  });
  const child = async (): Promise<FakeProcess> => {
    await expect.poll(() => children[0]?.sent.length ?? 0).toBeGreaterThan(0);
    return children[0] as FakeProcess;
  };
  return { store, job, runner, child, progress, secret, dataDir };
}

describe('the host of a bulk job process', () => {
  it('starts the process with the job and the secret, zero-fills its own copy, and queues what comes early', async () => {
    const s = setup();
    const done = s.runner.run(s.job.id);
    s.runner.pause(s.job.id); // before the process has its start message
    const child = await s.child();
    const start = child.sent[0] as JobStart;
    expect(start).toMatchObject({ type: 'start', jobId: s.job.id, dataDir: s.dataDir });
    expect([...start.secret]).toEqual([1, 2, 3, 4]);
    expect([...s.secret]).toEqual([0, 0, 0, 0]);
    expect(child.sent.slice(1)).toEqual([{ type: 'pause' }]);
    child.tell({ type: 'done', meta: { ...s.job, state: 'paused' }, usage: { maxRssMb: 1, cpuMs: 1 } });
    expect((await done).state).toBe('paused');
    expect(s.runner.isRunning(s.job.id)).toBe(false);
  });

  it('turns a failure the process tells into the same typed error', async () => {
    const s = setup();
    const done = s.runner.run(s.job.id);
    const child = await s.child();
    child.tell({ type: 'failed', code: 'operation_not_allowed', message: 'no', usage: { maxRssMb: 1, cpuMs: 1 } });
    await expect(done).rejects.toMatchObject({ code: 'operation_not_allowed' });
  });

  it('pauses the job, with the reason, when the process ends without a word', async () => {
    const s = setup();
    const done = s.runner.run(s.job.id);
    const child = await s.child();
    child.tell({ type: 'progress', progress: { jobId: s.job.id, state: 'running' } });
    child.end('SIGSEGV');
    expect((await done).state).toBe('paused');
    expect(s.store.meta(s.job.id).state).toBe('paused');
    expect(s.progress.at(-1)).toMatchObject({ jobId: s.job.id, state: 'paused' });
    expect(s.progress.at(-1)?.reason).toMatch(/ended unexpectedly \(SIGSEGV\)/);
  });

  it('leaves the job running when it stopped the process itself (the host closing)', async () => {
    const s = setup();
    const done = s.runner.run(s.job.id);
    const child = await s.child();
    const stopped = s.runner.stopAll();
    expect(child.sent.at(-1)).toEqual({ type: 'stop' });
    child.end('SIGTERM');
    await stopped;
    expect((await done).state).toBe('running');
  });
});
