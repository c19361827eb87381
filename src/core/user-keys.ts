// What a person's id looks like on each platform, for the trainer and administrator ids people type by hand.
import { PLATFORMS, type Platform } from './messages.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a Microsoft Entra (Azure AD) object id: the stable id of a Teams user, which admins can look up. */
export const isEntraObjectId = (id: string): boolean => GUID.test(id);

interface IdForm {
  /** The id as stored, or undefined when it does not have this platform's form. */
  normalize(id: string): string | undefined;
  /** What to type instead, for the refusal. */
  hint: string;
}

const FORMS: Record<Platform, IdForm> = {
  telegram: {
    normalize: (id) => (/^[1-9]\d{0,15}$/.test(id) ? id : undefined),
    hint: 'a Telegram id is the person’s numeric user id, e.g. telegram:123456789 (bots such as @userinfobot show it)',
  },
  slack: {
    normalize: (id) => (/^[UW][A-Z0-9]{2,20}$/i.test(id) ? id.toUpperCase() : undefined),
    hint: 'a Slack id is the member ID from the person’s profile (⋮ > Copy member ID), e.g. slack:U024BE7LH',
  },
  teams: {
    normalize: (id) => (isEntraObjectId(id) ? id.toLowerCase() : undefined),
    hint:
      'a Teams id is the person’s Microsoft Entra object id, a GUID such as teams:8d2f1c3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f ' +
      '(Entra admin center > Users > the person > Object ID; not the "29:..." id)',
  },
  console: {
    normalize: (id) => (/^[^\s:]{1,100}$/.test(id) ? id : undefined),
    hint: 'a console id is the --user name given to workshop-bot chat, e.g. console:alice',
  },
};

export type UserKeyCheck = { ok: true; key: string; platform: Platform } | { ok: false; reason: string };

/**
 * Reads `platform:id` as typed in /trainer add or the TRAINERS and ADMINS variables: the platform must be one
 * we serve and the id must have that platform's form, stored the way the adapters key people.
 */
export function checkUserKey(raw: string): UserKeyCheck {
  const text = raw.trim();
  const i = text.indexOf(':');
  const platform = text.slice(0, i).toLowerCase() as Platform;
  if (i <= 0 || !(PLATFORMS as readonly string[]).includes(platform)) {
    return { ok: false, reason: `"${text.slice(0, 60)}" isn't a platform:id: start with ${PLATFORMS.join(', ')}, e.g. telegram:123456789` };
  }
  const form = FORMS[platform];
  const id = form.normalize(text.slice(i + 1));
  if (id === undefined) return { ok: false, reason: `"${text.slice(0, 80)}" isn't a ${platform} id: ${form.hint}` };
  return { ok: true, key: `${platform}:${id}`, platform };
}
