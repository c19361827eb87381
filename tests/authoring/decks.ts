// Test decks built with pptxgenjs and pdfkit (no binaries in the repository): one workshop, as PPTX, PDF and Markdown.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import PptxGenJSModule from 'pptxgenjs';

// The package's types describe a CommonJS module; loaded as ESM its default export is the class itself.
const PptxGenJS = ((PptxGenJSModule as unknown as { default?: unknown }).default ?? PptxGenJSModule) as typeof PptxGenJSModule.default;

/** A 1x1 PNG: the deck's picture (pictures are counted, not read). */
const PNG = 'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const TITLE = 'Digital Public Services for Small Island States';

/** What a slide says, the same in every format. */
export interface SlideSpec {
  title: string;
  bullets?: (string | { text: string; level: number })[];
  paragraphs?: string[];
  table?: string[][];
  notes?: string;
  image?: boolean;
  hidden?: boolean;
}

export const SLIDES: SlideSpec[] = [
  {
    title: TITLE,
    paragraphs: ['Ana María Núñez · Ministry of Digital Affairs · 12 March 2025', 'Pacific Digital Government Workshop', 'Suva, Fiji'],
    notes: 'Welcome everyone; introduce the day’s programme and the facilitators.',
  },
  {
    title: 'Why digital public services?',
    bullets: ['Shorter queues at counters', 'Services on outer islands', 'Lower cost per transaction', 'Fewer paper forms'],
    notes: 'Ask participants which services they use online today. Digital Public Infrastructure (DPI) such as digital ID and payments makes each new service cheaper to build.',
  },
  {
    title: 'Open Government Data (OGD)',
    paragraphs: ['Open Government Data (OGD) is data that public bodies publish for anyone to use, reuse and share without charge.'],
    bullets: ['Published in machine-readable formats', 'Licensed for reuse, including commercial reuse', 'Updated on a known schedule'],
  },
  {
    title: 'Adoption across the region',
    paragraphs: ['64% of the 22 island states surveyed had a national services portal in 2024, up from 41% in 2019.'],
    table: [
      ['Country', 'Portal', 'Launched'],
      ['Fiji', 'digitalFIJI', '2021'],
      ['Samoa', 'Samoa Online', '2022'],
      ['São Tomé and Príncipe', 'e-Serviços', '2023'],
    ],
    notes: 'The survey was run by the workshop organisers in late 2024.',
  },
  {
    title: 'Digital identity',
    paragraphs: ['A digital ID is a set of electronic credentials that proves who a person is when using online services.'],
    bullets: ['Tonga’s “e-ID” pilot enrolled 18,500 residents in its first year 🚀', 'Enrolment runs through post offices on every island'],
  },
  { title: 'The service map', image: true },
  {
    title: 'Once-only principle',
    paragraphs: [
      'Under the once-only principle, people give the same information to government only once; agencies then share it among themselves with the person’s consent.',
      'In Arabic the principle is taught with the word حكومة (government) — one government, one request.',
    ],
    notes: 'Link this to the base registries slide later in the day.',
    image: true,
  },
  {
    title: 'Funding the first services',
    paragraphs: ['Development partners pledged USD 4.5 million for shared platforms over three years.'],
    table: [
      ['Item', 'Share of budget'],
      ['Shared cloud hosting', '35%'],
      ['Digital ID enrolment', '25%'],
      ['Training of civil servants', '20%'],
      ['Service redesign', '20%'],
    ],
  },
  {
    title: 'Lessons from early adopters',
    paragraphs: [
      'Early adopters learned that digital services succeed when they are designed around life events rather than around the agencies that deliver them. ' +
        'Registering a birth, starting a business and retiring each touch several ministries, and people do not want to visit each of them in turn. ' +
        'Countries that mapped these journeys first, and only then chose technology, delivered services that people actually used. ' +
        'Those that digitised existing paper forms one by one saw low uptake, because the forms themselves were the problem. ' +
        'A second lesson concerns connectivity: services must work on slow mobile connections and offline, since many outer islands rely on satellite links. ' +
        'A third is staffing: every service needs a named owner who can change the process, not only the website.',
    ],
  },
  {
    title: 'Cybersecurity basics',
    paragraphs: [
      'A Computer Emergency Response Team (CERT) coordinates the national response to cyber incidents.',
      'Phishing is an attempt to trick people into revealing passwords or payment details.',
    ],
    bullets: ['1 in 3 agencies reported a phishing incident in 2023', 'Only 9 of the 22 states have a national CERT'],
  },
  { title: 'Draft ideas (not for presentation)', bullets: ['Maybe add a slide on payments'], hidden: true },
  { title: 'Thank you — questions?' },
];

