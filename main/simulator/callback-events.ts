// The plaintext XML of the events the simulator calls back with (wecom-api.md §8): change_contact (full fields,
// or only UserID/Department and Id/ParentId for contacts-sync URLs set after 2022-08-15), change_external_contact
// and batch_job_result.
import { userStatus } from './user-ops';
import type { ContactChange, ExternalContactChange, SimUser } from './types';

export function cdata(s: string): string {
  return `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function head(corpid: string, createTime: number, event: string): string {
  return (
    `<ToUserName>${cdata(corpid)}</ToUserName><FromUserName>${cdata('sys')}</FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata(event)}</Event>`
  );
}

function userFields(u: SimUser, full: boolean): string {
  const base = `<UserID>${cdata(u.userid)}</UserID>`;
  const dept = `<Department>${cdata(u.department.join(','))}</Department>`;
  if (!full) return base + dept;
  const attrs = u.extattr.attrs
    .map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? a : null))
    .filter((a) => a !== null && a.type === 0 && typeof a.name === 'string')
    .map((a) => {
      const text = a?.text;
      const value = text && typeof text === 'object' && !Array.isArray(text) && typeof text.value === 'string' ? text.value : '';
      return `<Item><Name>${cdata(String(a?.name))}</Name><Type>0</Type><Text><Value>${cdata(value)}</Value></Text></Item>`;
    })
    .join('');
  return (
    base +
    `<Name>${cdata(u.name)}</Name>` +
    dept +
    `<MainDepartment>${u.main_department}</MainDepartment>` +
    `<IsLeaderInDept>${cdata(u.is_leader_in_dept.join(','))}</IsLeaderInDept>` +
    `<DirectLeader>${cdata(u.direct_leader.join(','))}</DirectLeader>` +
    `<Position>${cdata(u.position)}</Position><Mobile>${cdata(u.mobile)}</Mobile><Gender>${u.gender}</Gender>` +
    `<Email>${cdata(u.email)}</Email><BizMail>${cdata(u.biz_mail)}</BizMail><Status>${userStatus(u)}</Status>` +
    `<Avatar>${cdata(u.avatar)}</Avatar><Alias>${cdata(u.alias)}</Alias><Telephone>${cdata(u.telephone)}</Telephone>` +
    `<Address>${cdata(u.address)}</Address><ExtAttr>${attrs}</ExtAttr>`
  );
}

/** The XML for one contact change, or null when a minimal-fields receiver is not told about it. */
export function contactChangeXml(corpid: string, createTime: number, change: ContactChange, full: boolean): string | null {
  const type = `<ChangeType>${cdata(change.kind)}</ChangeType>`;
  let body: string;
  switch (change.kind) {
    case 'create_user':
      body = userFields(change.user, full);
      break;
    case 'update_user': {
      const u = change.user;
      const renamed = change.previousUserid !== null;
      const fields = userFields(renamed ? { ...u, userid: change.previousUserid ?? u.userid } : u, full);
      body = fields + (renamed ? `<NewUserID>${cdata(u.userid)}</NewUserID>` : '');
      break;
    }
    case 'delete_user':
      body = `<UserID>${cdata(change.userid)}</UserID>`;
      break;
    case 'create_party':
    case 'update_party': {
      if (change.kind === 'update_party' && !full && !change.parentChanged) return null;
      const d = change.dept;
      body = full
        ? `<Id>${d.id}</Id><Name>${cdata(d.name)}</Name><ParentId>${cdata(String(d.parentid))}</ParentId><Order>${d.order}</Order>`
        : `<Id>${d.id}</Id><ParentId>${cdata(String(d.parentid))}</ParentId>`;
      break;
    }
    case 'delete_party':
      body = `<Id>${change.id}</Id>`;
      break;
    default: {
      const never: never = change;
      throw new Error(`unknown change ${JSON.stringify(never)}`);
    }
  }
  return `<xml>${head(corpid, createTime, 'change_contact')}${type}${body}</xml>`;
}

export function externalContactXml(corpid: string, createTime: number, change: ExternalContactChange): string {
  const extra =
    change.kind === 'add_external_contact'
      ? `<State>${cdata('')}</State><WelcomeCode>${cdata(`WELCOME_${change.externalUserid.slice(-8)}`)}</WelcomeCode>`
      : change.kind === 'del_external_contact'
        ? `<Source>${cdata('DELETE_BY_TRANSFER')}</Source>`
        : '';
  return (
    `<xml>${head(corpid, createTime, 'change_external_contact')}<ChangeType>${cdata(change.kind)}</ChangeType>` +
    `<UserID>${cdata(change.userid)}</UserID><ExternalUserID>${cdata(change.externalUserid)}</ExternalUserID>${extra}</xml>`
  );
}

export function batchJobResultXml(corpid: string, createTime: number, job: { jobid: string; type: string; errcode: number; errmsg: string }): string {
  return (
    `<xml>${head(corpid, createTime, 'batch_job_result')}<BatchJob><JobId>${cdata(job.jobid)}</JobId>` +
    `<JobType>${cdata(job.type)}</JobType><ErrCode>${job.errcode}</ErrCode><ErrMsg>${cdata(job.errmsg)}</ErrMsg></BatchJob></xml>`
  );
}
