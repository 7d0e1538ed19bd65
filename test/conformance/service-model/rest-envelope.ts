// What rest-xml and rest-json answers share: the status code the operation declares, output
// members bound to headers (text; timestamps as HTTP dates unless the model says otherwise), and
// the body's payload member (botocore RestXMLParser / RestJSONParser; Smithy HTTP binding traits).
import { envelopeMismatch, type RawAnswer } from './answer';
import type { Operation, ServiceModel, Shape, ShapeRef } from './model';
import { shapeOf } from './model';
import { checkTextScalar, timestampFormat } from './scalars';
import type { Mismatch } from './shape-validator';

export function checkStatus(operation: Operation, answer: RawAnswer): Mismatch[] {
  const expected = operation.http.responseCode ?? 200;
  return answer.status === expected
    ? []
    : [envelopeMismatch(`status ${answer.status}`, `status ${expected}`, '(status)')];
}

export function checkHeaderMembers(model: ServiceModel, output: Shape, answer: RawAnswer): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const [name, ref] of Object.entries(output.members ?? {})) {
    if (ref.location !== 'header') continue;
    const header = (ref.locationName ?? name).toLowerCase();
    const text = answer.headers[header];
    const shape = shapeOf(model, ref.shape);
    if (text === undefined) {
      if (output.required?.includes(name))
        mismatches.push(envelopeMismatch('required header missing', header, `(header) ${header}`));
      continue;
    }
    const problem = checkTextScalar(text, shape, timestampFormat(ref, shape, 'rfc822'));
    if (problem)
      mismatches.push({
        path: `(header) ${header}`,
        what: problem,
        model: `${ref.shape} is a ${shape.type}`,
      });
    if (shape.enum && !shape.enum.includes(text)) {
      mismatches.push({
        path: `(header) ${header}`,
        what: `'${text}' is not in the enum`,
        model: shape.enum.join(' | '),
      });
    }
  }
  return mismatches;
}

// The member the body carries as a whole (the output's `payload`), if any.
export function payloadMember(output: Shape): { readonly name: string; readonly ref: ShapeRef } | undefined {
  const name = output.payload;
  const ref = name === undefined ? undefined : output.members?.[name];
  return name !== undefined && ref ? { name, ref } : undefined;
}

export const hasBodyMembers = (output: Shape): boolean =>
  Object.values(output.members ?? {}).some((ref) => ref.location === undefined);
