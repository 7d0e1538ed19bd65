// Checks one raw answer against its service model: the protocol's reader validates the envelope
// and the content; an error's code must be one the operation documents, or one of AWS's common
// errors, whenever the model lists the operation's errors (the EC2 model lists none: skipped).
import type { RawAnswer, ReadResult, ProtocolReader } from './answer';
import { documentedErrorCodes, loadModel, operationOf, type WireProtocol } from './model';
import { NEWER_ERRORS_THAN_CLI_MODEL } from './newer-members';
import type { Mismatch } from './shape-validator';
import { readEc2Answer } from './wire-ec2';
import { readJsonAnswer } from './wire-json';
import { readQueryAnswer } from './wire-query';
import { readRestJsonAnswer } from './wire-rest-json';
import { readRestXmlAnswer } from './wire-rest-xml';

const READERS: Record<WireProtocol, ProtocolReader> = {
  ec2: readEc2Answer,
  query: readQueryAnswer,
  json: readJsonAnswer,
  'rest-xml': readRestXmlAnswer,
  'rest-json': readRestJsonAnswer,
};

// "Common Errors" in each service's API reference (e.g. docs.aws.amazon.com/kms/latest/APIReference/
// CommonErrors.html: the errors common to the API actions of all AWS services), plus the spellings
// the awsQuery services (STS, IAM, Auto Scaling) put on the wire for the same conditions
// (AccessDenied, Throttling, ExpiredToken, SignatureDoesNotMatch) and KMS's for an unknown key id.
export const COMMON_ERRORS: ReadonlySet<string> = new Set([
  'AccessDeniedException',
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidClientTokenId',
  'NotAuthorized',
  'OptInRequired',
  'RequestExpired',
  'ServiceUnavailable',
  'ThrottlingException',
  'ValidationError',
  'ValidationException',
  'AccessDenied',
  'Throttling',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'MissingAuthenticationToken',
]);

// Errors an operation's API reference documents in its prose where the model's `errors` list only
// the modelled exception shapes: S3 answers 412 PreconditionFailed when an x-amz-copy-source-if-*
// condition does not hold (S3 API reference, CopyObject and UploadPartCopy; "Error responses").
const PROSE_ERRORS: ReadonlyMap<string, readonly string[]> = new Map([
  ['s3 CopyObject', ['PreconditionFailed']],
  ['s3 UploadPartCopy', ['PreconditionFailed']],
]);

const newerErrors = (answer: RawAnswer): readonly string[] =>
  NEWER_ERRORS_THAN_CLI_MODEL.get(`${answer.service} ${answer.operation}`) ?? [];

export interface AnswerCheck extends ReadResult {
  readonly protocol: WireProtocol;
}

export function checkAnswer(answer: RawAnswer): AnswerCheck {
  const model = loadModel(answer.service);
  const protocol = model.metadata.protocol;
  operationOf(model, answer.operation); // an operation the model lacks is a test bug: throw
  const result = READERS[protocol](model, answer);
  const mismatches: Mismatch[] = [...result.mismatches];
  const newer = [...(result.newer ?? [])];
  if (result.outcome === 'error') {
    const documented = documentedErrorCodes(model, operationOf(model, answer.operation));
    if (result.errorCode === undefined) {
      mismatches.push({ path: '(error)', what: 'no error code', model: `the ${protocol} error format` });
    } else if (newerErrors(answer).includes(result.errorCode)) {
      newer.push(`${answer.operation} error ${result.errorCode}`);
    } else if (
      documented.length > 0 &&
      !documented.includes(result.errorCode) &&
      !(PROSE_ERRORS.get(`${answer.service} ${answer.operation}`) ?? []).includes(result.errorCode) &&
      !COMMON_ERRORS.has(result.errorCode)
    ) {
      mismatches.push({
        path: '(error code)',
        what: `${result.errorCode} is not documented for ${answer.operation}`,
        model: documented.join(' | '),
      });
    }
  }
  return { ...result, protocol, mismatches, newer };
}
