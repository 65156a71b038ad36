// The sandbox simulator of the Card API (docs/card-api.md, sandbox): public entry.
export { startSandbox, SandboxConfigError, type RunningSandbox, type SandboxOptions } from './sandbox.ts';
export { sandboxMain } from './cli.ts';
export { FAULT_KINDS, type FaultConfig, type FaultKind, type FaultRule } from './faults.ts';
export type { OutboxMessage } from './model.ts';
