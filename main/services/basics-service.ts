// F0.1 云桥对外域名: the base URL at which WeCom and users reach the listener.
import type { AddressAssessment, BasicsView } from '../api/schemas';
import { ApiError } from '../core/api-error';
import type { Clock } from '../core/types';
import type { AuditRepo } from '../store/audit-repo';
import type { CorpsRepo } from '../store/corps-repo';
import type { SettingsRepo } from '../store/settings-repo';
import { assessAddress, describeAssessment } from './address-rules';

const KEY = 'externalAddress';

export function createBasicsService(deps: { settings: SettingsRepo; corps: CorpsRepo; audit: AuditRepo; clock: Clock; listenerBase: () => string | null }) {
  const assess = (url: string): AddressAssessment => assessAddress(url, deps.corps.list());
  const externalAddress = () => deps.settings.get<string>(KEY);
  const view = (): BasicsView => {
    const url = externalAddress();
    return { externalAddress: url, listenerBase: deps.listenerBase(), assessment: url ? assess(url) : null };
  };
  return {
    get: view,
    assess,
    externalAddress,
    /** Where URLs shown to the admin are built: the external address, or the listener's own base. */
    publicBase: (): string | null => externalAddress() ?? deps.listenerBase(),
    set(url: string | null, force: boolean, actor = 'admin'): BasicsView {
      if (url !== null) {
        const a = assess(url);
        if (a.level === 'confirm' && !force) {
          throw new ApiError('needs_confirmation', describeAssessment(a), { hint: '确认后仍要保存请再次提交（命令行加 --force）', details: a });
        }
      }
      deps.settings.set(KEY, url, deps.clock.now().toISOString());
      deps.audit.record(deps.clock.now().toISOString(), actor, 'basics.externalAddress', null, { url, forced: force });
      return view();
    },
  };
}

export type BasicsService = ReturnType<typeof createBasicsService>;
