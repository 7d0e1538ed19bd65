// The model walker's own tests: well-formed answers pass, and each kind of wrong answer is caught
// (a member the model lacks, an enum value outside the model's enum, a bad timestamp, a missing
// required member, list items named wrongly, the wrong envelope, an undocumented error code).
import { describe, expect, it } from 'vitest';
import type { RawAnswer } from './answer';
import { checkAnswer } from './check-answer';
import type { ModelService } from './model';

const XML = 'text/xml;charset=UTF-8';
const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function answer(
  service: ModelService,
  operation: string,
  body: string,
  options: { status?: number; contentType?: string; headers?: Record<string, string> } = {},
): RawAnswer {
  return {
    service,
    operation,
    method: 'POST',
    status: options.status ?? 200,
    headers: { 'content-type': options.contentType ?? XML, 'x-amzn-requestid': 'r-1', ...options.headers },
    body,
  };
}

const whats = (a: RawAnswer) => checkAnswer(a).mismatches.map((m) => `${m.path}: ${m.what}`);

const volume = (inner: string) =>
  `<DescribeVolumesResponse xmlns="${EC2_NS}"><requestId>r-1</requestId><volumeSet><item>${inner}</item></volumeSet></DescribeVolumesResponse>`;
const goodVolume =
  '<volumeId>vol-1</volumeId><size>8</size><status>available</status><encrypted>true</encrypted>' +
  '<createTime>2026-01-02T03:04:05.000Z</createTime><attachmentSet/><tagSet><item><key>Name</key><value>a</value></item></tagSet>';

describe('ec2 protocol', () => {
  it('accepts a well-formed DescribeVolumes answer', () => {
    expect(whats(answer('ec2', 'DescribeVolumes', volume(goodVolume)))).toEqual([]);
  });

  it('catches an unknown member, a bad enum, a bad timestamp, a bad boolean and a bad integer', () => {
    const bad = volume(
      '<volumeId>vol-1</volumeId><size>eight</size><status>melting</status><encrypted>yes</encrypted>' +
        '<createTime>2026-01-02 03:04</createTime><colour>blue</colour>',
    );
    expect(whats(answer('ec2', 'DescribeVolumes', bad))).toEqual([
      "Volumes[0].CreateTime: timestamp '2026-01-02 03:04' is not ISO 8601 (e.g. 2026-01-02T03:04:05.000Z)",
      "Volumes[0].Encrypted: 'yes' is not a boolean (true/false)",
      "Volumes[0].Size: 'eight' is not an integer",
      "Volumes[0].State: 'melting' is not in the enum",
      'Volumes[0].colour: member the model lacks',
    ]);
  });

  it('catches list items not named item, a wrong root, a missing requestId and a query-style error', () => {
    const wrongItems = `<DescribeVolumesResponse xmlns="${EC2_NS}"><requestId>r</requestId><volumeSet><member><volumeId>v</volumeId></member></volumeSet></DescribeVolumesResponse>`;
    expect(whats(answer('ec2', 'DescribeVolumes', wrongItems))).toEqual([
      'Volumes: list item <member>, expected <item>',
    ]);
    const wrongRoot = `<DescribeVolumesResult xmlns="${EC2_NS}"><volumeSet/></DescribeVolumesResult>`;
    expect(whats(answer('ec2', 'DescribeVolumes', wrongRoot))).toEqual([
      '(envelope): root <DescribeVolumesResult>',
      '(envelope): no <requestId>',
    ]);
    const queryError =
      '<ErrorResponse><Error><Code>InvalidVolume.NotFound</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>';
    expect(whats(answer('ec2', 'DescribeVolumes', queryError, { status: 400 }))).toEqual([
      '(envelope): error document <ErrorResponse>',
    ]);
  });

  it('reports a member newer than the CLI model apart, not as a mismatch', () => {
    const body = `<GetEbsEncryptionByDefaultResponse xmlns="${EC2_NS}"><requestId>r</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType></GetEbsEncryptionByDefaultResponse>`;
    const check = checkAnswer(answer('ec2', 'GetEbsEncryptionByDefault', body));
    expect(check.mismatches).toEqual([]);
    expect(check.newer).toEqual(['GetEbsEncryptionByDefaultResult.sseType']);
  });

  it('catches text that is not XML', () => {
    expect(whats(answer('ec2', 'DescribeVolumes', '<DescribeVolumesResponse><volumeSet>'))[0]).toMatch(
      /^\(envelope\): not well-formed XML/,
    );
  });
});

