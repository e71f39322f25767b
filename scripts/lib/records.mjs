// Realistic partnership records for the benchmark: front matter with check-ins, scores and
// metrics, and a body with pitch, agreement and notes (about 1.5-2.5 KB each).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAGES = ['prospect', 'contacted', 'agreed', 'active', 'ended'];
const TYPES = ['co-hosted-event', 'newsletter-cross-promotion', 'co-created-content', 'integration-partnership', 'guest-contributions', 'mutual-promotion'];
const METRICS = ['cross-community-joins', 'event-attendance', 'content-engagement', 'member-overlap'];
const OWNERS = ['Maya Chen', 'Sam Ortiz', 'Priya Nair', 'Jonas Berg', 'Ana Lima'];

export function recordText(i) {
  const stage = STAGES[i % STAGES.length];
  const types = [TYPES[i % TYPES.length], ...(i % 3 === 0 ? [TYPES[(i + 2) % TYPES.length]] : [])];
  const month = (k) => `2026-${String(1 + ((i + k) % 11)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
  const lines = [
    '---',
    `partner: Partner Community ${i}`,
    `community: Guild ${i} (Discord)`,
    `contact: person${i}@example.org`,
    `stage: ${stage}`,
    'types:',
    ...types.map((t) => `  - ${t}`),
    'owners:',
    `  ours: ${OWNERS[i % OWNERS.length]}`,
    `  theirs: Contact ${i}`,
    `start: ${month(0)}`,
    `review: ${month(3)}`,
    'cadence: monthly',
    `partnerSize: ${1000 + ((i * 37) % 20000)}`,
    'scores:',
    ...['audienceOverlap', 'complementary', 'similarSize', 'responsiveness', 'valuesAlignment', 'mutualBenefit'].map((k, j) => `  ${k}: ${1 + ((i + j) % 5)}`),
    'checkIns:',
    ...[1, 2, 3].flatMap((k) => [`  - date: ${month(k)}`, `    notes: "Check-in ${k} with partner ${i}: numbers shared, next event agreed."`, `    worthContinuing: ${k % 2 ? 'yes' : 'unsure'}`]),
    'metrics:',
    ...[1, 2, 3, 4].flatMap((k) => [`  - date: ${month(k)}`, `    metric: ${METRICS[(i + k) % METRICS.length]}`, `    value: ${10 + ((i * k * 13) % 300)}`]),
    '---',
    '',
    `# Community Partnership - Acme Devs x Partner Community ${i}`,
    '',
    '## Pitch',
    '',
    `Hi Contact ${i}, I run Acme Devs, a community of 12,000 developers building on the Acme API. Our members overlap a lot with Guild ${i}, and a co-hosted workshop on API design reviews would serve both.`,
    '',
    '## Agreement',
    '',
    '- Acme Devs: a speaker, promotion in our newsletter (9,000 subscribers)',
    `- Guild ${i}: the venue, promotion to their members`,
    '- Success: 60 registrations, 20 cross-community joins in 3 months',
    '- Exit: either side may end it with two weeks notice',
    '',
    '## Notes',
    '',
    `Met at the community managers meetup. Follow up after the first event (record ${i}).`,
    '',
  ];
  return lines.join('\n');
}

/** Writes `count` records into `dir`. */
export function writeRecords(dir, count) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `partner-${String(i).padStart(5, '0')}.md`), recordText(i));
}
