/**
 * Recognising partnership documents (agreement, pitch, check-in, scorecard, playbook) and
 * checking them: unfilled placeholders everywhere, and for an agreement the five things both
 * sides should have aligned on.
 */
import { agreementSection, emptyAgreement, type AgreementItemId, type AgreementSides } from './agreement';
import { AGREEMENT_ITEMS } from './domain';
import { readFrontMatter } from './frontMatter';
import { findPlaceholders, maskCodeAndComments } from './placeholders';

export const PARTNERSHIP_DOC_KINDS = ['agreement', 'pitch', 'check-in', 'scorecard', 'playbook'] as const;
export type PartnershipDocKind = (typeof PARTNERSHIP_DOC_KINDS)[number];

/** The front matter key that marks a partnership document. */
export const PARTNERSHIP_DOC_KEY = 'partnership-doc';

/**
 * The kind of partnership document, from the front matter `partnership-doc: <kind>`, or, when
 * there is none, an agreement title `# Community Partnership - Yours x Theirs`.
 */
export function partnershipDocKind(text: string): PartnershipDocKind | undefined {
  const fm = readFrontMatter(text);
  if (fm.kind === 'yaml') {
    const value = fm.data[PARTNERSHIP_DOC_KEY];
    if (typeof value === 'string') {
      const kind = value.trim().toLowerCase();
      if ((PARTNERSHIP_DOC_KINDS as readonly string[]).includes(kind)) return kind as PartnershipDocKind;
    }
  }
  return agreementHeading(text) ? 'agreement' : undefined;
}

interface Heading {
  /** Offsets of the heading line, without its line break. */
  start: number;
  end: number;
  sides?: AgreementSides;
}

const AGREEMENT_TITLE = /^Community Partnership\s*[-\u2013\u2014:]\s*(.+?)\s+[x\u00d7]\s+(.+?)$/i;

/** The first H1 of the body, if it is an agreement title (code blocks ignored). */
function agreementHeading(text: string): Heading | undefined {
  const h1 = firstH1(text);
  if (!h1) return undefined;
  // Titles are short; the length cap keeps the title pattern from crawling a pathological line.
  const m = h1.title.length <= 300 ? AGREEMENT_TITLE.exec(h1.title) : null;
  return m ? { start: h1.start, end: h1.end, sides: { yours: m[1], theirs: m[2] } } : undefined;
}

function firstH1(text: string): { start: number; end: number; title: string } | undefined {
  const masked = maskCodeAndComments(text);
  for (const line of lines(masked)) {
    const m = /^ {0,3}#(?:[ \t]+|$)/.exec(line.text);
    if (!m) continue;
    // The optional closing hashes of an ATX heading are not part of the title.
    const title = text.slice(line.start + m[0].length, line.end).trim().replace(/(?:^|[ \t])#+$/, '').trim();
    return { start: line.start, end: line.end, title };
  }
  return undefined;
}

function lines(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    out.push({ start, end: start + line.length, text: line });
    start += raw.length + 1;
  }
  return out;
}

/** What checkAgreement reports: one of the five items, or the review date within the timeline. */
export type AgreementCheckId = AgreementItemId | 'review-date';

export interface MissingAgreementItem {
  id: AgreementCheckId;
  title: string;
  /** The Markdown a Quick Fix inserts. */
  section: string;
}

/**
 * How each item shows up in a hand-written agreement. `label` is tried on headings and on
 * `Label:` / `**Label:**` lines, `prose` on every line, so both a sectioned document and a
 * short memo pass.
 */
const DETECT: Record<AgreementCheckId, { label: RegExp; prose: RegExp }> = {
  contributions: {
    label: /contribut|responsibilit|deliverable|commitment|who does what|\b(?:we|they|each side|both sides)\b.*\b(?:brings?|gives?|offers?|provides?)\b|\bwill$/i,
    prose: /\b(?:will contribute|contributes?|contributions?)\b/i,
  },
  timeline: {
    label: /timeline|duration|\bterm\b|schedule|start date|\bdates?\b|\blength\b/i,
    prose: /\b(?:duration|start date|starts on|runs (?:for|until))\b/i,
  },
  'review-date': {
    label: /\breview\b/i,
    prose: /\b(?:review(?:ed)?\s+(?:date|on|by|in|after|at)|revisit)\b/i,
  },
  success: {
    label: /success|metric|\bkpis?\b|\btargets?\b|\bgoals?\b|measur|outcome/i,
    prose: /\b(?:success metrics?|measured? success|kpis?|targets?)\b/i,
  },
  communication: {
    label: /communicat|check-?ins?|contact|\bsync\b|meeting|cadence|rhythm/i,
    prose: /\b(?:primary contact|point of contact|check-?ins?|monthly call|bi-?weekly|weekly sync)\b/i,
  },
  exit: {
    label: /\bexit\b|terminat|ending|wind(?:ing)?[- ]down|cancel|notice/i,
    prose: /\b(?:notice|terminat\w*|exit|end (?:this|the) (?:partnership|agreement|collaboration))\b/i,
  },
};

