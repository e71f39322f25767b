/*
 * The domain's words as the UI shows them (the planner, the commands), in the display language.
 * What the extension writes into files (record keys, stage values, playbook steps in a record,
 * reports) keeps the English of src/core/domain.ts; these functions are for what a user reads on
 * screen. Each table is built on call, after the translator is set (the extension's activation,
 * the page's first import).
 */
import { l10n } from '../l10n';
import { BENCHMARKS, PARTNERSHIP_CATEGORIES, PLAYBOOKS, SCORECARD_CRITERIA, SUCCESS_METRICS, partnershipType, type BenchmarkId, type PartnershipTypeId, type ScorecardCriterionId, type SuccessMetricId } from '../domain';
import type { Cadence, Stage, WorthContinuing } from '../records/schema';
import type { Verdict } from './scorecard';

// Its own small module: the record index's status bar item needs only this one.
export { attentionText } from './attention';

type Table<K extends string> = Readonly<Record<K, string>>;

export function stageLabel(stage: Stage): string {
  const t: Table<Stage> = {
    prospect: l10n.t({ message: 'Prospect', comment: 'a partnership stage' }),
    contacted: l10n.t({ message: 'Contacted', comment: 'a partnership stage' }),
    agreed: l10n.t({ message: 'Agreed', comment: 'a partnership stage' }),
    active: l10n.t({ message: 'Active', comment: 'a partnership stage' }),
    ended: l10n.t({ message: 'Ended', comment: 'a partnership stage' }),
  };
  return t[stage] ?? stage;
}

export function cadenceLabel(cadence: Cadence): string {
  const t: Table<Cadence> = {
    weekly: l10n.t('Weekly'),
    'bi-weekly': l10n.t('Every two weeks'),
    monthly: l10n.t('Monthly'),
    quarterly: l10n.t('Quarterly'),
  };
  return t[cadence] ?? cadence;
}

export function worthLabel(worth: WorthContinuing): string {
  const t: Table<WorthContinuing> = {
    yes: l10n.t({ message: 'Yes', comment: 'is this partnership worth continuing?' }),
    unsure: l10n.t({ message: 'Unsure', comment: 'is this partnership worth continuing?' }),
    no: l10n.t({ message: 'No', comment: 'is this partnership worth continuing?' }),
  };
  return t[worth] ?? worth;
}

/** The verdict as the UI shows it ("Pursue"); reports write VERDICT_LABELS. */
export function verdictLabel(verdict: Verdict): string {
  const t: Table<Verdict> = {
    pursue: l10n.t({ message: 'Pursue', comment: 'the scorecard verdict' }),
    caution: l10n.t({ message: 'Proceed cautiously', comment: 'the scorecard verdict' }),
    pass: l10n.t({ message: 'Pass', comment: 'the scorecard verdict: do not partner' }),
  };
  return t[verdict] ?? verdict;
}

export function categoryTitle(id: (typeof PARTNERSHIP_CATEGORIES)[number]['id']): string {
  const t: Table<(typeof PARTNERSHIP_CATEGORIES)[number]['id']> = {
    content: l10n.t({ message: 'Content', comment: 'a category of partnership types' }),
    event: l10n.t({ message: 'Event', comment: 'a category of partnership types' }),
    growth: l10n.t({ message: 'Growth', comment: 'a category of partnership types' }),
    ecosystem: l10n.t({ message: 'Ecosystem', comment: 'a category of partnership types' }),
  };
  return t[id] ?? id;
}

/** A partnership type's title; an id the domain does not know is shown as it is. */
export function typeTitle(id: PartnershipTypeId | string): string {
  const t: Table<PartnershipTypeId> = {
    'co-created-content': l10n.t('Co-created content'),
    'guest-contributions': l10n.t('Guest contributions'),
    'newsletter-cross-promotion': l10n.t('Newsletter cross-promotion'),
    'podcast-video': l10n.t('Podcast or video collaboration'),
    'co-hosted-event': l10n.t('Co-hosted AMA, workshop or webinar'),
    'joint-hackathon': l10n.t('Joint hackathon or challenge'),
    'conference-sharing': l10n.t('Conference sponsorship or booth sharing'),
    'meetup-cross-promotion': l10n.t('Meetup cross-promotion'),
    'mutual-promotion': l10n.t('Mutual promotion'),
    'shared-referral': l10n.t('Shared referral programme'),
    'bundle-offering': l10n.t('Bundle offering'),
    'cross-platform-presence': l10n.t('Cross-platform presence'),
    'integration-partnership': l10n.t({ message: 'Integration partnership', comment: 'a partnership type' }),
    'joint-resource-library': l10n.t('Joint resource library'),
    'shared-ambassador-network': l10n.t('Shared ambassador network'),
    'industry-coalition': l10n.t('Industry coalition'),
  };
  return (t as Record<string, string>)[id] ?? partnershipType(id)?.title ?? id;
}

