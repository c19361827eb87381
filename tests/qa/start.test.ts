// "Where do we start?" of a pack about one subject asks for the pack's own first steps, which a unit headed
// "First steps..." gives whether or not it names the subject again.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('start', { title: 'Water Safety for Island Councils', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'what',
      title: 'What water safety means',
      units: [
        { id: 'definition', kind: 'definition', text: 'Water safety is the work of keeping drinking water free of germs and salt, from the tank to the tap.', keywords: [] },
        { id: 'why', kind: 'fact', text: 'Water safety matters most after storms, when tanks and pipes crack and sea water gets in.', keywords: [] },
        { id: 'plans', kind: 'fact', text: 'A water safety plan lists the risks to a supply and who checks each one.', keywords: [] },
      ],
    },
    {
      id: 'meters',
      title: 'Meters',
      units: [
        { id: 'reading', kind: 'fact', text: 'Councils read household meters every month and publish the totals by village.', keywords: [] },
        { id: 'history', kind: 'fact', text: 'The atoll took its first steps towards metering in 1972, with one meter per village.', keywords: [] },
      ],
    },
    {
      id: 'steps',
      title: 'First steps for a council',
      units: [{ id: 'list', kind: 'list', text: 'Name one officer for drinking water, test every village tank twice a year, and post the results at the council office.', keywords: [] }],
    },
  ]);

describe('where to start', () => {
  const { answerer } = workshop(writePack());

  it('answers "where should a council start with water safety?" with the first steps', () => {
    const a = answerer.answer('where should a council start with water safety?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Name one officer for drinking water/);
  });

  it('answers a long "we have nothing yet, where do we even start?" with the first steps', () => {
    const a = answerer.answer('honestly our council has nothing on this yet, no plan, no officer. where do we even start?');
    expect(a.text).toContain('Name one officer for drinking water');
  });

  it('answers a setting told first ("we are a small council with few staff...") and then "where should we start?"', () => {
    // (The setting's words the pack never uses, "staff", and its "who owns what", say who asks, not what about;
    // "we're" stays "we are", not the question word "were".)
    const a = answerer.answer("We're a small council with limited staff, and nobody knows who owns what. Where should we start?");
    expect(a.text).toMatch(/^Name one officer for drinking water/);
  });

  it("answers a setting in the pack's own words (\"a small village council that reads meters every month\") with the first steps", () => {
    // ("village", "meters", "month": the asker's setting, not what to start on.)
    const a = answerer.answer("we're a small village council and we read our meters every month, what should we do first?");
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Name one officer for drinking water/);
  });

  it('answers "we have no water safety plan yet, where should we start?" on the plan, what they lack', () => {
    const a = answerer.answer("we have no water safety plan yet, where should we start?");
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/Name one officer for drinking water|A water safety plan lists/);
  });

  it('does not take a passing mention of "first steps" for the unit on where to begin', () => {
    expect(answerer.answer('what should we do first?').text).toContain('Name one officer for drinking water');
  });

  it('does not give the first steps for a question about where something else starts', () => {
    expect(answerer.answer('where do the meter totals start being published?').text).not.toContain('Name one officer');
  });
});

// Advice on nothing in particular ("any advice?", "what does the trainer recommend?") is where to begin; a section
// on results *and* where to start begins with its results, which are not where to begin.
const writeLessonsPack = () =>
  writeSmallPack('start-lessons', { title: 'Ferries Online in Port Ellis', workshop: 'Harbour Services Week 2027', presenter: 'Ana Brightwater' }, [
    {
      id: 'tickets',
      title: 'Tickets on the phone',
      units: [{ id: 'app', kind: 'fact', text: 'Since 2024 every ferry ticket can be bought in the HarbourGo app and shown at the gangway.', keywords: [] }],
    },
    {
      id: 'lessons',
      title: 'Results, lessons and where to start',
      units: [
        { id: 'results', kind: 'statistic', text: 'By the end of 2025, 81% of tickets were sold in the app and queues at the office had fallen from 40 minutes to 5.', keywords: [] },
        { id: 'first', kind: 'fact', text: 'Where to start: first put every sailing and quay in one clean timetable, because the app, the gates and the refunds all read it.', keywords: [] },
      ],
    },
  ]);

describe('advice on nothing in particular', () => {
  const { answerer } = workshop(writeLessonsPack());

  it('answers "any advice?" with where to begin', () => {
    const a = answerer.answer('any advice?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Where to start: first put every sailing/);
  });

  it('answers "what does the speaker recommend?" the same way', () => {
    const a = answerer.answer('what does the speaker recommend?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^Where to start: first put every sailing/);
  });
});
