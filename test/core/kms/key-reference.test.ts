// The resolver against the sandbox: every reference form resolves to the same canonical key, and
// every error is typed.
import { KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchKeyPolicy, resolveKeyReference } from '../../../electron/core/kms/key-reference';
import { AppError } from '../../../electron/core/errors/app-error';
import type { KmsKey } from '../../../electron/sandbox/world';
import { withSandbox } from '../../helpers/sandbox';

const ACCOUNT = '123456789012';
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab' });
let kms: KMSClient;
let cmk: KmsKey;
let cmkAlias: string;

beforeAll(() => {
  kms = new KMSClient({ ...sandbox.sdkConfig, region: REGION });
  const world = sandbox.handle.world;
  const alias = [...world.kmsAliases.values()].find(
    (a) => a.region === REGION && a.targetKeyId && !a.aliasName.startsWith('alias/aws/'),
  )!;
  cmkAlias = alias.aliasName;
  cmk = [...world.kmsKeys.values()].find((k) => k.keyId === alias.targetKeyId)!;
});
afterAll(() => kms.destroy());

const resolve = (ref: string, region = REGION) => resolveKeyReference(ref, { region, account: ACCOUNT }, kms);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('resolveKeyReference', () => {
  it('resolves key id, key ARN, alias name and alias ARN to one canonical key', async () => {
    const forms = [cmk.keyId, cmk.arn, cmkAlias, `arn:aws:kms:${REGION}:${ACCOUNT}:${cmkAlias}`];
    const resolved = await Promise.all(forms.map((f) => resolve(f)));
    for (const key of resolved) {
      expect(key).toEqual({
        arn: cmk.arn,
        keyId: cmk.keyId,
        aliases: expect.arrayContaining([cmkAlias]),
        region: REGION,
        account: ACCOUNT,
        state: cmk.state,
        spec: cmk.keySpec,
        usage: cmk.keyUsage,
        manager: 'CUSTOMER',
        ...(cmk.description ? { description: cmk.description } : {}),
      });
    }
  });

  it('resolves alias/aws/ebs to the AWS managed key', async () => {
    const key = await resolve('alias/aws/ebs');
    expect(key.manager).toBe('AWS');
    expect(key.aliases).toContain('alias/aws/ebs');
    expect(key.arn).toMatch(new RegExp(`^arn:aws:kms:${REGION}:${ACCOUNT}:key/`));
  });

  it('reports state and spec of a pending-deletion and an asymmetric key', async () => {
    const keys = [...sandbox.handle.world.kmsKeys.values()].filter((k) => k.region === REGION);
    const pending = keys.find((k) => k.state === 'PendingDeletion')!;
    const asymmetric = keys.find((k) => k.keySpec !== 'SYMMETRIC_DEFAULT')!;
    expect((await resolve(pending.arn)).state).toBe('PendingDeletion');
    expect((await resolve(asymmetric.keyId)).spec).toBe(asymmetric.keySpec);
  });

  it('returns the key policy as JSON text', async () => {
    const policy = await fetchKeyPolicy(kms, cmk.arn);
    expect(JSON.parse(policy)).toHaveProperty('Statement');
  });

  it.each([
    ['a malformed reference', 'my-key', 'invalid-key-reference'],
    ['an ARN of another service', 'arn:aws:s3:::bucket', 'invalid-key-reference'],
    ['an alias that does not exist', 'alias/does-not-exist', 'key-not-found'],
    ['a key id that does not exist', '0000aaaa-0000-0000-0000-000000000000', 'key-not-found'],
  ])('refuses %s with a typed error', async (_what, ref, code) => {
    const error = await errorOf(resolve(ref));
    expect(error.code).toBe(code);
    expect(error.hint).toBeTruthy();
  });

  it('refuses a key of another region before calling KMS', async () => {
    const error = await errorOf(resolve(cmk.arn, 'eu-west-1'));
    expect(error.code).toBe('key-in-other-region');
    expect(error.message).toContain(REGION);
    expect(error.message).toContain('eu-west-1');
  });

  it('refuses another account’s key it may not see, with a typed error', async () => {
    const foreign = `arn:aws:kms:${REGION}:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const error = await errorOf(resolve(foreign));
    expect(['key-not-found', 'key-access-denied']).toContain(error.code);
  });
});
