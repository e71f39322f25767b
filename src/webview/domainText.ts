/*
 * The domain's vocabulary as the forms show it, in the display language. The ids and the
 * English titles stay in src/core/domain.ts (they are also what the extension writes into
 * documents, which stay English); here each id gets the words a page shows for it. Every table
 * is built when called, after the page's translator is set (src/webview/lib/l10n.ts).
 */
import { l10n } from '../core/l10n';
import type { PartnershipCategoryId, PartnershipTypeId } from '../core/domain';
import type { AgreementItemId, Duration, RunningPracticeId } from '../core/agreement';
import type { PitchVariant } from '../core/pitch';
import type { ContextLabel } from '../core/context/labels';

export function categoryTitle(id: PartnershipCategoryId): string {
  const titles: Record<PartnershipCategoryId, string> = {
    content: l10n.t('Content'),
    event: l10n.t('Event'),
    growth: l10n.t('Growth'),
    ecosystem: l10n.t('Ecosystem'),
  };
  return titles[id];
}

export function typeText(id: PartnershipTypeId): { title: string; hint: string } {
  const text: Record<PartnershipTypeId, { title: string; hint: string }> = {
    'co-created-content': { title: l10n.t('Co-created content'), hint: l10n.t('Joint blog posts, research, guides.') },
    'guest-contributions': { title: l10n.t('Guest contributions'), hint: l10n.t("Members write for each other's community.") },
    'newsletter-cross-promotion': { title: l10n.t('Newsletter cross-promotion'), hint: l10n.t("A featured section in each other's newsletter.") },
    'podcast-video': { title: l10n.t('Podcast or video collaboration'), hint: l10n.t('An episode or video made together.') },
    'co-hosted-event': { title: l10n.t('Co-hosted AMA, workshop or webinar'), hint: l10n.t('One session, both audiences.') },
    'joint-hackathon': { title: l10n.t('Joint hackathon or challenge'), hint: l10n.t('Build or learn something together.') },
    'conference-sharing': { title: l10n.t('Conference sponsorship or booth sharing'), hint: l10n.t('Share the cost and the stage.') },
    'meetup-cross-promotion': { title: l10n.t('Meetup cross-promotion'), hint: l10n.t("Announce each other's meetups.") },
    'mutual-promotion': { title: l10n.t('Mutual promotion'), hint: l10n.t('Announce each other to your members.') },
    'shared-referral': { title: l10n.t('Shared referral programme'), hint: l10n.t('Reward members who bring members.') },
    'bundle-offering': { title: l10n.t('Bundle offering'), hint: l10n.t('Join both communities at a discount.') },
    'cross-platform-presence': { title: l10n.t('Cross-platform presence'), hint: l10n.t("Guest channels in each other's spaces.") },
    'integration-partnership': { title: l10n.t('Integration partnership'), hint: l10n.t('Complementary tools or platforms working together.') },
    'joint-resource-library': { title: l10n.t('Joint resource library'), hint: l10n.t('One shared collection of resources.') },
    'shared-ambassador-network': { title: l10n.t('Shared ambassador network'), hint: l10n.t('Ambassadors who represent both.') },
    'industry-coalition': { title: l10n.t('Industry coalition'), hint: l10n.t('Several communities around one cause.') },
  };
  return text[id];
}

export function agreementItemTitle(id: AgreementItemId | RunningPracticeId): string {
  const titles: Record<AgreementItemId | RunningPracticeId, string> = {
    contributions: l10n.t('What each side contributes'),
    timeline: l10n.t('Timeline and cadence'),
    success: l10n.t('How success is measured'),
    communication: l10n.t('Communication rhythm'),
    exit: l10n.t('Exit clause'),
    owners: l10n.t('An owner on each side'),
    startSmall: l10n.t('Start small: one event or piece before anything ongoing'),
    monthlyCheckIn: l10n.t('A monthly check-in between the owners'),
    shareData: l10n.t('Share data both ways'),
    celebrate: l10n.t('Celebrate wins together, in public'),
  };
  return titles[id];
}

export function durationTitle(d: Duration): string {
  const titles: Record<Duration, string> = { '3 months': l10n.t('3 months'), '6 months': l10n.t('6 months'), ongoing: l10n.t('Ongoing') };
  return titles[d];
}

export function variantText(v: PitchVariant): { title: string; hint: string } {
  const text: Record<PitchVariant, { title: string; hint: string }> = {
    classic: { title: l10n.t('Classic'), hint: l10n.t('The playbook pitch: who you are, one idea, what you bring and hope for, a call.') },
    cold: { title: l10n.t('Cold'), hint: l10n.t('To a community that does not know you yet: a subject line, why it is a win for them, a 15-minute call.') },
    warm: { title: l10n.t('Warm'), hint: l10n.t('To a community you already know: the topic you share, one idea, a small first test.') },
  };
  return text[v];
}

/**
 * A context label as a page names it in a sentence ("From your context: Current size"): in the
 * display language. The file itself keeps the template's English label.
 */
export function contextLabelText(label: ContextLabel): string {
  const texts: Partial<Record<ContextLabel, string>> = {
    'Community Name': l10n.t({ message: 'Community Name', comment: 'a label of the community context file' }),
    'Current size': l10n.t({ message: 'Current size', comment: 'a label of the community context file' }),
    'Who is this for': l10n.t({ message: 'Who is this for', comment: 'a label of the community context file' }),
    'One-line description': l10n.t({ message: 'One-line description', comment: 'a label of the community context file' }),
    'Active members': l10n.t({ message: 'Active members', comment: 'a label of the community context file' }),
    'Engagement level': l10n.t({ message: 'Engagement level', comment: 'a label of the community context file' }),
    'Core value proposition': l10n.t({ message: 'Core value proposition', comment: 'a label of the community context file' }),
  };
  // The others (Team among them, the same word in German) as the template writes them.
  return texts[label] ?? label;
}
