// KMS through the real SDK v3 client against the sandbox server (no client mocking).
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  NotFoundException,
  KMSInvalidStateException,
  paginateListKeys,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { withSandbox } from '../../helpers/sandbox';

const sandbox = withSandbox();

describe('KMS over the SDK', () => {
  it('creates, aliases, describes, pages and schedules deletion', async () => {
    const kms = new KMSClient(sandbox.sdkConfig);
    const created = await kms.send(
      new CreateKeyCommand({ Description: 'sdk key', Tags: [{ TagKey: 'team', TagValue: 'ops' }] }),
    );
    const keyId = created.KeyMetadata!.KeyId!;
    expect(created.KeyMetadata!.CreationDate).toBeInstanceOf(Date);
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sdk-key', TargetKeyId: keyId }));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/sdk-key' }));
    expect(described.KeyMetadata).toMatchObject({
      KeyId: keyId,
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT',
    });

    for (let i = 0; i < 4; i++) await kms.send(new CreateKeyCommand({}));
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 2 }, {}))
      ids.push(...(page.Keys ?? []).map((k) => k.KeyId!));
    expect(ids).toContain(keyId);
    expect(new Set(ids).size).toBe(ids.length);

    const aliases = await kms.send(new ListAliasesCommand({ KeyId: keyId }));
    expect(aliases.Aliases?.map((a) => a.AliasName)).toEqual(['alias/sdk-key']);
    const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
    expect(JSON.parse(policy.Policy!).Id).toBe('key-default-1');
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled).toBe(
      false,
    );

    const grant = await kms.send(
      new CreateGrantCommand({
        KeyId: keyId,
        GranteePrincipal: 'arn:aws:iam::123456789012:role/Worker',
        Operations: ['Decrypt'],
      }),
    );
    const grants = await kms.send(new ListGrantsCommand({ KeyId: keyId }));
    expect(grants.Grants?.[0]).toMatchObject({ GrantId: grant.GrantId, Operations: ['Decrypt'] });

    const scheduled = await kms.send(
      new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }),
    );
    expect(scheduled.KeyState).toBe('PendingDeletion');
    expect(scheduled.DeletionDate).toBeInstanceOf(Date);
    await expect(kms.send(new DisableKeyCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(
      KMSInvalidStateException,
    );
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });

  it('answers NotFoundException with KMS message', async () => {
    const kms = new KMSClient(sandbox.sdkConfig);
    const error = await kms
      .send(new DescribeKeyCommand({ KeyId: 'alias/does-not-exist' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect((error as Error).message).toBe(
      'Alias arn:aws:kms:us-east-1:123456789012:alias/does-not-exist is not found.',
    );
  });
});
