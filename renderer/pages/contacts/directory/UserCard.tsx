import { App, Button, Descriptions, Drawer, Empty, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../../api';
import { errorText } from '../../../components/error-text';
import { useT, type MessageKey } from '../../../i18n';
import { useContacts } from '../../../stores';
import { WriteButton } from './WriteButton';
import type { MirrorUsersPage, OaUsersPage } from '../../../stores/contacts-data';

type WxUser = MirrorUsersPage['users'][number];
type OaUser = OaUsersPage['users'][number];

const WX_STATUS: Record<number, string> = { 1: 'active', 2: 'disabled', 4: 'inactive', 5: 'quit' };
const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** 【绑定】: search the OA directory; OA users bound to someone else are shown but cannot be picked. */
export function OaUserPicker({ corpId, suggest, onPick }: { corpId: string; suggest?: string; onPick(u: OaUser | null): void }) {
  const t = useT();
  const search = useContacts((s) => s.oaUsers);
  const [options, setOptions] = useState<OaUser[]>([]);
  const [loading, setLoading] = useState(false);
  const run = (q: string) => {
    setLoading(true);
    void search({ corpId, search: q, limit: 30 }).then((r) => setOptions(r.users), () => setOptions([])).finally(() => setLoading(false));
  };
  useEffect(() => run(suggest ?? ''), []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Select<string>
      showSearch
      filterOption={false}
      onSearch={run}
      loading={loading}
      placeholder={t('card.searchOa')}
      aria-label={t('card.searchOa')}
      style={{ width: '100%' }}
      data-testid="oa-user-picker"
      allowClear
      onClear={() => onPick(null)}
      onChange={(id) => {
        const u = options.find((o) => o.id === id);
        if (u) onPick(u);
      }}
      options={options.map((u) => ({
        value: u.id,
        disabled: u.boundTo !== null,
        label: `${u.name}（${u.id}）${u.departmentName ? ` · ${u.departmentName}` : ''}${u.mobile ? ` · ${u.mobile}` : ''}${u.boundTo ? ` · ${t('card.boundTo', { userid: u.boundTo })}` : ''}${u.status === 'departed' ? ` · ${t('oaStatus.departed')}` : ''}`,
      }))}
    />
  );
}

type UserEditKind = 'updateUser' | 'moveUser' | 'disableUser' | 'enableUser' | 'deleteUser';

/**
 * F4.15 user card: the WeCom side, the bound OA user, binding source and date, disable time, bind/unbind
 * (F4.6 ④), and — where the card is opened from 【通讯录管理】 — the member's edits.
 */
export function UserCard({ corpId, user, suggest, deptName, readonly, onEdit, onClose, onChanged }: { corpId: string; user: WxUser | null; suggest?: string; deptName(id: number): string; readonly?: boolean; onEdit?(kind: UserEditKind, u: WxUser): void; onClose(): void; onChanged(u: WxUser): void }) {
  const t = useT();
  const { message } = App.useApp();
  const oaUsers = useContacts((s) => s.oaUsers);
  const mirrorUsers = useContacts((s) => s.mirrorUsers);
  const bind = useContacts((s) => s.bind);
  const unbind = useContacts((s) => s.unbind);
  const [oa, setOa] = useState<OaUser | null | 'loading'>(null);
  const [pick, setPick] = useState<OaUser | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPick(null);
    if (!user?.boundTo) return setOa(null);
    setOa('loading');
    void oaUsers({ corpId, ids: [user.boundTo], limit: 1 }).then((r) => setOa(r.users[0] ?? null), () => setOa(null));
  }, [corpId, user?.boundTo, user, oaUsers]);

  async function refresh(u: WxUser) {
    const page = await mirrorUsers({ corpId, search: u.userid, limit: 20 });
    const fresh = page.users.find((x) => x.userid === u.userid);
    if (fresh) onChanged(fresh);
  }
  async function act(fn: () => Promise<unknown>, done: string) {
    if (!user) return;
    setBusy(true);
    try {
      await fn();
      message.success(done);
      await refresh(user);
    } catch (e) {
      message.error(errorText(toApiError(e), t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open={!!user}
      onClose={onClose}
      title={user ? `${user.name}（${user.userid}）` : ''}
      size="large"
      data-testid="user-card"
      extra={
        user && onEdit && (
          <Space size={4} wrap>
            {(['updateUser', 'moveUser', user.status === 2 ? 'enableUser' : 'disableUser', 'deleteUser'] as const).map((k) => (
              <WriteButton key={k} readonly={!!readonly} danger={k === 'deleteUser'} onClick={() => onEdit(k, user)} data-testid={`edit-${k}`}>{t(`edit.action.${k}`)}</WriteButton>
            ))}
          </Space>
        )
      }
    >
      {user && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            title={t('card.wecom')}
            size="small"
            bordered
            column={1}
            items={[
              { key: 'u', label: t('field.userid'), children: <span className="wb-mono">{user.userid}</span> },
              { key: 'n', label: t('field.name'), children: user.name },
              { key: 'm', label: t('field.mobile'), children: user.mobile ?? '—' },
              { key: 'e', label: t('field.email'), children: user.email ?? '—' },
              { key: 'p', label: t('field.position'), children: user.position ?? '—' },
              { key: 'd', label: t('field.department'), children: user.department.map(deptName).join('、') || '—' },
              { key: 'md', label: t('field.mainDepartment'), children: user.mainDepartment !== null ? deptName(user.mainDepartment) : '—' },
              { key: 's', label: t('field.status'), children: <Tag color={user.status === 1 ? 'success' : 'default'}>{t(`userStatus.${WX_STATUS[user.status] ?? 'active'}` as MessageKey)}</Tag> },
              { key: 'dt', label: t('card.disabledAt'), children: user.disabledAt ? fmt(user.disabledAt) : user.status === 2 ? t('card.disabledNotRecorded') : '—' },
            ]}
          />
          <Descriptions
            title={t('card.binding')}
            size="small"
            bordered
            column={1}
            items={[
              { key: 'b', label: t('card.boundOa'), children: user.boundTo ? <Tag color="blue" data-testid="bound-tag">{user.boundTo}</Tag> : <Tag data-testid="unbound-tag">{t('card.unbound')}</Tag> },
              { key: 's', label: t('card.source'), children: user.bindingSource ? t(`bindSource.${user.bindingSource}` as MessageKey) : '—' },
              { key: 'a', label: t('card.boundAt'), children: fmt(user.boundAt) },
            ]}
          />
          {user.boundTo ? (
            <>
              {oa === 'loading' ? <Spin /> : oa ? (
                <Descriptions
                  title={t('card.oa')}
                  size="small"
                  bordered
                  column={1}
                  items={[
                    { key: 'i', label: t('card.oaId'), children: <span className="wb-mono">{oa.id}</span> },
                    { key: 'n', label: t('field.name'), children: oa.name },
                    { key: 'l', label: t('card.loginid'), children: oa.loginid ?? '—' },
                    { key: 'w', label: t('card.workcode'), children: oa.workcode ?? '—' },
                    { key: 'm', label: t('field.mobile'), children: oa.mobile ?? '—' },
                    { key: 'e', label: t('field.email'), children: oa.email ?? '—' },
                    { key: 'd', label: t('field.department'), children: oa.departmentName ?? oa.department },
                    { key: 's', label: t('field.status'), children: <Tag color={oa.status === 'active' ? 'success' : 'default'}>{t(`oaStatus.${oa.status}` as MessageKey)}</Tag> },
                  ]}
                />
              ) : <Empty description={t('card.oaMissing')} />}
              <Popconfirm title={t('card.unbindConfirm', { name: user.name })} onConfirm={() => act(() => unbind(corpId, user.userid), t('card.unbound.done'))} okButtonProps={{ danger: true }}>
                <Button danger loading={busy} data-testid="unbind">{t('card.unbind')}</Button>
              </Popconfirm>
            </>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('card.bindTitle')}</Typography.Text>
              <OaUserPicker key={user.userid} corpId={corpId} suggest={suggest} onPick={setPick} />
              <Button type="primary" disabled={!pick} loading={busy} onClick={() => pick && act(() => bind(corpId, user.userid, pick.id), t('card.bound.done', { name: pick.name }))} data-testid="bind">
                {t('card.bind')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
