// The Teams app package: a zip with a valid-looking manifest and the two icons at the sizes Teams requires.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildTeamsAppPackage } from '../../adapters/teams/index.js';

const APP_ID = '0f3c2a9e-1b2c-4d5e-8f90-123456789abc';

/** Reads a zip's entries from its central directory (enough for yazl's output: stored or deflated files). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const pngSize = (png: Buffer) => ({ signature: png.subarray(1, 4).toString('ascii'), width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('buildTeamsAppPackage', () => {
  test('holds manifest.json, a 192x192 color icon and a 32x32 outline icon', async () => {
    const files = unzip(await buildTeamsAppPackage({ appId: APP_ID, baseUrl: 'https://bot.example.org', name: 'DESA Workshop' }));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(pngSize(files.get('color.png')!)).toEqual({ signature: 'PNG', width: 192, height: 192 });
    expect(pngSize(files.get('outline.png')!)).toEqual({ signature: 'PNG', width: 32, height: 32 });

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.name.short).toBe('DESA Workshop');
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    for (const c of manifest.bots[0].commandLists[0].commands) expect(c.title.length).toBeLessThanOrEqual(32);
  });

  test('refuses an app id that is not a GUID and a base URL that is not https', async () => {
    await expect(buildTeamsAppPackage({ appId: 'my-bot' })).rejects.toThrow(/GUID/);
    await expect(buildTeamsAppPackage({ appId: APP_ID, baseUrl: 'http://bot.example.org' })).rejects.toThrow(/https/);
  });

  test('the same inputs give the same bytes', async () => {
    const a = await buildTeamsAppPackage({ appId: APP_ID });
    const b = await buildTeamsAppPackage({ appId: APP_ID });
    expect(a.equals(b)).toBe(true);
  });
});
