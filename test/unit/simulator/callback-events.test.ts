import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { batchJobResultXml, cdata, contactChangeXml, externalContactXml } from '../../../main/simulator/callback-events';
import { blankUser } from '../../../main/simulator/user-ops';

const parse = (xml: string | null) => (new XMLParser({ parseTagValue: false }).parse(xml ?? '') as { xml: Record<string, string> }).xml;

const user = Object.assign(blankUser('zhangsan', '张三'), {
  department: [1, 2, 3],
  is_leader_in_dept: [1, 0, 0],
  main_department: 2,
  position: '产品经理',
  mobile: '13800000000',
  email: 'zs@example.com',
  activated: true,
});
const dept = { id: 5, name: '研发', name_en: '', parentid: 1, order: 10, department_leader: [] };

describe('change_contact XML', () => {
  it('carries every field for a legacy (full) receiver', () => {
    const x = parse(contactChangeXml('wwcorp', 1700000000, { kind: 'create_user', user }, true));
    expect(x).toMatchObject({
      ToUserName: 'wwcorp', FromUserName: 'sys', CreateTime: '1700000000', MsgType: 'event', Event: 'change_contact',
      ChangeType: 'create_user', UserID: 'zhangsan', Name: '张三', Department: '1,2,3', MainDepartment: '2',
      IsLeaderInDept: '1,0,0', Position: '产品经理', Mobile: '13800000000', Email: 'zs@example.com', Status: '1',
    });
  });

  it('carries only UserID/Department and Id/ParentId for a receiver set after 2022-08-15', () => {
    const x = parse(contactChangeXml('wwcorp', 1, { kind: 'update_user', user, previousUserid: 'ZhangSan' }, false));
    expect(x).toEqual({ ToUserName: 'wwcorp', FromUserName: 'sys', CreateTime: '1', MsgType: 'event', Event: 'change_contact', ChangeType: 'update_user', UserID: 'ZhangSan', Department: '1,2,3', NewUserID: 'zhangsan' });
    expect(parse(contactChangeXml('wwcorp', 1, { kind: 'create_party', dept }, false))).toMatchObject({ Id: '5', ParentId: '1' });
    expect(parse(contactChangeXml('wwcorp', 1, { kind: 'create_party', dept }, false))).not.toHaveProperty('Name');
  });

  it('sends update_party to a minimal receiver only when the parent changed', () => {
    expect(contactChangeXml('c', 1, { kind: 'update_party', dept, parentChanged: false }, false)).toBeNull();
    expect(contactChangeXml('c', 1, { kind: 'update_party', dept, parentChanged: true }, false)).not.toBeNull();
    expect(parse(contactChangeXml('c', 1, { kind: 'update_party', dept, parentChanged: false }, true))).toMatchObject({ Name: '研发', Order: '10' });
  });

  it('escapes ]]> inside CDATA', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
    expect(parse(`<xml><V>${cdata('a]]>b')}</V></xml>`).V).toBe('a]]>b');
  });
});

describe('other events', () => {
  it('builds change_external_contact and batch_job_result', () => {
    expect(parse(externalContactXml('c', 1, { kind: 'add_external_contact', userid: 'u', externalUserid: 'wmABCDEFGH12345678' }))).toMatchObject({
      Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: 'u', ExternalUserID: 'wmABCDEFGH12345678',
    });
    const x = new XMLParser({ parseTagValue: false }).parse(batchJobResultXml('c', 1, { jobid: 'j1', type: 'sync_user', errcode: 0, errmsg: 'ok' })) as {
      xml: { Event: string; BatchJob: Record<string, string> };
    };
    expect(x.xml.Event).toBe('batch_job_result');
    expect(x.xml.BatchJob).toEqual({ JobId: 'j1', JobType: 'sync_user', ErrCode: '0', ErrMsg: 'ok' });
  });
});
