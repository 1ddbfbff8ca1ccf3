// What a plan is made from, read from the store the same way on the main thread and in the planning worker,
// so both produce the same plan (and hash) for the same data.
import type { MirrorRepo } from '../store/mirror-repo';
import type { OaRepo } from '../store/oa-repo';
import type { PlanInput } from './plan-types';
import type { SyncSettings } from './settings-schema';

export function readPlanInput(oa: OaRepo, mirror: MirrorRepo, corpId: string, settings: SyncSettings, now: string): PlanInput {
  const state = mirror.state(corpId);
  return {
    oa: oa.load(),
    mirror: mirror.load(corpId),
    userBindings: mirror.bindings(corpId),
    deptLinks: mirror.links(corpId),
    settings,
    context: { now, previousActive: state.baselineActive, previousScope: state.baselineScope, pullComplete: state.pullComplete },
  };
}
