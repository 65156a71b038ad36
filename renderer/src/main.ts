// The React operator UI arrives with the UI issue; this file holds the renderer's place in the build.
import { CONTRACT_VERSION } from '../../preload/contract.ts';

export const rendererContractVersion: number = CONTRACT_VERSION;
