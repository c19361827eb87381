// Walking fast-xml-parser's ordered output (preserveOrder), where document order matters (runs and breaks).
import { XMLParser } from 'fast-xml-parser';

/** One element: `{ "a:p": [children], ":@": { attributes } }`, or a text node `{ "#text": "..." }`. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // Spaces at the edges of a run are part of the text ("Open " + "data").
  trimValues: false,
  htmlEntities: true,
});

export const parseXml = (xml: string): XNode[] => parser.parse(xml) as XNode[];

export const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';

export const childrenOf = (n: XNode): XNode[] => {
  const c = n[tagOf(n)];
  return Array.isArray(c) ? (c as XNode[]) : [];
};

export const attr = (n: XNode | undefined, name: string): string | undefined =>
  (n?.[':@'] as Record<string, string> | undefined)?.[name];

export const child = (nodes: XNode[], tag: string): XNode | undefined => nodes.find((n) => tagOf(n) === tag);

export const childrenNamed = (nodes: XNode[], tag: string): XNode[] => nodes.filter((n) => tagOf(n) === tag);

/** The element reached by following tags from `nodes`, e.g. `at(doc, 'p:sld', 'p:cSld', 'p:spTree')`. */
export function at(nodes: XNode[], ...tags: string[]): XNode | undefined {
  let cur: XNode | undefined;
  let list = nodes;
  for (const t of tags) {
    cur = child(list, t);
    if (!cur) return undefined;
    list = childrenOf(cur);
  }
  return cur;
}

/** Every element with this tag anywhere below `nodes`, in document order. */
export function descendants(nodes: XNode[], tag: string): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    if (tagOf(n) === tag) out.push(n);
    else out.push(...descendants(childrenOf(n), tag));
  }
  return out;
}

/** The text of a text node list (`#text` children). */
export const textOf = (nodes: XNode[]): string => nodes.map((n) => (typeof n['#text'] === 'string' ? n['#text'] : '')).join('');
