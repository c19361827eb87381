// Parsing Telegram updates: commands (/cmd@bot), deep links, mentions, replies to the bot, button presses.
import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { mentionsBot, normaliseCommand, parseCommand, parseUpdate, readAddress, stripMention } from '../../adapters/telegram/parse.js';
import { ALICE, buttonPress, groupText, privateText, TEST_BOT, type SentMessage } from '../../fakes/telegram-api.js';

const me = { id: TEST_BOT.id, username: TEST_BOT.username };
const parse = (u: unknown) => parseUpdate(u as Update, me);

describe('commands', () => {
  it('splits a command, its target bot and its arguments', () => {
    expect(parseCommand('/quiz@WorkshopTestBot 10')).toEqual({ name: 'quiz', target: 'WorkshopTestBot', args: '10' });
    expect(parseCommand('/Help')).toEqual({ name: 'help', target: undefined, args: '' });
    expect(parseCommand('what is /quiz')).toBeUndefined();
    expect(parseCommand('/')).toBeUndefined();
  });

  it('drops our own @name and keeps the arguments for the core', () => {
    expect(normaliseCommand('/quiz@WorkshopTestBot 10', me)).toBe('/quiz 10');
    expect(normaliseCommand('/quiz@workshoptestbot', me)).toBe('/quiz');
    expect(normaliseCommand('/ask  What is e-government?', me)).toBe('/ask What is e-government?');
  });

  it('ignores commands meant for another bot', () => {
    expect(normaliseCommand('/quiz@OtherBot 10', me)).toBeUndefined();
    expect(parse(groupText('/help@OtherBot'))).toBeUndefined();
    expect(parse(privateText('/help@OtherBot'))).toBeUndefined();
  });

  it('passes a deep link /start CODE on as it came: the core reads it as /join CODE (tests/core/commands.test.ts)', () => {
    expect(normaliseCommand('/start@WorkshopTestBot AB12CD', me)).toBe('/start AB12CD');
    expect(parse(privateText('/start AB12CD'))?.text).toBe('/start AB12CD');
    expect(parse(privateText('/start'))?.text).toBe('/start');
  });
});

describe('mentions', () => {
  it('finds the bot mention in any letter case, but not inside a longer name or an e-mail', () => {
    expect(mentionsBot('hey @WorkshopTestBot what is X', me)).toBe(true);
    expect(mentionsBot('@workshoptestbot hi', me)).toBe(true);
    expect(mentionsBot('@WorkshopTestBotty hi', me)).toBe(false);
    expect(mentionsBot('mail me at x@WorkshopTestBot', me)).toBe(false);
    expect(mentionsBot('no mention here', me)).toBe(false);
  });

  it('strips the mention and the punctuation after it', () => {
    expect(stripMention('@WorkshopTestBot, what is the 3Ms?', me)).toBe('what is the 3Ms?');
    expect(stripMention('What is GovStack @WorkshopTestBot', me)).toBe('What is GovStack');
    expect(stripMention('so @WorkshopTestBot what is it', me)).toBe('so what is it');
  });
});

describe('parseUpdate', () => {
  it('takes any private text as a direct question, with the person and a follow-up address', () => {
    const u = privateText('What is digital exclusion?');
    expect(parse(u)).toEqual({
      user: { platform: 'telegram', id: String(ALICE.id), name: 'Alice Kila' },
      conversation: { id: String(ALICE.id), type: 'direct' },
      text: 'What is digital exclusion?',
      deliveryId: `telegram:${u.update_id}`,
      address: { chatId: ALICE.id },
    });
  });

  it('marks group messages addressed only for a mention, a reply to the bot, or a command', () => {
    expect(parse(groupText('what a nice day'))).toMatchObject({ conversation: { type: 'group' }, addressed: false });
    expect(parse(groupText('@WorkshopTestBot what is the 3Ms?'))).toMatchObject({ addressed: true, text: 'what is the 3Ms?' });
    expect(parse(groupText('/ask@WorkshopTestBot what is GovStack'))).toMatchObject({ addressed: true, text: '/ask what is GovStack' });
    const botMessage: SentMessage = { message_id: 77, chat: { id: -100777, type: 'supergroup' }, date: 1, text: 'An answer' };
    expect(parse(groupText('and what about Fiji?', { replyTo: botMessage }))).toMatchObject({ addressed: true, text: 'and what about Fiji?' });
  });

  it('addresses follow-ups to the person, not to the group they wrote in', () => {
    expect(parse(groupText('@WorkshopTestBot hi'))?.address).toEqual({ chatId: ALICE.id });
  });

  it('turns a button press into an action with the pressed value', () => {
    const msg: SentMessage = {
      message_id: 5,
      chat: { id: ALICE.id, type: 'private' },
      date: 1,
      text: 'Q1?',
      reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'r:abc:0:yes' }]] },
    };
    const u = buttonPress(msg, 'Yes');
    expect(parse(u)).toMatchObject({ action: 'r:abc:0:yes', conversation: { type: 'direct' }, deliveryId: `telegram:${u.update_id}` });
  });

  it('ignores what the core should not see: other bots, channels, edits, stickers', () => {
    const fromBot = privateText('hello');
    fromBot.message.from.is_bot = true;
    expect(parse(fromBot)).toBeUndefined();
    const asChannel = groupText('@WorkshopTestBot hi');
    asChannel.message.sender_chat = { id: -100, type: 'channel' };
    expect(parse(asChannel)).toBeUndefined();
    expect(parse({ update_id: 1, edited_message: privateText('x').message })).toBeUndefined();
    const sticker = privateText('');
    delete sticker.message.text;
    expect(parse(sticker)).toBeUndefined();
  });

  it('reads a photo caption as the text', () => {
    const u = privateText('');
    delete u.message.text;
    u.message.caption = 'What does this chart show?';
    expect(parse(u)?.text).toBe('What does this chart show?');
  });
});

describe('readAddress', () => {
  it('accepts chat ids and refuses anything else', () => {
    expect(readAddress({ chatId: 42 })).toEqual({ chatId: 42 });
    expect(readAddress({ chatId: '-100123' })).toEqual({ chatId: '-100123' });
    expect(readAddress({ chatId: 'drop table' })).toBeUndefined();
    expect(readAddress({})).toBeUndefined();
    expect(readAddress(null)).toBeUndefined();
  });
});
