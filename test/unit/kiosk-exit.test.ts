import { describe, expect, it } from 'vitest';
import { KioskExitGuard } from '../../main/core/session/kiosk-exit.ts';
import { memoryAttemptStore, PinAttempts } from '../../main/core/session/pin-attempts.ts';
import { hashPin } from '../../main/core/session/pin-hash.ts';
import { runCli } from '../support/run-cli.ts';

describe('kiosk exit guard', () => {
  it('refuses without a configured admin PIN, then accepts only the right one and backs off after 5 wrong', async () => {
    const policy: { hash?: string } = {};
    let clock = 0;
    const guard = new KioskExitGuard(() => policy.hash, new PinAttempts(memoryAttemptStore(), () => clock));
    await expect(guard.verify('12345678')).rejects.toMatchObject({ code: 'kiosk_exit_not_configured' });
    policy.hash = await hashPin('24681357');
    for (let i = 0; i < 5; i++) await expect(guard.verify('11111111')).rejects.toMatchObject({ code: 'pin_wrong' });
    await expect(guard.verify('24681357')).rejects.toMatchObject({ code: 'pin_retry_later' });
    clock += 30_001;
    await expect(guard.verify('24681357')).resolves.toBeUndefined();
  });
});

describe('card-desk policy hash-pin', () => {
  it('prints an scrypt hash of the PIN from standard input and never the PIN', async () => {
    const result = await runCli(['policy', 'hash-pin'], '97531864\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+\n$/);
    expect(result.stdout + result.stderr).not.toContain('97531864');
    const guard = new KioskExitGuard(() => result.stdout.trim(), new PinAttempts(memoryAttemptStore()));
    await expect(guard.verify('97531864')).resolves.toBeUndefined();
  });

  it('refuses a short admin PIN', async () => {
    const result = await runCli(['policy', 'hash-pin'], '1234\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/8 to 12 digits/);
  });
});
