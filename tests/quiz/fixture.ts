// A small workshop Content with the deck's 16 indicators and figures, for the quiz tests.
import type { Content, Indicator } from '../../src/content/schema.js';

const unit = (id: string, text: string) => ({ id, kind: 'bullet' as const, text, keywords: [] });

const ind = (
  id: string,
  name: string,
  definition: string,
  global: Indicator['global'],
  sections: string[],
  nextStep: string,
): Indicator => ({
  id,
  name,
  definition,
  question: `Does your government have this: ${name.toLowerCase()}?`,
  global,
  sections,
  nextStep,
});

const fig129 = 'Figure 1.29, 2022 UN E-Government Survey';
const fig130 = 'Figure 1.30, 2022 UN E-Government Survey';

/** The deck's 16 institutional-framework indicators; figures as the deck gives them. */
export const indicators: Indicator[] = [
  ind('national-portal', 'National government portal', 'whether a national government portal exists and is operational', undefined, ['portal-features'], 'Launch a single national portal that links every ministry.'),
  ind('org-chart', 'Government structure on the portal', 'whether the organizational structure or chart of the government is published online', { share: 93, source: fig129 }, ['portal-features'], 'Publish the organizational chart of the government on the portal.'),
  ind('agency-heads', 'Names of agency heads', 'whether the names and titles of the heads of agencies and ministries are on the national portal', { share: 90, source: fig129 }, ['portal-features'], 'List the heads of agencies and ministries on the portal.'),
  ind('local-links', 'Links to local government', 'whether the portal links to sub-national and local government institutions', { share: 74, source: fig129 }, ['portal-features'], 'Link the portal to every sub-national government site.'),
  ind('privacy-statement', 'Privacy statement', 'whether privacy statements are available on government portals', { count: 127, share: 66, source: fig130 }, ['legislative-framework'], 'Publish a privacy statement on every government portal.'),
  ind('digital-id', 'Digital ID', 'whether people can use a digital identity to access online services', undefined, ['why-wog'], 'Agree on one digital ID that every online service accepts.'),
  ind('egov-strategy', 'Digital government strategy', 'whether a national e-government or digital government strategy is available', { count: 155, source: fig130 }, ['legislative-framework', 'institutional-framework', 'why-wog'], 'Draft a national digital government strategy with a lead agency.'),
  ind('access-to-information', 'Right to access information', 'whether information on the right of citizens to access government information is published', { count: 132, share: 68, source: fig130 }, ['legislative-framework'], 'Publish citizens\u2019 rights to access government information.'),
  ind('data-protection', 'Personal data protection legislation', 'whether there is a law, policy or regulation on personal data protection', { count: 145, source: fig130 }, ['legislative-framework'], 'Draft a personal data protection law.'),
  ind('cybersecurity', 'Cybersecurity legislation', 'whether there is a law, policy or regulation on cybersecurity', { count: 153, source: fig130 }, ['legislative-framework'], 'Adopt a cybersecurity law and name the agency responsible.'),
  ind('cio', 'National CIO', 'whether information on or contact for a national chief information officer or equivalent is given', { share: 77, source: fig129 }, ['portal-features', 'why-wog'], 'Appoint a national CIO who reports to the head of government.'),
  ind('e-participation', 'E-participation legislation', 'whether there is a law, policy or regulation on e-participation', { count: 91, source: fig130 }, ['legislative-framework'], 'Set rules for consulting people online.'),
  ind('open-data', 'Open government data legislation', 'whether there is a law, policy or regulation on open government data', { count: 117, source: fig130 }, ['legislative-framework'], 'Adopt an open government data policy.'),
  ind('sector-links', 'Links to sectoral ministries', 'whether the portal links to the ministries of health, education, labour, social protection, environment and justice', { share: 90, source: fig129 }, ['portal-features'], 'Link the portal to every sectoral ministry.'),
  ind('sector-policies', 'Sectoral policies on the portal', 'whether the portal gives information on policies for health, education, labour, social protection, environment and justice', { share: 90, source: fig129 }, ['portal-features'], 'Publish sector policies on the portal.'),
  ind('data-strategy', 'National data strategy', 'whether a national data strategy or policy is available', { count: 128, source: fig130 }, ['legislative-framework'], 'Draft a national data strategy.'),
];

export function fixtureContent(): Content {
  return {
    dir: '/tmp/fixture',
    hash: 'fixture',
    meta: {
      title: 'Adopting the Whole-of-Government Approach to Digital Government Transformation',
      workshop: '2023 Digital Government Delivery Workshop',
      memberStates: 193,
      survey: '2022 UN E-Government Survey',
    },
    sections: [
      { id: 'institutional-framework', title: 'Assessment on Institutional Framework', units: [unit('if-1', '2022 UN E-Government Survey.')] },
      { id: 'why-wog', title: 'Why a Whole-of-Government Approach', units: [unit('why-1', 'WoG institutionalized through a central body.')] },
      { id: 'portal-features', parent: 'institutional-framework', title: 'Assessment on Institutional Framework: national portals', units: [unit('pf-1', '93% make the org chart available.')] },
      { id: 'legislative-framework', parent: 'institutional-framework', title: 'Assessment on Institutional Framework: legislative framework', units: [unit('lf-1', '153 countries have cybersecurity legislation.')] },
    ],
    indicatorSet: { name: 'institutional-framework indicators', source: '2022 UN E-Government Survey', population: { count: 193, label: 'UN Member States' } },
    indicators,
    glossary: [],
    quiz: [
      {
        id: 'wog-definition',
        question: 'What does a Whole-of-Government approach mean?',
        choices: ['Agencies working together across portfolio boundaries', 'One ministry doing all IT', 'Outsourcing services', 'Closing offices'],
        answer: 0,
        explanation: 'WoG is public service agencies working together across organisational portfolio boundaries.',
        source: { section: 'why-wog', slide: '3' },
      },
    ],
  };
}
