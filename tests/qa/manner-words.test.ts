// Words that say how something is asked, not what about: a viewpoint or hedge adverb ("technically", "purely"),
// a pronoun for all of it ("everything", "everyone") and chat spellings ("thru"). A pack that never uses them can
// still answer the question, so they must not count as topics the answer leaves out. An adverb of time
// ("formerly") does say what is asked.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('manner words', () => {
  const { answerer } = workshop(
    writeSmallPack('manner-words', { title: 'Linking Harbour Systems', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'exchange',
        title: 'The berth exchange',
        units: [
          { id: 'what', kind: 'definition', text: 'The berth exchange is the shared layer through which port authorities swap booking and cargo records.', keywords: [] },
          { id: 'how', kind: 'fact', text: 'The berth exchange has no central data hub: ports send records peer to peer over encrypted links, and each port keeps its own registers.', keywords: [] },
          { id: 'why', kind: 'fact', text: 'Port Ellis kept its records spread over many registers, not in one central store, after a 2009 leak from a single harbour database.', keywords: [] },
          { id: 'abroad', kind: 'fact', text: 'By 2020 the berth exchange software was also run by ports in Namibia, Oman and the Faroe Islands.', keywords: [] },
          { id: 'fees', kind: 'statistic', text: 'Joining the berth exchange costs a port 1,200 crowns a year.', keywords: [] },
        ],
      },
      {
        id: 'access',
        title: 'Who may use it',
        units: [
          { id: 'users', kind: 'fact', text: 'Ferry operators, customs officers and pilots can use the exchange; private shippers join through a licensed broker.', keywords: [] },
          { id: 'universal', kind: 'fact', text: 'Harbour services should be universal, with extra help for small island ports that lack staff.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers how it works "technically", with "everything" and "thru"', () => {
    const a = answerer.answer('how does the berth exchange work technically - is there some central hub everything passes thru?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('no central data hub');
  });

  it('reads "technically" and "purely" as how it is asked', () => {
    const a = answerer.answer('technically, why did port ellis purely avoid a single central database?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('2009 leak');
  });

  it('answers "is it run anywhere else?" without doubt', () => {
    const a = answerer.answer('is the berth exchange software run anywhere else?');
    expect(a.text).toMatch(/^By 2020 .*Namibia/);
  });

  it('answers "should it be for everyone?"', () => {
    const a = answerer.answer('should harbour services be universal for everyone?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('universal, with extra help');
  });

  it('reads "totally" and "basic q" as how it is asked', () => {
    const hub = answerer.answer('is the berth exchange totally without a central hub?');
    expect(hub.answered, hub.text).toBe(true);
    expect(hub.text).toContain('no central data hub');
    const basic = answerer.answer('ok basic q - what actually is the berth exchange?');
    expect(basic.answered, basic.text).toBe(true);
    expect(basic.text).toContain('shared layer');
  });

  it('still reads an adverb of time as what is asked ("formerly")', () => {
    expect(answerer.answer('who formerly ran the berth exchange?').answered).toBe(false);
  });

  it('still declines what the pack does not say, asked with the same words', () => {
    expect(answerer.answer('technically, what is the weather in Port Ellis tomorrow?').answered).toBe(false);
    expect(answerer.answer('how much does everything cost for shippers in 2030?').answered).toBe(false);
  });
});
