// The Teams app package (manifest.json + two icons, zipped) that an admin uploads to install the bot.
import type { CommandMenu } from '../../src/core/commands.js';

export interface TeamsAppPackageOptions {
  /** The Azure Bot's Microsoft App ID (a GUID); also used as the Teams app id. */
  appId: string;
  /** Public https base URL of this server; its host goes into validDomains and the developer links. */
  baseUrl?: string;
  /** Short name shown in Teams (at most 30 characters). */
  name?: string;
  /** The app package version (x.y.z); bump it for each upload of a changed package. */
  version?: string;
  /** The commands for the bot's menu, from the command registry (src/app/commands.ts). */
  menu: CommandMenu;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UN_BLUE = '#009EDB';
const DESA_URL = 'https://desapublications.un.org/';

/** Teams lists at most 10 commands, titles up to 32 characters and descriptions up to 128. */
export const TEAMS_MAX_COMMANDS = 10;

/** The commands Teams lists in the bot's menu; picking one sends its title as text, as the core expects. */
export function teamsCommands(menu: CommandMenu): { title: string; description: string }[] {
  return menu.commands.slice(0, TEAMS_MAX_COMMANDS).map((c) => ({ title: `/${c.name}`.slice(0, 32), description: c.description.slice(0, 128) }));
}

// A speech bubble with a tick: drawn with shapes only, so no font is needed to render it.
const BUBBLE = 'M6 7h20a3 3 0 0 1 3 3v11a3 3 0 0 1-3 3H14l-6 5v-5H6a3 3 0 0 1-3-3V10a3 3 0 0 1 3-3z';
const TICK = 'M10 15.5l4 4 8-8';

// Teams wants the colour icon as a full opaque square (it applies its own mask) with the logo inside the central
// 120x120 of 192x192, i.e. 20 of 32 units. The bubble spans 26x22 units around (16, 18): scaled by 0.7 and
// centred it covers 6.9-25.1 across and 8.3-23.7 down, inside the safe area's 6-26.
const colorSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 32 32">
<rect width="32" height="32" fill="${UN_BLUE}"/>
<g transform="translate(16 16) scale(0.7) translate(-16 -18)">
<path d="${BUBBLE}" fill="#ffffff"/><path d="${TICK}" fill="none" stroke="${UN_BLUE}" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>
</g>
</svg>`;

// Teams wants the outline icon white on transparent.
const outlineSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
<path d="${BUBBLE}" fill="none" stroke="#ffffff" stroke-width="1.6" stroke-linejoin="round"/>
<path d="${TICK}" fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const png = (Resvg: typeof import('@resvg/resvg-js').Resvg, svg: string, width: number): Buffer =>
  new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();

export function teamsManifest(opts: TeamsAppPackageOptions): Record<string, unknown> {
  if (!GUID.test(opts.appId)) {
    throw new Error(`MicrosoftAppId must be the Azure Bot's app id, a GUID such as 00000000-0000-0000-0000-000000000000 (got "${opts.appId}")`);
  }
  const name = (opts.name ?? 'Workshop Assistant').trim().slice(0, 30);
  let site = DESA_URL;
  let validDomains: string[] = [];
  if (opts.baseUrl) {
    const url = new URL(opts.baseUrl);
    if (url.protocol !== 'https:') throw new Error(`The base URL must use https (got ${opts.baseUrl})`);
    site = url.origin + '/';
    validDomains = [url.host];
  }
  return {
    $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
    manifestVersion: '1.17',
    version: opts.version ?? '1.0.0',
    id: opts.appId,
    developer: { name: 'UN DESA workshop team', websiteUrl: site, privacyUrl: site, termsOfUseUrl: site },
    name: { short: name, full: `${name}: ${opts.menu.title ?? 'workshop assistant'}`.slice(0, 100) },
    description: {
      short: 'Answers questions about the workshop, with sources.',
      full: fullDescription(opts.menu),
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: UN_BLUE,
    bots: [
      {
        botId: opts.appId,
        scopes: ['personal', 'team', 'groupChat'],
        // Files from the bot come on FileConsentCards, which Teams allows only with this.
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [{ scopes: ['personal', 'team', 'groupChat'], commands: teamsCommands(opts.menu) }],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains,
  };
}

/** What the app does, for this pack (no self-assessment or quiz when the pack has none); Teams allows 4000 characters. */
function fullDescription(menu: CommandMenu): string {
  const has = (name: string) => menu.commands.some((c) => c.name === name);
  const offers = [has('readiness') && 'take the readiness self-assessment', has('quiz') && 'a short knowledge quiz'].filter(Boolean).join(', or ');
  return (
    `A chat assistant for the workshop${menu.title ? ` \u201c${menu.title}\u201d` : ''}. Ask a question to get an answer that cites the workshop ` +
    `material${offers ? `, ${offers}` : ''}. In channels and group chats, @mention it.`
  ).slice(0, 4000);
}

/** The zip to upload in Teams (Apps > Manage your apps > Upload an app). */
export async function buildTeamsAppPackage(opts: TeamsAppPackageOptions): Promise<Buffer> {
  const manifest = Buffer.from(JSON.stringify(teamsManifest(opts), null, 2) + '\n');
  // Loaded here, not with the adapter: the server (which imports this module) never builds a package, and
  // resvg is a native library besides.
  const [{ Resvg }, { default: yazl }] = await Promise.all([import('@resvg/resvg-js'), import('yazl')]);
  const zip = new yazl.ZipFile();
  // A fixed time makes the same inputs give the same bytes.
  const mtime = new Date('2024-01-01T00:00:00Z');
  zip.addBuffer(manifest, 'manifest.json', { mtime });
  zip.addBuffer(png(Resvg, colorSvg, 192), 'color.png', { mtime });
  zip.addBuffer(png(Resvg, outlineSvg, 32), 'outline.png', { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
