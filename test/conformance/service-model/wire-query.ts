// The query protocol (awsQuery: STS, IAM, Auto Scaling): an answer is <OperationResponse xmlns=…>
// holding <OperationResult> (the output's resultWrapper) and <ResponseMetadata><RequestId/>, lists
// as <member> runs; an error is <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>
// (botocore QueryParser; Smithy awsQuery protocol, "Response serialization" and "Operation error
// serialization").
import { envelopeMismatch, expectContentType, isErrorStatus, outcomeOf, type ProtocolReader } from './answer';
import { operationOf, shapeOf } from './model';
import { ShapeValidator, type Mismatch } from './shape-validator';
import { xmlCodec } from './xml-codec';
import { childNamed, parseXmlDocument } from './xml-tree';

const codec = xmlCodec({ listItemName: 'member' });

export const readQueryAnswer: ProtocolReader = (model, answer) => {
  const mismatches: Mismatch[] = [...expectContentType(answer, /^text\/xml/, 'text/xml')];
  const root = parseXmlDocument(answer.body);
  if (typeof root === 'string')
    return { outcome: outcomeOf(answer), mismatches: [envelopeMismatch(root, 'an XML document')] };
  if (isErrorStatus(answer.status)) {
    const error = childNamed(root, 'Error');
    const code = error && childNamed(error, 'Code')?.text;
    const type = error && childNamed(error, 'Type')?.text;
    if (root.name !== 'ErrorResponse' || !code || !childNamed(root, 'RequestId')) {
      mismatches.push(
        envelopeMismatch(
          `error document <${root.name}>`,
          '<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>',
        ),
      );
    }
    if (type !== 'Sender' && type !== 'Receiver') {
      mismatches.push(envelopeMismatch(`error Type '${type ?? ''}'`, 'Sender | Receiver', 'Error.Type'));
    }
    return { outcome: 'error', ...(code ? { errorCode: code } : {}), mismatches };
  }
  const operation = operationOf(model, answer.operation);
  if (root.name !== `${answer.operation}Response`) {
    mismatches.push(envelopeMismatch(`root <${root.name}>`, `<${answer.operation}Response>`));
  }
  if (root.attributes.xmlns !== model.metadata.xmlNamespace) {
    mismatches.push(
      envelopeMismatch(`xmlns '${root.attributes.xmlns ?? ''}'`, model.metadata.xmlNamespace ?? ''),
    );
  }
  const metadata = childNamed(root, 'ResponseMetadata');
  if (!metadata || !childNamed(metadata, 'RequestId')) {
    mismatches.push(envelopeMismatch('no <ResponseMetadata><RequestId>', 'every awsQuery answer has one'));
  }
  const wrapper = operation.output?.resultWrapper;
  const validator = new ShapeValidator(model, codec);
  for (const child of root.children) {
    if (child.name === 'ResponseMetadata') continue;
    if (child.name === wrapper && operation.output) {
      validator.structure(operation.output.shape, shapeOf(model, operation.output.shape), child, '');
    } else {
      validator.report(
        child.name,
        'element the envelope lacks',
        `<${wrapper ?? '(no result)'}> and <ResponseMetadata>`,
      );
    }
  }
  if (wrapper && !childNamed(root, wrapper))
    mismatches.push(envelopeMismatch(`no <${wrapper}>`, 'the output resultWrapper'));
  return { outcome: 'success', mismatches: [...mismatches, ...validator.mismatches], newer: validator.newer };
};