/** What a partnership type is, in a few words ("one session, both audiences"). */
export function typeHint(id: PartnershipTypeId): string {
  const t: Table<PartnershipTypeId> = {
    'co-created-content': l10n.t('joint blog posts, research, guides'),
    'guest-contributions': l10n.t("members write for each other's community"),
    'newsletter-cross-promotion': l10n.t("a featured section in each other's newsletter"),
    'podcast-video': l10n.t('an episode or video made together'),
    'co-hosted-event': l10n.t('one session, both audiences'),
    'joint-hackathon': l10n.t('build or learn something together'),
    'conference-sharing': l10n.t('share the cost and the stage'),
    'meetup-cross-promotion': l10n.t("announce each other's meetups"),
    'mutual-promotion': l10n.t('announce each other to your members'),
    'shared-referral': l10n.t('reward members who bring members'),
    'bundle-offering': l10n.t('join both communities at a discount'),
    'cross-platform-presence': l10n.t("guest channels in each other's spaces"),
    'integration-partnership': l10n.t('complementary tools or platforms working together'),
    'joint-resource-library': l10n.t('one shared collection of resources'),
    'shared-ambassador-network': l10n.t('ambassadors who represent both'),
    'industry-coalition': l10n.t('several communities around one cause'),
  };
  return t[id] ?? partnershipType(id)?.hint ?? '';
}

/** The categories with their types, titled in the display language (for the selects). */
export function typeCategories(): { title: string; types: { id: PartnershipTypeId; title: string }[] }[] {
  return PARTNERSHIP_CATEGORIES.map((c) => ({ title: categoryTitle(c.id), types: c.types.map((ty) => ({ id: ty.id, title: typeTitle(ty.id) })) }));
}

export function metricTitle(id: SuccessMetricId | string): string {
  const t: Table<SuccessMetricId> = {
    'cross-community-joins': l10n.t('Cross-community joins'),
    'content-engagement': l10n.t('Co-created content engagement'),
    'event-attendance': l10n.t('Event attendance'),
    'member-overlap': l10n.t('Member overlap growth'),
    satisfaction: l10n.t('Partnership satisfaction'),
    'newsletter-open-rate': l10n.t('Newsletter open rate on partner content'),
    'feature-activation': l10n.t('Activation on integrated features'),
  };
  return (t as Record<string, string>)[id] ?? SUCCESS_METRICS.find((m) => m.id === id)?.title ?? id;
}

/** What a success metric counts ("signups attributed to the partner"). */
export function metricTracked(id: SuccessMetricId): string {
  const t: Table<SuccessMetricId> = {
    'cross-community-joins': l10n.t('signups attributed to the partner'),
    'content-engagement': l10n.t('views, shares, engagement on joint content'),
    'event-attendance': l10n.t('cross-community attendance at joint events'),
    'member-overlap': l10n.t('members shared by both communities'),
    satisfaction: l10n.t('check-in question: “Is this worth continuing?”'),
    'newsletter-open-rate': l10n.t('percent of recipients who opened the issue with the partner feature'),
    'feature-activation': l10n.t('percent of members who used the integrated feature'),
  };
  return t[id] ?? SUCCESS_METRICS.find((m) => m.id === id)?.tracked ?? '';
}

export function criterionTitle(id: ScorecardCriterionId): string {
  const t: Table<ScorecardCriterionId> = {
    audienceOverlap: l10n.t('Audience overlap'),
    complementary: l10n.t({ message: 'Complementary', comment: 'a scorecard criterion: the partner complements you, does not compete' }),
    similarSize: l10n.t('Similar size and engagement'),
    responsiveness: l10n.t('Responsiveness and reliability'),
    valuesAlignment: l10n.t('Values alignment'),
    mutualBenefit: l10n.t('Mutual benefit'),
  };
  return t[id] ?? SCORECARD_CRITERIA.find((c) => c.id === id)?.title ?? id;
}

