// Keeps dependencies pointing one way: app -> adapters -> domains -> core -> content and store, read from the import lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SDKS = ['grammy', '@grammyjs', '@slack', 'botbuilder', 'botframework', 'express'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** The project path a relative import points at ('src/core/bot.js'), or undefined for a package. */
function target(file: string, spec: string): string | undefined {
  return spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)).split('\\').join('/') : undefined;
}

/** The src/ folder a project path is in ('core'), or undefined outside src/. */
const folderOf = (path: string): string | undefined => /^src\/([^/]+)\//.exec(path)?.[1];

/**
 * src/ folders from the bottom up: a folder imports only from its own and lower ranks. Domains sit above the core
 * (cohorts, then follow-ups, which schedule for cohorts, then reports on both); only the app is above them all.
 */
const RANK: Record<string, number> = { content: 0, store: 0, qa: 1, quiz: 1, authoring: 2, core: 3, cohorts: 4, followups: 5, reports: 6, app: 7 };
/** The neutral message model imports nothing and is everyone's vocabulary (the store records platforms by it). */
const SHARED = ['src/core/messages.js'];

const below = ['core', 'content', 'qa', 'quiz', 'followups', 'cohorts', 'reports', 'store', 'authoring'];
const srcFiles = Object.keys(RANK).flatMap((d) => files(join(root, 'src', d)));
const adapterFiles = files(join(root, 'adapters'));

describe('architecture', () => {
  const coreFiles = below.flatMap((d) => files(join(root, 'src', d)));

  it('finds the sources, every src/ folder ranked', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
    const folders = readdirSync(join(root, 'src')).filter((d) => statSync(join(root, 'src', d)).isDirectory());
    expect(folders.filter((d) => !(d in RANK)), 'a new src/ folder needs a rank here').toEqual([]);
  });

  it.each(coreFiles.map((f) => [relative(root, f)]))('%s imports no adapter, app module or platform SDK', (file) => {
    for (const spec of imports(join(root, file))) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(/adapters\/|\/app\//);
      expect(SDKS.some((sdk) => spec === sdk || spec.startsWith(`${sdk}/`)), `${file} imports ${spec}`).toBe(false);
    }
  });

  it.each(srcFiles.map((f) => [relative(root, f)]))('%s imports only downward (its own folder or a lower one)', (file) => {
    const from = folderOf(file)!;
    for (const spec of imports(join(root, file))) {
      const to = target(join(root, file), spec);
      const folder = to && folderOf(to);
      if (!folder || folder === from || SHARED.includes(to)) continue;
      expect(RANK[folder], `${file} imports ${spec}: ${folder} is not below ${from}`).toBeLessThan(RANK[from]!);
    }
  });

  it('keeps the core free of follow-ups, cohorts and reports', () => {
    for (const file of files(join(root, 'src', 'core'))) {
      for (const spec of imports(file)) expect(spec, `${relative(root, file)} imports ${spec}`).not.toMatch(/\/(followups|cohorts|reports)\//);
    }
  });

  it('lets only src/app wire adapters: no other src/ module and no adapter imports src/app', () => {
    for (const file of srcFiles.filter((f) => folderOf(relative(root, f)) !== 'app')) {
      for (const spec of imports(file)) expect(target(file, spec) ?? '', `${relative(root, file)} imports ${spec}`).not.toMatch(/^adapters\//);
    }
    for (const file of adapterFiles) {
      for (const spec of imports(file)) expect(target(file, spec) ?? '', `${relative(root, file)} imports ${spec}`).not.toMatch(/^src\/app\//);
    }
  });

  it('has follow-ups, cohorts and reports depend on ports, never the Bot class', () => {
    for (const d of ['followups', 'cohorts', 'reports']) {
      for (const file of files(join(root, 'src', d))) {
        for (const spec of imports(file)) expect(target(file, spec), `${relative(root, file)} imports ${spec}`).not.toBe('src/core/bot.js');
      }
    }
  });

  it('keeps the console inbox out of the Store: it belongs to the console adapter', () => {
    const types = readFileSync(join(root, 'src', 'store', 'types.ts'), 'utf8');
    const store = /export interface Store \{([\s\S]*?)\n\}/.exec(types)?.[1];
    expect(store, 'the Store interface').toBeDefined();
    // No member named for it (a comment may say /forget erases the inbox's rows too).
    expect(store).not.toMatch(/^\s*\w*(inbox|console)\w*\??\s*[(:]/im);
    expect(readFileSync(join(root, 'src', 'store', 'sql-store.ts'), 'utf8')).not.toMatch(/\b(push|take)Inbox\b/);
  });

  it('keeps platform names out of the core services: no Telegram username there', () => {
    const context = readFileSync(join(root, 'src', 'core', 'context.ts'), 'utf8');
    expect(context).not.toMatch(/telegramUsername|TELEGRAM/);
  });
});
