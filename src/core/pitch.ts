/**
 * The outreach pitch: three variants, prefilled from the community context, checked against
 * the playbook's advice (lead with the offer, one specific idea, proof, keep it short).
 */
import type { ContextLabel } from './context/labels';
import { PARTNERSHIP_TYPES, BENCHMARKS, PLAYBOOKS, partnershipType, playbookFor, type PartnershipTypeId } from './domain';
import { formatCount, parseCount } from './numbers';
import { findPlaceholders, placeholdersToSnippet } from './placeholders';

/**
 * classic: the playbook's own pitch. cold: to someone who does not know you yet (subject line,
 * proof lines, why it is a win for them, a 15-minute call). warm: to someone you already know
 * (shared topic, one idea, a low-commitment test before anything ongoing).
 */
export type PitchVariant = 'classic' | 'cold' | 'warm';

export const PITCH_VARIANTS: readonly PitchVariant[] = ['classic', 'cold', 'warm'];

export interface PitchInput {
  variant: PitchVariant;
  /** The sender, for the sign-off. */
  yourName?: string;
  communityName?: string;
  memberCount?: number;
  description?: string;
  /** Who the community is for: completes "a community of 12,000 ...". */
  audience?: string;
  activeMembers?: number;
  engagement?: string;
  valueProp?: string;
  partnerName?: string;
  partnerCommunity?: string;
  ideaType?: PartnershipTypeId | '';
  /** The idea in the user's own words; wins over ideaType. */
  ideaText?: string;
  topic?: string;
  /** What you would contribute: the offer. */
  contribution?: string;
  /** What you hope to get out of it: the ask. */
  hope?: string;
}

export interface RenderedPitch {
  subject?: string;
  body: string;
}

/**
 * Word limits of the body. A pitch is mostly opened on a phone, and one that fits on one
 * screen gets read to the end; a cold pitch goes to a stranger who owes you no attention, so
 * it gets the tighter limit.
 */
export const PITCH_WORD_LIMITS: Readonly<Record<PitchVariant, number>> = { classic: 200, cold: 150, warm: 200 };

/** The context labels the pitch draws on (domain.md, "What feeds what"). */
export const PITCH_CONTEXT_LABELS: readonly ContextLabel[] = [
  'Community Name',
  'One-line description',
  'Who is this for',
  'Current size',
  'Active members',
  'Engagement level',
  'Core value proposition',
];

type ContextValues = Readonly<Partial<Record<ContextLabel, string | undefined>>>;

/**
 * Pitch fields prefilled from the community context, where each came from, and which of the
 * pitch's labels the context does not answer. A count label whose value holds no number
 * (`small`, `TBD`) counts as missing: the pitch needs the number.
 */
export function pitchDefaultsFromContext(values: ContextValues): {
  input: Partial<PitchInput>;
  sources: Partial<Record<keyof PitchInput, ContextLabel>>;
  missing: ContextLabel[];
} {
  const input: Partial<PitchInput> = {};
  const sources: Partial<Record<keyof PitchInput, ContextLabel>> = {};
  const missing: ContextLabel[] = [];

  const text = (field: 'communityName' | 'description' | 'audience' | 'engagement' | 'valueProp', label: ContextLabel) => {
    const value = known(values[label]);
    if (value === undefined) {
      missing.push(label);
      return;
    }
    input[field] = value;
    sources[field] = label;
  };
  const number = (field: 'memberCount' | 'activeMembers', label: ContextLabel) => {
    const value = parseCount(known(values[label]));
    if (value === undefined || value <= 0) {
      missing.push(label);
      return;
    }
    input[field] = value;
    sources[field] = label;
  };

  text('communityName', 'Community Name');
  text('description', 'One-line description');
  text('audience', 'Who is this for');
  number('memberCount', 'Current size');
  number('activeMembers', 'Active members');
  text('engagement', 'Engagement level');
  text('valueProp', 'Core value proposition');
  return { input, sources, missing };
}