describe('json protocol (KMS)', () => {
  const json = 'application/x-amz-json-1.1';
  const key = (metadata: Record<string, unknown>) =>
    answer('kms', 'DescribeKey', JSON.stringify({ KeyMetadata: metadata }), { contentType: json });

  it('accepts epoch seconds and catches milliseconds, ISO strings, a missing required member and a bad enum', () => {
    expect(whats(key({ KeyId: 'k', CreationDate: 1_767_225_600.5, KeyState: 'Enabled' }))).toEqual([]);
    expect(whats(key({ KeyId: 'k', CreationDate: 1_767_225_600_000 }))).toEqual([
      'KeyMetadata.CreationDate: timestamp 1767225600000 is not epoch seconds between 2000 and 2100 (milliseconds?)',
    ]);
    expect(whats(key({ KeyId: 'k', CreationDate: '2026-01-01T00:00:00Z' }))).toEqual([
      'KeyMetadata.CreationDate: "2026-01-01T00:00:00Z" is not epoch seconds (a number)',
    ]);
    expect(whats(key({ KeyState: 'Sleeping', Enabled: 'true' }))).toEqual([
      'KeyMetadata.KeyId: required member missing',
      'KeyMetadata.Enabled: "true" is not a JSON boolean',
      "KeyMetadata.KeyState: 'Sleeping' is not in the enum",
    ]);
  });

  it('checks the error format, the documented codes and the error shape', () => {
    const error = (body: Record<string, unknown>) =>
      answer('kms', 'DescribeKey', JSON.stringify(body), { contentType: json, status: 400 });
    expect(whats(error({ __type: 'NotFoundException', message: 'gone' }))).toEqual([]);
    expect(whats(error({ __type: 'AccessDeniedException', message: 'no' }))).toEqual([]); // common error
    expect(whats(error({ __type: 'KeyUnavailableException', message: 'm' }))).toEqual([
      '(error code): KeyUnavailableException is not documented for DescribeKey',
    ]);
    expect(whats(error({ code: 'NotFoundException' }))).toEqual([
      'error: no __type',
      '(error): no error code',
    ]);
    expect(whats(error({ __type: 'NotFoundException', message: 'm', detail: 'x' }))).toEqual([
      'error.detail: member the model lacks',
    ]);
  });

  it('accepts an error code newer than the CLI model only where listed, and reports it apart', () => {
    const grant = (code: string) =>
      answer('kms', 'CreateGrant', JSON.stringify({ __type: code, message: 'm' }), {
        contentType: json,
        status: 412,
      });
    const dryRun = checkAnswer(grant('DryRunOperationException'));
    expect(dryRun.mismatches).toEqual([]);
    expect(dryRun.newer).toEqual(['CreateGrant error DryRunOperationException']);
    expect(whats(grant('WetRunOperationException'))).toEqual([
      '(error code): WetRunOperationException is not documented for CreateGrant',
    ]);
  });

  it('checks the content type', () => {
    const body = JSON.stringify({ KeyMetadata: { KeyId: 'k' } });
    expect(whats(answer('kms', 'DescribeKey', body, { contentType: 'application/json' }))).toEqual([
      "(header) content-type: content-type 'application/json'",
    ]);
  });
});

