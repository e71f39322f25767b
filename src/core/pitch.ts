/**
 * The outreach pitch: three variants, prefilled from the community context, checked against
 * the playbook's advice (lead with the offer, one specific idea, proof, keep it short).
 */
import type { ContextLabel } from './context/sections';
import { PITCH_CONTEXT_LABELS } from './pitchLabels';
import { PARTNERSHIP_TYPES, BENCHMARKS, PLAYBOOKS, partnershipType, playbookFor, type PartnershipTypeId } from './domain';
import { formatCount } from './numbers';
import { parseCount, readCount } from './countReading';
import { findPlaceholders, placeholdersToSnippet } from './placeholders';
import { l10n } from './l10n';
import { classicGerman, coldGerman, germanIdea, warmGerman, PITCH_PLACEHOLDERS_DE, type GermanSlots } from './pitchGerman';
import type { TextLanguage } from './textLanguage';

/**
 * classic: the playbook's own pitch. cold: to someone who does not know you yet (subject line,
 * proof lines, why it is a win for them, a 15-minute call). warm: to someone you already know
 * (shared topic, one idea, a low-commitment test before anything ongoing).
 */
export type PitchVariant = 'classic' | 'cold' | 'warm';

export const PITCH_VARIANTS: readonly PitchVariant[] = ['classic', 'cold', 'warm'];

export { TEXT_LANGUAGES, type TextLanguage } from './textLanguage';

export interface PitchInput {
  variant: PitchVariant;
  /** The language of the text (English by default), whatever the display language. */
  language?: TextLanguage;
  /** The sender, for the sign-off. */
  yourName?: string;
  communityName?: string;
  memberCount?: number;
  /** The size as written, shown instead of the number when it is a range (`3-5k`). */
  memberCountText?: string;
  description?: string;
  /** Who the community is for: completes "a community of 12,000 ...". */
  audience?: string;
  activeMembers?: number;
  /** The active count as written, shown instead of the number when it is a range. */
  activeMembersText?: string;
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

export { PITCH_CONTEXT_LABELS };

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
    const reading = readCount(known(values[label]));
    if (reading === undefined || reading.value <= 0) {
      missing.push(label);
      return;
    }
    input[field] = reading.value;
    // A range ("3-5k") is shown as written: one number would claim more than the file says.
    if (reading.high !== undefined) input[field === 'memberCount' ? 'memberCountText' : 'activeMembersText'] = reading.text;
    sources[field] = label;
  };

  text('communityName', 'Community Name');
  text('description', 'One-line description');
  text('audience', 'Who is this for');
  number('memberCount', 'Current size');
  number('activeMembers', 'Active members');
  text('engagement', 'Engagement level');
  text('valueProp', 'Core value proposition');
  // The sender signs the pitch: the first person the Team line names, without their role.
  const person = firstPerson(known(values['Team']));
  if (person) {
    input.yourName = person;
    sources.yourName = 'Team';
  }
  return { input, sources, missing };
}

/** `Maya Chen (community lead), one part-time moderator` gives `Maya Chen`. */
export function firstPerson(team: string | undefined): string | undefined {
  const first = clean(team).split(/[;,]| and /)[0] ?? '';
  const name = clean(withoutParentheses(first));
  return name || undefined;
}

