/**
 * The outreach pitch written in German: the same three variants, slots and word limits as the
 * English one (src/core/pitch.ts), written as a German community manager writes to another one,
 * not translated sentence by sentence. It says "du" to the person and "ihr" to their community:
 * German tech and community people write to each other that way, and "Sie" would read like a
 * sales letter in a note between two communities.
 *
 * German sentences cannot bend an English phrase into their grammar (case, gender, word order),
 * so the user's own values (often English in the context file) come after a colon or in a list,
 * as written, never lower-cased (German nouns keep their capital).
 */
import { playbookFor, type PartnershipTypeId } from './domain';

/** What each slot says while the user has not filled it, in German. */
export const PITCH_PLACEHOLDERS_DE = {
  partnerName: '[Name der Ansprechperson]',
  yourName: '[dein Name]',
  communityName: '[deine Community]',
  partnerCommunity: '[ihre Community]',
  memberCount: '[Mitgliederzahl]',
  audience: '[wer eure Mitglieder sind]',
  idea: '[eine konkrete Idee für die Zusammenarbeit]',
  topic: '[Thema]',
  contribution: '[was ihr beitragen würdet]',
  hope: '[was ihr euch davon erhofft]',
  proof: '[Zahlen, die zeigen, dass eure Community aktiv ist]',
} as const;

/** The slots a German pitch is written from, each filled or its placeholder. */
export interface GermanSlots {
  partnerName: string;
  yourName: string;
  communityName: string;
  partnerCommunity: string;
  count?: string;
  active?: string;
  audience?: string;
  /** The audience already states the size ("12,000 Rust developers"). */
  audienceCounts: boolean;
  description?: string;
  valueProp?: string;
  engagement?: string;
  /** The engagement as it reads inside a sentence (in parentheses). */
  engagementInline?: string;
  idea: string;
  contribution: string;
  hope: string;
}

const P = PITCH_PLACEHOLDERS_DE;

/** How each partnership type reads as a concrete proposal, a noun phrase; `t` the topic. */
const IDEAS: Readonly<Record<PartnershipTypeId, (t?: string) => string>> = {
  'co-created-content': (t) => `ein gemeinsamer Leitfaden${t ? ` zu ${t}` : ''}, veröffentlicht in beiden Communities`,
  'guest-contributions': (t) => `ein Tausch von Gastbeiträgen${t ? ` zu ${t}` : ''}: Jemand von uns schreibt für euch, jemand von euch für uns`,
  'newsletter-cross-promotion': (t) => `ein Newsletter-Tausch: ein kurzes Porträt der jeweils anderen Community${t ? `, mit Blick auf ${t}` : ''}`,
  'podcast-video': (t) => `eine gemeinsame Folge für Podcast oder Video${t ? ` zu ${t}` : ''}`,
  'co-hosted-event': (t) => `ein gemeinsames Event${t ? ` zu ${t}` : ''}, von beiden Communities getragen`,
  'joint-hackathon': (t) => `eine gemeinsame Challenge, bei der Leute aus beiden Communities etwas rund um ${t ?? 'das Thema'} bauen`,
  'conference-sharing': (t) => `ein gemeinsamer Stand oder ein geteiltes Sponsoring auf einer Konferenz${t ? ` zu ${t}` : ''}`,
  'meetup-cross-promotion': (t) => `wir kündigen gegenseitig unsere Meetups${t ? ` zu ${t}` : ''} an`,
  'mutual-promotion': (t) => `wir stellen uns gegenseitig bei unseren Mitgliedern vor, mit je einem Beitrag${t ? ` zu ${t}` : ''}`,
  'shared-referral': (t) => `ein gemeinsames Empfehlungsprogramm${t ? ` für alle, die sich für ${t} interessieren` : ' zwischen unseren Communities'}`,
  'bundle-offering': (t) => `ein Bundle, mit dem ${t ? `alle, die sich für ${t} interessieren,` : 'Interessierte'} beiden Communities günstiger beitreten`,
  'cross-platform-presence': (t) => `Gastkanäle in den Räumen der jeweils anderen Community${t ? ` zu ${t}` : ''}`,
  'integration-partnership': (t) => `eine Integration zwischen unseren Tools${t ? ` rund um ${t}` : ''}`,
  'joint-resource-library': (t) => `eine gemeinsame Sammlung von Ressourcen${t ? ` zu ${t}` : ''}`,
  'shared-ambassador-network': (t) => `ein gemeinsames Netzwerk von Botschafter:innen${t ? ` für ${t}` : ''}`,
  'industry-coalition': (t) => `ein Bündnis von Communities${t ? ` rund um ${t}` : ''}`,
};