/** What each slot says while the user has not filled it. */
export const PITCH_PLACEHOLDERS = {
  partnerName: "[partner's name]",
  yourName: '[your name]',
  communityName: '[your community]',
  partnerCommunity: '[their community]',
  memberCount: '[member count]',
  audience: '[who your members are]',
  idea: '[a specific collaboration idea]',
  topic: '[topic]',
  contribution: '[what you would contribute]',
  hope: '[what you hope to gain]',
  proof: '[numbers that show your community is active]',
} as const;

const P = PITCH_PLACEHOLDERS;

/** How each partnership type reads as a concrete proposal; `{topic}` is the shared topic. */
const IDEA_PHRASES: Readonly<Record<PartnershipTypeId, string>> = {
  'co-created-content': 'writing a guide on {topic} together and publishing it in both communities',
  'guest-contributions': 'a guest post swap on {topic}: one of our members writes for you, one of yours for us',
  'newsletter-cross-promotion': "a newsletter swap: a short feature on each other's community, angled on {topic}",
  'podcast-video': 'recording an episode together on {topic}',
  'co-hosted-event': 'co-hosting an AMA or workshop on {topic}',
  'joint-hackathon': 'a joint challenge where members of both communities build something around {topic}',
  'conference-sharing': 'sharing a sponsorship or booth at {topic}',
  'meetup-cross-promotion': "announcing each other's meetups on {topic}",
  'mutual-promotion': 'introducing each other to our members, with a post on {topic}',
  'shared-referral': 'a shared referral programme for members into {topic}',
  'bundle-offering': 'a bundle: join both communities at a discount, for people into {topic}',
  'cross-platform-presence': "guest channels in each other's spaces about {topic}",
  'integration-partnership': 'an integration between our tools around {topic}',
  'joint-resource-library': 'a shared resource library on {topic}',
  'shared-ambassador-network': 'a shared ambassador network for {topic}',
  'industry-coalition': 'a coalition of communities around {topic}',
};

/** The idea as it appears in the pitch, without a final full stop. */
export function pitchIdea(input: Pick<PitchInput, 'ideaType' | 'ideaText' | 'topic'>): string {
  const text = clean(input.ideaText);
  if (text) return stripStop(text);
  const type = input.ideaType ? partnershipType(input.ideaType) : undefined;
  if (type) return IDEA_PHRASES[type.id].replace('{topic}', clean(input.topic) || P.topic);
  return P.idea;
}

export function renderPitch(input: PitchInput): RenderedPitch {
  switch (input.variant) {
    case 'cold':
      return renderCold(input);
    case 'warm':
      return renderWarm(input);
    default:
      return renderClassic(input);
  }
}

function renderClassic(input: PitchInput): RenderedPitch {
  const v = slots(input);
  const about = [sentence(clean(input.description)), sentence(clean(input.valueProp))].filter(Boolean).join(' ');
  const body = [
    `Hi ${v.partnerName},`,
    '',
    `I run ${v.communityName}, a community of ${v.memberCount} ${v.audience}.${about ? ' ' + about : ''} Our members overlap a lot with ${v.partnerCommunity}, and I think there's a natural way for us to work together.`,
    '',
    "Here's what I have in mind:",
    `- ${capitalise(v.idea)}`,
    `- What we'd contribute: ${stripStop(v.contribution)}`,
    `- What we'd hope to get: ${stripStop(v.hope)}`,
    '',
    `For context: ${proofSummary(input)}.`,
    '',
    'Would you be open to a quick call to explore it?',
    '',
    v.yourName,
  ].join('\n');
  return { subject: `${v.communityName} x ${v.partnerCommunity}: a collaboration idea`, body };
}

