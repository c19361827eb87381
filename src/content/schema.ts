// The shape of a workshop's content/ folder, validated with zod when loaded.
import { z } from 'zod/v4';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/** Where in the deck a fact stands; shown to people as the citation. */
export const SourceRef = z.object({
  section: id,
  slide: z.string().optional(),
  figure: z.string().optional(),
});

/** An answerable unit: a bullet, a statistic, a definition: short enough to be an answer alone. */
export const Unit = z.object({
  id,
  kind: z.enum(['bullet', 'statistic', 'definition', 'list', 'fact', 'title']),
  text: z.string().min(1).max(600),
  /** Extra words people use for this unit (not shown); widens search. */
  keywords: z.array(z.string()).default([]),
  figure: z.string().optional(),
});

export const Section = z.object({
  id,
  title: z.string().min(1),
  /** Slide heading or number in the deck. */
  slide: z.string().optional(),
  parent: id.optional(),
  /** Where the section's facts come from; added to its citations (e.g. "the 2021 survey of partner towns"). */
  source: z.string().min(1).optional(),
  /** Questions this section answers; offered as suggestions when the bot cannot answer. */
  questions: z.array(z.string().min(1).max(200)).optional(),
  units: z.array(Unit).min(1),
});

export const Meta = z.object({
  title: z.string(),
  workshop: z.string(),
  session: z.string().optional(),
  date: z.string().optional(),
  presenter: z.string().optional(),
  organisation: z.string().optional(),
  contact: z.string().optional(),
  /** Where the workshop was held ("Ulaanbaatar, Mongolia"). */
  location: z.string().min(1).optional(),
  /** Questions the pack answers well: shown in /help and as hints. */
  examples: z.array(z.string().min(1).max(200)).max(6).optional(),
  /** Older packs: what every figure was counted out of. Now `population` of the indicator set. */
  memberStates: z.number().int().positive().optional(),
  /** Older packs: where the indicators come from. Now `source` of the indicator set. */
  survey: z.string().optional(),
});

/** What a figure counts out of: "150 partner towns", "40 countries assessed in 2019". */
export const Population = z.object({
  count: z.number().int().positive(),
  label: z.string().min(1).max(80),
});

export const Indicator = z.object({
  id,
  /** Short name, e.g. "Widget registry law". */
  name: z.string().min(1).max(80),
  /** The indicator's wording in the survey, where it differs from the name. */
  label: z.string().min(1).optional(),
  /** What the indicator checks, in plain words. */
  definition: z.string().min(1),
  /** The self-assessment question an official answers. */
  question: z.string().min(1).max(300),
  /** Global adoption where the deck gives it. */
  global: z
    .object({
      count: z.number().int().nonnegative().optional(),
      share: z.number().min(0).max(100).optional(),
      /** Out of what, when it differs from the set's population. */
      of: Population.optional(),
      year: z.number().int().min(1900).max(2100).optional(),
      source: z.string(),
    })
    .refine((g) => g.count !== undefined || g.share !== undefined, 'needs count or share')
    .optional(),
  /** Related deck section ids. */
  sections: z.array(id).min(1),
  /** What a government that lacks it should do first. */
  nextStep: z.string().min(1),
});

/** The indicators as one set: what the self-assessment calls them and where their figures come from. */
export const IndicatorSet = z.object({
  /** "readiness indicators", "open-budget indicators". */
  name: z.string().min(1).max(80),
  source: z.string().min(1).optional(),
  /** What the figures count out of, unless an indicator says otherwise. */
  population: Population.optional(),
});

/** indicators.json: `{ set, indicators }`, or (older packs) a bare array of indicators. */
export const IndicatorsFile = z.object({ set: IndicatorSet, indicators: z.array(z.unknown()) });

export const QuizItem = z.object({
  id,
  question: z.string().min(1).max(300),
  choices: z.array(z.string().min(1).max(120)).min(2).max(6),
  /** Index of the right choice. */
  answer: z.number().int().nonnegative(),
  explanation: z.string().min(1).max(300),
  source: SourceRef,
  /** Written by `content import` and not yet checked by a person; `content check` lists it until removed. */
  draft: z.boolean().optional(),
});

export const GlossaryEntry = z.object({
  term: z.string().min(1),
  /** What the term stands for or means. */
  expansion: z.string().min(1),
  /** Other words with the same meaning; search treats them alike. */
  synonyms: z.array(z.string()).default([]),
});

export type SourceRef = z.infer<typeof SourceRef>;
export type Unit = z.infer<typeof Unit>;
export type Section = z.infer<typeof Section>;
export type Meta = z.infer<typeof Meta>;
export type Indicator = z.infer<typeof Indicator>;
export type IndicatorSet = z.infer<typeof IndicatorSet>;
export type Population = z.infer<typeof Population>;
export type QuizItem = z.infer<typeof QuizItem>;
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/** A whole workshop, loaded and cross-checked. */
export interface Content {
  dir: string;
  /** Hash of every content file: the search index is rebuilt only when it changes. */
  hash: string;
  meta: Meta;
  sections: Section[];
  /** The indicator set (for older packs, made from meta.survey and meta.memberStates). */
  indicatorSet: IndicatorSet;
  indicators: Indicator[];
  glossary: GlossaryEntry[];
  quiz: QuizItem[];
}
