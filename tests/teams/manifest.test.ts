// The Teams app package: a zip with a valid-looking manifest and the two icons at the sizes Teams requires.
import { inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildTeamsAppPackage } from '../../adapters/teams/index.js';
import { commandMenu } from '../../src/app/commands.js';
import { fixtureContent } from '../quiz/fixture.js';

const APP_ID = '0f3c2a9e-1b2c-4d5e-8f90-123456789abc';
const menu = commandMenu(fixtureContent());

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

/** Decodes an 8-bit RGBA or RGB, non-interlaced PNG (what resvg writes) into RGBA pixels. */
function decodePng(png: Buffer): { width: number; height: number; rgba: Buffer } {
  let p = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('ascii', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[12]]).toEqual([8, 0]); // 8 bits per sample, not interlaced
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      out[y * stride + x] = (v + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: out };
  const rgba = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0; i < width * height; i++) out.copy(rgba, i * 4, i * 3, i * 3 + 3);
  return { width, height, rgba };
}

const pngSize = (png: Buffer) => ({ signature: png.subarray(1, 4).toString('ascii'), width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('buildTeamsAppPackage', () => {
  test('holds manifest.json, a 192x192 color icon and a 32x32 outline icon', async () => {
    const files = unzip(await buildTeamsAppPackage({ appId: APP_ID, baseUrl: 'https://bot.example.org', name: 'DESA Workshop', menu }));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(pngSize(files.get('color.png')!)).toEqual({ signature: 'PNG', width: 192, height: 192 });
    expect(pngSize(files.get('outline.png')!)).toEqual({ signature: 'PNG', width: 32, height: 32 });

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.name.short).toBe('DESA Workshop');
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    // Files from the bot go through FileConsentCards, which need this.
    expect(manifest.bots[0].supportsFiles).toBe(true);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    for (const c of manifest.bots[0].commandLists[0].commands) expect(c.title.length).toBeLessThanOrEqual(32);
  });

  test('refuses an app id that is not a GUID and a base URL that is not https', async () => {
    await expect(buildTeamsAppPackage({ appId: 'my-bot', menu })).rejects.toThrow(/GUID/);
    await expect(buildTeamsAppPackage({ appId: APP_ID, baseUrl: 'http://bot.example.org', menu })).rejects.toThrow(/https/);
  });

  test('the color icon is a full opaque square with the logo inside the central 120x120 safe area', async () => {
    const { width, height, rgba } = decodePng(unzip(await buildTeamsAppPackage({ appId: APP_ID, menu })).get('color.png')!);
    expect([width, height]).toEqual([192, 192]);
    const at = (x: number, y: number) => [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
    const background = at(0, 0);
    const safe = (v: number) => v >= 36 && v < 156; // (192 - 120) / 2 = 36
    let logo = 0;
    const wrong: string[] = [];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const px = at(x, y);
        const differs = px.some((v, i) => v !== background[i]);
        if (px[3] !== 255) wrong.push(`${x},${y} is not opaque`);
        else if (!(safe(x) && safe(y)) && differs) wrong.push(`${x},${y} is outside the safe area`);
        else if (differs) logo++;
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(background).toEqual([0x00, 0x9e, 0xdb, 255]);
    expect(logo).toBeGreaterThan(120 * 120 * 0.2);
  });

  test('the same inputs give the same bytes', async () => {
    const a = await buildTeamsAppPackage({ appId: APP_ID, menu });
    const b = await buildTeamsAppPackage({ appId: APP_ID, menu });
    expect(a.equals(b)).toBe(true);
  });
});
