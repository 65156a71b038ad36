// Runs the sandbox command line directly: `node main/sandbox/cli-entry.ts [flags]`.
import { sandboxMain } from './cli.ts';

process.exitCode = await sandboxMain(process.argv.slice(2));
