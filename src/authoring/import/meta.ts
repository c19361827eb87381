// The title slide as meta.json: title, presenter, date, organisation, event, session, contact and location.
import * as chrono from 'chrono-node';
import type { Meta } from '../../content/schema.js';
import { squash, type Page, type SourceDeck } from './model.js';

export interface MetaDraft {
  meta: Meta;
  /** Which fields came from the slides (for the report). */
  found: (keyof Meta)[];
  /** Lines of the title slide that are none of these, with four words or more: kept as text. */
  prose: string[];
  /** Short lines that are none of these: reported. */
  unplaced: string[];
}

const ORG =
  /\b(?:ministry|department|agency|office|division|university|institute|bank|commission|council|authority|organi[sz]ation|united nations|government of|programme|program|centre|center|foundation|association|secretariat|bureau|directorate|academy|college|school|corporation|ltd|inc|gmbh)\b/i;
const EVENT = /\b(?:workshop|conference|seminar|training|forum|summit|course|webinar|symposium|bootcamp|masterclass|retreat|dialogue|academy|meeting)\b/i;
const ROLE = /\b(?:advis[eo]r|officer|director|manager|head|chief|minister|secretary|specialist|consultant|lead|expert|coordinator|professor|lecturer|analyst|president|chair|researcher|economist|fellow|engineer|architect|trainer|facilitator)\b/i;
const PERSON =
  /^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|H\.E|Hon)\.?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:de|da|del|van|von|der|den|bin|binti|al|el|la|le|di|dos|du)\s+)?\p{Lu}[\p{L}'’.-]+){1,3}(?:,\s*(?:PhD|MBA|MSc|MA|MPA|Jr\.?|Sr\.?))?$/u;
const PLACE = /^\p{Lu}[\p{L} .'’-]{1,40},\s*\p{Lu}[\p{L} .'’-]{1,40}$/u;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const LABELLED: [keyof Meta, RegExp][] = [
  ['presenter', /^(?:presented by|presenters?|speakers?|facilitators?|trainers?|authors?|by)\s*:?\s+(.+)$/i],
  ['date', /^(?:date|when)\s*:\s*(.+)$/i],
  ['location', /^(?:venue|location|place|where)\s*:\s*(.+)$/i],
  ['organisation', /^(?:organi[sz]ation|organi[sz]ed by|hosted by|host)\s*:?\s+(.+)$/i],
  ['workshop', /^(?:workshop|event|conference)\s*:\s*(.+)$/i],
  ['contact', /^(?:contact|e-?mail)\s*:\s*(.+)$/i],
];

/** A line that is a date and little else ("Wednesday, 22 June 2023", "12-14 March 2025"). */
function isDate(line: string): boolean {
  const r = chrono.parse(line)[0];
  return !!r && r.text.length >= 0.6 * line.length && (r.start.isCertain('year') || r.start.isCertain('month'));
}

/** The title slide's lines: each block and line break, and the parts of a line set apart by · | • or a spaced dash. */
function linesOf(page: Page): string[] {
  const texts = page.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'bullets' ? b.items.map((i) => i.text) : b.rows.map((r) => r.join(' '))));
  return texts.flatMap((t) => t.split(/\n|\s[·|•]\s|\s[–—]\s|\t/)).map(squash).filter(Boolean);
}

export function draftMeta(titlePage: Page | undefined, deck: SourceDeck): MetaDraft {
  const fileTitle = deck.file.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ');
  const meta: Meta = { title: squash(titlePage?.title ?? deck.info.title ?? fileTitle), workshop: '' };
  const found: (keyof Meta)[] = titlePage?.title ? ['title'] : [];
  const prose: string[] = [];
  const unplaced: string[] = [];
  const set = (field: keyof Meta, value: string) => {
    const v = squash(value);
    if (!v) return;
    if (field === 'organisation' && meta.organisation) meta.organisation = `${meta.organisation}, ${v}`;
    else if (meta[field] === undefined || meta[field] === '') (meta as Record<string, unknown>)[field] = v;
    else return;
    if (!found.includes(field)) found.push(field);
  };
  for (const raw of titlePage ? linesOf(titlePage) : []) {
    let line = raw;
    const email = EMAIL.exec(line);
    if (email) {
      set('contact', email[0]);
      line = squash(line.replace(email[0], '').replace(/^(?:contact|e-?mail)\s*:?\s*$/i, ''));
      if (!line) continue;
    }
    const label = LABELLED.find(([, re]) => re.test(line));
    if (label) set(label[0], label[1].exec(line)![1]!);
    else if (/^session\b/i.test(line)) set('session', line);
    else if (isDate(line)) set('date', line);
    else if (EVENT.test(line) && !meta.workshop) set('workshop', line);
    else if (PERSON.test(line) && !ORG.test(line) && !meta.presenter) set('presenter', line);
    else if (/,/.test(line) && PERSON.test(line.split(',')[0]!.trim()) && (ROLE.test(line) || ORG.test(line)) && !meta.presenter) {
      // "Ana Núñez, Senior Adviser, Ministry of Digital Affairs"
      const [name, ...rest] = line.split(',');
      set('presenter', name!);
      const org = rest.map((r) => r.trim()).filter((r) => ORG.test(r));
      if (org.length) set('organisation', org.join(', '));
    } else if (ORG.test(line)) set('organisation', line);
    else if (PLACE.test(line) && !meta.location) set('location', line);
    else if (line.split(/\s+/).length >= 4) prose.push(line);
    else unplaced.push(line);
  }
  if (!meta.presenter && deck.info.author && PERSON.test(deck.info.author)) set('presenter', deck.info.author);
  if (!meta.date && deck.info.date) set('date', deck.info.date);
  // The answerer says "part of the <workshop>": "the workshop" reads right until the trainer names it.
  if (!meta.workshop) meta.workshop = 'workshop';
  return { meta, found, prose, unplaced };
}
