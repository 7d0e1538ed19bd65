// The ec2 protocol (EC2's own flavour of Query): an answer is <OperationResponse xmlns=…> with a
// <requestId> and the output members named by their locationName, lists as <item> runs; an error
// is <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>
// (botocore EC2QueryParser; EC2 API reference, "Query API request" and "Error codes").
import { envelopeMismatch, expectContentType, isErrorStatus, outcomeOf, type ProtocolReader } from './answer';
import { operationOf, shapeOf } from './model';
import { ShapeValidator, type Mismatch } from './shape-validator';
import { xmlCodec } from './xml-codec';
import { childNamed, parseXmlDocument, type XmlElement } from './xml-tree';

const codec = xmlCodec({ listItemName: 'item' });
const sameNamespace = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').replace(/\/$/, '') === (b ?? '').replace(/\/$/, '');

export const readEc2Answer: ProtocolReader = (model, answer) => {
  const mismatches: Mismatch[] = [...expectContentType(answer, /^text\/xml/, 'text/xml')];
  const root = parseXmlDocument(answer.body);
  if (typeof root === 'string')
    return { outcome: outcomeOf(answer), mismatches: [envelopeMismatch(root, 'an XML document')] };
  if (isErrorStatus(answer.status)) {
    const code = childNamed(childNamed(childNamed(root, 'Errors') ?? root, 'Error') ?? root, 'Code')?.text;
    if (root.name !== 'Response' || code === undefined || !childNamed(root, 'RequestID')) {
      mismatches.push(
        envelopeMismatch(
          `error document <${root.name}>`,
          '<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>',
        ),
      );
    }
    return { outcome: 'error', ...(code === undefined ? {} : { errorCode: code }), mismatches };
  }
  const operation = operationOf(model, answer.operation);
  if (root.name !== `${answer.operation}Response`) {
    mismatches.push(envelopeMismatch(`root <${root.name}>`, `<${answer.operation}Response>`));
  }
  if (!sameNamespace(root.attributes.xmlns, model.metadata.xmlNamespace)) {
    mismatches.push(
      envelopeMismatch(`xmlns '${root.attributes.xmlns ?? ''}'`, model.metadata.xmlNamespace ?? ''),
    );
  }
  if (!childNamed(root, 'requestId'))
    mismatches.push(envelopeMismatch('no <requestId>', 'every EC2 answer has one'));
  const content: XmlElement = { ...root, children: root.children.filter((c) => c.name !== 'requestId') };
  const validator = new ShapeValidator(model, codec);
  if (operation.output) {
    validator.structure(operation.output.shape, shapeOf(model, operation.output.shape), content, '');
  } else {
    // Operations without an output shape answer <return>true</return> (e.g. DeleteVolume in the
    // EC2 API reference's example responses); botocore ignores it.
    for (const child of content.children) {
      if (child.name !== 'return' || !/^(true|false)$/.test(child.text)) {
        validator.report(
          child.name,
          'member the model lacks',
          `${answer.operation} has no output (only <return>)`,
        );
      }
    }
  }
  return { outcome: 'success', mismatches: [...mismatches, ...validator.mismatches], newer: validator.newer };
};
