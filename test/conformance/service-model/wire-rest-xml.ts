// The rest-xml protocol (S3): the status code the operation declares, header-bound members, and
// an XML body: the payload member's element when the output names one (e.g.
// <ServerSideEncryptionConfiguration>), else a root element holding the body members, lists as
// <member> unless the list member names its element (S3's Buckets: <Bucket>), flattened lists as
// runs. An error is <Error><Code/><Message/><RequestId/><HostId/></Error> (no body for HEAD)
// (botocore RestXMLParser; Smithy restXml protocol; S3 API reference, "Error responses").
import { envelopeMismatch, isErrorStatus, type ProtocolReader } from './answer';
import { operationOf, shapeOf } from './model';
import { checkHeaderMembers, checkStatus, hasBodyMembers, payloadMember } from './rest-envelope';
import { ShapeValidator, type Mismatch } from './shape-validator';
import { xmlCodec } from './xml-codec';
import { childNamed, parseXmlDocument } from './xml-tree';

const codec = xmlCodec({ listItemName: 'member' });

export const readRestXmlAnswer: ProtocolReader = (model, answer) => {
  const mismatches: Mismatch[] = [];
  if (!answer.headers['x-amz-request-id'])
    mismatches.push(envelopeMismatch('no x-amz-request-id header', 'every S3 answer has one'));
  if (isErrorStatus(answer.status)) {
    if (answer.method === 'HEAD') return { outcome: 'error', mismatches };
    const root = parseXmlDocument(answer.body);
    if (typeof root === 'string')
      return {
        outcome: 'error',
        mismatches: [...mismatches, envelopeMismatch(root, 'an XML error document')],
      };
    const code = childNamed(root, 'Code')?.text;
    if (root.name !== 'Error' || !code || !childNamed(root, 'Message') || !childNamed(root, 'RequestId')) {
      mismatches.push(
        envelopeMismatch(
          `error document <${root.name}>`,
          '<Error><Code/><Message/><RequestId/><HostId/></Error>',
        ),
      );
    }
    return { outcome: 'error', ...(code ? { errorCode: code } : {}), mismatches };
  }
  const operation = operationOf(model, answer.operation);
  mismatches.push(...checkStatus(operation, answer));
  const validator = new ShapeValidator(model, codec);
  const output = operation.output ? shapeOf(model, operation.output.shape) : undefined;
  if (!output || operation.output === undefined) {
    if (answer.body.trim() !== '') validator.report('', 'a body', `${answer.operation} has no output`);
    return {
      outcome: 'success',
      mismatches: [...mismatches, ...validator.mismatches],
      newer: validator.newer,
    };
  }
  mismatches.push(...checkHeaderMembers(model, output, answer));
  const payload = payloadMember(output);
  // A blob payload (GetObject's Body) is the data itself: only its headers are checked.
  const blobPayload = payload !== undefined && shapeOf(model, payload.ref.shape).type === 'blob';
  if ((!payload && !hasBodyMembers(output)) || blobPayload)
    return {
      outcome: 'success',
      mismatches: [...mismatches, ...validator.mismatches],
      newer: validator.newer,
    };
  const root = parseXmlDocument(answer.body);
  if (typeof root === 'string')
    return { outcome: 'success', mismatches: [...mismatches, envelopeMismatch(root, 'an XML document')] };
  if (payload) {
    const target = shapeOf(model, payload.ref.shape);
    const rootName = payload.ref.locationName ?? target.locationName ?? payload.name;
    if (root.name !== rootName) mismatches.push(envelopeMismatch(`root <${root.name}>`, `<${rootName}>`));
    validator.value(payload.ref, [root], payload.name);
  } else if (answer.operation === 'GetBucketLocation') {
    // S3 API reference, GetBucketLocation response syntax: the root element is the value itself,
    // <LocationConstraint>region</LocationConstraint> (botocore parses it by a customization).
    const ref = output.members?.LocationConstraint;
    if (root.name !== 'LocationConstraint' || !ref)
      mismatches.push(envelopeMismatch(`root <${root.name}>`, '<LocationConstraint>'));
    else validator.value(ref, [root], 'LocationConstraint');
  } else {
    validator.structure(operation.output.shape, output, root, '');
  }
  return { outcome: 'success', mismatches: [...mismatches, ...validator.mismatches], newer: validator.newer };
};