function renderCold(input: PitchInput): RenderedPitch {
  const v = slots(input);
  // Short by design: the description only stands in for a missing audience.
  const about = [clean(input.audience) ? '' : sentence(clean(input.description)), sentence(clean(input.valueProp))].filter(Boolean).join(' ');
  const hope = clean(input.hope);
  const lines = [
    `Hi ${v.partnerName},`,
    '',
    `I run ${v.communityName}, a community of ${v.memberCount} ${v.audience}.${about ? ' ' + about : ''}`,
    '',
    `One idea for ${v.partnerCommunity} and us: ${v.idea}.`,
    '',
    `Why it's a win for you: ${sentence(v.contribution)}`,
  ];
  // The cold pitch stays short: the return ask is only there when the user wrote one.
  if (hope) lines.push(`In return, we'd love ${sentence(hope)}`);
  lines.push('', 'A few numbers about us:', ...proofLines(input), '', 'Would you have 15 minutes for a call in the next week or two?', '', v.yourName);
  return { subject: `community collab idea - ${v.communityName} x ${v.partnerCommunity}`, body: lines.join('\n') };
}

function renderWarm(input: PitchInput): RenderedPitch {
  const v = slots(input);
  const topic = clean(input.topic) || P.topic;
  const body = [
    `Hi ${v.partnerName},`,
    '',
    `${v.partnerCommunity} and ${v.communityName} keep ending up in the same conversations about ${stripStop(topic)}, and I think our members would get a lot out of meeting each other.`,
    '',
    `One idea: ${v.idea}.`,
    '',
    `What we'd bring: ${sentence(v.contribution)}`,
    `What we'd love from you: ${sentence(v.hope)}`,
    '',
    `For context: ${proofSummary(input)}.`,
    '',
    `To keep it light, we could start with ${smallTest(input)} and see how it goes before planning anything ongoing. Would that work for you?`,
    '',
    v.yourName,
  ].join('\n');
  return { subject: `${capitalise(stripStop(topic))}: an idea for ${v.communityName} x ${v.partnerCommunity}`, body };
}

/** Every slot the variants share, filled or shown as a placeholder. */
function slots(input: PitchInput) {
  const audience = clean(input.audience);
  const description = clean(input.description);
  return {
    partnerName: clean(input.partnerName) || P.partnerName,
    yourName: clean(input.yourName) || P.yourName,
    communityName: clean(input.communityName) || P.communityName,
    partnerCommunity: clean(input.partnerCommunity) || P.partnerCommunity,
    memberCount: count(input.memberCount) ?? P.memberCount,
    // Without an audience, the description (said after the count) does the job.
    audience: stripStop(audience || (description ? 'members' : P.audience)),
    idea: pitchIdea(input),
    contribution: clean(input.contribution) || P.contribution,
    hope: clean(input.hope) || P.hope,
  };
}

function proofParts(input: PitchInput): string[] {
  const parts: string[] = [];
  const members = count(input.memberCount);
  const active = count(input.activeMembers);
  if (members) parts.push(`${members} members`);
  if (active) parts.push(`${active} active members`);
  const engagement = clean(input.engagement);
  if (engagement) parts.push(`engagement: ${stripStop(engagement)}`);
  return parts;
}

function proofSummary(input: PitchInput): string {
  const parts = proofParts(input);
  return parts.length ? parts.join(', ') : P.proof;
}

function proofLines(input: PitchInput): string[] {
  const parts = proofParts(input);
  if (!count(input.memberCount)) parts.unshift(`${P.memberCount} members`);
  return parts.map((p) => `- ${capitalise(p)}`);
}

/** The low-commitment first step of the warm pitch, matched to the idea's playbook. */
function smallTest(input: PitchInput): string {
  const playbook = input.ideaType ? playbookFor(input.ideaType) : undefined;
  if (playbook === 'co-hosted-event') return 'one event';
  if (playbook === 'newsletter-swap') return 'one swap';
  if (playbook === 'content-collab') return 'one piece';
  return 'one small trial (a single event, piece or swap)';
}

export type PitchCheckId = 'offer-first' | 'specific-idea' | 'proof' | 'short' | 'no-placeholders';

export interface PitchCheck {
  id: PitchCheckId;
  ok: boolean;
  title: string;
  hint: string;
}