/** The PPTX: a title and body layout like PowerPoint's, some slides with plain text boxes instead, notes, tables, a picture. */
export async function writePptx(path: string, slides: SlideSpec[] = SLIDES): Promise<void> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.defineSlideMaster({
    title: 'CONTENT',
    objects: [
      { placeholder: { options: { name: 'title', type: 'title' as never, x: 0.5, y: 0.3, w: 9, h: 0.8 }, text: '' } },
      { placeholder: { options: { name: 'body', type: 'body' as never, x: 0.5, y: 1.3, w: 9, h: 2.2 }, text: '' } },
    ],
  });
  slides.forEach((s, i) => {
    // Odd slides use the layout's placeholders; even ones plain text boxes with a large title, as many decks do.
    const layout = i % 2 === 0 && i > 0;
    const slide = layout ? pptx.addSlide({ masterName: 'CONTENT' }) : pptx.addSlide();
    if (layout) slide.addText(s.title, { placeholder: 'title' });
    else slide.addText(s.title, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: i === 0 ? 36 : 30, bold: true });
    let y = 1.3;
    for (const p of s.paragraphs ?? []) {
      slide.addText(p, { x: 0.5, y, w: 9, h: 0.6, fontSize: 16 });
      y += 0.7;
    }
    if (s.bullets?.length) {
      const runs = s.bullets.map((b) => (typeof b === 'string' ? { text: b, options: { bullet: true, breakLine: true } } : { text: b.text, options: { bullet: true, indentLevel: b.level, breakLine: true } }));
      if (layout && !s.paragraphs?.length) slide.addText(runs, { placeholder: 'body' });
      else slide.addText(runs, { x: 0.5, y, w: 9, h: 1.5, fontSize: 16 });
      y += 1.6;
    }
    if (s.table) slide.addTable(s.table.map((r) => r.map((text) => ({ text }))), { x: 0.5, y: Math.min(y, 3.5), w: 8, fontSize: 12 });
    if (s.image) slide.addImage({ data: PNG, x: 8.5, y: 4.2, w: 1, h: 1 });
    if (s.notes) slide.addNotes(s.notes);
    if (s.hidden) slide.hidden = true;
  });
  await pptx.writeFile({ fileName: path });
}

const require = createRequire(import.meta.url);
/** A TrueType font with accents, curly quotes and dashes (PDF's standard fonts lack many of them). */
const FONT = require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
const BOLD = require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Bold.ttf');

/** The PDF: one landscape page a slide, titles larger than the text, bullets with "•", tables as spaced columns, a footer. */
export async function writePdf(path: string, opts: { slides?: SlideSpec[]; password?: string } = {}): Promise<void> {
  const slides = (opts.slides ?? SLIDES).filter((s) => !s.hidden);
  const doc = new PDFDocument({ size: [720, 405], margin: 36, autoFirstPage: false, info: { Title: TITLE }, ...(opts.password ? { userPassword: opts.password, ownerPassword: `${opts.password}!` } : {}) });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
  });
  slides.forEach((s, i) => {
    doc.addPage();
    doc.font('bold').fontSize(i === 0 ? 30 : 26).text(s.title, 36, 30, { width: 648 });
    let y = i === 0 ? 130 : 90;
    // Text in PDF has no font for Arabic, Hebrew or emoji here: the PPTX carries those.
    const plain = (t: string) => t.replace(/[\u0590-\u06ff]+/g, 'hukuma').replace(/\p{Extended_Pictographic}/gu, '').trim();
    for (const p of s.paragraphs ?? []) {
      doc.font('body').fontSize(14).text(plain(p), 36, y, { width: 648 });
      y = doc.y + 10;
    }
    for (const b of s.bullets ?? []) {
      const text = typeof b === 'string' ? b : b.text;
      const level = typeof b === 'string' ? 0 : b.level;
      doc.font('body').fontSize(14).text(`•  ${plain(text)}`, 48 + level * 24, y, { width: 600 });
      y = doc.y + 4;
    }
    for (const row of s.table ?? []) {
      row.forEach((cell, c) => doc.font('body').fontSize(12).text(cell, 48 + c * 220, y + 6, { lineBreak: false }));
      y += 20;
    }
    doc.font('body').fontSize(9).text('Pacific Digital Government Workshop 2025', 36, 380, { lineBreak: false });
    doc.text(String(i + 1), 670, 380, { lineBreak: false });
  });
  doc.end();
  await done;
}

/** The Markdown: the title as the one top heading, each slide a second-level heading. */
export function markdown(slides: SlideSpec[] = SLIDES): string {
  const [title, ...rest] = slides;
  const out = [`# ${title!.title}`, '', ...(title!.paragraphs ?? []).map((p) => `${p}\n`)];
  for (const s of rest.filter((x) => !x.hidden)) {
    out.push(`## ${s.title}`, '');
    for (const p of s.paragraphs ?? []) out.push(p, '');
    for (const b of s.bullets ?? []) out.push(typeof b === 'string' ? `- ${b}` : `${'  '.repeat(b.level)}- ${b.text}`);
    if (s.bullets?.length) out.push('');
    if (s.table) out.push(`| ${s.table[0]!.join(' | ')} |`, `|${s.table[0]!.map(() => '---').join('|')}|`, ...s.table.slice(1).map((r) => `| ${r.join(' | ')} |`), '');
    if (s.image) out.push(`![${s.title}](map.png)`, '');
  }
  return out.join('\n');
}

export async function writeMarkdown(path: string): Promise<void> {
  await writeFile(path, markdown());
}
