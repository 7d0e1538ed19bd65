// The server's wire behavior per protocol, through raw HTTP and the real SDK v3 clients.
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { expectedSignature } from '../../electron/sandbox/protocol/sigv4-verify';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../helpers/sandbox';

const sandbox = withSandbox({ scenario: 'avi-lab' });

// Headers of a correctly SigV4-signed request for the sandbox's key (signed with the same
// routine the server checks with; the SDK and CLI tests below prove that routine right).
function signedHeaders(
  service: string,
  region = 'us-east-1',
  request: {
    method?: string;
    path?: string;
    query?: string;
    body?: string;
    host?: string;
    headers?: Record<string, string>;
  } = {},
): Record<string, string> {
  const amzDate = '20250101T000000Z';
  const host = request.host ?? new URL(sandbox.endpoint).host;
  const headers = { ...request.headers, host, 'x-amz-date': amzDate };
  const names = Object.keys(headers)
    .map((n) => n.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const scope = { accessKeyId: sandbox.credentials.accessKeyId, date: '20250101', region, service };
  const signature = expectedSignature(
    {
      method: request.method ?? 'POST',
      rawPath: request.path ?? '/',
      rawQuery: request.query ?? '',
      headers: lower,
      body: Buffer.from(request.body ?? ''),
    },
    scope,
    { signedHeaders: names, signature: '', amzDate, presigned: false },
    sandbox.credentials.secretAccessKey,
  );
  return {
    ...request.headers,
    'x-amz-date': amzDate,
    authorization: `AWS4-HMAC-SHA256 Credential=${scope.accessKeyId}/20250101/${region}/${service}/aws4_request, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

// A signed POST of `body` with `headers`.
async function signedPost(
  service: string,
  body: string,
  headers: Record<string, string>,
  region = 'us-east-1',
): Promise<Response> {
  return post('/', body, signedHeaders(service, region, { body, headers }));
}

async function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${sandbox.endpoint}${path}`, { method: 'POST', body, headers });
}

const form = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const kmsJson = (op: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `TrentService.${op}`,
});

describe('routing by protocol with the SDK', () => {
  it('answers EC2 Query, KMS JSON and S3 REST-XML', async () => {
    const regions = await new EC2Client(sandbox.sdkConfig).send(new DescribeRegionsCommand({}));
    expect(regions.Regions?.map((r) => r.RegionName)).toContain('us-west-2');
    const keys = await new KMSClient({ ...sandbox.sdkConfig, region: 'us-west-2' }).send(
      new ListKeysCommand({}),
    );
    expect(keys.Keys?.map((k) => k.KeyArn)).toContain(aviLab.ids.cmkArn);
    const buckets = await new S3Client(sandbox.s3Config).send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toContain(aviLab.ids.seBucket);
  });

  it('refuses unknown access keys with each service’s code', async () => {
    const bad = {
      ...sandbox.sdkConfig,
      credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' },
    };
    await expect(new EC2Client(bad).send(new DescribeRegionsCommand({}))).rejects.toMatchObject({
      name: 'AuthFailure',
    });
    await expect(new KMSClient(bad).send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
    await expect(
      new S3Client({ ...bad, forcePathStyle: true }).send(new ListBucketsCommand({})),
    ).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
    });
  });

  it('refuses a wrong secret key as each service does', async () => {
    const wrong = {
      ...sandbox.sdkConfig,
      credentials: { accessKeyId: sandbox.credentials.accessKeyId, secretAccessKey: 'wrong' },
    };
    await expect(new EC2Client(wrong).send(new DescribeRegionsCommand({}))).rejects.toMatchObject({
      name: 'AuthFailure',
    });
    await expect(new STSClient(wrong).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    await expect(new KMSClient(wrong).send(new ListKeysCommand({}))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
    });
    await expect(
      new S3Client({ ...wrong, forcePathStyle: true }).send(new ListBucketsCommand({})),
    ).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
  });

  it('refuses a region the account has not opted in to', async () => {
    const client = new EC2Client({ ...sandbox.sdkConfig, region: 'af-south-1' });
    await expect(client.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: 'AuthFailure' });
  });
});

describe('unsigned requests are refused as AWS refuses them', () => {
  it('EC2: AuthFailure in the EC2 error document', async () => {
    const res = await post('/', 'Action=DescribeRegions&Version=2016-11-15', form);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('<Response><Errors><Error><Code>AuthFailure</Code>');
    expect(text).toContain('<RequestID>');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  });

  it('STS: MissingAuthenticationToken in an awsQuery ErrorResponse', async () => {
    const res = await post('/', 'Action=GetCallerIdentity&Version=2011-06-15', form);
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(text).toContain('<Type>Sender</Type><Code>MissingAuthenticationToken</Code>');
  });

  it('KMS: MissingAuthenticationTokenException as JSON', async () => {
    const res = await post('/', '{}', kmsJson('ListKeys'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  });

  it('S3: AccessDenied', async () => {
    const res = await fetch(`${sandbox.endpoint}/`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessDenied</Code>');
    expect(res.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
  });
});

describe('malformed requests get AWS errors', () => {
  it('EC2: InvalidAction and MissingAction', async () => {
    const unknown = await signedPost('ec2', 'Action=DescribeUnicorns&Version=2016-11-15', form);
    const text = await unknown.text();
    expect(text).toContain('<Code>InvalidAction</Code>');
    expect(unknown.status).toBe(400);
    const missing = await signedPost('ec2', 'Version=2016-11-15', form);
    expect(await missing.text()).toContain('<Code>MissingAction</Code>');
  });

  it('IAM: InvalidAction in an awsQuery ErrorResponse', async () => {
    const res = await signedPost('iam', 'Action=ListUnicorns&Version=2010-05-08', form);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /<Code>InvalidAction<\/Code><Message>Could not find operation ListUnicorns/,
    );
  });

  it('KMS: SerializationException and UnknownOperationException', async () => {
    const bad = await signedPost('kms', '{not json', kmsJson('ListKeys'));
    expect(await bad.json()).toMatchObject({ __type: 'SerializationException' });
    const unknown = await signedPost('kms', '{}', kmsJson('ListUnicorns'));
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('control API: unknown operations and bad bodies are JSON errors', async () => {
    const res = await sandbox.controlFetch('nothing');
    expect(res.status).toBe(404);
    const bad = await sandbox.controlFetch('clock', { method: 'POST', body: '{"advanceMs": -5}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'BadRequest' });
  });
});

describe('S3 addressing', () => {
  it('accepts virtual-host style requests (bucket.localhost)', async () => {
    const url = new URL(sandbox.endpoint);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/?versioning',
          method: 'GET',
          headers: {
            ...signedHeaders('s3', 'us-west-2', {
              method: 'GET',
              query: 'versioning',
              host: `${aviLab.ids.seBucket}.localhost:${url.port}`,
              headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
            }),
            host: `${aviLab.ids.seBucket}.localhost:${url.port}`,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(body).toContain('<Status>Enabled</Status>');
    expect(status).toBe(200);
  });
});
