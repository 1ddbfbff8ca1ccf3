import { Alert, App, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { REPLY_RULE_LIMITS, replyRuleProblem, type MatchMode, type ReplyAction, type ReplyRuleView } from '../../../main/api/callback-contract';
import { toApiError } from '../../api';
import { errorText } from '../../components/error-text';
import { useT, type MessageKey } from '../../i18n';
import { useCallbacks } from '../../stores';

interface RuleForm {
  name: string;
  action: ReplyAction;
  match: MatchMode | null;
  keyword: string;
  reply: string;
  priority: number | null;
  enabled: boolean;
}
type Field = keyof RuleForm;

export const MATCH_MODES: MatchMode[] = ['contains', 'prefix', 'suffix', 'exact', 'any'];
const chars = (s: string) => [...s].length;

/** The F6.4 rules, as i18n keys per field (the same rules the contract enforces). */
function check(v: RuleForm): Partial<Record<Field, MessageKey>> {
  const out: Partial<Record<Field, MessageKey>> = {};
  if (!v.name.trim() || chars(v.name.trim()) > REPLY_RULE_LIMITS.name) out.name = 'rules.err.name';
  if (v.priority === null || !Number.isInteger(v.priority) || v.priority < 1 || v.priority > 100) out.priority = 'rules.err.priority';
  const keyword = v.action === 'text' && v.match !== 'any' ? v.keyword : null;
  const p = replyRuleProblem({ action: v.action, match: v.action === 'image' ? null : v.match, keyword, reply: v.reply });
  if (p?.path === 'match') out.match = 'rules.err.match';
  if (p?.path === 'keyword') out.keyword = chars(v.keyword) > REPLY_RULE_LIMITS.keyword ? 'rules.err.keywordLong' : 'rules.err.keyword';
  if (p?.path === 'reply') out.reply = chars(v.reply) > REPLY_RULE_LIMITS.reply ? 'rules.err.replyLong' : 'rules.err.reply';
  return out;
}

/** F6.4 【新建】/【编辑】 a reply rule: 规则名称, 用户动作, 匹配方式 + 关键字 (text only), 回复内容, 优先级, 启用. */
export function ReplyRuleDrawer(props: { appId: string; rule?: ReplyRuleView; open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const addRule = useCallbacks((s) => s.addRule);
  const updateRule = useCallbacks((s) => s.updateRule);
  const [busy, setBusy] = useState(false);
  const action = Form.useWatch('action', form);
  const match = Form.useWatch('match', form);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    const r = props.rule;
    form.setFieldsValue({
      name: r?.name ?? '',
      action: r?.action ?? 'text',
      match: r?.match ?? 'contains',
      keyword: r?.keyword ?? '',
      reply: r?.reply ?? '',
      priority: r?.priority ?? REPLY_RULE_LIMITS.defaultPriority,
      enabled: r?.enabled ?? true,
    });
  }, [props.open, props.rule, form]);

  async function save() {
    const v = form.getFieldsValue(true) as RuleForm;
    const errs = check(v);
    form.setFields((['name', 'match', 'keyword', 'reply', 'priority'] as const).map((name) => ({ name, errors: errs[name] ? [t(errs[name]!)] : [] })));
    if (Object.keys(errs).length) return;
    const fields = {
      name: v.name.trim(),
      action: v.action,
      match: v.action === 'image' ? null : v.match,
      keyword: v.action === 'text' && v.match !== 'any' ? v.keyword : null,
      reply: v.reply,
      priority: v.priority ?? REPLY_RULE_LIMITS.defaultPriority,
      enabled: v.enabled,
    };
    setBusy(true);
    try {
      if (props.rule) await updateRule({ id: props.rule.id, ...fields });
      else await addRule({ appId: props.appId, ...fields });
      message.success(t('common.saved'));
      props.onClose();
    } catch (e) {
      message.error(errorText(toApiError(e), t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      title={t(props.rule ? 'rules.form.edit' : 'rules.form.new')}
      open={props.open}
      onClose={props.onClose}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={save}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('rules.col.name')} required>
          <Input maxLength={REPLY_RULE_LIMITS.name} />
        </Form.Item>
        <Form.Item name="action" label={t('rules.col.action')}>
          <Radio.Group optionType="button" options={(['text', 'image'] as const).map((a) => ({ value: a, label: t(`rules.action.${a}`) }))} />
        </Form.Item>
        {action === 'image' ? (
          <Alert type="info" showIcon title={t('rules.form.imageNote')} style={{ marginBottom: 16 }} />
        ) : (
          <>
            <Form.Item name="match" label={t('rules.col.match')} required>
              <Select options={MATCH_MODES.map((m) => ({ value: m, label: t(`rules.match.${m}`) }))} />
            </Form.Item>
            {match !== 'any' && (
              <Form.Item name="keyword" label={t('rules.col.keyword')} required>
                <Input showCount={{ formatter: ({ value }) => `${chars(value)} / ${REPLY_RULE_LIMITS.keyword}` }} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="reply" label={t('rules.col.reply')} required extra={t('rules.form.reply.help')}>
          <Input.TextArea rows={5} showCount={{ formatter: ({ value }) => `${chars(value)} / ${REPLY_RULE_LIMITS.reply}` }} />
        </Form.Item>
        <Form.Item name="priority" label={t('rules.col.priority')} required extra={t('rules.form.priority.help')}>
          <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="enabled" label={t('rules.col.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
