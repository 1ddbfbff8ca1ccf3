// The headless shell: core + callback listener + admin server (UI, /rpc, /events) in one process.
import { join, resolve } from 'node:path';
import { createCore, type Core } from './core/create-core';
import { keyPath } from './core/data-dir';
import { headlessSecretBox } from './core/secret-box';
import { startListener, type Listener } from './listener/listener';
import { mountCallbacks } from './listener/callback-route';
import { startAdminServer, type AdminServer } from './server/admin-server';

export interface ServeOptions {
  dataDir: string;
  host: string;
  port: number;
  callbackHost: string;
  callbackPort: number;
  rendererDir?: string;
  /** Fall back to any free port when the default port is taken (not when the user chose the port). */
  portIsDefault?: boolean;
  callbackPortIsDefault?: boolean;
  /** Start the demo enterprise when nothing is configured (serve --demo, npm start's fallback). */
  demo?: boolean;
}

export interface Served {
  core: Core;
  admin: AdminServer;
  listener: Listener;
  close(): Promise<void>;
}

export const projectRoot = resolve(__dirname, '..');
export const defaultRendererDir = join(projectRoot, 'out', 'renderer');

async function withPortFallback<T>(start: (port: number) => Promise<T>, port: number, fallback: boolean): Promise<T> {
  try {
    return await start(port);
  } catch (e) {
    if (fallback && (e as { code?: string }).code === 'EADDRINUSE') return start(0);
    throw e;
  }
}

export async function startHeadless(opts: ServeOptions): Promise<Served> {
  const core = await createCore({ dataDir: opts.dataDir, secretBox: headlessSecretBox(keyPath(opts.dataDir)), shell: 'headless', resourcesDir: join(projectRoot, 'resources'), runSchedules: true });
  let listener: Listener | undefined;
  try {
    listener = await withPortFallback((port) => startListener({ host: opts.callbackHost, port }), opts.callbackPort, !!opts.callbackPortIsDefault);
    core.setListenerBase(listener.url);
    mountCallbacks(listener, core.services.callbacks);
    // The demo enterprise from an earlier launch gets its simulator back; --demo creates it on a fresh install.
    if (opts.demo && core.services.demo.status().offered) await core.services.demo.start();
    else await core.services.demo.resume();
    const admin = await withPortFallback(
      (port) => startAdminServer({ core, host: opts.host, port, rendererDir: opts.rendererDir ?? defaultRendererDir }),
      opts.port,
      !!opts.portIsDefault,
    );
    const l = listener;
    return {
      core,
      admin,
      listener: l,
      async close() {
        await admin.close();
        await l.close();
        await core.close();
      },
    };
  } catch (e) {
    await listener?.close();
    await core.close();
    throw e;
  }
}
