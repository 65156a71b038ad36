// THE contract between the renderer and main: one named method per operator intent, with its argument
// schema, its result type and its metadata (docs/architecture.md, "The contract"). Three transports serve
// it: Electron IPC (the preload), the browser preview (HTTP) and tests.
import type { z } from 'zod';
import type { MethodSpec } from './method.ts';
import { appMethods } from './methods/app.ts';
import { cardApiMethods } from './methods/card-api.ts';
import { directoryMethods } from './methods/directory.ts';
import { operatorMethods } from './methods/operators.ts';
import { printMethods } from './methods/print.ts';
import { profileMethods } from './methods/profiles.ts';
import { recordMethods } from './methods/records.ts';

export const contract = {
  ...appMethods,
  ...profileMethods,
  ...cardApiMethods,
  ...recordMethods,
  ...printMethods,
  ...directoryMethods,
  ...operatorMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOfMethod<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** The metadata of a method by name, or undefined for a name outside the contract (untrusted input). */
export function specOf(name: string): MethodSpec | undefined {
  return Object.hasOwn(contract, name) ? contract[name as MethodName] : undefined;
}
