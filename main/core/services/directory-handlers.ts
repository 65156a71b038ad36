// The directory's contract methods (common/contract/methods/directory.ts) over core/directory, for the active
// profile only: one profile's search never shows another's clients.
import type { MethodName, ParsedArgsOf, ResultOfMethod } from '../../../common/contract/index.ts';
import type { DirectoryService } from '../directory/index.ts';

type DirectoryMethod = Extract<MethodName, `directory.${string}`>;
type DirectoryHandlers = { [M in DirectoryMethod]: (args: ParsedArgsOf<M>) => Promise<ResultOfMethod<M>> };

export function directoryHandlers(directory: DirectoryService, activeProfile: () => string): DirectoryHandlers {
  return {
    'directory.search': ({ text, cursor, limit }) => directory.search(activeProfile(), text, cursor, limit),
    'directory.client': ({ clientId }) => directory.client(activeProfile(), clientId),
  };
}
