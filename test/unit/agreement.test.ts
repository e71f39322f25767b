import * as assert from 'node:assert/strict';
import { AGREEMENT_ITEMS, RUNNING_PRACTICES } from '../../src/core/domain';
import {
  DEFAULT_NOTICE_PERIOD,
  agreementProgress,
  agreementSection,
  emptyAgreement,
  renderAgreement,
  type AgreementState,
} from '../../src/core/agreement';
import { findPlaceholders } from '../../src/core/placeholders';
import { checkAgreement, diagnosePartnershipDoc, partnershipDocKind } from '../../src/core/partnershipDocs';
import { readFrontMatter } from '../../src/core/frontMatter';

const complete: AgreementState = {
  collaboration: { type: 'co-hosted-event', topic: 'moving services from Go to Rust' },
  contributions: { yours: ['Two speakers for the workshop', 'A post to our 12,000 members'], theirs: ['A feature in their newsletter'] },
  duration: '3 months',
  startDate: '2026-03-01',
  reviewDate: '2026-05-15',
  metrics: [
    { metric: 'Cross-community joins', target: '100 signups' },
    { metric: 'Event attendance', target: '40% from the partner' },
  ],
  contacts: { yours: 'Alex (alex@acme.dev)', theirs: 'Sam (sam@go.berlin)' },
  cadence: 'monthly call',
  noticePeriod: 'two weeks',
  practices: { startSmall: true, monthlyCheckIn: true, shareData: true, celebrate: true },
  owners: { yours: 'Alex', theirs: 'Sam' },
};
const sides = { yours: 'Acme Devs', theirs: 'Go Berlin' };

describe('agreement model', () => {
  it('emptyAgreement is plain JSON data with the default notice period', () => {
    const state = emptyAgreement();
    assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
    assert.equal(state.noticePeriod, DEFAULT_NOTICE_PERIOD);
    assert.equal(DEFAULT_NOTICE_PERIOD, 'two weeks');
    assert.notEqual(emptyAgreement(), emptyAgreement());
  });

  it('progress has ten entries: the five items, then the five practices', () => {
    const p = agreementProgress(emptyAgreement());
    assert.equal(p.total, 10);
    assert.deepEqual(p.items.map((i) => i.id), [...AGREEMENT_ITEMS.map((i) => i.id), ...RUNNING_PRACTICES.map((r) => r.id)]);
    assert.deepEqual(p.items.map((i) => i.title), [...AGREEMENT_ITEMS.map((i) => i.title), ...RUNNING_PRACTICES.map((r) => r.title)]);
  });

  it('an empty agreement has only the exit clause done (its notice period has a default)', () => {
    const p = agreementProgress(emptyAgreement());
    assert.equal(p.done, 1);
    assert.deepEqual(p.items.filter((i) => i.done).map((i) => i.id), ['exit']);
    const byId = Object.fromEntries(p.items.map((i) => [i.id, i.missing]));
    assert.deepEqual(byId.contributions, ['your contributions', "the partner's contributions"]);
    assert.deepEqual(byId.timeline, ['duration', 'start date', 'review date']);
    assert.deepEqual(byId.success, ['a success metric with a target']);
    assert.deepEqual(byId.communication, ['your primary contact', "the partner's primary contact", 'check-in cadence']);
    assert.deepEqual(byId.owners, ['your owner', "the partner's owner"]);
  });

  it('a complete agreement is 10 of 10', () => {
    const p = agreementProgress(complete);
    assert.equal(p.done, 10);
    for (const i of p.items) assert.deepEqual(i.missing, [], i.id);
  });

  it('contributions need at least one real entry on each side', () => {
    const p = agreementProgress({ ...complete, contributions: { yours: ['  '], theirs: ['x'] } });
    assert.deepEqual(p.items.find((i) => i.id === 'contributions')?.missing, ['your contributions']);
  });

  it('a metric without a target does not count', () => {
    const p = agreementProgress({ ...complete, metrics: [{ metric: 'Event attendance', target: '' }] });
    const success = p.items.find((i) => i.id === 'success');
    assert.equal(success?.done, false);
    assert.deepEqual(success?.missing, ['a target for Event attendance']);
  });

  it('an emptied notice period leaves the exit clause open; unset means the default', () => {
    assert.equal(agreementProgress({ ...complete, noticePeriod: '' }).items.find((i) => i.id === 'exit')?.done, false);
    assert.equal(agreementProgress({ ...complete, noticePeriod: undefined }).items.find((i) => i.id === 'exit')?.done, true);
  });

  it('the primary contacts stand in for owners that are not named', () => {
    const p = agreementProgress({ ...complete, owners: {} });
    assert.equal(p.items.find((i) => i.id === 'owners')?.done, true);
    const q = agreementProgress({ ...complete, owners: {}, contacts: { yours: 'Alex' } });
    assert.deepEqual(q.items.find((i) => i.id === 'owners')?.missing, ["the partner's owner"]);
  });

  it('the other practices are checkboxes', () => {
    const p = agreementProgress({ ...complete, practices: { startSmall: true } });
    assert.deepEqual(p.items.filter((i) => i.kind === 'practice' && !i.done).map((i) => i.id), ['monthlyCheckIn', 'shareData', 'celebrate']);
  });

  it('tolerates hand-edited JSON with wrong shapes', () => {
    const broken = JSON.parse('{"contributions":{"yours":"not a list","theirs":[1,null,"ok"]},"metrics":[null,{"metric":5}],"practices":{}}') as AgreementState;
    const p = agreementProgress(broken);
    assert.equal(p.total, 10);
    assert.deepEqual(p.items.find((i) => i.id === 'contributions')?.missing, ['your contributions']);
    assert.doesNotThrow(() => renderAgreement(broken, sides));
  });
});