describe('query protocol (STS, IAM)', () => {
  const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
  const simulate = (result: string) =>
    `<SimulatePrincipalPolicyResponse xmlns="${IAM_NS}"><SimulatePrincipalPolicyResult>${result}</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>`;

  it('accepts member lists and catches a bad enum, a missing required member and a missing wrapper', () => {
    const good = simulate(
      '<EvaluationResults><member><EvalActionName>kms:Decrypt</EvalActionName><EvalDecision>allowed</EvalDecision></member></EvaluationResults><IsTruncated>false</IsTruncated>',
    );
    expect(whats(answer('iam', 'SimulatePrincipalPolicy', good, { contentType: 'text/xml' }))).toEqual([]);
    const bad = simulate(
      '<EvaluationResults><member><EvalDecision>maybe</EvalDecision></member></EvaluationResults>',
    );
    expect(whats(answer('iam', 'SimulatePrincipalPolicy', bad, { contentType: 'text/xml' }))).toEqual([
      'EvaluationResults[0].EvalActionName: required member missing',
      "EvaluationResults[0].EvalDecision: 'maybe' is not in the enum",
    ]);
    const unwrapped = `<SimulatePrincipalPolicyResponse xmlns="${IAM_NS}"><IsTruncated>false</IsTruncated><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>`;
    expect(whats(answer('iam', 'SimulatePrincipalPolicy', unwrapped, { contentType: 'text/xml' }))).toEqual([
      '(envelope): no <SimulatePrincipalPolicyResult>',
      'IsTruncated: element the envelope lacks',
    ]);
  });

  it('maps error shapes to their wire codes and checks Type', () => {
    const error = (code: string, type = 'Sender') =>
      answer(
        'iam',
        'SimulatePrincipalPolicy',
        `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
        { status: 404, contentType: 'text/xml' },
      );
    expect(whats(error('NoSuchEntity'))).toEqual([]); // NoSuchEntityException's error.code
    expect(whats(error('NoSuchEntityException'))).toEqual([
      '(error code): NoSuchEntityException is not documented for SimulatePrincipalPolicy',
    ]);
    expect(whats(error('NoSuchEntity', 'Client'))).toEqual(["Error.Type: error Type 'Client'"]);
  });
});

describe('rest-xml protocol (S3)', () => {
  const s3 = (operation: string, body: string, status = 200) =>
    answer('s3', operation, body, {
      status,
      contentType: 'application/xml',
      headers: { 'x-amz-request-id': 'R' },
    });

  it('reads named list items, flattened lists and the payload root', () => {
    const buckets = (item: string) =>
      `<ListAllMyBucketsResult><Owner><ID>o</ID></Owner><Buckets><${item}><Name>b</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></${item}></Buckets></ListAllMyBucketsResult>`;
    expect(whats(s3('ListBuckets', buckets('Bucket')))).toEqual([]);
    expect(whats(s3('ListBuckets', buckets('member')))).toEqual([
      'Buckets: list item <member>, expected <Bucket>',
    ]);
    const encryption = (root: string, algorithm: string) =>
      `<${root}><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></${root}>`;
    expect(
      whats(s3('GetBucketEncryption', encryption('ServerSideEncryptionConfiguration', 'AES256'))),
    ).toEqual([]);
    expect(whats(s3('GetBucketEncryption', encryption('EncryptionConfiguration', 'AES512')))).toEqual([
      '(envelope): root <EncryptionConfiguration>',
      "ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm: 'AES512' is not in the enum",
    ]);
  });

  it('checks the status code and the error document', () => {
    expect(whats(s3('DeleteBucketEncryption', '', 200))).toEqual(['(status): status 200']);
    expect(whats(s3('GetBucketLocation', '<Error><Code>NoSuchBucket</Code></Error>', 404))).toEqual([
      '(envelope): error document <Error>',
    ]);
  });
});

describe('rest-json protocol (SSO, SSO-OIDC)', () => {
  const rest = (service: ModelService, operation: string, body: unknown, status = 200, headers = {}) =>
    answer(service, operation, JSON.stringify(body), { status, contentType: 'application/json', headers });

  it('catches a long written as a string and an error body with members its shape lacks', () => {
    const credentials = { accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't' };
    expect(
      whats(rest('sso', 'GetRoleCredentials', { roleCredentials: { ...credentials, expiration: 1 } })),
    ).toEqual([]);
    expect(
      whats(rest('sso', 'GetRoleCredentials', { roleCredentials: { ...credentials, expiration: '2026' } })),
    ).toEqual(['roleCredentials.expiration: "2026" is not a JSON integer']);
    const pending = { 'x-amzn-errortype': 'AuthorizationPendingException' };
    expect(
      whats(
        rest(
          'sso-oidc',
          'CreateToken',
          { error: 'authorization_pending', error_description: 'd' },
          400,
          pending,
        ),
      ),
    ).toEqual([]);
    expect(whats(rest('sso-oidc', 'CreateToken', { message: 'pending' }, 400, pending))).toEqual([
      'error.message: member the model lacks',
    ]);
  });
});