/** The idea of a partnership type in German; the topic left out when the pitch has named it. */
export function germanIdea(type: PartnershipTypeId, topic: string | undefined): string {
  return IDEAS[type](topic);
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** The value as a sentence's end: its own final mark kept, else a full stop. */
const stop = (text: string) => (/[.!?…]["')\]]?$/.test(text) ? text : `${text}.`);

/** Who you are: the community, the members and what they come for. */
function introduction(v: GermanSlots, withCount: boolean): string[] {
  const out = [`ich kümmere mich um die Community ${v.communityName}.`];
  if (v.description) out.push(`Kurz zu uns: ${stop(v.description)}`);
  const count = withCount && !v.audienceCounts ? (v.count ?? P.memberCount) : undefined;
  if (count && v.audience) out.push(`Wir sind ${count} Mitglieder, vor allem: ${stop(v.audience)}`);
  else if (count) out.push(`Wir sind ${count} Mitglieder.`);
  else if (v.audience) out.push(`Unsere Mitglieder: ${stop(v.audience)}`);
  else if (!v.description) out.push(`Unsere Mitglieder: ${P.audience}.`);
  if (v.valueProp) out.push(`Was sie bei uns finden: ${stop(v.valueProp)}`);
  return out;
}

/** How active the members are, in one sentence; nothing when there is nothing to say. */
function activity(v: GermanSlots): string | undefined {
  if (v.active) return `Zur Einordnung: ${v.active} unserer Mitglieder sind aktiv dabei${v.engagementInline ? ` (${v.engagementInline})` : ''}.`;
  if (v.engagement) return `Zur Einordnung, so aktiv sind wir: ${stop(v.engagement)}`;
  return undefined;
}

export function classicGerman(v: GermanSlots): { subject: string; body: string } {
  const proof = activity(v) ?? (v.count ? undefined : `Zur Einordnung: ${P.proof}.`);
  const body = [
    `Hallo ${v.partnerName},`,
    '',
    [...introduction(v, true), `Ich sehe viele Überschneidungen mit ${v.partnerCommunity} und glaube, dass wir gut zusammenpassen.`].join(' '),
    '',
    'Das schwebt mir vor:',
    `- ${stop(upperFirst(v.idea))}`,
    `- Von uns käme: ${stop(v.contribution)}`,
    `- Im Gegenzug wünschen wir uns: ${stop(v.hope)}`,
    '',
    ...(proof ? [proof, ''] : []),
    'Hättest du Lust, das in einem kurzen Call gemeinsam durchzudenken?',
    '',
    `Viele Grüße`,
    v.yourName,
  ].join('\n');
  return { subject: `${v.communityName} × ${v.partnerCommunity}: eine Idee für eine Zusammenarbeit`, body };
}

export function coldGerman(v: GermanSlots, hopeGiven: boolean): { subject: string; body: string } {
  const lines = [`Hallo ${v.partnerName},`, '', introduction(v, false).join(' '), '', `Eine Idee für ${v.partnerCommunity} und uns: ${stop(v.idea)}`, '', `Was ihr davon habt: ${stop(v.contribution)}`];
  // Kurz: the return ask only when the user wrote one.
  if (hopeGiven) lines.push('', `Im Gegenzug würden wir uns freuen über: ${stop(v.hope)}`);
  const numbers = v.audienceCounts ? (v.active ? [`- ${v.active} aktive Mitglieder`] : []) : [`- ${v.count ?? P.memberCount} Mitglieder${v.active ? `, davon ${v.active} aktiv` : ''}`];
  if (v.engagement) numbers.push(`- ${upperFirst(v.engagement)}`);
  if (numbers.length) lines.push('', 'Ein paar Zahlen zu uns:', ...numbers);
  lines.push('', 'Hättest du in den nächsten ein, zwei Wochen 15 Minuten für einen kurzen Call?', '', 'Viele Grüße', v.yourName);
  return { subject: `Idee für eine Zusammenarbeit: ${v.communityName} × ${v.partnerCommunity}`, body: lines.join('\n') };
}

/** The low-commitment first step of the warm pitch, matched to the idea's playbook. */
function smallTest(type: PartnershipTypeId | '' | undefined): string {
  const playbook = type ? playbookFor(type) : undefined;
  if (playbook === 'co-hosted-event') return 'einem einzelnen Event';
  if (playbook === 'newsletter-swap') return 'einem einzelnen Tausch';
  if (playbook === 'content-collab') return 'einem einzelnen Beitrag';
  return 'einem kleinen Test (einem Event, einem Beitrag oder einem Tausch)';
}

export function warmGerman(v: GermanSlots, topic: string | undefined, ideaSaidOnce: string, type: PartnershipTypeId | '' | undefined): { subject: string; body: string } {
  const about = topic || P.topic;
  const numbers = v.count || v.active || v.engagement;
  const proof = numbers
    ? `Zur Einordnung: Wir sind ${v.count ?? P.memberCount} Mitglieder${v.active ? `, davon ${v.active} aktiv` : ''}${v.engagementInline ? ` (${v.engagementInline})` : ''}.`
    : `Zur Einordnung: ${P.proof}.`;
  const body = [
    `Hallo ${v.partnerName},`,
    '',
    `bei ${v.communityName} und ${v.partnerCommunity} landen unsere Leute immer wieder in denselben Gesprächen zum Thema ${about}. Ich glaube, sie hätten viel davon, sich kennenzulernen.`,
    '',
    `Eine Idee dazu: ${stop(ideaSaidOnce)}`,
    '',
    `Von uns käme: ${stop(v.contribution)} Von euch würden wir uns wünschen: ${stop(v.hope)}`,
    '',
    proof,
    '',
    `Damit es unkompliziert bleibt, könnten wir mit ${smallTest(type)} anfangen und schauen, wie es läuft, bevor wir etwas Dauerhaftes planen. Passt das für dich?`,
    '',
    'Viele Grüße',
    v.yourName,
  ].join('\n');
  return { subject: `${upperFirst(about)}: eine Idee für ${v.communityName} × ${v.partnerCommunity}`, body };
}
