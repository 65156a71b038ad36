// The layering is checked over the whole import graph, not by eye (docs/architecture.md, "Folders").
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, violations, type ImportEdge } from '../support/import-rules.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the import graph', () => {
  const graph = importGraph(ROOT);

  it('is read from every process folder', () => {
    for (const folder of ['main/', 'common/', 'renderer/src/'])
      expect(graph.filter((edge) => edge.from.startsWith(folder)).length).toBeGreaterThan(50);
    // The preload's one file imports electron and the contract.
    expect(graph).toContainEqual({
      from: 'preload/index.ts',
      to: 'electron',
      names: ['contextBridge', 'ipcRenderer', 'IpcRendererEvent'],
    });
  });

  it('breaks no rule', () => {
    expect(graph.flatMap(violations)).toEqual([]);
  });
});

describe('the rules refuse each kind of wrong edge', () => {
  const edge = (from: string, to: string, names: string[] = []): ImportEdge => ({ from, to, names });
  it.each([
    ['common importing main', edge('common/contract/index.ts', 'main/core/desk.ts')],
    ['common importing Node', edge('common/card-api/pan.ts', 'node:crypto')],
    ['common importing React', edge('common/contract/index.ts', 'react')],
    ['the renderer importing main', edge('renderer/src/app/App.tsx', 'main/core/errors.ts')],
    ['the renderer importing the preload', edge('renderer/src/app/App.tsx', 'preload/index.ts')],
    ['the renderer importing Node', edge('renderer/src/app/App.tsx', 'node:fs')],
    ['the renderer importing keytar', edge('renderer/src/app/App.tsx', 'keytar')],
    ['the preload importing main', edge('preload/index.ts', 'main/core/errors.ts')],
    ['core importing electron', edge('main/core/desk.ts', 'electron')],
    ['the preview importing electron-store', edge('main/preview/index.ts', 'electron-store')],
    ['core importing the cli', edge('main/core/desk.ts', 'main/cli/index.ts')],
    ['the sandbox importing the shell', edge('main/sandbox/server.ts', 'main/shell/window.ts')],
    ['a test helper path outside main importing main', edge('renderer/src/bench.ts', 'main/core/desk.ts')],
    ['raw ipcMain outside the registration file', edge('main/shell/window.ts', 'electron', ['ipcMain'])],
  ])('%s', (_name, wrong) => {
    expect(violations(wrong)).not.toEqual([]);
  });

  it('allows the edges the architecture wants', () => {
    for (const right of [
      edge('common/contract/index.ts', 'common/card-api/pan.ts'),
      edge('common/contract/index.ts', 'zod'),
      edge('renderer/src/app/App.tsx', 'common/contract/index.ts'),
      edge('renderer/src/app/App.tsx', 'react'),
      edge('preload/index.ts', 'electron', ['contextBridge', 'ipcRenderer']),
      edge('main/shell/ipc.ts', 'electron', ['ipcMain']),
      edge('main/core/desk.ts', 'common/settings/schema.ts'),
      edge('main/core/desk.ts', 'node:fs'),
    ])
      expect(violations(right)).toEqual([]);
  });
});
