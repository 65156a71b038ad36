// setupFiles of the 'keychain' project: points this worker (and the child processes it starts) at the private
// D-Bus session and XDG folders of keyring-session.ts before anything loads keytar.
import { inject } from 'vitest';

Object.assign(process.env, inject('keyringEnv'));
