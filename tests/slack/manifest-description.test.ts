// The Slack app's descriptions name only what the loaded pack offers.
import { describe, expect, it } from 'vitest';
import { slackManifest } from '../../adapters/slack/index.js';
import { commandMenu } from '../../src/app/commands.js';
import type { Content } from '../../src/content/schema.js';
import { fixtureContent } from '../quiz/fixture.js';

const descriptions = (content: Content) => {
  const m = slackManifest('https://bot.example.org/', { menu: commandMenu(content) }) as { display_information: { description: string; long_description: string } };
  return m.display_information;
};

describe('Slack manifest descriptions', () => {
  it('name the self-assessment and quizzes when the pack has them', () => {
    const d = descriptions(fixtureContent());
    expect(d.description).toBe('Answers questions about the workshop, runs readiness self-assessments and quizzes.');
    expect(d.description.length).toBeLessThanOrEqual(140);
  });

  it('leave out what a pack without indicators or quiz items cannot do', () => {
    const d = descriptions({ ...fixtureContent(), indicators: [], quiz: [] });
    expect(d.description).toBe('Answers questions about the workshop.');
    expect(d.long_description).not.toMatch(/self-assessment|quiz/i);
  });
});