/**
 * Checks a pitch against the playbook's advice. `rendered` is the text as it stands (the user
 * may have edited it), so positions and numbers are looked up in it, not assumed.
 */
export function checkPitch(input: PitchInput, rendered: RenderedPitch): PitchCheck[] {
  const body = rendered.body;
  return [offerFirst(input, body), specificIdea(input), proof(input, body), short(input.variant, body), noPlaceholders(rendered)];
}

function offerFirst(input: PitchInput, body: string): PitchCheck {
  const title = 'Leads with what you offer';
  const contribution = clean(input.contribution);
  if (!contribution) {
    return { id: 'offer-first', ok: false, title, hint: 'Say what your community would bring (promotion to your members, a speaker, a co-written piece). Partners say yes to what they get, not to what you want.' };
  }
  const lower = body.toLowerCase();
  const offerAt = lower.indexOf(stripStop(contribution).toLowerCase());
  if (offerAt < 0) {
    return { id: 'offer-first', ok: false, title, hint: 'Your offer is no longer in the text. Put back what your community would bring, before anything you ask for.' };
  }
  // The ask is what you hope to get, or the first question (usually the call request).
  const hope = stripStop(clean(input.hope)).toLowerCase();
  const askPositions = [hope ? lower.indexOf(hope) : -1, body.indexOf('?')].filter((i) => i >= 0);
  const askAt = askPositions.length ? Math.min(...askPositions) : Infinity;
  if (offerAt < askAt) return { id: 'offer-first', ok: true, title, hint: 'Your offer comes before your ask.' };
  return { id: 'offer-first', ok: false, title, hint: 'Move what you would bring above what you ask for: the reader decides in the first lines whether this is worth their time.' };
}

/** Names that say which kind of partnership, without saying what it would be about. */
const GENERIC_IDEAS = new Set(
  [...PARTNERSHIP_TYPES.map((t) => t.title), ...BENCHMARKS.map((b) => b.title), ...Object.values(PLAYBOOKS).map((p) => p.title)].map(normaliseIdea),
);

