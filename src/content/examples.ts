// Example questions for help texts and hints: the pack's own, else ones built from its sections.
import type { Content } from './schema.js';

export function exampleQuestions(content: Content): string[] {
  if (content.meta.examples?.length) return content.meta.examples;
  const asked = content.sections.flatMap((s) => s.questions ?? []);
  if (asked.length) return asked.slice(0, 3);
  return content.sections.slice(0, 3).map((s) => `Tell me about ${s.title}`);
}
