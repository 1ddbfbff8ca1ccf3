// Public surface of the WeCom simulator (main/simulator/): the server, its state, the seeds and OA twins, and
// the callback crypto that receivers and tests share.
export { startSimulator, type SimulatorHandle, type SimulatorOptions } from './server';
export { SimState } from './sim-state';
export type * from './types';
export { parseSeed, seedState, type SeedName } from './seed/seeds';
export { DEMO_CORP_NAME } from './seed/demo-org';
export { SYNTHETIC_ROOT_NAME, syntheticOrg } from './seed/synthetic';
export { demoOaDirectory } from './seed/demo-oa';
export { syntheticOaDirectory } from './seed/synthetic-oa';
export { oaWorkbookBuffer, writeOaWorkbook, type OaDepartment, type OaDirectory, type OaUser } from './seed/oa-directory';
export {
  callbackSignature,
  decryptCallbackMessage,
  encryptCallbackMessage,
  generateEncodingAESKey,
  openCallback,
} from './callback-crypto';