function normaliseIdea(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function specificIdea(input: PitchInput): PitchCheck {
  const title = 'One specific idea';
  const text = clean(input.ideaText);
  const words = text ? countWords(text) : 0;
  const substantial = text !== '' && words >= 3 && !GENERIC_IDEAS.has(normaliseIdea(text)) && findPlaceholders(text).length === 0;
  const typed = !!input.ideaType && partnershipType(input.ideaType) !== undefined && clean(input.topic) !== '';
  if (substantial || typed) return { id: 'specific-idea', ok: true, title, hint: 'The idea is concrete enough to say yes to.' };
  if (text && !substantial) {
    return { id: 'specific-idea', ok: false, title, hint: `"${text}" names a kind of partnership, not an idea. Say what it would be about: "a workshop on onboarding new contributors", "a newsletter swap in March".` };
  }
  if (input.ideaType) {
    return { id: 'specific-idea', ok: false, title, hint: 'Add a topic so the idea is specific: what the event, piece or swap would be about.' };
  }
  return { id: 'specific-idea', ok: false, title, hint: 'Pick one concrete idea (a partnership type and a topic, or a sentence of your own). A vague "let\'s collaborate" is easy to ignore.' };
}

function proof(input: PitchInput, body: string): PitchCheck {
  const title = 'Proof your community is active';
  const numbers = [count(input.memberCount), count(input.activeMembers)].filter((n): n is string => n !== undefined);
  const engagement = clean(input.engagement);
  const shown = numbers.some((n) => containsNumber(body, n)) || (/\d/.test(engagement) && body.includes(stripStop(engagement)));
  if (shown) return { id: 'proof', ok: true, title, hint: 'The pitch shows a number about your community.' };
  return { id: 'proof', ok: false, title, hint: 'Add at least one number about your community (members, active members, posts a week, newsletter open rate). It shows the partner you are not a ghost town.' };
}

function short(variant: PitchVariant, body: string): PitchCheck {
  const title = 'Short enough to read on a phone';
  const limit = PITCH_WORD_LIMITS[variant] ?? PITCH_WORD_LIMITS.classic;
  const words = countWords(body);
  if (words <= limit) return { id: 'short', ok: true, title, hint: `${words} of ${limit} words: it fits on one phone screen.` };
  return { id: 'short', ok: false, title, hint: `${words} words; keep it to ${limit}. Pitches are mostly read on a phone, and one that fits on one screen gets read to the end. Cut the background, keep the idea, the offer and one number.` };
}

function noPlaceholders(rendered: RenderedPitch): PitchCheck {
  const title = 'No placeholders left';
  const left = [...findPlaceholders(rendered.subject ?? ''), ...findPlaceholders(rendered.body)].map((p) => p.text);
  const unique = [...new Set(left)];
  if (unique.length === 0) return { id: 'no-placeholders', ok: true, title, hint: 'Every slot is filled.' };
  const shown = unique.slice(0, 4).join(', ') + (unique.length > 4 ? `, and ${unique.length - 4} more` : '');
  return { id: 'no-placeholders', ok: false, title, hint: `Fill in ${shown} before sending.` };
}

/** Words as a reader counts them: runs of text holding at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

/**
 * A `mailto:` link that opens the pitch in the user's mail app. Values are percent-encoded
 * (RFC 6068: spaces as %20, line breaks as %0D%0A). The address is stripped of line breaks,
 * `?` and `&` so it cannot smuggle in extra headers (`a@b.c?bcc=...`).
 */
export function mailtoUrl(to: string | undefined, subject: string, body: string): string {
  const address = wellFormed(to ?? '')
    .replace(/[\r\n?&]|\p{Cc}/gu, '')
    .trim();
  // Keep `@` and the comma between recipients readable; mail apps differ in decoding them.
  const encodedTo = encodeURIComponent(address).replace(/%40/g, '@').replace(/%2C/g, ',');
  const params: string[] = [];
  if (subject) params.push(`subject=${encodeURIComponent(wellFormed(subject).replace(/[\r\n]+/g, ' '))}`);
  if (body) params.push(`body=${encodeURIComponent(wellFormed(body).replace(/\r\n|\r|\n/g, '\r\n'))}`);
  return `mailto:${encodedTo}${params.length ? '?' + params.join('&') : ''}`;
}

/** encodeURIComponent throws on a lone surrogate (text pasted from a broken source). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The pitch as a Markdown file the checker recognises: front matter, subject, body. */
export function pitchMarkdown(input: PitchInput): string {
  const { subject, body } = renderPitch(input);
  return ['---', 'partnership-doc: pitch', `variant: ${input.variant}`, '---', '', ...(subject ? [`**Subject:** ${subject}`, ''] : []), body, ''].join('\n');
}

/** The pitch as a snippet: each unfilled slot is a tab stop. */
export function pitchSnippet(input: PitchInput): string {
  return placeholdersToSnippet(pitchMarkdown(input));
}

// ---------------------------------------------------------------------------------------------

/** Whitespace collapsed to single spaces: a line break in a field must not break the layout. */
function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** A context value, or undefined when it is empty or the skill family's `TBD`. */
function known(value: string | undefined): string | undefined {
  const v = clean(value);
  return v === '' || /^tbd\.?$/i.test(v) ? undefined : v;
}

function count(value: number | undefined): string | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? formatCount(value) : undefined;
}

/** `12,000` appears in "12,000 members" but not in "112,000". */
function containsNumber(text: string, number: string): boolean {
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\d,.])${escaped}(?![\\d]|[,.]\\d)`).test(text);
}

/** Drops trailing full stops and spaces (a loop: the regex form is quadratic on long runs). */
function stripStop(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || /\s/.test(text[end - 1]))) end--;
  return text.slice(0, end);
}

function sentence(text: string): string {
  if (!text) return '';
  return /[.!?]["')\]]?$/.test(text) ? text : `${text}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
