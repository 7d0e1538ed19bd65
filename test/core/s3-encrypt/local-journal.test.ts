// The S3 re-encryption journal on its own: the sealed plan and job id first, records appended in
// order, half a line left by a crash cut off on reopening, the batch engine's record kept, a run
// without a final record listed as interrupted, and one with it not.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { S3EncryptJournal, readS3EncryptJournal } from '../../../electron/core/s3-encrypt/journal';
import { interruptedS3EncryptRuns } from '../../../electron/core/s3-encrypt/run-plan';
import { makeTempDir } from '../../helpers/temp-dir';
import { localPlan } from './local-plan';

const plan = () =>
  localPlan(
    {
      id: 's3e-journal',
      accountId: '123456789012',
      region: 'eu-west-1',
      bucket: 'avi-se-journal',
      prefix: '',
      keyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    },
    [{ key: 'a.img', size: 10, encryption: 'sse-s3', etag: '"e1"' }],
  );

const result = {
  bucket: 'avi-se-journal',
  engine: 'local' as const,
  copied: 1,
  bytesCopied: 10,
  skipped: 0,
  failed: [],
  failedCount: 0,
  cancelled: false,
  durationMs: 5,
};

describe('S3 re-encryption journal', () => {
  it('keeps the plan, the records in order, and cuts off half a line left by a crash', async () => {
    const dir = makeTempDir('s3e-journal');
    const path = join(dir, 'job-1.jsonl');
    const journal = S3EncryptJournal.create(path, await plan(), 'job-1');
    journal.appendLocal({ t: 'claim', upTo: 1 });
    journal.flushLocal();
    journal.setBatch({ clientRequestToken: 'tok' });
    journal.appendLocal({ t: 'done', i: 0, v: 'v2' });
    journal.close();
    appendFileSync(path, '{"t":"done","i":');

    expect(readS3EncryptJournal(path).local).toEqual([{ t: 'claim', upTo: 1 }]);
    const reopened = S3EncryptJournal.open(path);
    expect(reopened.jobId).toBe('job-1');
    expect(reopened.plan.id).toBe('s3e-journal');
    expect(reopened.batch()).toEqual({ clientRequestToken: 'tok' });
    expect(reopened.localRecords()).toEqual([{ t: 'claim', upTo: 1 }]);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
    expect(await interruptedS3EncryptRuns(dir)).toMatchObject([{ jobId: 'job-1', path }]);

    reopened.appendLocal({ t: 'done', i: 0 });
    reopened.finish(result);
    expect(readS3EncryptJournal(path)).toMatchObject({
      local: [{ t: 'claim' }, { t: 'done', i: 0 }],
      result,
    });
    expect(S3EncryptJournal.open(path).result).toEqual(result);
    expect(await interruptedS3EncryptRuns(dir)).toEqual([]);
  });

  it('leaves a run that ended with an error in the process out of the runs to resume', async () => {
    const dir = makeTempDir('s3e-journal-failed');
    const path = join(dir, 'job-2.jsonl');
    const journal = S3EncryptJournal.create(path, await plan(), 'job-2');
    journal.appendLocal({ t: 'claim', upTo: 1 });
    expect(await interruptedS3EncryptRuns(dir)).toMatchObject([{ jobId: 'job-2' }]);
    journal.fail('S3 refused the job: AccessDenied on iam:PassRole');
    expect(readS3EncryptJournal(path)).toMatchObject({
      failed: 'S3 refused the job: AccessDenied on iam:PassRole',
      local: [{ t: 'claim', upTo: 1 }],
    });
    expect(await interruptedS3EncryptRuns(dir)).toEqual([]);
  });

  it('says what is wrong with a file that is not a journal, and leaves it out of the interrupted runs', async () => {
    const dir = makeTempDir('s3e-journal-bad');
    const path = join(dir, 'job-bad.jsonl');
    writeFileSync(path, '{"t":"done","i":0}\n');
    expect(() => S3EncryptJournal.open(path)).toThrow(/its first line is not a plan and a job id/);
    expect(() => S3EncryptJournal.open(join(dir, 'missing.jsonl'))).toThrow(
      /There is no S3 re-encryption journal/,
    );
    expect(await interruptedS3EncryptRuns(dir)).toEqual([]);
    expect(await interruptedS3EncryptRuns(join(dir, 'nowhere'))).toEqual([]);
  });
});
