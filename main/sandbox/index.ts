// The sandbox simulator of the Card API (SPEC §9): public entry.
export { startSandbox, SandboxConfigError, type RunningSandbox, type SandboxOptions } from './sandbox.ts';
export { sandboxMain } from './cli.ts';
export { FAULT_KINDS, type FaultConfig, type FaultKind, type FaultRule } from './faults.ts';
export type { OutboxMessage } from './model.ts';
