// Loading the workshop content: the real folder is valid, and broken folders are refused with exact errors.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, checkContent, defaultContentDir, loadContent } from '../../src/content/load.js';

const real = defaultContentDir({});

/** A copy of the real content folder, with one file changed by `edit`. */
function broken(file: string, edit: (json: unknown) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(real, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8'))), null, 2));
  return dir;
}

function errorsOf(dir: string): string[] {
  try {
    loadContent(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as ContentError).errors;
  }
  throw new Error('expected a ContentError');
}

type Json = Record<string, unknown> & { id?: string };

describe('the workshop content', () => {
  const content = loadContent(real);

  it('has the 16 institutional-framework indicators with the deck figures', () => {
    expect(content.indicators).toHaveLength(16);
    const g = (id: string) => content.indicators.find((i) => i.id === id)?.global;
    expect(g('cybersecurity-law')?.count).toBe(153);
    expect(g('access-to-information')).toMatchObject({ count: 132, share: 68 });
    expect(g('privacy-statement')).toMatchObject({ count: 127, share: 66 });
    expect(g('org-structure')?.share).toBe(93);
    expect(g('cio-information')?.share).toBe(77);
    expect(g('e-participation-law')?.count).toBe(91);
    // The deck gives no number for these: none is invented.
    expect(g('digital-id')).toBeUndefined();
    expect(g('national-portal')).toBeUndefined();
    for (const i of content.indicators) expect(i.question).toMatch(/\?$/);
  });

  it('keeps every unit short enough to answer alone, and the meta of the title slide', () => {
    for (const s of content.sections) for (const u of s.units) expect(u.text.length).toBeLessThanOrEqual(600);
    expect(content.meta.presenter).toBe('Keping Yao');
    expect(content.quiz.length).toBeGreaterThanOrEqual(12);
    expect(content.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checkContent summarises a valid folder', () => {
    const r = checkContent(real);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.summary).toContain('16 indicators');
  });

  it('resolves the default folder from the package, not the working directory', () => {
    expect(defaultContentDir({})).toBe(real);
    expect(readFileSync(join(real, 'meta.json'), 'utf8')).toContain('Keping Yao');
    expect(defaultContentDir({ CONTENT_DIR: '/somewhere/else' })).toBe('/somewhere/else');
  });
});

describe('a broken content folder', () => {
  it('names the file, the item and the field of a bad value', () => {
    const dir = broken('indicators.json', (file) => {
      ((file as Json).indicators as Json[])[9]!.global = { count: 'many', source: 'x' };
      return file;
    });
    const errors = errorsOf(dir);
    expect(errors.some((e) => e.startsWith('indicators.json: item "cybersecurity-law" (#10): field "global.count":'))).toBe(true);
    const check = checkContent(dir);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.join('\n')).toContain('field "global.count"');
  });

  it('refuses a unit longer than 600 characters', () => {
    const dir = broken('sections.json', (list) => {
      ((list as Json[])[0]!.units as Json[])[1]!.text = 'x'.repeat(601);
      return list;
    });
    expect(errorsOf(dir).join('\n')).toMatch(/sections\.json: item "wog-definition" \(#1\): field "units\.1\.text":/);
  });

  it('refuses a quiz answer outside its choices and a source section that does not exist', () => {
    const dir = broken('quiz.json', (list) => {
      (list as Json[])[0]!.answer = 7;
      ((list as Json[])[1]!.source as Json).section = 'no-such-section';
      return list;
    });
    const text = errorsOf(dir).join('\n');
    expect(text).toContain('quiz.json: item "wog-definition" (#1): field "answer": 7 is not an index');
    expect(text).toContain('quiz.json: item "one-stop-shop" (#2): field "source.section": no section "no-such-section"');
  });

  it('refuses duplicate ids and indicators that point at missing sections', () => {
    const dir = broken('indicators.json', (file) => {
      const l = (file as Json).indicators as Json[];
      l[1]!.id = l[0]!.id;
      l[2]!.sections = ['nowhere'];
      return file;
    });
    const text = errorsOf(dir).join('\n');
    expect(text).toContain('indicators.json: item "national-portal" (#2): field "id": duplicate');
    expect(text).toContain('field "sections.0": no section "nowhere"');
  });

  it('names a missing file, a file that is not JSON and an unexpected file', () => {
    const dir = broken('meta.json', (m) => m);
    writeFileSync(join(dir, 'glossary.json'), '{ not json');
    writeFileSync(join(dir, 'glosary.json'), '[]');
    const text = errorsOf(dir).join('\n');
    expect(text).toContain('glossary.json: not valid JSON');
    expect(text).toContain('glosary.json: unexpected file');
    const missing = mkdtempSync(join(tmpdir(), 'content-'));
    expect(errorsOf(missing).join('\n')).toContain('meta.json: missing');
  });

  it('names a bad field of meta.json', () => {
    const dir = broken('meta.json', (m) => ({ ...(m as Json), memberStates: -1 }));
    expect(errorsOf(dir).join('\n')).toContain('meta.json: field "memberStates":');
  });

  it('names a bad field of the indicator set', () => {
    const dir = broken('indicators.json', (file) => ({ ...(file as Json), set: { name: '', population: { count: 0, label: 'x' } } }));
    const text = errorsOf(dir).join('\n');
    expect(text).toContain('indicators.json: field "set.name":');
    expect(text).toContain('indicators.json: field "set.population.count":');
  });

  it('still reads an older pack: indicators as a bare array, the survey and member states in meta.json', () => {
    const dir = broken('indicators.json', (file) => (file as Json).indicators);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Json;
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, memberStates: 193, survey: 'An Older Survey' }));
    const content = loadContent(dir);
    expect(content.indicatorSet).toEqual({ name: 'indicators', source: 'An Older Survey', population: { count: 193, label: 'countries' } });
    expect(content.indicators).toHaveLength(16);
  });
});
