// S3 Control answers (REST-XML in the 2018-08-20 namespace) and its modelled errors
// (botocore s3control service-2.json: BadRequestException, NotFoundException, JobStatusException).
import { AwsError, type RestResponse } from '../context';
import { buildXml } from '../protocol/xml';

export const S3CONTROL_NAMESPACE = 'http://awss3control.amazonaws.com/doc/2018-08-20/';

export function controlAnswer(root: string, content: Record<string, unknown>): RestResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: buildXml({ [root]: { '@_xmlns': S3CONTROL_NAMESPACE, ...content } }),
  };
}

export function badRequest(message: string): AwsError {
  return new AwsError('BadRequestException', message, 400);
}

// The troubleshooting guide's "NoSuchJobException … No such job"; modelled as NotFoundException.
export function noSuchJob(): AwsError {
  return new AwsError('NotFoundException', 'No such job', 404);
}

export function jobStatusError(message: string): AwsError {
  return new AwsError('JobStatusException', message, 400);
}
