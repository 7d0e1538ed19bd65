// Every code a person could read has words in shared/labels: the Record types make a missing label
// a compile error for the codes listed there; this test finds the codes electron/core writes (job
// kinds it starts, attributes its plans record) and fails on one with no label, and checks that the
// labels themselves read as words, not as codes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanceStatusSchema, migrationStatusSchema } from '../../../shared/domain/migration';
import { planKindSchema, planFactSchema } from '../../../shared/plans/plan-document';
import { evidenceLabels, evidenceRows, EVIDENCE_KEYS } from '../../../shared/labels/evidence';
import {
  instanceStatusWords,
  jobKindLabel,
  jobKindLabels,
  JOB_KINDS,
  migrationStatusOf,
  migrationStatusWords,
} from '../../../shared/labels/jobs';
import {
  describeDrift,
  describeFactAttributes,
  factAttributeLabels,
  factResourceLabels,
  FACT_ATTRIBUTES,
  planKindLabels,
} from '../../../shared/labels/plan-facts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const core = sources(join('electron', 'core')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

// A label is words: no camelCase, no kebab-case code.
const isWords = (label: string): boolean =>
  !/\b[a-z]+[A-Z]\w*\b/.test(label) && !/\b[a-z]+-[a-z]+\b/.test(label.replace(/\bre-/g, 're'));

describe('labels are complete', () => {
  it('names every job kind core starts', () => {
    // jobs.start('inventory-scan', …) or jobs.start(AMI_COPY_JOB_KIND, …) with the constant defined
    // as a string literal somewhere in core.
    const constants = new Map(
      core.flatMap(({ text }) =>
        [...text.matchAll(/export const (\w+_JOB_KIND) = '([^']+)'/g)].map((m) => [m[1], m[2]] as const),
      ),
    );
    const started = core.flatMap(({ file, text }) =>
      [...text.matchAll(/jobs\.start\(\s*([^,]+),/g)].map((m) => {
        const arg = (m[1] ?? '').trim();
        const literal = /^'([^']+)'$/.exec(arg)?.[1];
        return { file, kind: literal ?? constants.get(arg) ?? `unresolved ${arg}` };
      }),
    );
    expect(started.length).toBeGreaterThanOrEqual(4);
    const unlabelled = started.filter(({ kind }) => !(JOB_KINDS as readonly string[]).includes(kind));
    expect(unlabelled).toEqual([]);
    for (const kind of JOB_KINDS) expect(isWords(jobKindLabels[kind]), kind).toBe(true);
    expect(jobKindLabel('inventory-scan')).toBe('Inventory scan');
    expect(jobKindLabel('some-future-kind')).toBe('Some future kind');
  });

  it('names every attribute a plan in core records', () => {
    // The keys of each `attributes: { … }` literal the plan makers write.
    const keys = new Set(
      core.flatMap(({ text }) =>
        [...text.matchAll(/attributes: \{([^}]*)\}/g)].flatMap((m) =>
          [...(m[1] ?? '').matchAll(/(?:^|[,{\s])(\w+):/g)].map((k) => k[1] ?? ''),
        ),
      ),
    );
    expect(keys.size).toBeGreaterThan(10);
    expect([...keys].filter((k) => !(FACT_ATTRIBUTES as readonly string[]).includes(k))).toEqual([]);
    for (const attribute of FACT_ATTRIBUTES)
      expect(isWords(factAttributeLabels[attribute]), attribute).toBe(true);
    expect(Object.keys(factResourceLabels).sort()).toEqual([...planFactSchema.shape.resource.options].sort());
    expect(Object.keys(planKindLabels).sort()).toEqual([...planKindSchema.options].sort());
  });

  it('labels every evidence key and every migration and instance state in words', () => {
    for (const key of EVIDENCE_KEYS) expect(isWords(evidenceLabels[key]), key).toBe(true);
    expect(Object.keys(migrationStatusWords).sort()).toEqual([...migrationStatusSchema.options].sort());
    expect(Object.keys(instanceStatusWords).sort()).toEqual([...instanceStatusSchema.options].sort());
    for (const { text } of [...Object.values(migrationStatusWords), ...Object.values(instanceStatusWords)])
      expect(isWords(text), text).toBe(true);
    expect(migrationStatusOf('rolled-back')).toEqual({ type: 'stopped', text: 'Rolled back' });
  });
});

describe('codes said as words', () => {
  it('says a fact’s attributes and a drift without code', () => {
    expect(describeFactAttributes({ encrypted: false, kmsKeyArn: null, sizeGiB: 64 })).toBe(
      'Encryption: not encrypted · KMS key: none · Size: 64 GiB',
    );
    expect(
      describeDrift({
        resource: 'account-setting',
        id: 'ebs-encryption-by-default/eu-west-1',
        attribute: 'encryptionByDefault',
        planned: false,
        live: true,
      }),
    ).toBe('Account setting ebs-encryption-by-default/eu-west-1: Encryption by default planned off, now on');
  });

  it('says evidence under labels, with times, yes/no and a related finding’s title', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const rows = evidenceRows(
        {
          evidence: {
            defaultKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1',
            isEbsDefault: true,
            deletionDate: '2026-12-10T00:00:00.000Z',
            relatedFinding: 'ebs-default:eu-west-1:ebs-default/eu-west-1:mismatch',
            'kms:Decrypt': 'allowed: key policy',
          },
        },
        [
          {
            id: 'ebs-default:eu-west-1:ebs-default/eu-west-1:mismatch',
            title: 'The default key is not the intended one',
          },
        ],
      );
      expect(rows).toEqual([
        { label: 'Default EBS key ARN', value: 'arn:aws:kms:eu-west-1:111122223333:key/1' },
        { label: 'Is the EBS default key', value: 'yes' },
        { label: 'Deletion date', value: '10 Dec 2026, 00:00:00 UTC' },
        { label: 'Related finding', value: 'The default key is not the intended one' },
        { label: 'kms:Decrypt', value: 'allowed: key policy' },
      ]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
