// XML for callbacks, parsed with fast-xml-parser and never expanding entities: documents with a DOCTYPE,
// ENTITY or any other `<!` declaration (except CDATA) are refused before parsing, the parser's own entity
// processing is off, and only the five predefined entities and numeric references are decoded, in one pass
// and only outside CDATA. Values stay strings (64-bit MsgIds must not become lossy numbers).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class XmlRejected extends Error {}

/** A parsed element: text, or named children (repeated names become arrays). Prototype-free. */
export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

const CDATA = '#cdata';
const TEXT = '#text';
export const MAX_XML_CHARS = 128 * 1024;
const MAX_DEPTH = 8;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  cdataPropName: CDATA,
  textNodeName: TEXT,
  maxNestedTags: MAX_DEPTH + 2,
});

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name];
    const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

function normalize(v: unknown, depth: number): XmlValue {
  if (depth > MAX_DEPTH) throw new XmlRejected('too deep');
  if (typeof v === 'string') return decodeEntities(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => normalize(x, depth + 1));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    const named = entries.filter(([k]) => k !== CDATA && k !== TEXT);
    if (named.length === 0) {
      // Text and CDATA only (a value mixing both keeps both, text first).
      const text = (v as Record<string, unknown>)[TEXT];
      const cdata = (v as Record<string, unknown>)[CDATA];
      const parts = [typeof text === 'string' ? decodeEntities(text) : '', ...(Array.isArray(cdata) ? cdata : [cdata]).map((c) => (typeof c === 'string' ? c : ''))];
      return parts.join('');
    }
    const node: XmlNode = Object.create(null) as XmlNode;
    for (const [k, child] of named) node[k] = normalize(child, depth + 1);
    return node;
  }
  return '';
}

// Most callbacks are flat `<xml>` documents of CDATA or plain-text children. Those are read by one linear sticky
// regex (no entities can occur: `&` and `<` are excluded from text, CDATA may not contain `]]>`); anything else —
// nesting, repeated names, entities, split CDATA, reserved names — falls through to fast-xml-parser.
const FLAT_CHILD = /\s*<([A-Za-z_][A-Za-z0-9_]{0,63})>(?:<!\[CDATA\[((?:[^\]]|\](?!\]>))*)\]\]>|([^<&]*))<\/\1>\s*/y;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function parseFlat(s: string): XmlNode | null {
  if (!s.startsWith('<xml>') || !s.endsWith('</xml>')) return null;
  const end = s.length - 6;
  const node: XmlNode = Object.create(null) as XmlNode;
  let i = 5;
  while (i < end) {
    FLAT_CHILD.lastIndex = i;
    const m = FLAT_CHILD.exec(s);
    if (!m || FLAT_CHILD.lastIndex > end || RESERVED.has(m[1]) || m[1] in node) return null;
    node[m[1]] = m[2] ?? m[3].trim();
    i = FLAT_CHILD.lastIndex;
  }
  return i === end && i > 5 ? node : null;
}

/** Parses a callback document and returns the children of its root element (`<xml>…</xml>`). */
export function parseXml(text: string, opts: { validate?: boolean; flat?: boolean } = {}): XmlNode {
  if (text.length > MAX_XML_CHARS) throw new XmlRejected('too large');
  const flat = opts.flat === false ? null : parseFlat(text.trim());
  if (flat) return flat;
  if (/<!(?!\[CDATA\[)/.test(text)) throw new XmlRejected('declarations are not accepted');
  if (opts.validate !== false && XMLValidator.validate(text) !== true) throw new XmlRejected('not well-formed');
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch {
    throw new XmlRejected('not parseable');
  }
  if (!doc || typeof doc !== 'object') throw new XmlRejected('empty');
  const roots = Object.keys(doc);
  if (roots.length !== 1) throw new XmlRejected('one root element expected');
  const root = normalize((doc as Record<string, unknown>)[roots[0]], 0);
  if (typeof root === 'string' || Array.isArray(root)) throw new XmlRejected('root has no elements');
  return root;
}

/** A single text child, or null when absent; repeated or structured values are refused. */
export function text(node: XmlNode, name: string): string | null {
  if (!Object.prototype.hasOwnProperty.call(node, name)) return null;
  const v = node[name];
  if (typeof v !== 'string') throw new XmlRejected(`${name} is not a single value`);
  return v;
}

export function child(node: XmlNode, name: string): XmlNode | null {
  const v = Object.prototype.hasOwnProperty.call(node, name) ? node[name] : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
}

export function children(node: XmlNode, name: string): XmlValue[] {
  const v = Object.prototype.hasOwnProperty.call(node, name) ? node[name] : undefined;
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Flat scalar fields of a message (nested elements skipped), for logs and stored events. */
export function scalarFields(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function cdata(s: string): string {
  return `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
