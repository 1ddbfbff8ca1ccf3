// Saving and loading the simulator state as one JSON file. Loading checks the outline with zod (the records
// themselves are trusted: the file is the simulator's own output) and fills settings added since it was written.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { defaultSettings } from './seed/seeds';
import type { SimState } from './sim-state';
import type { SimStateData } from './types';

const StateFile = z
  .object({
    format: z.literal('wecom-bridge-simulator/1'),
    seed: z.string(),
    corp: z.object({ corpid: z.string().min(1), name: z.string().min(1) }),
    secrets: z.object({ contact: z.string(), customer: z.string(), archive: z.string() }),
    apps: z.array(z.object({ agentid: z.number().int(), name: z.string(), secret: z.string() }).loose()),
    departments: z.array(z.object({ id: z.number().int(), name: z.string(), parentid: z.number().int() }).loose()),
    users: z.array(z.object({ userid: z.string(), name: z.string(), department: z.array(z.number().int()) }).loose()),
    externalContacts: z.array(z.object({ external_userid: z.string() }).loose()).optional(),
    checkins: z.array(z.object({ userid: z.string(), checkin_time: z.number() }).loose()).optional(),
    messages: z.array(z.object({ msgid: z.string() }).loose()).optional(),
    settings: z.object({}).loose().optional(),
  })
  .loose();

export async function loadStateFile(path: string): Promise<SimStateData> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`simulator state ${path} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = StateFile.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`simulator state ${path} is not a simulator state file: ${issue?.path.join('.')} ${issue?.message}`);
  }
  // Keep the file's own objects (zod's output would reorder keys); only fill what older files lack.
  const data = json as SimStateData;
  data.externalContacts ??= [];
  data.checkins ??= [];
  data.messages ??= [];
  data.settings ??= defaultSettings();
  const defaults = defaultSettings();
  data.settings = { ...defaults, ...data.settings, callbacks: { ...defaults.callbacks, ...data.settings.callbacks } };
  return data;
}

export function stateFileExists(path: string | undefined): path is string {
  return path !== undefined && existsSync(path);
}

/** Writes to a temporary file first so a crash never leaves half a state behind. */
export async function saveStateFile(path: string, state: SimState): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state.toJSON()), 'utf8');
  await rename(tmp, path);
}
