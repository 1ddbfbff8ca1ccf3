// Name material for the seeds: common Chinese surnames and given-name characters with their pinyin (so userids
// look like the ones Chinese companies use: zhangwei, liuxiaoyan), positions, and company names for customers.
import type { Prng } from './prng';

export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'],
  ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['高', 'gao'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'],
  ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
  ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['潘', 'pan'],
  ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['余', 'yu'], ['于', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'],
  ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'], ['卢', 'lu'], ['姚', 'yao'], ['沈', 'shen'],
  ['钟', 'zhong'], ['姜', 'jiang'], ['崔', 'cui'], ['谭', 'tan'], ['陆', 'lu'], ['范', 'fan'], ['汪', 'wang'],
  ['廖', 'liao'], ['石', 'shi'], ['金', 'jin'], ['贾', 'jia'], ['夏', 'xia'], ['方', 'fang'], ['邹', 'zou'],
  ['熊', 'xiong'], ['白', 'bai'], ['孟', 'meng'], ['秦', 'qin'], ['邱', 'qiu'], ['侯', 'hou'], ['江', 'jiang'],
  ['尹', 'yin'], ['薛', 'xue'], ['段', 'duan'], ['雷', 'lei'], ['龙', 'long'], ['史', 'shi'], ['陶', 'tao'], ['贺', 'he'],
  ['毛', 'mao'], ['郝', 'hao'], ['顾', 'gu'], ['龚', 'gong'], ['邵', 'shao'], ['万', 'wan'], ['钱', 'qian'], ['戴', 'dai'],
  ['严', 'yan'], ['欧阳', 'ouyang'], ['上官', 'shangguan'], ['司马', 'sima'],
];

export const GIVEN_MALE: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['杰', 'jie'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'],
  ['华', 'hua'], ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'], ['斌', 'bin'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'],
  ['健', 'jian'], ['俊', 'jun'], ['帆', 'fan'], ['旭', 'xu'], ['宁', 'ning'], ['峰', 'feng'], ['建', 'jian'],
  ['国', 'guo'], ['志', 'zhi'], ['文', 'wen'], ['博', 'bo'], ['晨', 'chen'], ['子', 'zi'], ['轩', 'xuan'], ['睿', 'rui'],
  ['泽', 'ze'], ['诚', 'cheng'], ['毅', 'yi'], ['坤', 'kun'], ['东', 'dong'], ['海', 'hai'], ['亮', 'liang'],
  ['成', 'cheng'], ['嘉', 'jia'], ['振', 'zhen'], ['天', 'tian'], ['昊', 'hao'], ['立', 'li'], ['雷', 'lei'],
];

export const GIVEN_FEMALE: readonly (readonly [string, string])[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'], ['霞', 'xia'],
  ['秀', 'xiu'], ['燕', 'yan'], ['玲', 'ling'], ['丹', 'dan'], ['萍', 'ping'], ['红', 'hong'], ['婷', 'ting'],
  ['雪', 'xue'], ['琳', 'lin'], ['晶', 'jing'], ['颖', 'ying'], ['慧', 'hui'], ['倩', 'qian'], ['佳', 'jia'], ['欣', 'xin'],
  ['悦', 'yue'], ['思', 'si'], ['雨', 'yu'], ['梦', 'meng'], ['琪', 'qi'], ['彤', 'tong'], ['瑶', 'yao'], ['怡', 'yi'],
  ['璐', 'lu'], ['蕾', 'lei'], ['薇', 'wei'], ['月', 'yue'], ['诗', 'shi'], ['涵', 'han'], ['晓', 'xiao'], ['露', 'lu'],
  ['婉', 'wan'], ['清', 'qing'], ['馨', 'xin'],
];

/** More characters common in names, for console-style generated userids (not used to make names). */
const EXTRA_PINYIN: readonly (readonly [string, string])[] = [
  ['小', 'xiao'], ['大', 'da'], ['新', 'xin'], ['永', 'yong'], ['世', 'shi'], ['春', 'chun'], ['秋', 'qiu'], ['冬', 'dong'],
  ['德', 'de'], ['松', 'song'], ['兰', 'lan'], ['梅', 'mei'], ['玉', 'yu'], ['珍', 'zhen'], ['英', 'ying'], ['荣', 'rong'],
  ['福', 'fu'], ['贵', 'gui'], ['安', 'an'], ['三', 'san'], ['四', 'si'], ['五', 'wu'], ['桂', 'gui'], ['云', 'yun'],
];

const PINYIN = new Map<string, string>([...SURNAMES, ...GIVEN_MALE, ...GIVEN_FEMALE, ...EXTRA_PINYIN]);

/** zhangwei (or ZhangWei, as the console generates ids); null if a character has no known pinyin. */
export function toPinyinUserid(name: string, camel = false): string | null {
  const parts: string[] = [];
  let rest = name;
  const compound = SURNAMES.find(([s]) => s.length === 2 && rest.startsWith(s));
  if (compound) {
    parts.push(compound[1]);
    rest = rest.slice(2);
  }
  for (const ch of rest) {
    const py = PINYIN.get(ch);
    if (!py) return null;
    parts.push(py);
  }
  if (parts.length === 0) return null;
  return camel ? parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('') : parts.join('');
}

export interface PersonName {
  name: string;
  pinyin: string;
  gender: '1' | '2';
}

/** A realistic name: one surname and one or two given characters (two about 70 % of the time). */
export function randomPerson(rng: Prng): PersonName {
  const [sn, sp] = rng.weightedPick(SURNAMES);
  const gender: '1' | '2' = rng.next() < 0.52 ? '1' : '2';
  const pool = gender === '1' ? GIVEN_MALE : GIVEN_FEMALE;
  const two = rng.next() < 0.7;
  const [g1, p1] = rng.pick(pool);
  const [g2, p2] = two ? rng.pick(pool) : ['', ''];
  return { name: `${sn}${g1}${g2}`, pinyin: `${sp}${p1}${p2}`, gender };
}

export const CUSTOMER_COMPANIES: readonly string[] = [
  '杭州星辰网络科技有限公司', '上海远航物流有限公司', '深圳市华信电子有限公司', '北京博达咨询有限公司',
  '南京瑞丰建材有限公司', '广州市天和贸易有限公司', '苏州恒通精密机械有限公司', '成都蓝海软件有限公司',
  '武汉长江医药有限公司', '天津滨海能源有限公司', '宁波东港实业有限公司', '厦门鹭岛食品有限公司',
];

export const CUSTOMER_POSITIONS: readonly string[] = ['采购经理', '总经理', 'IT 主管', '行政主管', '财务总监', '运营负责人'];
