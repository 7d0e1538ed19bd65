// XML documents of the Query (EC2, awsQuery) and REST-XML (S3) protocols, built with
// fast-xml-parser's XMLBuilder (which escapes text). Handlers return plain objects: lists as
// { item: [...] } (EC2) or { member: [...] } (awsQuery), attributes as '@_name'.
import { XMLBuilder, type XmlBuilderOptions } from 'fast-xml-parser';

// Escaping is done in one pass per value (the builder's own entity step runs five regular
// expressions over every value, a third of the time of a 1,000-item Describe page), and jPath is
// off because nothing here reads it (building the path string per node is another large share).
// The output is byte for byte what the default options produce.
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
};
const escapeValue = (_name: string, value: unknown): unknown =>
  typeof value === 'string' && /[&<>'"]/.test(value)
    ? value.replace(/[&<>'"]/g, (c) => ENTITIES[c] ?? c)
    : value;
const options: XmlBuilderOptions & { jPath: boolean } = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  processEntities: false,
  tagValueProcessor: escapeValue,
  attributeValueProcessor: escapeValue,
  jPath: false,
};
const builder = new XMLBuilder(options);
const declaration = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

// A whole document: buildXml({ ListAllMyBucketsResult: { '@_xmlns': S3_NS, … } }).
export function buildXml(root: Record<string, unknown>): string {
  return builder.build({ ...declaration, ...root });
}

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

// <DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>…</requestId>…
export function ec2Response(action: string, requestId: string, content: Record<string, unknown>): string {
  return buildXml({ [`${action}Response`]: { '@_xmlns': EC2_NAMESPACE, requestId, ...content } });
}

// EC2's error document (note RequestID, not RequestId).
export function ec2ErrorResponse(code: string, message: string, requestId: string): string {
  return buildXml({
    Response: { Errors: { Error: { Code: code, Message: message } }, RequestID: requestId },
  });
}

// What a Query handler answers for an operation the model gives no output shape (IAM's
// PutRolePolicy…): AWS then sends only <ActionResponse><ResponseMetadata>, no <ActionResult>.
export const NO_OUTPUT: Record<string, unknown> = Object.freeze({});

// awsQuery: <ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…
export function queryResponse(
  namespace: string,
  action: string,
  requestId: string,
  result: Record<string, unknown>,
): string {
  return buildXml({
    [`${action}Response`]: {
      '@_xmlns': namespace,
      ...(result === NO_OUTPUT ? {} : { [`${action}Result`]: result }),
      ResponseMetadata: { RequestId: requestId },
    },
  });
}

export function queryErrorResponse(
  namespace: string | undefined,
  fault: 'Sender' | 'Receiver',
  code: string,
  message: string,
  requestId: string,
): string {
  return buildXml({
    ErrorResponse: {
      ...(namespace ? { '@_xmlns': namespace } : {}),
      Error: { Type: fault, Code: code, Message: message },
      RequestId: requestId,
    },
  });
}

// S3: <Error><Code>NoSuchBucket</Code><Message>…</Message><BucketName>…</BucketName><RequestId>…
export function s3ErrorResponse(
  code: string,
  message: string,
  requestId: string,
  hostId: string,
  extra: Record<string, string> = {},
): string {
  return buildXml({
    Error: { Code: code, Message: message, ...extra, RequestId: requestId, HostId: hostId },
  });
}