/** The ideal partner's profile for a criterion. */
export function criterionHint(id: ScorecardCriterionId): string {
  const t: Table<ScorecardCriterionId> = {
    audienceOverlap: l10n.t('Your members would find their community valuable too.'),
    complementary: l10n.t('You cover different sides of the same space; no competing product.'),
    similarSize: l10n.t('Partnerships work best between equals.'),
    responsiveness: l10n.t('An active, engaged community: not a ghost town.'),
    valuesAlignment: l10n.t('Culture clash kills partnerships.'),
    mutualBenefit: l10n.t('Both sides get something they want.'),
  };
  return t[id] ?? SCORECARD_CRITERIA.find((c) => c.id === id)?.hint ?? '';
}

export function benchmarkTitle(id: BenchmarkId): string {
  const t: Table<BenchmarkId> = {
    'newsletter-swap': l10n.t('Newsletter swap'),
    'co-hosted-event': l10n.t('Co-hosted event'),
    'content-collab': l10n.t('Content collab'),
    integration: l10n.t({ message: 'Integration partnership', comment: 'a partnership type' }),
  };
  return t[id] ?? BENCHMARKS.find((b) => b.id === id)?.title ?? id;
}

/** What a benchmark's engagement range measures ("open rate on partner content"). */
export function engagementWhat(id: BenchmarkId): string {
  const t: Table<BenchmarkId> = {
    'newsletter-swap': l10n.t('open rate on partner content'),
    'co-hosted-event': l10n.t('cross-community attendance'),
    'content-collab': l10n.t('engagement on co-created content'),
    integration: l10n.t('activation on integrated features'),
  };
  return t[id] ?? BENCHMARKS.find((b) => b.id === id)?.engagement.what ?? '';
}

/** A cost that is not money ("engineering time"), if the benchmark has one. */
export function costNote(id: BenchmarkId): string | undefined {
  if (!BENCHMARKS.find((b) => b.id === id)?.costNote) return undefined;
  return id === 'integration' ? l10n.t('engineering time') : BENCHMARKS.find((b) => b.id === id)?.costNote;
}

type PlaybookId = keyof typeof PLAYBOOKS;

export function playbookTitle(id: PlaybookId): string {
  const t: Table<PlaybookId> = {
    'co-hosted-event': l10n.t('Co-hosted event'),
    'newsletter-swap': l10n.t('Newsletter swap'),
    'content-collab': l10n.t('Content collaboration'),
  };
  return t[id] ?? PLAYBOOKS[id]?.title ?? id;
}

/** A playbook's steps as the UI shows them (the record's `## Playbook` section keeps the English). */
export function playbookSteps(id: PlaybookId): readonly string[] {
  const t: Record<PlaybookId, string[]> = {
    'co-hosted-event': [
      l10n.t('Agree on the topic, format and date'),
      l10n.t('Both sides promote it to their members'),
      l10n.t('One shared registration page, with consent to share sign-ups'),
      l10n.t('A moderator from each side'),
      l10n.t('Share the recording and tag both communities'),
      l10n.t('Each side invites the attendees to join'),
    ],
    'newsletter-swap': [
      l10n.t('Each side writes a 100-150 word feature for the other: name, value proposition, one testimonial, link'),
      l10n.t('Send both in the same week'),
      l10n.t('Track clicks and attributed joins'),
    ],
    'content-collab': [
      l10n.t('Pick a topic where both sides are experts'),
      l10n.t('Create the piece together'),
      l10n.t('Publish on both sides with links to each other'),
      l10n.t("Promote it on both sides' social channels"),
    ],
  };
  const steps = t[id];
  // The domain's list is the truth: a step added there and not here shows in English.
  return PLAYBOOKS[id].steps.map((s, i) => steps?.[i] ?? s);
}

/** A flagged review date in a few words, for a list row, a card or a tooltip. */
export function reviewFlagText(flag: { status: 'overdue' | 'due-soon'; daysUntil: number }): string {
  if (flag.status === 'overdue') return l10n.t('review overdue');
  if (flag.daysUntil === 0) return l10n.t('review due today');
  if (flag.daysUntil === 1) return l10n.t('review due tomorrow');
  return l10n.t('review due in {0} days', flag.daysUntil);
}
