import * as assert from 'assert';
import fc from 'fast-check';
import { AGREEMENT_ITEMS, PLAYBOOKS } from '../../src/core/domain';
import { parseRecord, recordFileName } from '../../src/core/records';
import { newRecordText } from '../../src/core/records/newRecord';
import { pitchDefaultsFromContext, renderPitch } from '../../src/core/pitch';

describe('records: newRecordText', () => {
  it('writes a record that reads back with the given data and defaults', () => {
    const text = newRecordText({ partner: 'Design Guild', community: 'DG Slack', types: ['newsletter-cross-promotion', 'mutual-promotion'], today: '2026-03-01', ourName: 'Makers Hub' });
    const r = parseRecord(text);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.deepStrictEqual(r.record, {
      partner: 'Design Guild',
      community: 'DG Slack',
      stage: 'prospect',
      types: ['newsletter-cross-promotion', 'mutual-promotion'],
      owners: {},
      cadence: 'monthly',
      checkIns: [],
      scores: {},
      metrics: [],
      playbook: {},
    });
    assert.deepStrictEqual(r.problems, []);
    assert.ok(text.startsWith('---\npartner: Design Guild\ncommunity: DG Slack\nstage: prospect\ntypes:\n  - newsletter-cross-promotion\n  - mutual-promotion\ncadence: monthly\n---\n'));
    assert.ok(text.includes('# Community Partnership - Makers Hub x Design Guild'));
    assert.ok(text.includes('Drafted 2026-03-01.'));
  });

  it('has the pitch, the five agreement items with placeholders, and notes', () => {
    const text = newRecordText({ partner: 'P', types: [], today: '2026-03-01' });
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    assert.deepStrictEqual(headings, [
      '# Community Partnership - [your community] x P',
      '## Pitch',
      '## Agreement',
      ...AGREEMENT_ITEMS.map((i) => `### ${i.title}`),
      '## Notes',
    ]);
    for (const item of AGREEMENT_ITEMS) {
      const section = text.split(`### ${item.title}\n`)[1].split('\n### ')[0].split('\n## ')[0];
      // The exit clause has the playbook's default, two weeks' notice; the rest is to fill in.
      if (item.id === 'exit') assert.match(section, /two weeks' notice/);
      else assert.match(section, /\[[^\]]+\]/, `${item.title} has a placeholder`);
    }
  });

  it('prefills the pitch from the context with the same composer as the pitch panel', () => {
    const context = {
      'Community Name': 'Acme Devs',
      'One-line description': 'A community for developers building on the Acme API',
      'Who is this for': 'Backend and full-stack developers integrating payments and identity',
      'Current size': '12,000 members',
      'Active members': '~1.8K monthly active',
      Team: 'Maya Chen (community lead), one part-time moderator',
    };
    const text = newRecordText({ partner: 'Rust Berlin', community: 'Rust Berlin Meetup', types: ['co-hosted-event'], today: '2026-03-01', ourName: 'Acme Devs', context });
    const pitch = renderPitch({ ...pitchDefaultsFromContext(context).input, variant: 'classic', partnerCommunity: 'Rust Berlin Meetup', ideaType: 'co-hosted-event' });
    assert.ok(text.includes(`## Pitch\n\n**Subject:** ${pitch.subject}\n\n${pitch.body}\n\n## Agreement`), text);
    assert.match(text, /Our 12,000 members are backend and full-stack developers/);
    assert.match(text, /^- Co-hosting a session on \[topic\]\.$/m);
    assert.match(text, /^Owners: Maya Chen for Acme Devs and \[name\] for Rust Berlin\.$/m);
    assert.match(text, /The collaboration: Co-hosted AMA, workshop or webinar, on \[topic\]\./);
    assert.ok(!/\[X\]|\[who they are\]/.test(text));
  });

  it('lists each playbook once, as unticked steps, for the types that have one', () => {
    const text = newRecordText({ partner: 'P', types: ['co-hosted-event', 'joint-hackathon', 'podcast-video', 'integration-partnership'], today: '2026-03-01' });
    const playbook = text.split('## Playbook\n')[1].split('\n## ')[0];
    assert.deepStrictEqual(
      playbook.split('\n').filter((l) => l.startsWith('### ')),
      ['### Co-hosted event', '### Content collaboration'],
    );
    const boxes = playbook.split('\n').filter((l) => l.startsWith('- [ ] '));
    assert.deepStrictEqual(boxes, [...PLAYBOOKS['co-hosted-event'].steps, ...PLAYBOOKS['content-collab'].steps].map((s) => `- [ ] ${s}`));
    assert.ok(!newRecordText({ partner: 'P', types: ['mutual-promotion'], today: '2026-03-01' }).includes('## Playbook'));
  });

  it('keeps a hostile name inside the front matter value and on one line in the body', () => {
    const partner = 'Evil: "x"\n---\nstage: active';
    const text = newRecordText({ partner, types: [], today: '2026-03-01' });
    const r = parseRecord(text);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.strictEqual(r.record.partner, 'Evil: "x" --- stage: active');
    assert.strictEqual(r.record.stage, 'prospect');
  });

  it('refuses a missing partner or a malformed date', () => {
    assert.throws(() => newRecordText({ partner: '  ', types: [], today: '2026-03-01' }), RangeError);
    assert.throws(() => newRecordText({ partner: 'P', types: [], today: '01/03/2026' }), RangeError);
  });
});

describe('records: recordFileName', () => {
  it('makes readable slugs', () => {
    assert.strictEqual(recordFileName('Design Systems Guild'), 'design-systems-guild.md');
    assert.strictEqual(recordFileName('Notion & Figma'), 'notion-and-figma.md');
    assert.strictEqual(recordFileName('Café Société'), 'cafe-societe.md');
    assert.strictEqual(recordFileName('../../etc/passwd'), 'etc-passwd.md');
    assert.strictEqual(recordFileName('C:\\Windows\\x'), 'c-windows-x.md');
    assert.strictEqual(recordFileName('CON'), 'con-partner.md');
    assert.strictEqual(recordFileName('a'.repeat(80)), `${'a'.repeat(60)}.md`);
    assert.strictEqual(recordFileName(`${'a'.repeat(59)} b`), `${'a'.repeat(59)}.md`);
  });

  it('falls back to partner-<n>, the same for the same name', () => {
    assert.match(recordFileName('東京'), /^partner-[a-z0-9]+\.md$/);
    assert.strictEqual(recordFileName('東京'), recordFileName('東京'));
    assert.notStrictEqual(recordFileName('東京'), recordFileName('大阪'));
    assert.match(recordFileName(''), /^partner-[a-z0-9]+\.md$/);
  });

  it('is always a safe file name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (partner) => {
        const file = recordFileName(partner);
        assert.match(file, /^[a-z0-9]+(-[a-z0-9]+)*\.md$/);
        assert.ok(file.length - 3 <= 60);
        assert.ok(!file.includes('..') && !file.includes('/') && !file.includes('\\'));
      }),
      { numRuns: 1000 },
    );
  });
});
