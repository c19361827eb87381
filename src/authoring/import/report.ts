// The short report `content import` prints: what it made, what it could not place, and what to do next.
import type { ImportResult } from './run.js';

const NOUN = { pptx: 'slides', pdf: 'pages', markdown: 'headings' } as const;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatImportReport(r: ImportResult): string {
  const s = r.summary;
  const files = s.files.map((f) => `${f.file} (${f.pages} ${f.pages === 1 ? NOUN[f.format].slice(0, -1) : NOUN[f.format]})`).join(', ');
  const row = (label: string, value: string) => `  ${label.padEnd(18)}${value}`;
  const lines = [
    `Imported ${files} into ${r.out}`,
    row('title slide', s.metaFound.length ? s.metaFound.join(', ') : 'none found (edit meta.json)'),
    row('sections', String(s.sections)),
    row('units', `${s.units} (${plural(s.statistics, 'statistic')}, ${plural(s.definitions, 'definition')})`),
    row('figures', String(s.figures)),
    row('glossary entries', String(s.glossary)),
    row('quiz drafts', s.quiz ? `${s.quiz} (ids start with "draft-" and carry "draft": true until you check them)` : '0'),
    row('indicators', 'none: /readiness says this workshop has no self-assessment until indicators.json lists some'),
    row('example questions', r.examples.kept.length ? `${r.examples.kept.length} (each answered by the draft)` : 'none kept (the bot suggests section titles)'),
  ];
  if (s.repeats) lines.push(row('repeated texts', `${s.repeats} left out`));
  if (s.unplaced.length) lines.push('Could not place:', ...s.unplaced.map((u) => `  ${u}`));
  lines.push(
    `content check: OK${r.warnings ? `, ${plural(r.warnings, 'warning')} (see them with: workshop-bot content check --dir ${r.out})` : ''}`,
    `Next: edit the files in ${r.out}, then try it: CONTENT_DIR=${r.out} workshop-bot chat`,
  );
  return `${lines.join('\n')}\n`;
}
