// XML hardening: no entity expansion (DOCTYPE/ENTITY refused before parsing), only the predefined entities and
// numeric references decoded (outside CDATA), values kept as strings, prototype-safe, bounded depth and size.
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseXml, scalarFields, text, XmlRejected } from '../../../main/listener/xml';

const rejected = (s: string) => {
  try {
    parseXml(s);
    return false;
  } catch (e) {
    return e instanceof XmlRejected;
  }
};

describe('parseXml', () => {
  it('reads a WeCom message: CDATA as is, numbers as strings (64-bit MsgId kept exactly)', () => {
    const m = parseXml('<xml><ToUserName><![CDATA[ww1]]></ToUserName><MsgId>9223372036854775807</MsgId><Content><![CDATA[a &lt; b]]></Content><AgentID>1000002</AgentID></xml>');
    expect(scalarFields(m)).toEqual({ ToUserName: 'ww1', MsgId: '9223372036854775807', Content: 'a &lt; b', AgentID: '1000002' });
  });

  it('decodes only predefined and numeric entities, once', () => {
    const m = parseXml('<xml><A>x &amp;lt; &lt;y&gt; &#20013;&#x6587; &quot;&apos; &unknown;</A></xml>');
    expect(text(m, 'A')).toBe('x &lt; <y> 中文 "\' &unknown;');
  });

  it('refuses DOCTYPE / ENTITY declarations (billion laughs, external entities)', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xml><A>&lol2;</A></xml>';
    expect(rejected(lol)).toBe(true);
    expect(rejected('<!DOCTYPE x SYSTEM "file:///etc/passwd"><xml><A>&x;</A></xml>')).toBe(true);
    expect(rejected('<xml><!ENTITY a "b"><A>1</A></xml>')).toBe(true);
  });

  it('refuses malformed documents, several roots, deep nesting and oversize input', () => {
    expect(rejected('<xml><A>1</B></xml>')).toBe(true);
    expect(rejected('<xml><A>1</A>')).toBe(true);
    expect(rejected('not xml')).toBe(true);
    expect(rejected('')).toBe(true);
    expect(rejected('<a/><b/>')).toBe(true);
    expect(rejected(`<xml>${'<a>'.repeat(50)}x${'</a>'.repeat(50)}</xml>`)).toBe(true);
    expect(rejected(`<xml><A>${'x'.repeat(200_000)}</A></xml>`)).toBe(true);
  });

  it('is prototype-safe and refuses repeated scalar fields where one is expected', () => {
    expect(rejected('<xml><__proto__><polluted>1</polluted></__proto__></xml>')).toBe(true);
    expect(rejected('<xml><constructor>x</constructor></xml>')).toBe(true);
    const m = parseXml('<xml><A>1</A><A>2</A></xml>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => text(m, 'A')).toThrow(XmlRejected);
    expect(text(m, 'Missing')).toBeNull();
    expect(text(m, 'toString')).toBeNull();
  });
});

describe('the flat fast path', () => {
  const pieces = ['a', '中文', ' ', '\n', '&', '<', '>', ']', ']]', '"', "'", '🙂', '=', '/', 'CDATA'];
  const value = () => Array.from({ length: randomInt(0, 12) }, () => pieces[randomInt(0, pieces.length)]).join('');
  const names = ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Content', 'MsgId', 'AgentID', 'Event', 'X_1'];

  it('agrees with fast-xml-parser on random flat and near-flat documents', () => {
    for (let i = 0; i < 3000; i++) {
      const kids = Array.from({ length: randomInt(1, 7) }, () => {
        const n = names[randomInt(0, names.length)];
        const v = value();
        const body = randomInt(0, 2) ? `<![CDATA[${v.replaceAll(']]>', ']]]]><![CDATA[>')}]]>` : v.replace(/[<&]/g, '');
        return `${randomInt(0, 4) ? '' : '\n  '}<${n}>${body}</${n}>`;
      });
      const doc = `<xml>${kids.join('')}</xml>`;
      const outcome = (flat: boolean) => {
        try {
          return JSON.stringify(parseXml(doc, { flat }));
        } catch (e) {
          return e instanceof XmlRejected ? 'rejected' : `threw ${String(e)}`;
        }
      };
      expect(outcome(true), doc).toBe(outcome(false));
    }
  });
});
