import { describe, expect, it } from 'vitest';
import { WeComValidationError } from '../../../main/wecom/api/common';
import {
  assertValidMessage,
  messageProblems,
  planSendBatches,
  type MessageContent,
  type NewsArticle,
} from '../../../main/wecom/api/message-rules';

const han = (n: number) => '汉'.repeat(n); // 3 UTF-8 bytes each

describe('message byte limits (checked before sending)', () => {
  it('text: ≤ 2048 bytes, counted in UTF-8, not characters; empty refused', () => {
    expect(messageProblems({ msgtype: 'text', text: { content: han(682) + 'ab' } })).toEqual([]); // 2048 B
    const p = messageProblems({ msgtype: 'text', text: { content: han(683) } }); // 2049 B
    expect(p).toEqual(['text.content 为 2049 字节，超过上限 2048 字节']);
    expect(messageProblems({ msgtype: 'text', text: { content: '' } })).toEqual(['text.content 不能为空']);
  });

  it('markdown: ≤ 2048 bytes (4096 is the group-robot webhook limit, not ours)', () => {
    expect(messageProblems({ msgtype: 'markdown', markdown: { content: 'x'.repeat(2048) } })).toEqual([]);
    expect(messageProblems({ msgtype: 'markdown', markdown: { content: 'x'.repeat(2049) } })).toHaveLength(1);
  });

  it('textcard: title 128 B, description 512 B, url 2048 B with a scheme, btntxt ≤ 4 characters', () => {
    const ok: MessageContent = {
      msgtype: 'textcard',
      textcard: { title: 'x'.repeat(128), description: han(170) + 'ab', url: 'https://e.example/' + 'a'.repeat(2030), btntxt: '查看详情' },
    };
    expect(messageProblems(ok)).toEqual([]);
    const bad: MessageContent = {
      msgtype: 'textcard',
      textcard: { title: han(43), description: han(171), url: 'e.example/path', btntxt: '立即查看详情' },
    };
    const p = messageProblems(bad);
    expect(p).toContain('textcard.title 为 129 字节，超过上限 128 字节');
    expect(p).toContain('textcard.description 为 513 字节，超过上限 512 字节');
    expect(p).toContain('textcard.url 必须带协议头（如 https://）');
    expect(p).toContain('textcard.btntxt 为 6 个字，最多 4 个字');
    expect(messageProblems({ msgtype: 'textcard', textcard: { title: 't', description: 'd', url: 'https://a/' + 'a'.repeat(2040) } })).toEqual([
      'textcard.url 为 2050 字节，超过上限 2048 字节',
    ]);
  });

  it('news: 1–8 articles, each with a title and a url or mini program', () => {
    const art = (i: number): NewsArticle => ({ title: `标题${i}`, url: `https://e.example/${i}` });
    expect(messageProblems({ msgtype: 'news', news: { articles: [art(1)] } })).toEqual([]);
    expect(messageProblems({ msgtype: 'news', news: { articles: Array.from({ length: 8 }, (_, i) => art(i)) } })).toEqual([]);
    expect(messageProblems({ msgtype: 'news', news: { articles: Array.from({ length: 9 }, (_, i) => art(i)) } })).toEqual([
      'news 需要 1–8 条图文，当前 9 条',
    ]);
    expect(messageProblems({ msgtype: 'news', news: { articles: [] } })).toEqual(['news 需要 1–8 条图文，当前 0 条']);
    expect(messageProblems({ msgtype: 'news', news: { articles: [{ title: 't', appid: 'wx1', pagepath: 'pages/i' }] } })).toEqual([]);
    const p = messageProblems({ msgtype: 'news', news: { articles: [{ title: '', description: han(200), picurl: 'p' }] } });
    expect(p).toEqual([
      'news.articles[0].title 不能为空',
      'news.articles[0].description 为 600 字节，超过上限 512 字节',
      'news.articles[0] 需要 url，或同时提供 appid 和 pagepath',
    ]);
    expect(messageProblems({ msgtype: 'news', news: { articles: [art(1)] } }, { safe: 1 })).toEqual(['图文消息（news）不支持保密消息 safe=1']);
  });

  it('template_card: known card types; interactive cards need a task_id ≤ 128 bytes', () => {
    expect(messageProblems({ msgtype: 'template_card', template_card: { card_type: 'text_notice', main_title: { title: 'x' } } })).toEqual([]);
    expect(messageProblems({ msgtype: 'template_card', template_card: { card_type: 'button_interaction' } })).toEqual([
      'template_card.task_id 不能为空',
    ]);
    expect(
      messageProblems({ msgtype: 'template_card', template_card: { card_type: 'vote_interaction', task_id: 't'.repeat(129) } }),
    ).toEqual(['template_card.task_id 为 129 字节，超过上限 128 字节']);
  });

  it('duplicate_check_interval ≤ 4 h', () => {
    const m: MessageContent = { msgtype: 'text', text: { content: 'hi' } };
    expect(messageProblems(m, { enable_duplicate_check: 1, duplicate_check_interval: 14_400 })).toEqual([]);
    expect(messageProblems(m, { duplicate_check_interval: 14_401 })).toHaveLength(1);
  });

  it('assertValidMessage throws a clear, typed error listing every problem', () => {
    try {
      assertValidMessage({ msgtype: 'textcard', textcard: { title: '', description: '', url: '' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WeComValidationError);
      const err = e as WeComValidationError;
      expect(err.code).toBe('wecom_validation');
      expect(err.problems).toHaveLength(3);
      expect(err.message).toContain('未发送');
    }
  });
});

describe('recipient batching', () => {
  it('≤ 1000 users, ≤ 100 departments and ≤ 100 tags per call, in as few calls as possible', () => {
    const users = Array.from({ length: 2500 }, (_, i) => `u${i}`);
    const parties = Array.from({ length: 150 }, (_, i) => i + 2);
    const batches = planSendBatches({ touser: users, toparty: parties, totag: [1] });
    expect(batches).toHaveLength(3);
    expect(batches[0].touser!.split('|')).toHaveLength(1000);
    expect(batches[0].toparty!.split('|')).toHaveLength(100);
    expect(batches[0].totag).toBe('1');
    expect(batches[1].touser!.split('|')).toHaveLength(1000);
    expect(batches[1].toparty!.split('|')).toHaveLength(50);
    expect(batches[1].totag).toBeUndefined();
    expect(batches[2]).toEqual({ touser: users.slice(2000).join('|') });
    expect(batches.flatMap((b) => b.touser!.split('|'))).toEqual(users);
  });

  it('drops duplicates and blanks; @all is one call without departments or tags', () => {
    expect(planSendBatches({ touser: ['a', 'b', 'a', ' ', 'c'] })).toEqual([{ touser: 'a|b|c' }]);
    expect(planSendBatches({ touser: '@all', toparty: [1] })).toEqual([{ touser: '@all' }]);
    expect(planSendBatches({ toparty: ['2', 3], totag: [] })).toEqual([{ toparty: '2|3' }]);
  });

  it('refuses a send with nobody to send to (82001) before calling WeCom', () => {
    expect(() => planSendBatches({ touser: [], toparty: [] })).toThrow(WeComValidationError);
  });
});
