// `window.bridge` as the preload exposes it (Electron only; absent in the browser).
import type { BridgeApi } from '../../main/api/bridge-api';

export type { BridgeApi };

declare global {
  interface Window {
    bridge?: BridgeApi;
  }
}
