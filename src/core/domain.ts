/**
 * Facts of the community partnerships playbook: partnership types, benchmarks, the partner
 * scorecard, success metrics and co-marketing playbooks. Numbers and names come from the
 * playbook; the wording is this project's own.
 */

export const PARTNERSHIP_CATEGORIES = [
  {
    id: 'content',
    title: 'Content',
    types: [
      { id: 'co-created-content', title: 'Co-created content', hint: 'joint blog posts, research, guides' },
      { id: 'guest-contributions', title: 'Guest contributions', hint: "members write for each other's community" },
      { id: 'newsletter-cross-promotion', title: 'Newsletter cross-promotion', hint: "a featured section in each other's newsletter" },
      { id: 'podcast-video', title: 'Podcast or video collaboration', hint: 'an episode or video made together' },
    ],
  },
  {
    id: 'event',
    title: 'Event',
    types: [
      { id: 'co-hosted-event', title: 'Co-hosted AMA, workshop or webinar', hint: 'one session, both audiences' },
      { id: 'joint-hackathon', title: 'Joint hackathon or challenge', hint: 'build or learn something together' },
      { id: 'conference-sharing', title: 'Conference sponsorship or booth sharing', hint: 'share the cost and the stage' },
      { id: 'meetup-cross-promotion', title: 'Meetup cross-promotion', hint: "announce each other's meetups" },
    ],
  },
  {
    id: 'growth',
    title: 'Growth',
    types: [
      { id: 'mutual-promotion', title: 'Mutual promotion', hint: 'announce each other to your members' },
      { id: 'shared-referral', title: 'Shared referral programme', hint: 'reward members who bring members' },
      { id: 'bundle-offering', title: 'Bundle offering', hint: 'join both communities at a discount' },
      { id: 'cross-platform-presence', title: 'Cross-platform presence', hint: "guest channels in each other's spaces" },
    ],
  },
  {
    id: 'ecosystem',
    title: 'Ecosystem',
    types: [
      { id: 'integration-partnership', title: 'Integration partnership', hint: 'complementary tools or platforms working together' },
      { id: 'joint-resource-library', title: 'Joint resource library', hint: 'one shared collection of resources' },
      { id: 'shared-ambassador-network', title: 'Shared ambassador network', hint: 'ambassadors who represent both' },
      { id: 'industry-coalition', title: 'Industry coalition', hint: 'several communities around one cause' },
    ],
  },
] as const;

export type PartnershipCategoryId = (typeof PARTNERSHIP_CATEGORIES)[number]['id'];
export type PartnershipTypeId = (typeof PARTNERSHIP_CATEGORIES)[number]['types'][number]['id'];
export interface PartnershipType {
  readonly id: PartnershipTypeId;
  readonly title: string;
  readonly hint: string;
  readonly category: PartnershipCategoryId;
}

export const PARTNERSHIP_TYPES: readonly PartnershipType[] = PARTNERSHIP_CATEGORIES.flatMap((c) =>
  c.types.map((t) => ({ ...t, category: c.id })),
);

export function partnershipType(id: string): PartnershipType | undefined {
  return PARTNERSHIP_TYPES.find((t) => t.id === id);
}

/** A range of numbers, inclusive. */
export interface Range {
  readonly low: number;
  readonly high: number;
}

export type BenchmarkId = 'newsletter-swap' | 'co-hosted-event' | 'content-collab' | 'integration';

export interface Benchmark {
  readonly id: BenchmarkId;
  readonly title: string;
  /** New members driven, per unit (one swap, one event, one piece, one launch). */
  readonly newMembers: Range;
  readonly unit: string;
  /** Engagement lift as the playbook states it. */
  readonly engagement: { readonly range: Range; readonly kind: 'percent' | 'multiplier'; readonly what: string };
  /** Typical cost in US dollars; `costNote` when it is not money. */
  readonly cost: Range;
  readonly costNote?: string;
  /** Partnership types this benchmark speaks for. */
  readonly types: readonly PartnershipTypeId[];
}

export const BENCHMARKS: readonly Benchmark[] = [
  {
    id: 'newsletter-swap',
    title: 'Newsletter swap',
    newMembers: { low: 50, high: 200 },
    unit: 'swap',
    engagement: { range: { low: 10, high: 20 }, kind: 'percent', what: 'open rate on partner content' },
    cost: { low: 0, high: 0 },
    types: ['newsletter-cross-promotion'],
  },
  {
    id: 'co-hosted-event',
    title: 'Co-hosted event',
    newMembers: { low: 30, high: 100 },
    unit: 'event',
    engagement: { range: { low: 40, high: 60 }, kind: 'percent', what: 'cross-community attendance' },
    cost: { low: 0, high: 2000 },
    types: ['co-hosted-event', 'joint-hackathon', 'meetup-cross-promotion', 'conference-sharing'],
  },
  {
    id: 'content-collab',
    title: 'Content collab',
    newMembers: { low: 20, high: 50 },
    unit: 'piece',
    engagement: { range: { low: 2, high: 3 }, kind: 'multiplier', what: 'engagement on co-created content' },
    cost: { low: 0, high: 0 },
    types: ['co-created-content', 'guest-contributions', 'podcast-video'],
  },
  {
    id: 'integration',
    title: 'Integration partnership',
    newMembers: { low: 100, high: 500 },
    unit: 'launch',
    engagement: { range: { low: 25, high: 40 }, kind: 'percent', what: 'activation on integrated features' },
    cost: { low: 0, high: 0 },
    costNote: 'engineering time',
    types: ['integration-partnership'],
  },
];

