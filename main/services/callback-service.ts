// F6 callbacks, assembled: settings (F6.1), the receiver (F6.2), routing (F6.3), auto-reply rules (F6.4) and the
// inspector (F6.5). createCore builds this once; the shell that runs the listener mounts `receiver` on it.
import type { SecretBox } from '../core/secret-box';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/logger';
import type { Clock } from '../core/types';
import type { AuditRepo } from '../store/audit-repo';
import { createCallbackEventsRepo } from '../store/callback-events-repo';
import { createCallbacksRepo } from '../store/callbacks-repo';
import type { Db } from '../store/db';
import type { MirrorRepo } from '../store/mirror-repo';
import { createReplyRulesRepo } from '../store/reply-rules-repo';
import type { RunsRepo } from '../store/runs-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { AppsService } from './apps-service';
import type { BasicsService } from './basics-service';
import { createContactChanges } from './callback-contacts';
import { createCallbackInspector } from './callback-inspector';
import { createCallbackReceiver } from './callback-receiver';
import { createCallbackRouter } from './callback-router';
import { createCallbackSettings } from './callback-settings';
import type { CorpsService } from './corps-service';
import { createReplyRulesService } from './reply-rules-service';

export interface CallbackServiceDeps {
  db: Db;
  secretBox: SecretBox;
  corps: CorpsService;
  apps: AppsService;
  basics: BasicsService;
  settings: SettingsRepo;
  audit: AuditRepo;
  mirror: MirrorRepo;
  runs: RunsRepo;
  bus: EventBus;
  clock: Clock;
  log?: Logger;
}

export function createCallbackService(deps: CallbackServiceDeps) {
  const { clock, log } = deps;
  const targets = createCallbacksRepo(deps.db, deps.secretBox);
  const rulesRepo = createReplyRulesRepo(deps.db);
  const events = createCallbackEventsRepo(deps.db);
  const inspector = createCallbackInspector({ bus: deps.bus, clock });
  const contacts = createContactChanges({ mirror: deps.mirror, runs: deps.runs, clock, log });
  const router = createCallbackRouter({ contacts, events, inspector, clock, log, transaction: (fn) => deps.mirror.transaction(fn) });
  const receiver = createCallbackReceiver({ targets, rules: rulesRepo, router, inspector, clock, log });
  const settings = createCallbackSettings({ repo: targets, corps: deps.corps, apps: deps.apps, basics: deps.basics, settings: deps.settings, audit: deps.audit, clock });
  const rules = createReplyRulesService({ repo: rulesRepo, apps: deps.apps, audit: deps.audit, clock });

  return {
    settings,
    rules,
    receiver,
    inspector,
    /** Template-card events for the message-push work (F3.3). */
    onTemplateCard: router.onTemplateCard,
    events: {
      list: (corpId: string, kind: 'template_card' | 'external_contact' | undefined, limit: number) => events.list(deps.corps.record(corpId).id, kind, limit),
    },
    /** Flushes the pending contact-change history and the inspector's pending events (core close). */
    close(): void {
      contacts.flushAll();
      inspector.close();
    },
  };
}

export type CallbackService = ReturnType<typeof createCallbackService>;
