// S3 Control (REST-XML, signed as "s3") for S3 Batch Operations: /v20180820/jobs… on
// <account-id>.s3-control.<region>.amazonaws.com. The SDK and the CLI put the account id in front
// of the endpoint's host (botocore's s3control endpoint rule set: "{url#scheme}://{AccountId}.
// {url#authority}"), so against the sandbox the host is <account-id>.127.0.0.1:<port> (reach it
// through an HTTP proxy or a lookup that maps it to the loopback address: README, "S3 Batch
// Operations"). x-amz-account-id must be the caller's account.
import { AwsError, type CallContext, type RestHandler, type RestRequest } from '../context';
import { createJob } from './create-job';
import { advanceJobs } from './job-run';
import { describeJob, listJobs, updateJobPriority, updateJobStatus } from './jobs-api';

export const S3CONTROL_PATH = /^\/v20180820\//;

// The operation a request is for (for fault injection and logs).
export function s3ControlOperation(method: string, path: string): string {
  if (path === '/v20180820/jobs') return method === 'POST' ? 'CreateJob' : 'ListJobs';
  if (/^\/v20180820\/jobs\/[^/]+\/status$/.test(path)) return 'UpdateJobStatus';
  if (/^\/v20180820\/jobs\/[^/]+\/priority$/.test(path)) return 'UpdateJobPriority';
  if (/^\/v20180820\/jobs\/[^/]+$/.test(path)) return 'DescribeJob';
  return 'Unknown';
}

function checkAccount(ctx: CallContext, request: RestRequest): void {
  const account = request.headers['x-amz-account-id'];
  if (!account)
    throw new AwsError(
      'InvalidRequest',
      'The x-amz-account-id header is required for S3 Batch Operations.',
      400,
    );
  if (account !== ctx.accountId) throw new AwsError('AccessDenied', 'Access Denied', 403);
}

export const s3ControlHandler: RestHandler = (ctx, request) => {
  checkAccount(ctx, request);
  advanceJobs(ctx);
  const { method, path } = request;
  const id = /^\/v20180820\/jobs\/([^/]+)/.exec(path)?.[1];
  switch (`${method} ${s3ControlOperation(method, path)}`) {
    case 'POST CreateJob':
      return createJob(ctx, request);
    case 'GET ListJobs':
      return listJobs(ctx, request);
    case 'GET DescribeJob':
      return describeJob(ctx, id ?? '');
    case 'POST UpdateJobStatus':
      return updateJobStatus(ctx, id ?? '', request);
    case 'POST UpdateJobPriority':
      return updateJobPriority(ctx, id ?? '', request);
    default:
      throw new AwsError('NotImplemented', `The sandbox's S3 Control has no ${method} ${path}.`, 501);
  }
};

export { advanceJobs } from './job-run';
