import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseContext } from '../../src/core/context';
import { bundleTranslator, setTranslator } from '../../src/core/l10n';
import { PITCH_CONTEXT_LABELS } from '../../src/core/pitch';
import type { AgreementChecklist } from '../../src/features/agreement/protocol';
import type { ContextFormToWebview } from '../../src/features/contextForm/protocol';
import type { PanelContext } from '../../src/webview/protocol';
import * as pitch from '../../src/features/pitch/model';
import * as agreement from '../../src/features/agreement/model';
import * as form from '../../src/features/contextForm/model';
import { emptyAgreement } from '../../src/core/agreement';
import { CONTEXT_SECTIONS } from '../../src/core/context/labels';

const ROOT = path.resolve(__dirname, '../../..');

/** The panel context of a fixture, as the extension sends it (src/host/partnershipPanels.ts). */
function panelContext(file: string): PanelContext {
  const parsed = parseContext(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const values: Record<string, string> = {};
  for (const l of [...PITCH_CONTEXT_LABELS, 'Team'] as const) values[l] = parsed.values[l] ?? '';
  return { folderName: 'workspace', contextPath: '.claude/community-context.md', state: 'ok', values };
}
const ACME = panelContext('test/fixtures/workspace/.claude/community-context.md');
const BERLIN = panelContext('test/fixtures/pitch-contexts/graphql-berlin.md');
const MISSING: PanelContext = { folderName: 'empty', contextPath: '.claude/community-context.md', state: 'missing', values: {} };

describe('pitch view-model', () => {
  it('prefills from the context, says where each value came from, and what the context lacks', () => {
    const state = pitch.cleanState({ context: ACME });
    const d = pitch.contextDefaults(ACME);
    assert.strictEqual(pitch.fieldValue(state, d, 'communityName'), 'Acme Devs');
    assert.strictEqual(pitch.fieldValue(state, d, 'memberCount'), '12,000');
    assert.deepStrictEqual(pitch.fieldNote(state, d, 'communityName'), { kind: 'context', text: 'From your context: Community Name' });
    // A context without a field names it and the file.
    const sparse: PanelContext = { ...ACME, values: { ...ACME.values, 'Engagement level': '' } };
    const ds = pitch.contextDefaults(sparse);
    const note = pitch.fieldNote(pitch.cleanState({ context: sparse }), ds, 'engagement');
    assert.strictEqual(note.kind, 'missing');
    assert.match(note.text, /^Engagement level is not in \.claude\/community-context\.md\.$/);
  });

  it('a typed value is the user\'s own, survives a context change, and goes back to the context on request', () => {
    const state = pitch.cleanState({ context: ACME });
    pitch.typed(state, 'memberCount', '950');
    let d = pitch.contextDefaults(BERLIN);
    state.context = BERLIN;
    assert.strictEqual(pitch.fieldValue(state, d, 'memberCount'), '950');
    assert.notStrictEqual(pitch.fieldValue(state, d, 'communityName'), 'Acme Devs', 'a field not overridden follows the context');
    const own = pitch.fieldNote(state, d, 'memberCount');
    assert.strictEqual(own.kind, 'own');
    assert.match(own.text, /the context says “1,100”/);
    pitch.useContextValue(state, 'memberCount');
    d = pitch.contextDefaults(BERLIN);
    assert.strictEqual(pitch.fieldValue(state, d, 'memberCount'), '1,100');
  });

  it('the preview, word count and checks come from the core, for each variant', () => {
    const state = pitch.cleanState({ context: ACME });
    const d = pitch.contextDefaults(ACME);
    for (const variant of ['classic', 'cold', 'warm'] as const) {
      state.variant = variant;
      const p = pitch.previewView(state, d);
      assert.match(p.body, /Acme Devs/);
      assert.strictEqual(p.checks.length, 5);
      assert.strictEqual(p.wordsText, `${p.words} / ${p.limit} words`);
      assert.strictEqual(p.checksTitle, `Checks: ${p.passed} of 5 pass`);
    }
    // Filling the idea, the offer and the ask passes the idea and offer checks.
    state.variant = 'classic';
    pitch.typed(state, 'partnerName', 'Sam');
    pitch.typed(state, 'ideaType', 'co-hosted-event');
    pitch.typed(state, 'topic', 'API design reviews');
    pitch.typed(state, 'contribution', 'a speaker from our team');
    pitch.typed(state, 'hope', 'a slot in your newsletter');
    const p = pitch.previewView(state, d);
    assert.ok(p.checks.find((c) => c.id === 'specific-idea')?.ok);
    assert.ok(p.checks.find((c) => c.id === 'offer-first')?.ok);
    assert.match(p.body, /^Hi Sam,/);
    assert.ok(pitch.actionPayload(state, d).markdown.includes('partnership-doc: pitch'));
  });

  it('the idea list offers the 16 types by category and the user\'s own words; "own" shows the text field', () => {
    const options = pitch.ideaOptions();
    assert.strictEqual(options.length, 18);
    assert.strictEqual(options[0].value, '');
    assert.strictEqual(options.at(-1)?.value, 'own');
    assert.deepStrictEqual(new Set(options.slice(1, -1).map((o) => o.description)), new Set(['Content', 'Event', 'Growth', 'Ecosystem']));
    const state = pitch.cleanState({});
    assert.strictEqual(pitch.ideaView(state).ownShown, false);
    state.values.ideaType = 'own';
    assert.strictEqual(pitch.ideaView(state).ownShown, true);
    state.values.ideaType = 'joint-hackathon';
    assert.strictEqual(pitch.ideaView(state).hint, 'Build or learn something together.');
  });

  it('a draft holds only what was typed or picked; an untouched form has none; a draft restores the form', () => {
    const state = pitch.cleanState({ context: ACME });
    assert.strictEqual(pitch.draftOf(state), null);
    pitch.typed(state, 'topic', 'release parties');
    state.variant = 'warm';
    const draft = pitch.draftOf(state)!;
    assert.deepStrictEqual(draft, { variant: 'warm', values: { topic: 'release parties' }, overridden: [], language: 'en' });
    const back = pitch.fromDraft(pitch.cleanState({ context: ACME }), draft);
    assert.strictEqual(back.values.topic, 'release parties');
    assert.strictEqual(back.context, ACME);
    assert.strictEqual(pitch.draftOf(pitch.emptied(back)), null);
  });

  it('a page state from anywhere is cleaned: unknown variant, non-text values and unknown fields are dropped', () => {
    const s = pitch.cleanState({ variant: 'loud', values: { topic: 'x', hope: 5 }, overridden: ['communityName', 'nope', 3] });
    assert.strictEqual(s.variant, 'classic');
    assert.deepStrictEqual(s.values, { topic: 'x' });
    assert.deepStrictEqual(s.overridden, ['communityName']);
    assert.deepStrictEqual(pitch.cleanState(null), { variant: 'classic', language: 'en', values: {}, overridden: [], context: undefined });
  });

  it('without a context nothing is prefilled and the header says so', () => {
    const state = pitch.cleanState({ context: MISSING });
    const d = pitch.contextDefaults(MISSING);
    assert.strictEqual(pitch.fieldValue(state, d, 'communityName'), '');
    assert.strictEqual(pitch.fieldNote(state, d, 'communityName').kind, 'plain');
    assert.match(pitch.headerView(state).description, /^Fill in the fields/);
  });
});

function checklist(): AgreementChecklist {
  return agreement.completeChecklist({ state: emptyAgreement() as AgreementChecklist['state'], sides: { yours: 'Acme Devs', theirs: '' } });
}

describe('agreement view-model', () => {
  it('counts the ten points, names what each section still lacks, and marks what is done', () => {
    const c = checklist();
    let p = agreement.progressView(c);
    // The notice period has its default: the exit clause is agreed from the start.
    assert.strictEqual(p.text, '1 of 10 agreed');
    assert.deepStrictEqual(p.sections.exit, { done: true, text: 'Done' });
    assert.strictEqual(p.sections.timeline.text, 'Still to fill: duration, start date, review date');
    assert.strictEqual(p.sections.running.text, '0 of 5 agreed');
    assert.strictEqual(p.nav.length, 10);
    assert.strictEqual(p.nav[5].target, 'item-running');
    const st = c.state;
    st.duration = '3 months';
    st.startDate = '2026-03-01';
    st.reviewDate = '2026-06-01';
    st.practices = { startSmall: true };
    p = agreement.progressView(c);
    assert.strictEqual(p.text, '3 of 10 agreed');
    assert.strictEqual(p.nav.find((n) => n.id === 'timeline')?.ariaLabel, 'Timeline and cadence: done');
    assert.strictEqual(p.sections.running.text, '1 of 5 agreed');
  });

  it('labels that name a side follow the names as typed', () => {
    const c = checklist();
    assert.strictEqual(agreement.sideLabels(c).yoursWill, 'Acme Devs will');
    assert.strictEqual(agreement.sideLabels(c).theirContact, "The partner's primary contact");
    c.sides.theirs = 'Design Systems Guild';
    assert.strictEqual(agreement.sideLabels(c).theirsWill, 'Design Systems Guild will');
    assert.strictEqual(agreement.sideLabels(c).theirOwner, 'Owner for Design Systems Guild');
  });

  it('dates are checked as the agreement writes them', () => {
    assert.strictEqual(agreement.dateProblem(''), undefined);
    assert.strictEqual(agreement.dateProblem('2026-03-01'), undefined);
    assert.strictEqual(agreement.dateProblem('2026-02-30'), '2026-02-30 is not a real date.');
    assert.match(agreement.dateProblem('03/01/2026') ?? '', /YYYY-MM-DD/);
  });

  it('the type keeps its English title as the value (the document is English) and shows a label', () => {
    const options = agreement.typeOptions();
    assert.strictEqual(options.length, 17);
    assert.ok(options.some((o) => o.value === 'Co-hosted AMA, workshop or webinar'));
    const c = checklist();
    c.state.collaboration = { type: 'co-hosted-event' };
    assert.strictEqual(agreement.selectedType(c), 'Co-hosted AMA, workshop or webinar', 'an id is shown as its title');
  });

  it('the community name follows the context until the user types their own', () => {
    const c = checklist();
    assert.strictEqual(agreement.fromContextHint(c, ACME), 'From your context: Community Name');
    const renamed = { ...ACME, values: { ...ACME.values, 'Community Name': 'Acme Builders' } };
    assert.strictEqual(agreement.followContext(c, ACME, renamed), true);
    assert.strictEqual(c.sides.yours, 'Acme Builders');
    c.sides.yours = 'My own name';
    assert.strictEqual(agreement.followContext(c, renamed, ACME), false);
    assert.strictEqual(c.sides.yours, 'My own name');
    assert.strictEqual(agreement.fromContextHint(c, ACME), undefined);
  });
});

function init(mode: 'create' | 'update', values: Record<string, string> = {}, draft?: Record<string, string>, readOnly = false): Extract<ContextFormToWebview, { type: 'init' }> {
  return {
    type: 'init',
    mode,
    folderName: 'w',
    folder: 'file:///w',
    filePath: '.claude/community-context.md',
    readOnly,
    sections: CONTEXT_SECTIONS.map((s) => ({ title: s.title, fields: s.labels.map((label) => ({ label, value: values[label] ?? '' })) })),
    ...(draft ? { draft } : {}),
  };
}

describe('context form view-model', () => {
  it('each step has one state glyph: done, partly filled or not started; the current step is marked apart from it', () => {
    const i = init('update', { 'Community Name': 'Acme Devs' });
    const state = form.stateForInit(undefined, i);
    const steps = form.stepsView(i.sections, state);
    assert.strictEqual(steps.length, 7);
    assert.strictEqual(steps[0].state, 'partial');
    assert.strictEqual(steps[0].icon, 'pie-chart');
    assert.strictEqual(steps[0].current, true);
    assert.strictEqual(steps[1].icon, 'circle-large');
    assert.match(steps[0].ariaLabel, /^Community Overview, partly filled: 1 of \d+ filled$/);
    for (const l of i.sections[1].fields) state.values[l.label] = 'x';
    assert.strictEqual(form.stepsView(i.sections, state)[1].icon, 'pass-filled');
  });

  it('counts unsaved changes; a draft from a closed form comes back as "Draft restored"', () => {
    const i = init('update', { 'Community Name': 'Acme Devs' }, { 'One-line description': 'Night owls' });
    const fresh = form.freshValues(i);
    const state = form.stateForInit(undefined, i);
    assert.strictEqual(state.values['One-line description'], 'Night owls');
    const v = form.contextFormView(i, state, fresh, false);
    assert.strictEqual(v.unsaved?.count, 1);
    assert.strictEqual(v.unsaved?.restored, true);
    assert.match(v.unsaved?.text ?? '', /^Draft restored: 1 unsaved change, typed before the form was closed\.$/);
    // Typed now (no draft): the line says it is kept, not restored.
    const typedNow = form.stateForInit(undefined, init('update', { 'Community Name': 'Acme Devs' }));
    typedNow.values['Mission'] = 'Help';
    typedNow.values['Values'] = 'Kindness';
    const v2 = form.contextFormView(init('update', { 'Community Name': 'Acme Devs' }), typedNow, fresh, false);
    assert.match(v2.unsaved?.text ?? '', /^2 unsaved changes: kept until saved or discarded, also when this tab is closed\.$/);
    // Spaces around a value are not a change.
    assert.strictEqual(form.unsavedCount({ a: ' x ' }, { a: 'x' }), 0);
  });

  it('keeps what was typed when the page is shown again with the same file, and starts over for another mode', () => {
    const i = init('update', { 'Community Name': 'Acme Devs' });
    const typed = { ...form.stateForInit(undefined, i), step: 3 };
    typed.values['Mission'] = 'Help people ship';
    const again = form.stateForInit(typed, i);
    assert.strictEqual(again.values['Mission'], 'Help people ship');
    assert.strictEqual(again.step, 3);
    const other = form.stateForInit(typed, init('create'));
    assert.strictEqual(other.values['Mission'], '');
    assert.strictEqual(other.step, 0);
  });

  it('buttons: Back off on the first step, Next and Skip off on the last, the primary off while saving or in Restricted Mode', () => {
    const i = init('create');
    const fresh = form.freshValues(i);
    const state = form.stateForInit(undefined, i);
    let v = form.contextFormView(i, state, fresh, false);
    assert.deepStrictEqual([v.back.disabled, v.next.disabled, v.skip.disabled, v.primary.disabled], [true, false, false, false]);
    assert.strictEqual(v.primary.label, 'Create file');
    assert.strictEqual(v.openFile, undefined);
    state.step = i.sections.length - 1;
    v = form.contextFormView(i, state, fresh, true);
    assert.deepStrictEqual([v.back.disabled, v.next.disabled, v.skip.disabled, v.primary.disabled], [false, true, true, true]);
    const ro = init('update', {}, undefined, true);
    const rv = form.contextFormView(ro, form.stateForInit(undefined, ro), form.freshValues(ro), false);
    assert.strictEqual(rv.primary.disabled, true);
    assert.strictEqual(rv.primary.label, 'Save changes');
    assert.ok(rv.readOnlyNotice);
    assert.ok(rv.fields.every((f) => f.disabled));
  });

  it('a value written as a list is edited in a text area; the template\'s guidance is quoted', () => {
    const i = init('update', { 'Community Name': 'Acme Devs', 'Current size': '12,000\n(2026)' });
    const state = form.stateForInit(undefined, i);
    const fields = form.fieldsView(i.sections, state, false);
    assert.strictEqual(fields.find((f) => f.label === 'Current size')?.multiline, true);
    assert.strictEqual(fields.find((f) => f.label === 'Community Name')?.multiline, false);
    assert.strictEqual(form.savedText({ filePath: 'x.md', changed: 2 }), 'Saved 2 changes to x.md.');
    assert.strictEqual(form.savedText({ filePath: 'x.md', changed: 1 }), 'Saved 1 change to x.md.');
  });
});

describe('the form pages in German (the bundle the page loads)', () => {
  const german = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
  before(() => setTranslator(bundleTranslator(german)));
  after(() => setTranslator(undefined));

  it('the pitch page, its checks and the agreement progress read in German; the pitch text stays English', () => {
    const state = pitch.cleanState({ context: ACME });
    const d = pitch.contextDefaults(ACME);
    const p = pitch.previewView(state, d);
    assert.match(p.checksTitle, /^Prüfungen: \d von 5 bestanden$/);
    assert.ok(p.checks.some((c) => c.title === 'Eine konkrete Idee'));
    assert.match(p.body, /^Hi \[partner's name\],/, 'the pitch is content: English');
    assert.strictEqual(pitch.formGroups()[0].title, 'Ihre Community');
    assert.strictEqual(pitch.variantView(state).options[0].title, 'Klassisch');
    assert.strictEqual(agreement.progressView(checklist()).text, '1 von 10 vereinbart');
    assert.match(agreement.progressView(checklist()).sections.timeline.text, /^Noch auszufüllen: Dauer, Startdatum, Überprüfungstermin$/);
    const i = init('update', { 'Community Name': 'Acme Devs' });
    const v = form.contextFormView(i, form.stateForInit(undefined, i), form.freshValues(i), false);
    assert.strictEqual(v.primary.label, 'Änderungen speichern');
    assert.strictEqual(v.steps[0].title, 'Community Overview', 'the file\'s own section titles');
  });
});
