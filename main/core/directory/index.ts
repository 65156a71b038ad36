// The workstation's search directory (docs/architecture.md, data and security).
export { Directory, type Found } from './directory.ts';
export { DirectoryService, type DirectoryPolicy, type DirectoryServiceOptions } from './service.ts';
export { DirectoryStore, DIRECTORY_FILE, deleteDirectoryFile } from './store.ts';
export { memoryKeys, vaultKeySource, type DirectoryKeySource, type LoadedKeys } from './keys.ts';
export type { DirectoryKeys } from './crypto.ts';
