// The json protocol (KMS, JSON 1.1): an answer is the output structure as a JSON object with
// Content-Type application/x-amz-json-1.1 (an operation without output answers an empty body);
// an error is {"__type": "<code>", "message": "…"} whose other members are the error shape's
// (botocore JSONParser; Smithy awsJson1_1 protocol, "Operation error serialization").
import { envelopeMismatch, expectContentType, isErrorStatus, outcomeOf, type ProtocolReader } from './answer';
import { jsonCodec } from './json-codec';
import { operationOf, shapeOf, type ServiceModel } from './model';
import { ShapeValidator, type Mismatch } from './shape-validator';

// "aws.protocoltests#FooError:http://…" → FooError (Smithy awsJson1_1, error code resolution).
export const sanitizeErrorCode = (raw: string): string => raw.replace(/:.*$/, '').replace(/^.*#/, '');

// Validates an error body's members (all but __type and code) against the error's shape when the
// model has one by that name.
export function validateErrorBody(
  model: ServiceModel,
  code: string,
  body: Record<string, unknown>,
): Mismatch[] {
  const shapeName = Object.keys(model.shapes).find(
    (name) => model.shapes[name]?.exception === true && (model.shapes[name]?.error?.code ?? name) === code,
  );
  if (!shapeName) return [];
  const validator = new ShapeValidator(model, jsonCodec);
  const { __type: _type, code: _code, ...members } = body;
  validator.structure(shapeName, shapeOf(model, shapeName), members, 'error');
  return validator.mismatches;
}

export function parseJsonBody(text: string): { value?: unknown; problem?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { problem: `not JSON: '${text.slice(0, 60)}'` };
  }
}

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const readJsonAnswer: ProtocolReader = (model, answer) => {
  const mismatches: Mismatch[] = [
    ...expectContentType(answer, /^application\/x-amz-json-1\.1/, 'application/x-amz-json-1.1'),
  ];
  if (!answer.headers['x-amzn-requestid'])
    mismatches.push(envelopeMismatch('no x-amzn-RequestId header', 'every answer has one'));
  const operation = operationOf(model, answer.operation);
  if (answer.body.trim() === '' && !isErrorStatus(answer.status) && !operation.output) {
    return { outcome: 'success', mismatches };
  }
  const { value, problem } = parseJsonBody(answer.body);
  if (problem !== undefined || !isJsonObject(value)) {
    return {
      outcome: outcomeOf(answer),
      mismatches: [...mismatches, envelopeMismatch(problem ?? 'not a JSON object', 'a JSON object')],
    };
  }
  if (isErrorStatus(answer.status)) {
    const type = value.__type;
    if (typeof type !== 'string') {
      mismatches.push(envelopeMismatch('no __type', '{"__type": "<code>", "message": "…"}', 'error'));
      return { outcome: 'error', mismatches };
    }
    const errorCode = sanitizeErrorCode(type);
    return {
      outcome: 'error',
      errorCode,
      mismatches: [...mismatches, ...validateErrorBody(model, errorCode, value)],
    };
  }
  const validator = new ShapeValidator(model, jsonCodec);
  if (operation.output)
    validator.structure(operation.output.shape, shapeOf(model, operation.output.shape), value, '');
  else if (Object.keys(value).length > 0) validator.report('', 'a body', `${answer.operation} has no output`);
  return { outcome: 'success', mismatches: [...mismatches, ...validator.mismatches], newer: validator.newer };
};
