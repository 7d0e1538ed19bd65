// The AWS service models (botocore's service-2.json) that ship with the AWS CLI v2, read from
// disk: the reference the conformance test checks the sandbox's answers against. Debian's
// `awscli` package carries them under .../awscli/botocore/data/<service>/<api-version>/; pip's
// botocore under .../botocore/data/. ENVELOPE_AWS_MODELS names another data folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

const refSchema = z.looseObject({
  shape: z.string(),
  locationName: z.string().optional(),
  location: z.enum(['header', 'headers', 'querystring', 'uri', 'statusCode']).optional(),
  flattened: z.boolean().optional(),
  timestampFormat: z.enum(['iso8601', 'unixTimestamp', 'rfc822']).optional(),
  xmlAttribute: z.boolean().optional(),
  resultWrapper: z.string().optional(),
});
export type ShapeRef = z.infer<typeof refSchema>;

const shapeSchema = z.looseObject({
  type: z.enum([
    'structure',
    'list',
    'map',
    'string',
    'integer',
    'long',
    'boolean',
    'double',
    'float',
    'timestamp',
    'blob',
  ]),
  members: z.record(z.string(), refSchema).optional(),
  required: z.array(z.string()).optional(),
  member: refSchema.optional(),
  key: refSchema.optional(),
  value: refSchema.optional(),
  enum: z.array(z.string()).optional(),
  flattened: z.boolean().optional(),
  locationName: z.string().optional(),
  timestampFormat: z.enum(['iso8601', 'unixTimestamp', 'rfc822']).optional(),
  payload: z.string().optional(),
  exception: z.boolean().optional(),
  error: z.looseObject({ code: z.string().optional(), httpStatusCode: z.number().optional() }).optional(),
});
export type Shape = z.infer<typeof shapeSchema>;

const operationSchema = z.looseObject({
  name: z.string(),
  http: z.looseObject({ method: z.string(), requestUri: z.string(), responseCode: z.number().optional() }),
  output: refSchema.optional(),
  errors: z.array(refSchema).optional(),
});
export type Operation = z.infer<typeof operationSchema>;

const modelSchema = z.looseObject({
  metadata: z.looseObject({
    protocol: z.enum(['ec2', 'query', 'json', 'rest-xml', 'rest-json']),
    apiVersion: z.string(),
    xmlNamespace: z.string().optional(),
    targetPrefix: z.string().optional(),
  }),
  operations: z.record(z.string(), operationSchema),
  shapes: z.record(z.string(), shapeSchema),
});
export type ServiceModel = z.infer<typeof modelSchema>;
export type WireProtocol = ServiceModel['metadata']['protocol'];

// The sandbox's service names are the models' folder names.
export type ModelService =
  'ec2' | 'kms' | 's3' | 's3control' | 'sts' | 'iam' | 'autoscaling' | 'sso' | 'sso-oidc';

const CANDIDATE_DIRS = [
  '/usr/lib/python3/dist-packages/awscli/botocore/data',
  '/usr/share/awscli/botocore/data',
  '/usr/local/aws-cli/v2/current/dist/awscli/botocore/data',
];

// The first folder that holds an EC2 model, or an error that says how to get one.
export function findModelDir(): string {
  const configured = process.env.ENVELOPE_AWS_MODELS;
  const candidates = configured ? [configured] : CANDIDATE_DIRS;
  const found = candidates.find((dir) => existsSync(join(dir, 'ec2')));
  if (!found) {
    throw new Error(
      `No AWS service models found (looked in ${candidates.join(', ')}). Install the AWS CLI v2 ` +
        `(Debian/Ubuntu: sudo apt-get install awscli) or set ENVELOPE_AWS_MODELS to a botocore data folder.`,
    );
  }
  return found;
}

const cache = new Map<string, ServiceModel>();

// The newest API version's service-2.json (or .json.gz) of one service.
export function loadModel(service: ModelService, dir = findModelDir()): ServiceModel {
  const key = `${dir}|${service}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const serviceDir = join(dir, service);
  const version = readdirSync(serviceDir).sort().at(-1);
  if (!version) throw new Error(`${serviceDir} holds no API version`);
  const plain = join(serviceDir, version, 'service-2.json');
  const text = existsSync(plain)
    ? readFileSync(plain, 'utf8')
    : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
  const model = modelSchema.parse(JSON.parse(text));
  cache.set(key, model);
  return model;
}

export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`the model has no shape ${name}`);
  return shape;
}

export function operationOf(model: ServiceModel, name: string): Operation {
  const operation = model.operations[name];
  if (!operation) throw new Error(`the model has no operation ${name}`);
  return operation;
}

// The error codes an operation documents: the error shape's code (awsQuery's `error.code`, e.g.
// IAM's NoSuchEntityException travels as NoSuchEntity) or its name.
export function documentedErrorCodes(model: ServiceModel, operation: Operation): readonly string[] {
  return (operation.errors ?? []).map((ref) => shapeOf(model, ref.shape).error?.code ?? ref.shape);
}