/** The benchmark that speaks for a partnership type, if the playbook has one. */
export function benchmarkFor(type: string): Benchmark | undefined {
  return BENCHMARKS.find((b) => (b.types as readonly string[]).includes(type));
}

export const NAMED_EXAMPLES = [
  'Notion x Figma: 200+ cross-registrations per co-hosted event',
  'Superpath x Demand Curve: about 150 new members per newsletter exchange',
  'Vercel x PlanetScale: 500+ event registrations',
  'On Deck x Stripe Atlas: member retention up 20%',
] as const;

export const SCORECARD_CRITERIA = [
  { id: 'audienceOverlap', title: 'Audience overlap', detail: 'shared interests', weight: 0.25, hint: 'Your members would find their community valuable too.' },
  { id: 'complementary', title: 'Complementary', detail: 'not competing', weight: 0.2, hint: 'You cover different sides of the same space; no competing product.' },
  { id: 'similarSize', title: 'Similar size and engagement', detail: 'partners as equals', weight: 0.15, hint: 'Partnerships work best between equals.' },
  { id: 'responsiveness', title: 'Responsiveness and reliability', detail: 'they answer and deliver', weight: 0.15, hint: 'An active, engaged community: not a ghost town.' },
  { id: 'valuesAlignment', title: 'Values alignment', detail: 'compatible cultures', weight: 0.15, hint: 'Culture clash kills partnerships.' },
  { id: 'mutualBenefit', title: 'Mutual benefit', detail: 'not one-sided', weight: 0.1, hint: 'Both sides get something they want.' },
] as const;

export type ScorecardCriterionId = (typeof SCORECARD_CRITERIA)[number]['id'];

/** Verdict thresholds of the weighted scorecard total. */
export const PURSUE_AT = 3.5;
export const CAUTION_AT = 2.5;

export const SUCCESS_METRICS = [
  { id: 'cross-community-joins', title: 'Cross-community joins', tracked: 'signups attributed to the partner' },
  { id: 'content-engagement', title: 'Co-created content engagement', tracked: 'views, shares, engagement on joint content' },
  { id: 'event-attendance', title: 'Event attendance', tracked: 'cross-community attendance at joint events' },
  { id: 'member-overlap', title: 'Member overlap growth', tracked: 'members shared by both communities' },
  { id: 'satisfaction', title: 'Partnership satisfaction', tracked: 'check-in question: "Is this worth continuing?"' },
  { id: 'newsletter-open-rate', title: 'Newsletter open rate on partner content', tracked: 'percent of recipients who opened the issue with the partner feature' },
  { id: 'feature-activation', title: 'Activation on integrated features', tracked: 'percent of members who used the integrated feature' },
] as const;

export type SuccessMetricId = (typeof SUCCESS_METRICS)[number]['id'];

export const AGREEMENT_ITEMS = [
  { id: 'contributions', title: 'What each side contributes' },
  { id: 'timeline', title: 'Timeline and cadence' },
  { id: 'success', title: 'How success is measured' },
  { id: 'communication', title: 'Communication rhythm' },
  { id: 'exit', title: 'Exit clause' },
] as const;

export const RUNNING_PRACTICES = [
  { id: 'owners', title: 'An owner on each side' },
  { id: 'startSmall', title: 'Start small: one event or piece before anything ongoing' },
  { id: 'monthlyCheckIn', title: 'A monthly check-in between the owners' },
  { id: 'shareData', title: 'Share data both ways' },
  { id: 'celebrate', title: 'Celebrate wins together, in public' },
] as const;

export const PLAYBOOKS: Readonly<Record<'co-hosted-event' | 'newsletter-swap' | 'content-collab', { title: string; steps: readonly string[] }>> = {
  'co-hosted-event': {
    title: 'Co-hosted event',
    steps: [
      'Agree on the topic, format and date',
      'Both sides promote it to their members',
      'One shared registration page, with consent to share sign-ups',
      'A moderator from each side',
      'Share the recording and tag both communities',
      'Each side invites the attendees to join',
    ],
  },
  'newsletter-swap': {
    title: 'Newsletter swap',
    steps: [
      'Each side writes a 100-150 word feature for the other: name, value proposition, one testimonial, link',
      'Send both in the same week',
      'Track clicks and attributed joins',
    ],
  },
  'content-collab': {
    title: 'Content collaboration',
    steps: [
      'Pick a topic where both sides are experts',
      'Create the piece together',
      'Publish on both sides with links to each other',
      "Promote it on both sides' social channels",
    ],
  },
};

/** Which playbook a partnership type follows, if any. */
export function playbookFor(type: string): keyof typeof PLAYBOOKS | undefined {
  if (type === 'co-hosted-event' || type === 'joint-hackathon' || type === 'meetup-cross-promotion') return 'co-hosted-event';
  if (type === 'newsletter-cross-promotion') return 'newsletter-swap';
  if (type === 'co-created-content' || type === 'guest-contributions' || type === 'podcast-video') return 'content-collab';
  return undefined;
}
