// The intended keys, read from an application's own configuration:
// - an Avi cloud configuration (JSON): aws_configuration.{ebs_encryption, s3_encryption}, each
//   {mode: AWS_ENCRYPTION_MODE_NONE | AWS_ENCRYPTION_MODE_SSE_KMS, master_key}; an empty master key
//   means the service's default key; obj_name_prefix renames the SE buckets <prefix>-se-<uuid>;
// - a Kublr cluster spec (YAML): spec.master/nodes[].locations[].aws.{rootVolume,masterVolume}
//   .{encrypted, kmsKeyId} and spec.features.system.values.storageClass.aws.parameters.
// Errors name the field that is wrong.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { keyIdentity } from '../../../shared/kms/key-reference';
import type { ImportedConfig } from '../../../shared/domain/diagnostics';
import { AppError } from '../errors/app-error';

const aviEncryption = z.object({
  mode: z.string().optional(),
  master_key: z.string().optional(),
});
const aviAws = z.object({
  region: z.string().optional(),
  ebs_encryption: aviEncryption.optional(),
  s3_encryption: aviEncryption.optional(),
});
const aviCloud = z.object({
  obj_name_prefix: z.string().optional(),
  aws_configuration: aviAws.optional(),
  ebs_encryption: aviEncryption.optional(),
  s3_encryption: aviEncryption.optional(),
});

const volume = z.object({
  encrypted: z.union([z.boolean(), z.string()]).optional(),
  kmsKeyId: z.string().optional(),
});
const location = z.object({
  aws: z
    .object({ region: z.string().optional(), rootVolume: volume.optional(), masterVolume: volume.optional() })
    .optional(),
});
const group = z.object({ name: z.string().optional(), locations: z.array(location).optional() });
const kublrSpec = z.object({
  spec: z.object({
    locations: z.array(location).optional(),
    master: group.optional(),
    nodes: z.array(group).optional(),
    features: z
      .object({
        system: z
          .object({
            values: z
              .object({
                storageClass: z
                  .object({
                    aws: z
                      .object({
                        parameters: z
                          .object({
                            encrypted: z.union([z.string(), z.boolean()]).optional(),
                            kmsKeyId: z.string().optional(),
                          })
                          .optional(),
                      })
                      .optional(),
                  })
                  .optional(),
              })
              .optional(),
          })
          .optional(),
      })
      .optional(),
  }),
});

function fail(kind: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw new AppError(
    'invalid-config',
    `The ${kind} is not valid at ${field}: ${issue?.message ?? 'unexpected value'}.`,
    kind === 'Avi cloud configuration'
      ? 'Expected JSON such as {"aws_configuration": {"ebs_encryption": {"mode": "AWS_ENCRYPTION_MODE_SSE_KMS", "master_key": "arn:aws:kms:…"}}}.'
      : 'Expected a Kublr cluster spec (YAML) with spec.master.locations[].aws.rootVolume.kmsKeyId.',
  );
}

const isKms = (mode: string | undefined): boolean =>
  mode !== undefined && /SSE_?KMS/i.test(mode.replace(/-/g, '_'));

export function parseAviConfig(text: string): ImportedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'invalid-config',
      `The Avi cloud configuration is not valid JSON: ${(error as Error).message}.`,
    );
  }
  const parsed = aviCloud.safeParse(raw);
  if (!parsed.success) fail('Avi cloud configuration', parsed.error);
  const cloud = parsed.data;
  const ebs = cloud.aws_configuration?.ebs_encryption ?? cloud.ebs_encryption;
  const s3 = cloud.aws_configuration?.s3_encryption ?? cloud.s3_encryption;
  if (!ebs && !s3) {
    throw new AppError(
      'invalid-config',
      'The Avi cloud configuration has neither aws_configuration.ebs_encryption nor aws_configuration.s3_encryption.',
    );
  }
  const notes: string[] = [];
  const keyOf = (
    enc: z.infer<typeof aviEncryption> | undefined,
    service: 'ebs' | 's3',
  ): string | undefined => {
    if (!enc) return undefined;
    if (!isKms(enc.mode)) {
      notes.push(
        `${service}_encryption.mode is ${enc.mode ?? 'not set'}: no ${service.toUpperCase()} encryption by Avi.`,
      );
      return undefined;
    }
    if (enc.master_key && enc.master_key.trim() !== '') return enc.master_key.trim();
    notes.push(`${service}_encryption.master_key is empty: Avi uses the default key alias/aws/${service}.`);
    return `alias/aws/${service}`;
  };
  const ebsKey = keyOf(ebs, 'ebs');
  const s3Key = keyOf(s3, 's3');
  const prefix = cloud.obj_name_prefix?.trim();
  return {
    source: 'avi',
    ...(ebsKey ? { ebsKey } : {}),
    ...(s3Key ? { s3Key } : {}),
    ...(prefix ? { bucketPrefix: `${prefix}-se-` } : {}),
    notes,
  };
}

