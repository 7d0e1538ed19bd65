// The rest-json protocol (SSO portal, SSO-OIDC): the status code the operation declares,
// header-bound members, a JSON body with the body members (or the payload member); an error names
// its code in the x-amzn-ErrorType header (or the body's __type / code) and its body holds the
// error shape's members (botocore RestJSONParser; Smithy restJson1, "Operation error serialization").
import { envelopeMismatch, isErrorStatus, outcomeOf, type ProtocolReader } from './answer';
import { jsonCodec } from './json-codec';
import { operationOf, shapeOf } from './model';
import { checkHeaderMembers, checkStatus, payloadMember } from './rest-envelope';
import { ShapeValidator, type Mismatch } from './shape-validator';
import { isJsonObject, parseJsonBody, sanitizeErrorCode, validateErrorBody } from './wire-json';

export const readRestJsonAnswer: ProtocolReader = (model, answer) => {
  const mismatches: Mismatch[] = [];
  const { value, problem } = answer.body.trim() === '' ? { value: {} } : parseJsonBody(answer.body);
  if (problem !== undefined || !isJsonObject(value)) {
    return {
      outcome: outcomeOf(answer),
      mismatches: [envelopeMismatch(problem ?? 'not a JSON object', 'a JSON object')],
    };
  }
  if (isErrorStatus(answer.status)) {
    const raw = answer.headers['x-amzn-errortype'] ?? value.__type ?? value.code;
    if (typeof raw !== 'string') {
      return {
        outcome: 'error',
        mismatches: [envelopeMismatch('no error code', 'x-amzn-ErrorType header or __type')],
      };
    }
    const errorCode = sanitizeErrorCode(raw);
    return { outcome: 'error', errorCode, mismatches: validateErrorBody(model, errorCode, value) };
  }
  const operation = operationOf(model, answer.operation);
  mismatches.push(...checkStatus(operation, answer));
  const validator = new ShapeValidator(model, jsonCodec);
  if (operation.output) {
    const output = shapeOf(model, operation.output.shape);
    mismatches.push(...checkHeaderMembers(model, output, answer));
    const payload = payloadMember(output);
    if (payload) validator.value(payload.ref, [value], payload.name);
    else validator.structure(operation.output.shape, output, value, '');
  } else if (Object.keys(value).length > 0) {
    validator.report('', 'a body', `${answer.operation} has no output`);
  }
  return { outcome: 'success', mismatches: [...mismatches, ...validator.mismatches], newer: validator.newer };
};