/** `Maya Chen (community lead)` gives `Maya Chen `; one pass, no pattern to backtrack. */
function withoutParentheses(text: string): string {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
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

/**
 * How each partnership type reads as a concrete proposal. Given the topic, the phrase names it;
 * without (the warm pitch has just named it), it refers back to it or leaves it out.
 */
const IDEA_PHRASES: Readonly<Record<PartnershipTypeId, (topic?: string) => string>> = {
  'co-created-content': (t) => (t ? `writing a guide on ${t} together and publishing it in both communities` : 'writing a guide together and publishing it in both communities'),
  'guest-contributions': (t) => `a guest post swap${t ? ` on ${t}` : ''}: one of our members writes for you, and one of yours writes for us`,
  'newsletter-cross-promotion': (t) => `a newsletter swap: a short feature on each other's community${t ? `, with an angle on ${t}` : ''}`,
  'podcast-video': (t) => (t ? `recording an episode together on ${t}` : 'recording an episode on it together'),
  'co-hosted-event': (t) => eventIdea(t),
  'joint-hackathon': (t) => `a joint challenge where members of both communities build something around ${t ?? 'it'}`,
  'conference-sharing': (t) => `sharing a booth or a sponsorship at a conference on ${t ?? 'it'}`,
  'meetup-cross-promotion': (t) => (t ? `announcing each other's meetups on ${t}` : "announcing each other's meetups to our members"),
  'mutual-promotion': (t) => `introducing each other to our members, with a post each${t ? ` on ${t}` : ''}`,
  'shared-referral': (t) => `a shared referral programme${t ? ` for people interested in ${t}` : ' between our communities'}`,
  'bundle-offering': (t) => `a bundle that lets ${t ? `people interested in ${t}` : 'people'} join both communities at a discount`,
  'cross-platform-presence': (t) => `guest channels in each other's spaces${t ? ` about ${t}` : ''}`,
  'integration-partnership': (t) => `an integration between our tools${t ? ` around ${t}` : ''}`,
  'joint-resource-library': (t) => `a shared resource library on ${t ?? 'it'}`,
  'shared-ambassador-network': (t) => `a shared ambassador network${t ? ` for ${t}` : ''}`,
  'industry-coalition': (t) => `a coalition of communities around ${t ?? 'it'}`,
};

/** The session formats a co-hosted event can name; the pitch says the one the user wrote. */
const EVENT_FORMAT = /\b(AMA|Q&A|workshop|webinar|live ?stream|livestream|talk|panel|meetup|hackathon|office hours)s?\b/i;

/**
 * A co-hosted event in the user's own word: "a workshop on onboarding" when the topic says
 * workshop, "a session on onboarding" when it names no format (the type's title, "AMA,
 * workshop or webinar", is a menu, not a proposal). `format`: the word when the topic was
 * said before and only the format is left to say.
 */
function eventIdea(topic: string | undefined, format?: string): string {
  if (!topic) return format ? `co-hosting ${article(format)} ${format} on it` : 'co-hosting a session on it';
  const m = EVENT_FORMAT.exec(topic);
  if (!m) return `co-hosting a session on ${topic}`;
  // "a workshop on onboarding", "AMA about Rust": the format, then what it is about.
  const words = topic.split(' ');
  const at = words.findIndex((w, i) => i > 0 && i <= 3 && /^(?:on|about)$/i.test(w));
  const head = words.slice(/^(?:an?|the)$/i.test(words[0]) ? 1 : 0, Math.max(at, 0)).join(' ');
  if (at > 0 && at < words.length - 1 && head && EVENT_FORMAT.test(head)) return `co-hosting ${article(head)} ${head} on ${words.slice(at + 1).join(' ')}`;
  return /^(?:an?|the|our|one)\s/i.test(topic) ? `co-hosting ${topic}` : `co-hosting ${article(topic)} ${topic}`;
}

/** "a" or "an" before a word, by its sound as far as its letters tell ("an AMA", "an onboarding"). */
function article(word: string): string {
  return /^(?:[aeiouAEIOU]|[FHLMNRSX](?:[A-Z]|\b))/.test(word) && !/^(?:us|uni|use|one\b|eu)/i.test(word) ? 'an' : 'a';
}

/**
 * The idea as it appears in the pitch, without a final full stop. `topicSaid`: the pitch has
 * already named the topic, so the idea need not say it again.
 */
export function pitchIdea(input: Pick<PitchInput, 'ideaType' | 'ideaText' | 'topic'>, topicSaid = false): string {
  const text = clean(input.ideaText);
  if (text) return stripStop(text);
  const type = input.ideaType ? partnershipType(input.ideaType) : undefined;
  if (type?.id === 'co-hosted-event' && topicSaid && clean(input.topic)) return eventIdea(undefined, EVENT_FORMAT.exec(clean(input.topic))?.[1]);
  if (type) return IDEA_PHRASES[type.id](topicSaid && clean(input.topic) ? undefined : clean(input.topic) || P.topic);
  return P.idea;
}

/**
 * The pitch: one composer for every place that writes one (the pitch panel, the completions,
 * the snippets, a new partnership record). It writes sentences around the values rather than
 * pasting them in: a value that starts with a capital only because it starts the value is
 * lower-cased in mid-sentence (names and acronyms keep theirs), the size and the activity are
 * each said once, and the context's optional lines (description, value proposition,
 * engagement) are left out, in that order, when the pitch would run over its word limit or say
 * a phrase twice.
 */
export function renderPitch(input: PitchInput): RenderedPitch {
  const limit = PITCH_WORD_LIMITS[input.variant] ?? PITCH_WORD_LIMITS.classic;
  const drops: Optional[][] = [[], ['description'], ['description', 'valueProp'], ['description', 'valueProp', 'engagement']];
  const candidates = drops.map((drop) => compose(input, new Set(drop)));
  const fits = (r: RenderedPitch) => countWords(r.body) <= limit;
  return candidates.find((r) => fits(r) && repeatedPhrases(r.body).length === 0) ?? candidates.find(fits) ?? candidates[candidates.length - 1];
}

type Optional = 'description' | 'valueProp' | 'engagement';

function compose(input: PitchInput, drop: ReadonlySet<Optional>): RenderedPitch {
  if (input.language === 'de') return composeGerman(input, drop);
  const v = slots(input, drop);
  switch (input.variant) {
    case 'cold':
      return renderCold(input, v);
    case 'warm':
      return renderWarm(input, v);
    default:
      return renderClassic(input, v);
  }
}

type Slots = ReturnType<typeof slots>;

/** The German pitch (src/core/pitchGerman.ts): the values as written, numbers in German. */
function composeGerman(input: PitchInput, drop: ReadonlySet<Optional>): RenderedPitch {
  const v = slots(input, drop);
  const D = PITCH_PLACEHOLDERS_DE;
  const german = (n: number | undefined, written: string | undefined) => count(n, 'de') && (clean(written) || count(n, 'de'));
  const value = (text: string | undefined) => stripStop(plain(text)) || undefined;
  const type = input.ideaType ? partnershipType(input.ideaType) : undefined;
  const topic = stripStop(clean(input.topic)) || undefined;
  const idea = (topicSaid: boolean) => {
    const own = stripStop(clean(input.ideaText));
    if (own) return own;
    return type ? germanIdea(type.id, topicSaid ? undefined : (topic ?? D.topic)) : D.idea;
  };
  const s: GermanSlots = {
    partnerName: clean(input.partnerName) || D.partnerName,
    yourName: clean(input.yourName) || D.yourName,
    communityName: clean(input.communityName) || D.communityName,
    partnerCommunity: clean(input.partnerCommunity) || D.partnerCommunity,
    count: german(input.memberCount, input.memberCountText),
    active: v.active && german(input.activeMembers, input.activeMembersText),
    audience: v.audience && value(input.audience),
    audienceCounts: v.audienceCounts,
    description: v.description && value(input.description),
    valueProp: v.valueProp && value(input.valueProp),
    engagement: v.engagement && value(input.engagement),
    engagementInline: v.engagement,
    idea: idea(false),
    contribution: stripStop(clean(input.contribution)) || D.contribution,
    hope: stripStop(clean(input.hope)) || D.hope,
  };
  if (input.variant === 'cold') return coldGerman(s, !!clean(input.hope));
  if (input.variant === 'warm') return warmGerman(s, topic, idea(true), input.ideaType);
  return classicGerman(s);
}

function renderClassic(_input: PitchInput, v: Slots): RenderedPitch {
  const body = [
    `Hi ${v.partnerName},`,
    '',
    [...introduction(v, true), `I see a lot of overlap with ${v.partnerCommunity}, and I think there's a natural way for us to work together.`].join(' '),
    '',
    "Here's what I have in mind:",
    `- ${sentence(sentenceStart(v.idea))}`,
    `- ${offer(v, "We'd contribute")}`,
    `- ${ask(v, "In return, we'd hope for", "In return, we'd hope to")}`,
    '',
    ...proofSentence(v),
    'Would you be open to a quick call to explore it?',
    '',
    v.yourName,
  ].join('\n');
  return { subject: `${v.communityName} x ${v.partnerCommunity}: a collaboration idea`, body };
}

function renderCold(input: PitchInput, v: Slots): RenderedPitch {
  const lines = [
    `Hi ${v.partnerName},`,
    '',
    introduction(v, false).join(' '),
    '',
    `One idea for ${v.partnerCommunity} and us: ${v.idea}.`,
    '',
    `Why it's a win for you: ${midSentence(offer(v, "we'd bring", true), v.names)}`,
  ];
  // The cold pitch stays short: the return ask is only there when the user wrote one.
  if (clean(input.hope)) lines.push('', ask(v, "In return, we'd love", "In return, we'd love to"));
  // The size is said once: in the introduction when the audience gives it, else here.
  const numbers = v.audienceCounts ? (v.active ? [`- ${v.active} active members`] : []) : [`- ${v.count ?? P.memberCount} members${v.active ? `, ${v.active} of them active` : ''}`];
  if (v.engagement) numbers.push(`- ${sentenceStart(v.engagement)}`);
  if (numbers.length) lines.push('', 'A few numbers about us:', ...numbers);
  lines.push('', 'Would you have 15 minutes for a call in the next week or two?', '', v.yourName);
  return { subject: `Community collab idea: ${v.communityName} × ${v.partnerCommunity}`, body: lines.join('\n') };
}

function renderWarm(input: PitchInput, v: Slots): RenderedPitch {
  const topic = stripStop(clean(input.topic)) || P.topic;
  const idea = pitchIdea(input, true);
  const activity = v.count || v.active || v.engagement;
  const proof = activity
    ? `For context, we have ${v.count ?? P.memberCount} members${v.active ? `, ${v.active} of them active` : ''}${v.engagement ? ` (${engagementClause(v.engagement)})` : ''}.`
    : `For context: ${P.proof}.`;
  const body = [
    `Hi ${v.partnerName},`,
    '',
    `Members of ${v.communityName} and ${v.partnerCommunity} keep ending up in the same conversations about ${midSentence(topic, v.names)}, and I think they would get a lot out of meeting each other.`,
    '',
    `One idea: ${midSentence(idea, v.names)}.`,
    '',
    `${offer(v, "We'd bring")} ${ask(v, "From you, we'd love", "From you, we'd love to")}`,
    '',
    proof,
    '',
    `To keep it light, we could start with ${smallTest(input)} and see how it goes before planning anything ongoing. Would that work for you?`,
    '',
    v.yourName,
  ].join('\n');
  return { subject: `${sentenceStart(topic)}: an idea for ${v.communityName} x ${v.partnerCommunity}`, body };
}

/**
 * Who you are, in one to three sentences: the name with the description as its apposition,
 * the members (with their count when `withCount`), and what they come for.
 */
function introduction(v: Slots, withCount: boolean): string[] {
  // An audience that gives the size ("12,000 Rust developers") says it: the count is not said again.
  const count = withCount && !v.audienceCounts ? `${v.count ?? P.memberCount} ` : '';
  const out: string[] = [];
  const who = v.audience;
  let membersSaid = false;
  // The cold pitch is short: the description only stands in for a missing audience.
  const description = withCount || !who ? v.description : undefined;
  if (description && !isSentence(description)) {
    const desc = midSentence(description, v.names);
    // "a place for..." is an apposition; "monthly meetups and a busy Discord" is a list.
    const joint = /^(?:a|an|the|where|home|one)\s/i.test(desc) || /^\p{Lu}/u.test(desc) ? ',' : ':';
    if (who) {
      out.push(`I run ${v.communityName}${joint} ${sentenceBody(desc)}.`, `Our ${count}members are ${who}.`);
      membersSaid = true;
    } else {
      out.push(withCount && joint === ',' ? `I run ${v.communityName}, ${sentenceBody(desc)}, with ${count}members.` : withCount ? `I run ${v.communityName}, a community of ${count}members: ${sentenceBody(desc)}.` : `I run ${v.communityName}${joint} ${sentenceBody(desc)}.`);
    }
  } else {
    const audience = who ?? (description ? 'members' : P.audience);
    // "a community of 12,000 a mix of designers" would not read: an audience with an article
    // comes after the count.
    const of = /^(?:a|an|the)\s/i.test(audience) ? `${count}members: ${audience}` : `${count}${audience}`;
    out.push(`I run ${v.communityName}, a community of ${of}.`);
    membersSaid = who !== undefined;
    if (description) out.push(sentence(sentenceStart(description)));
  }
  if (v.valueProp) {
    const vp = v.valueProp;
    if (isSentence(vp)) out.push(sentence(sentenceStart(vp)));
    else if (startsWithVerb(vp)) out.push(`${membersSaid ? 'They' : 'Members'} come to ${sentenceBody(midSentence(vp, v.names))}.`);
    else out.push(`${membersSaid ? 'They' : 'Members'} come to us for ${sentenceBody(midSentence(vp, v.names))}.`);
  }
  return out;
}

/** The classic pitch's proof: how active the members are (the size is in the introduction). */
function proofSentence(v: Slots): string[] {
  if (v.active) return [`For context, ${v.active} of our members are active${v.engagement ? ` (${engagementClause(v.engagement)})` : ''}.`, ''];
  if (v.engagement) return [`For context, here is how active we are: ${v.engagement}.`, ''];
  if (v.count) return [];
  return [`For context: ${P.proof}.`, ''];
}

/** "high" reads as "engagement is high"; anything longer is quoted as written. */
function engagementClause(engagement: string): string {
  return !/\d/.test(engagement) && engagement.split(' ').length <= 2 ? `engagement is ${engagement}` : engagement;
}

/** What you bring, as a sentence: "We'd contribute two speakers." / "We'd promote it." */
function offer(v: Slots, lead: string, lowerLead = false): string {
  const contribution = v.contribution;
  if (isSentence(contribution)) return sentence(sentenceStart(contribution));
  const head = startsWithVerb(contribution) ? (lowerLead ? "we'd" : "We'd") : lead;
  return `${head} ${midSentence(contribution, v.names)}.`;
}

/** What you hope for, as a sentence, a noun or a verb phrase after the lead. */
function ask(v: Slots, nounLead: string, verbLead: string): string {
  const hope = v.hope;
  if (isSentence(hope)) return sentence(sentenceStart(hope));
  return `${startsWithVerb(hope) ? verbLead : nounLead} ${midSentence(hope, v.names)}.`;
}

/** Every slot the variants share, filled or shown as a placeholder, cleaned for a sentence. */
function slots(input: PitchInput, drop: ReadonlySet<Optional>) {
  const memberCount = count(input.memberCount) && (clean(input.memberCountText) || count(input.memberCount));
  const active = count(input.activeMembers) && (clean(input.activeMembersText) || count(input.activeMembers));
  const names = namesIn([input.communityName, input.partnerCommunity, input.partnerName, input.yourName, input.description, input.audience, input.valueProp, input.engagement, input.topic, input.ideaText, input.contribution, input.hope]);
  for (const n of namesIn([`. ${clean(input.communityName)}`, `. ${clean(input.partnerCommunity)}`])) names.add(n);
  for (const w of `${clean(input.communityName)} ${clean(input.partnerCommunity)} ${clean(input.partnerName)}`.split(' ')) if (/^\p{Lu}/u.test(w)) names.add(w);
  const value = (text: string | undefined, max: number) => {
    const v = stripStop(plain(text));
    return v ? clip(v, max) : undefined;
  };
  let audience = value(input.audience, 20);
  if (audience) audience = audienceNoun(midSentence(audience, names));
  let description = drop.has('description') ? undefined : value(input.description, 20);
  let valueProp = drop.has('valueProp') ? undefined : value(input.valueProp, 25);
  let engagement = drop.has('engagement') ? undefined : value(input.engagement, 20);
  // Said once: a line that gives the size again (or the active count again) is left out.
  if (description && (restates(description, input.memberCount) || (audience && repeatedPhrases(`${description} . ${audience}`).length))) description = undefined;
  if (valueProp && restates(valueProp, input.memberCount)) valueProp = undefined;
  if (engagement && restates(engagement, input.memberCount)) engagement = undefined;
  if (engagement) engagement = midSentence(engagement, names);
  // An active count as large as the size is the size again (a line like "950 members, 200 active").
  const activeShown = active && !(input.memberCount && (input.activeMembers ?? 0) >= input.memberCount) && !(engagement && restates(engagement, input.activeMembers)) ? active : undefined;
  return {
    names,
    partnerName: clean(input.partnerName) || P.partnerName,
    yourName: clean(input.yourName) || P.yourName,
    communityName: clean(input.communityName) || P.communityName,
    partnerCommunity: clean(input.partnerCommunity) || P.partnerCommunity,
    count: memberCount,
    active: activeShown,
    audience,
    audienceCounts: !!audience && restates(audience, input.memberCount),
    description,
    valueProp,
    engagement,
    idea: pitchIdea(input),
    contribution: stripStop(clean(input.contribution)) || P.contribution,
    hope: stripStop(clean(input.hope)) || P.hope,
  };
}

/** "For designers who code" and "Anyone learning Rust" read as who the members are. */
function audienceNoun(audience: string): string {
  return audience.replace(/^for\s+/i, '').replace(/^(?:anyone|everyone|everybody)\b/i, 'people');
}

/** A value without Markdown marks: `**bold**`, `` `code` ``, `[text](url)` read as their text. */
function plain(text: string | undefined): string {
  return clean(text)
    .split('](')
    .map((part, i, parts) => linkText(part, i, parts.length))
    .join('')
    .replace(/\*\*|__|`/g, '')
    .replace(/^[-*+]\s+/, '')
    .trim();
}

/**
 * One piece of a value split at `](`: `[text](url)` reads as `text`. The piece before a `](`
 * loses its last `[`; the piece after loses the URL up to its `)`.
 */
function linkText(part: string, i: number, count: number): string {
  let text = part;
  if (i > 0) {
    const close = text.indexOf(')');
    const url = close < 0 ? '' : text.slice(0, close);
    text = close >= 0 && !/\s/.test(url) ? text.slice(close + 1) : `](${text}`;
  }
  if (i < count - 1) {
    const open = text.lastIndexOf('[');
    text = open >= 0 ? text.slice(0, open) + text.slice(open + 1) : text;
  }
  return text;
}

/** The text without its final full stop, for a sentence that goes on after it. */
function sentenceBody(text: string): string {
  return stripStop(text);
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
  const title = l10n.t('Leads with what you offer');
  const contribution = clean(input.contribution);
  if (!contribution) {
    return { id: 'offer-first', ok: false, title, hint: l10n.t('Say what your community would bring (promotion to your members, a speaker, a co-written piece). Partners say yes to what they get, not to what you want.') };
  }
  const lower = body.toLowerCase();
  const offerAt = lower.indexOf(stripStop(contribution).toLowerCase());
  if (offerAt < 0) {
    return { id: 'offer-first', ok: false, title, hint: l10n.t('Your offer is no longer in the text. Put back what your community would bring, before anything you ask for.') };
  }
  // The ask is what you hope to get, or the first question (usually the call request).
  const hope = stripStop(clean(input.hope)).toLowerCase();
  const askPositions = [hope ? lower.indexOf(hope) : -1, body.indexOf('?')].filter((i) => i >= 0);
  const askAt = askPositions.length ? Math.min(...askPositions) : Infinity;
  if (offerAt < askAt) return { id: 'offer-first', ok: true, title, hint: l10n.t('Your offer comes before your ask.') };
  return { id: 'offer-first', ok: false, title, hint: l10n.t('Move what you would bring above what you ask for: the reader decides in the first lines whether this is worth their time.') };
}

/** Names that say which kind of partnership, without saying what it would be about. */
const GENERIC_IDEAS = new Set(
  [...PARTNERSHIP_TYPES.map((t) => t.title), ...BENCHMARKS.map((b) => b.title), ...Object.values(PLAYBOOKS).map((p) => p.title)].map(normaliseIdea),
);

function normaliseIdea(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function specificIdea(input: PitchInput): PitchCheck {
  const title = l10n.t('One specific idea');
  const text = clean(input.ideaText);
  const words = text ? countWords(text) : 0;
  const substantial = text !== '' && words >= 3 && !GENERIC_IDEAS.has(normaliseIdea(text)) && findPlaceholders(text).length === 0;
  const typed = !!input.ideaType && partnershipType(input.ideaType) !== undefined && clean(input.topic) !== '';
  if (substantial || typed) return { id: 'specific-idea', ok: true, title, hint: l10n.t('The idea is concrete enough to say yes to.') };
  if (text && !substantial) {
    return { id: 'specific-idea', ok: false, title, hint: l10n.t('"{0}" names a kind of partnership, not an idea. Say what it would be about: "a workshop on onboarding new contributors", "a newsletter swap in March".', text) };
  }
  if (input.ideaType) {
    return { id: 'specific-idea', ok: false, title, hint: l10n.t('Add a topic so the idea is specific: what the event, piece or swap would be about.') };
  }
  return { id: 'specific-idea', ok: false, title, hint: l10n.t('Pick one concrete idea (a partnership type and a topic, or a sentence of your own). A vague "let\'s collaborate" is easy to ignore.') };
}

function proof(input: PitchInput, body: string): PitchCheck {
  const title = l10n.t('Proof your community is active');
  // As the pitch's language writes them, or as English does (a German pitch edited by hand).
  const locales: TextLanguage[] = ['en', input.language ?? 'en'];
  const numbers = locales.flatMap((l) => [count(input.memberCount, l), count(input.activeMembers, l)]).filter((n): n is string => n !== undefined);
  const written = [clean(input.memberCountText), clean(input.activeMembersText)].filter(Boolean);
  const engagement = clean(input.engagement);
  const shown = numbers.some((n) => containsNumber(body, n)) || written.some((t) => body.includes(t)) || (/\d/.test(engagement) && body.includes(stripStop(engagement)));
  if (shown) return { id: 'proof', ok: true, title, hint: l10n.t('The pitch shows a number about your community.') };
  return { id: 'proof', ok: false, title, hint: l10n.t('Add at least one number about your community (members, active members, posts a week, newsletter open rate). It shows the partner you are not a ghost town.') };
}

function short(variant: PitchVariant, body: string): PitchCheck {
  const title = l10n.t('Short enough to read on a phone');
  const limit = PITCH_WORD_LIMITS[variant] ?? PITCH_WORD_LIMITS.classic;
  const words = countWords(body);
  if (words <= limit) return { id: 'short', ok: true, title, hint: l10n.t('{0} of {1} words: it fits on one phone screen.', words, limit) };
  return { id: 'short', ok: false, title, hint: l10n.t('{0} words; keep it to {1}. Pitches are mostly read on a phone, and one that fits on one screen gets read to the end. Cut the background, keep the idea, the offer and one number.', words, limit) };
}

function noPlaceholders(rendered: RenderedPitch): PitchCheck {
  const title = l10n.t('No placeholders left');
  const left = [...findPlaceholders(rendered.subject ?? ''), ...findPlaceholders(rendered.body)].map((p) => p.text);
  const unique = [...new Set(left)];
  if (unique.length === 0) return { id: 'no-placeholders', ok: true, title, hint: l10n.t('Every slot is filled.') };
  const listed = unique.slice(0, 4).join(', ');
  const hint = unique.length > 4 ? l10n.t('Fill in {0}, and {1} more before sending.', listed, unique.length - 4) : l10n.t('Fill in {0} before sending.', listed);
  return { id: 'no-placeholders', ok: false, title, hint };
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

/** The label of a pitch's subject line in the language of the text. */
export function subjectLabel(language: TextLanguage = 'en'): string {
  return language === 'de' ? 'Betreff' : 'Subject';
}

/** The pitch as a Markdown file the checker recognises: front matter, subject, body. */
export function pitchMarkdown(input: PitchInput): string {
  const { subject, body } = renderPitch(input);
  return ['---', 'partnership-doc: pitch', `variant: ${input.variant}`, '---', '', ...(subject ? [`**${subjectLabel(input.language)}:** ${subject}`, ''] : []), body, ''].join('\n');
}

/**
 * The pitch as a snippet: each unfilled slot is a tab stop, the partner's side first (the
 * community, then the person), then the rest as they are read.
 */
export function pitchSnippet(input: PitchInput): string {
  return placeholdersToSnippet(pitchMarkdown(input), 1, [P.partnerCommunity, P.partnerName]);
}

// ---- Composing: sentences from context values ---------------------------------------------

/**
 * Words that are names wherever they appear, so they keep their capital in mid-sentence. The
 * rest of the evidence comes from the pitch itself (a word written with a capital in the middle
 * of any value is a name) and from the word's shape (`GraphQL`, `API`, `iOS`).
 */
const PROPER_NOUNS = new Set(
  (
    'I Python Rust Go Golang Java JavaScript TypeScript Kotlin Swift Ruby Rails Elixir Erlang Haskell Scala Clojure Perl PHP Laravel Django Flask ' +
    'React Vue Angular Svelte Node Deno Bun Linux Unix Windows Android Apple Google Microsoft Amazon Azure Docker Kubernetes Terraform ' +
    'Discord Slack GitHub GitLab Reddit YouTube Twitter Mastodon LinkedIn Figma Notion WordPress Shopify Stripe Webflow Unity Unreal Blender ' +
    'Europe European Africa African Asia Asian America American Americans Latin Berlin London Paris Madrid Lisbon Amsterdam Munich Vienna Zurich ' +
    'English German French Spanish Portuguese Italian Dutch Polish Japanese Chinese Korean Indian Black Indigenous ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'
  ).split(' '),
);

/** Words that start a full sentence rather than a noun phrase: "We pair every newcomer...". */
const SENTENCE_STARTS = new Set(['we', "we're", "we've", 'i', "i'm", 'you', 'they', 'it', "it's", 'this', 'here', 'there', 'everyone', 'everybody', 'anyone']);

/** Verbs that start an imperative or infinitive value: "Learn Rust by building real projects". */
const BASE_VERBS = new Set(
  'learn get find meet share build ship grow connect discover join reach swap co-host host feature promote cross-promote introduce invite run write publish make see hear try test trade exchange partner collaborate work help teach mentor support launch start co-create create'.split(' '),
);

/** The first word of a text (letters, digits, apostrophes, hyphens) and where it ends. */
function firstWord(text: string): string {
  let end = 0;
  while (end < text.length && /[\p{L}\p{N}'’-]/u.test(text[end])) end++;
  return text.slice(0, end);
}

/** Words written with a capital after the start of a value: names the pitch should keep. */
function namesIn(texts: readonly (string | undefined)[]): Set<string> {
  const names = new Set<string>();
  for (const raw of texts) {
    const text = clean(raw);
    const words = text.split(' ');
    words.forEach((w, i) => {
      const word = trimPunctuation(w);
      if (!/^\p{Lu}/u.test(word)) return;
      const afterStop = i > 0 && /[.!?:]$/.test(words[i - 1]);
      if (i > 0 && !afterStop) names.add(word);
    });
  }
  return names;
}

/** The word without the punctuation around it: `(GraphQL),` gives `GraphQL`. */
function trimPunctuation(word: string): string {
  const isText = (c: string) => /[\p{L}\p{N}]/u.test(c);
  let start = 0;
  let end = word.length;
  while (start < end && !isText(word[start])) start++;
  while (end > start && !isText(word[end - 1])) end--;
  return word.slice(start, end);
}

/** Whether a word that starts a value is a name (and keeps its capital in mid-sentence). */
function isName(word: string, next: string, names: ReadonlySet<string>): boolean {
  if (word === '') return true;
  if (/\p{Lu}/u.test(word.slice(1))) return true; // GraphQL, API, iOS, OpenStreetMap, DevOps
  if (!/^\p{Lu}/u.test(word)) return true; // already lower case, or a digit: nothing to do
  const bare = word.replace(/['’]s$/, '');
  if (PROPER_NOUNS.has(bare) || names.has(bare) || names.has(word)) return true;
  if (BASE_VERBS.has(word.toLowerCase()) || DANGLING.has(word.toLowerCase())) return false;
  // "In-person", "Hands-on", "Early-career": a capital before a lower-case compound is a sentence's.
  if (/-\p{Ll}/u.test(word)) return false;
  // "Open Source Fridays members": a run of capitalised words is a name; a capital before a
  // known name ("Weekly Rust talks") is only the start of the value.
  if (PROPER_NOUNS.has(next.replace(/['’]s$/, ''))) return false;
  return /^\p{Lu}\p{Ll}/u.test(next) && !/^(?:And|Or|Of|For|The|A|An|In|On|With|To)$/.test(next);
}

/** The value as it reads in mid-sentence: its first letter lower-cased unless it starts a name. */
function midSentence(text: string, names: ReadonlySet<string>): string {
  const word = firstWord(text);
  const rest = text.slice(word.length).trimStart();
  const next = firstWord(rest);
  if (isName(word, next, names)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The value as it reads at the start of a sentence; `iOS` and `eBay` stay as they are. */
function sentenceStart(text: string): string {
  const word = firstWord(text);
  if (/^\p{Ll}/u.test(word) && /\p{Lu}/u.test(word.slice(1))) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Subjects that, followed by a verb, make a value a sentence: "Members get code review". */
const SUBJECT_NOUNS = new Set('members people newcomers beginners attendees users developers founders designers mentors volunteers readers'.split(' '));
const AUXILIARIES = new Set('can will get gets are have learn learns meet meets share shares find finds help helps'.split(' '));

/** A value that is already a sentence of its own ("We pair every newcomer with a mentor"). */
function isSentence(text: string): boolean {
  const first = firstWord(text).toLowerCase();
  if (SENTENCE_STARTS.has(first)) return true;
  const second = firstWord(text.slice(first.length).trimStart()).toLowerCase();
  return SUBJECT_NOUNS.has(first) && (AUXILIARIES.has(second) || BASE_VERBS.has(second));
}

/** A value that starts with a verb ("Learn Rust by building", "get a slot in your newsletter"). */
function startsWithVerb(text: string): boolean {
  return BASE_VERBS.has(firstWord(text).toLowerCase());
}

/** Words that cannot end a shortened value. */
const DANGLING = new Set('and or but with of for to the a an in on at by from as our your their its that which who'.split(' '));

/**
 * The value cut to at most `max` words: at the last clause break (`,` `;` `:` ` - `) that keeps
 * at least half of it, else at the word limit, never on a word like "and" or "the".
 */
function clip(text: string, max: number): string {
  const words = text.split(' ');
  if (words.length <= max) return text;
  let cut = max;
  for (let i = max; i >= Math.ceil(max / 2); i--) {
    if (/[,;:]$/.test(words[i - 1]) || words[i] === '-' || words[i] === '–') {
      cut = i;
      break;
    }
  }
  const kept = words.slice(0, cut);
  while (kept.length > 1 && DANGLING.has(kept[kept.length - 1].replace(/[,;:]$/, '').toLowerCase())) kept.pop();
  return kept.join(' ').replace(/[,;:]$/, '');
}

/** Every number written in a text (`12,000`, `12k`, `1.8K`), as values. */
function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d[\d,.]*(?:\s?[kKmM](?!\p{L}))?/gu)) {
    const n = parseCount(m[0].replace(/[.,]$/, ''));
    if (n !== undefined) out.push(n);
  }
  return out;
}

/** Whether a text states this count again (within 5%, so "about 12k" restates 12,000). */
function restates(text: string, n: number | undefined): boolean {
  if (!n) return false;
  return numbersIn(text).some((m) => Math.abs(m - n) <= n * 0.05);
}

/** Lower-cased runs of four words, for spotting a phrase the pitch would say twice. */
export function repeatedPhrases(text: string, size = 4): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((w) => w !== '');
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) {
    const gram = words.slice(i, i + size).join(' ');
    if (seen.has(gram)) repeated.add(gram);
    seen.add(gram);
  }
  return [...repeated];
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

/** A count as a pitch writes it: English by default, in the pitch's language's format. */
function count(value: number | undefined, locale: TextLanguage = 'en'): string | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? formatCount(value, locale) : undefined;
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