const CHECK_TITLES: Record<AgreementCheckId, string> = {
  ...(Object.fromEntries(AGREEMENT_ITEMS.map((i) => [i.id, i.title])) as Record<AgreementItemId, string>),
  'review-date': 'Review date',
};

/** Which of the five items (and the review date) an agreement document lacks. */
export function checkAgreement(text: string): { missing: MissingAgreementItem[] } {
  const fm = readFrontMatter(text);
  const body = maskCodeAndComments(fm.body);
  const labels: string[] = [];
  const prose: string[] = [];
  for (const { text: line } of lines(body)) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(line);
    if (heading) {
      // The agreement title names the partnership, not a section.
      if (!/^Community Partnership\b/i.test(heading[1].trim())) labels.push(heading[1].replace(/[*_#]/g, '').trim());
      continue;
    }
    const label = /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?(?:\[[ xX]\][ \t]+)?([^:\n]{1,60}?):/.exec(line);
    if (label) labels.push(label[1].replace(/[*_]/g, '').trim());
    // Task list lines are practices to tick ("A monthly check-in between the owners"), not
    // terms; they count only through an explicit label.
    if (!/^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]/.test(line)) prose.push(line);
  }
  const has = (id: AgreementCheckId) => labels.some((l) => DETECT[id].label.test(l)) || prose.some((l) => DETECT[id].prose.test(l));

  const sides = agreementHeading(text)?.sides ?? { yours: '', theirs: '' };
  const empty = emptyAgreement();
  const missing: MissingAgreementItem[] = [];
  for (const item of AGREEMENT_ITEMS) {
    if (!has(item.id)) {
      missing.push({ id: item.id, title: item.title, section: agreementSection(item.id, empty, sides) });
    } else if (item.id === 'timeline' && !has('review-date')) {
      missing.push({ id: 'review-date', title: CHECK_TITLES['review-date'], section: agreementSection('review-date', empty, sides) });
    }
  }
  return { missing };
}

export interface PartnershipDiagnostic {
  start: number;
  end: number;
  message: string;
  /** `placeholder` or `missing-<item>` (`missing-review-date` for the review date). */
  code: string;
  fix?: { insertAt: number; text: string; title: string };
}

const MISSING_MESSAGES: Record<AgreementCheckId, string> = {
  contributions: "The agreement doesn't say what each side contributes.",
  timeline: 'The agreement has no timeline: add the start date, the duration and a review date.',
  'review-date': 'The agreement has no review date: pick the day you decide together whether to continue.',
  success: "The agreement doesn't say how success is measured: add a metric with a target.",
  communication: 'The agreement has no communication rhythm: name a primary contact on each side and how often you check in.',
  exit: 'The agreement has no exit clause: say how either side can end the partnership gracefully.',
};

/** Placeholders in any partnership document, plus the missing items of an agreement. */
export function diagnosePartnershipDoc(text: string): PartnershipDiagnostic[] {
  const kind = partnershipDocKind(text);
  if (!kind) return [];
  const out: PartnershipDiagnostic[] = findPlaceholders(text).map((p) => ({
    start: p.start,
    end: p.end,
    message: `Placeholder ${p.text} is not filled in yet.`,
    code: 'placeholder',
  }));
  if (kind !== 'agreement') return out;

  const { missing } = checkAgreement(text);
  if (missing.length === 0) return out;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const withEol = (s: string) => s.replace(/\n/g, eol);
  const fm = readFrontMatter(text);
  const heading = agreementHeading(text) ?? firstH1(text);
  const anchor = heading ?? firstLine(text, fm.bodyOffset);
  const all = lines(text);
  const signOff = all.find((l) => l.start >= fm.bodyOffset && /^ {0,3}#{1,6}[ \t]+sign[- ]?off\b/i.test(l.text));
  const duration = all.find((l) => l.start >= fm.bodyOffset && /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?duration\b/i.test(l.text));

  for (const m of missing) {
    let fix: { insertAt: number; text: string };
    if (m.id === 'review-date' && duration) {
      fix = { insertAt: duration.end, text: withEol('\n' + m.section) };
    } else if (m.id === 'timeline' || m.id === 'review-date') {
      fix = heading ? { insertAt: heading.end, text: withEol('\n\n' + m.section) } : { insertAt: fm.bodyOffset, text: withEol(m.section + '\n\n') };
    } else if (signOff) {
      fix = { insertAt: signOff.start, text: withEol(m.section + '\n\n') };
    } else {
      const lead = text.length === 0 || /\n$/.test(text) ? '' : '\n';
      fix = { insertAt: text.length, text: withEol(lead + '\n' + m.section + '\n') };
    }
    out.push({
      start: anchor.start,
      end: anchor.end,
      message: MISSING_MESSAGES[m.id],
      code: `missing-${m.id}`,
      fix: { ...fix, title: `Add ${m.title.toLowerCase()}` },
    });
  }
  return out;
}

/** The first non-empty line at or after `from`, or an empty range there. */
function firstLine(text: string, from: number): { start: number; end: number } {
  for (const l of lines(text)) if (l.start >= from && l.text.trim() !== '') return { start: l.start, end: l.end };
  return { start: from, end: from };
}