describe('renderAgreement', () => {
  const doc = renderAgreement(complete, sides);

  it('has the front matter and the title', () => {
    const fm = readFrontMatter(doc);
    assert.equal(fm.kind, 'yaml');
    assert.deepEqual(fm.kind === 'yaml' ? fm.data : undefined, { 'partnership-doc': 'agreement' });
    assert.match(doc, /^# Community Partnership - Acme Devs x Go Berlin$/m);
    assert.equal(partnershipDocKind(doc), 'agreement');
  });

  it('has the dates and duration', () => {
    assert.match(doc, /^- \*\*Start date:\*\* 2026-03-01$/m);
    assert.match(doc, /^- \*\*Duration:\*\* 3 months$/m);
    assert.match(doc, /^- \*\*Review date:\*\* 2026-05-15$/m);
  });

  it('lists contributions per side', () => {
    assert.match(doc, /\*\*Acme Devs will:\*\*\n\n- Two speakers for the workshop\n- A post to our 12,000 members\n/);
    assert.match(doc, /\*\*Go Berlin will:\*\*\n\n- A feature in their newsletter\n/);
  });

  it('lists success metrics with targets', () => {
    assert.match(doc, /^- \*\*Cross-community joins:\*\* 100 signups$/m);
    assert.match(doc, /^- \*\*Event attendance:\*\* 40% from the partner$/m);
  });

  it('names the contacts and the check-in cadence', () => {
    assert.match(doc, /Primary contact for Acme Devs:\*\* Alex \(alex@acme\.dev\)/);
    assert.match(doc, /Primary contact for Go Berlin:\*\* Sam \(sam@go\.berlin\)/);
    assert.match(doc, /Check-ins:\*\* monthly call/);
  });

  it('has an exit clause with the notice period', () => {
    assert.match(doc, /## Exit clause\n\nEither side can end this partnership .* with two weeks' notice\./);
    assert.match(renderAgreement({ ...complete, noticePeriod: '1 month' }, sides), /with one month's notice\./);
    assert.match(renderAgreement({ ...complete, noticePeriod: '30 days' }, sides), /with 30 days' notice\./);
    assert.match(renderAgreement({ ...complete, noticePeriod: 'a fortnight' }, sides), /with a notice period of a fortnight\./);
  });

  it('ticks the practices agreed', () => {
    assert.match(doc, /^- \[x\] An owner on each side: Alex for Acme Devs, Sam for Go Berlin$/m);
    assert.match(doc, /^- \[x\] Share data both ways$/m);
    assert.match(renderAgreement({ ...complete, practices: {} }, sides), /^- \[ \] Share data both ways$/m);
  });

  it('has a sign-off line with name and date for each side', () => {
    assert.match(doc, /^- For Acme Devs: Alex \(alex@acme\.dev\), date: _+$/m);
    assert.match(doc, /^- For Go Berlin: Sam \(sam@go\.berlin\), date: _+$/m);
  });

  it('a complete agreement has no placeholders and nothing missing', () => {
    assert.deepEqual(findPlaceholders(doc), []);
    assert.deepEqual(checkAgreement(doc).missing, []);
    assert.deepEqual(diagnosePartnershipDoc(doc), []);
  });

  it('an empty agreement shows bracket placeholders for each missing value, and is still structurally complete', () => {
    const empty = renderAgreement(emptyAgreement(), { yours: '', theirs: '' });
    const found = new Set(findPlaceholders(empty).map((p) => p.text));
    for (const slot of ['[your community]', '[partner community]', '[start date]', '[3 months, 6 months or ongoing]', '[review date]', '[what you contribute]', '[what they contribute]', '[metric]', '[target]', '[name and email]', '[monthly call or bi-weekly async update]', '[owner]', '[name]']) {
      assert.ok(found.has(slot), slot);
    }
    assert.deepEqual(checkAgreement(empty).missing, []);
    assert.equal(partnershipDocKind(empty), 'agreement');
  });

  it('keeps a value with line breaks on one line (no injected heading)', () => {
    const out = renderAgreement({ ...complete, contributions: { yours: ['one\n# Injected'], theirs: ['x'] } }, sides);
    assert.match(out, /^- one # Injected$/m);
    assert.doesNotMatch(out, /^# Injected/m);
  });

  it('sections render on their own for Quick Fixes', () => {
    assert.equal(agreementSection('review-date', {}, sides), '- **Review date:** [review date]');
    assert.match(agreementSection('exit', {}, sides), /^## Exit clause\n\n.*two weeks' notice/);
  });
});

describe('renderAgreement: what the collaboration is', () => {
  it('states the type and the topic under the title, by id or title', () => {
    assert.match(renderAgreement(complete, sides), /^# Community Partnership - Acme Devs x Go Berlin\n\n- \*\*The collaboration:\*\* Co-hosted AMA, workshop or webinar on moving services from Go to Rust\n- \*\*Start date:\*\*/m);
    assert.match(renderAgreement({ ...complete, collaboration: { type: 'newsletter cross-promotion', topic: 'testing' } }, sides), /The collaboration:\*\* Newsletter cross-promotion on testing$/m);
    assert.match(renderAgreement({}, sides), /The collaboration:\*\* \[what you will do together\] on \[topic\]$/m);
  });
});