const truthy = (v: string | boolean | undefined): boolean => v === true || v === 'true';

export function parseKublrSpec(text: string): ImportedConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new AppError(
      'invalid-config',
      `The Kublr cluster spec is not valid YAML: ${(error as Error).message}.`,
    );
  }
  const parsed = kublrSpec.safeParse(raw);
  if (!parsed.success) fail('Kublr cluster spec', parsed.error);
  const spec = parsed.data.spec;
  const notes: string[] = [];
  const keys: { where: string; key: string }[] = [];
  const visit = (g: z.infer<typeof group> | undefined, where: string) => {
    g?.locations?.forEach((loc, i) => {
      for (const name of ['rootVolume', 'masterVolume'] as const) {
        const v = loc.aws?.[name];
        if (!v) continue;
        const path = `${where}.locations.${i}.aws.${name}`;
        if (v.kmsKeyId) keys.push({ where: `${path}.kmsKeyId`, key: v.kmsKeyId });
        else if (truthy(v.encrypted)) notes.push(`${path} is encrypted with the account’s default EBS key.`);
      }
    });
  };
  visit(spec.master, 'spec.master');
  spec.nodes?.forEach((n, i) => visit(n, `spec.nodes.${i}`));
  const sc = spec.features?.system?.values?.storageClass?.aws?.parameters;
  if (sc?.kmsKeyId)
    keys.push({
      where: 'spec.features.system.values.storageClass.aws.parameters.kmsKeyId',
      key: sc.kmsKeyId,
    });
  else if (truthy(sc?.encrypted))
    notes.push('The default storage class encrypts with the account’s default EBS key.');
  // By identity (a key id and its ARN are one key); an alias and the key it names meet only once
  // the diagnostics resolve both through KMS.
  const distinct = [...new Set(keys.map((k) => keyIdentity(k.key)))];
  if (distinct.length > 1)
    notes.push(
      `The spec uses ${distinct.length} keys: ${keys.map((k) => `${k.where} = ${k.key}`).join('; ')}. The first is taken as intended.`,
    );
  if (keys.length === 0 && notes.length === 0) notes.push('The spec sets no volume encryption.');
  const first = keys[0]?.key;
  return { source: 'kublr', ...(first ? { ebsKey: first } : {}), notes };
}

// JSON (Avi) or YAML (Kublr), decided by the first non-blank character unless told.
export function parseAppConfig(text: string, format: 'auto' | 'avi' | 'kublr' = 'auto'): ImportedConfig {
  const kind = format === 'auto' ? (/^\s*[{[]/.test(text) ? 'avi' : 'kublr') : format;
  return kind === 'avi' ? parseAviConfig(text) : parseKublrSpec(text);
}

// Configuration files are a few kilobytes; anything past this is not one (a log, an image, a disk).
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const badFile = (path: string, why: string): AppError =>
  new AppError(
    'invalid-argument',
    `Cannot read ${path}: ${why}.`,
    'Give the path of the configuration file itself.',
  );

// Reads a --config file at once or says why not: the type and the size are checked on the open
// file before any byte is read, so a device (/dev/zero), a FIFO no one writes to, a directory or
// a huge file is refused within a moment instead of blocking or filling memory. O_NONBLOCK makes
// the open itself return for a FIFO without a writer (it does not exist on Windows, where a FIFO
// path cannot be opened this way anyway).
export function readAppConfigFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EISDIR') throw badFile(path, 'it is a directory');
    throw badFile(path, code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  try {
    const stats = fstatSync(fd);
    const kind = notAFile(stats);
    if (kind) throw badFile(path, `it is ${kind}, not a file`);
    if (stats.size > MAX_CONFIG_BYTES)
      throw badFile(
        path,
        `it is ${stats.size} bytes, more than the ${MAX_CONFIG_BYTES} bytes (4 MiB) a configuration file may have`,
      );
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
