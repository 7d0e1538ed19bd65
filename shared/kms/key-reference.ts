// KMS key references, parsed without calling AWS: the four forms KMS accepts wherever a KeyId is
// asked for (key id, key ARN, alias name, alias ARN). Pure, so the renderer validates as the user
// types and core resolves only what parses. Formats from the KMS developer guide ("Key
// identifiers (KeyId)"; "Create aliases": 1–256 characters of A–Z a–z 0–9 / _ -, `alias/aws/`
// reserved for AWS managed keys).
import { z } from 'zod';

export type KeyReference =
  | { readonly kind: 'key-id'; readonly keyId: string }
  | {
      readonly kind: 'key-arn';
      readonly keyId: string;
      readonly partition: string;
      readonly region: string;
      readonly account: string;
    }
  | { readonly kind: 'alias-name'; readonly aliasName: string }
  | {
      readonly kind: 'alias-arn';
      readonly aliasName: string;
      readonly partition: string;
      readonly region: string;
      readonly account: string;
    };

export interface KeyReferenceError {
  readonly code: 'invalid-key-reference';
  readonly message: string;
  readonly hint: string;
}

export type KeyReferenceParse =
  | { readonly ok: true; readonly ref: KeyReference }
  | { readonly ok: false; readonly error: KeyReferenceError };

// The canonical key that every form resolves to.
export const canonicalKeySchema = z.object({
  arn: z.string(),
  keyId: z.string(),
  aliases: z.array(z.string()), // alias names, 'alias/…' (empty for another account's key)
  region: z.string(),
  account: z.string(),
  state: z.string(),
  spec: z.string(),
  usage: z.string().optional(),
  manager: z.enum(['AWS', 'CUSTOMER']),
  description: z.string().optional(),
});
export type CanonicalKey = z.infer<typeof canonicalKeySchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MULTI_REGION_ID = /^mrk-[0-9a-f]{32}$/i;
const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]+$/;
const ALIAS_MAX = 256;
const ARN = /^arn:(aws[a-z-]*):kms:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):(key|alias)\/(.+)$/;

export const KEY_REFERENCE_EXAMPLES = [
  '1234abcd-12ab-34cd-56ef-1234567890ab',
  'arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'alias/ExampleAlias',
  'arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias',
] as const;

const HINT = `Use a key id (${KEY_REFERENCE_EXAMPLES[0]}), a key ARN (${KEY_REFERENCE_EXAMPLES[1]}), an alias name (alias/my-key, or alias/aws/ebs) or an alias ARN (${KEY_REFERENCE_EXAMPLES[3]}).`;

const fail = (message: string): KeyReferenceParse => ({
  ok: false,
  error: { code: 'invalid-key-reference', message, hint: HINT },
});

export const isKeyId = (value: string): boolean => UUID.test(value) || MULTI_REGION_ID.test(value);

export function parseKeyReference(input: string): KeyReferenceParse {
  const value = input.trim();
  if (value === '') return fail('The key reference is empty.');
  if (/\s/.test(value)) return fail(`“${value}” contains a space; a KMS key reference never does.`);
  if (value.startsWith('arn:')) return parseArn(value);
  if (value.startsWith('alias/')) {
    const problem = aliasProblem(value);
    return problem ? fail(problem) : { ok: true, ref: { kind: 'alias-name', aliasName: value } };
  }
  if (isKeyId(value)) return { ok: true, ref: { kind: 'key-id', keyId: value.toLowerCase() } };
  // Letters beyond hex: the user most likely typed an alias without its prefix.
  if (/^[A-Za-z0-9_-]+$/.test(value) && /[g-z_]/i.test(value)) {
    return fail(
      `“${value}” is neither a key id nor an alias name; an alias name starts with alias/ (alias/${value}).`,
    );
  }
  return fail(`“${value}” is not a KMS key id: a key id is a UUID such as ${KEY_REFERENCE_EXAMPLES[0]}.`);
}

function parseArn(value: string): KeyReferenceParse {
  const match = ARN.exec(value);
  if (!match) {
    const parts = value.split(':');
    if (parts[2] !== undefined && parts[2] !== 'kms')
      return fail(`“${value}” is an ARN of ${parts[2]}, not of a KMS key.`);
    return fail(
      `“${value}” is not a KMS key or alias ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID or …:alias/NAME).`,
    );
  }
  const [, partition = 'aws', region = '', account = '', type, rest = ''] = match;
  if (type === 'key') {
    if (!isKeyId(rest)) return fail(`The key id in “${value}” is not a UUID (or an mrk- multi-Region id).`);
    return { ok: true, ref: { kind: 'key-arn', keyId: rest.toLowerCase(), partition, region, account } };
  }
  const aliasName = `alias/${rest}`;
  const problem = aliasProblem(aliasName);
  if (problem) return fail(problem);
  return { ok: true, ref: { kind: 'alias-arn', aliasName, partition, region, account } };
}

function aliasProblem(aliasName: string): string | undefined {
  if (aliasName === 'alias/') return 'The alias name after alias/ is empty.';
  if (aliasName.length > ALIAS_MAX)
    return `The alias name is ${aliasName.length} characters long; the limit is ${ALIAS_MAX}.`;
  if (!ALIAS_NAME.test(aliasName)) {
    return `“${aliasName}” has characters an alias cannot have: only letters, digits, / _ and - are allowed.`;
  }
  return undefined;
}

// What the UI shows for a key: the first alias (customer aliases before aws/ ones), else the short id.
export function keyLabel(key: { readonly keyId: string; readonly aliases: readonly string[] }): string {
  const alias = key.aliases.find((a) => !a.startsWith('alias/aws/')) ?? key.aliases[0];
  return alias ?? shortKeyId(key.keyId);
}

// The first block of a key id (as the console abbreviates it), or the last part of an ARN.
export function shortKeyId(keyIdOrArn: string): string {
  const id = keyIdOrArn.includes('/') ? keyIdOrArn.slice(keyIdOrArn.lastIndexOf('/') + 1) : keyIdOrArn;
  return id.startsWith('mrk-') ? id.slice(0, 12) : (id.split('-')[0] ?? id);
}

// The key id inside a key ARN, or the value itself when it is already an id.
export function keyIdOf(keyIdOrArn: string): string {
  const parsed = parseKeyReference(keyIdOrArn);
  if (parsed.ok && (parsed.ref.kind === 'key-arn' || parsed.ref.kind === 'key-id')) return parsed.ref.keyId;
  return keyIdOrArn;
}

// ---- Key identity --------------------------------------------------------------------------------
// One key has many names: its key id, its key ARN, each alias name (alias/aws/ebs for the AWS
// managed EBS key), each alias ARN. AWS answers in whichever form it stored or prefers (volumes
// and snapshots: the key ARN; GetEbsDefaultKmsKeyId: alias/aws/ebs until a key is chosen; buckets
// and launch templates: what was written), so keys are compared here, by identity, never as text.

// What an identity needs of a known key (KeyRecord, CanonicalKey).
export interface IdentifiedKey {
  readonly arn: string;
  readonly keyId: string;
  readonly aliases: readonly string[];
}

// The region an alias name belongs to (aliases are per region); an ARN carries its own.
export interface KeyContext {
  readonly region?: string;
}

const regionOfArn = (arn: string): string => arn.split(':')[3] ?? '';

// The identity of a reference on its own, without knowing any key: a key id and its key ARN give
// `key/<id>`, an alias name and its alias ARN give `alias/<region>/<name>`. Unparseable text stays
// as written, so it matches only itself.
export function keyIdentity(ref: string, context: KeyContext = {}): string {
  const parsed = parseKeyReference(ref);
  if (!parsed.ok) return ref.trim();
  const r = parsed.ref;
  switch (r.kind) {
    case 'key-id':
    case 'key-arn':
      return `key/${r.keyId}`;
    case 'alias-name':
      return `alias/${context.region ?? '?'}/${r.aliasName.slice('alias/'.length)}`;
    case 'alias-arn':
      return `alias/${r.region}/${r.aliasName.slice('alias/'.length)}`;
  }
}

// Known keys by every identity they have and by ARN: the one table a reference is looked up in.
export type KeyIndex<K extends IdentifiedKey> = ReadonlyMap<string, K>;

export function keyIndex<K extends IdentifiedKey>(keys: Iterable<K>): KeyIndex<K> {
  const index = new Map<string, K>();
  for (const key of keys) {
    index.set(key.arn, key);
    const id = `key/${key.keyId.toLowerCase()}`;
    if (!index.has(id)) index.set(id, key);
    for (const alias of key.aliases) index.set(keyIdentity(alias, { region: regionOfArn(key.arn) }), key);
  }
  return index;
}

// The known key a reference names, in any of its forms.
export function findKey<K extends IdentifiedKey>(
  index: KeyIndex<K>,
  ref: string | undefined,
  context: KeyContext = {},
): K | undefined {
  if (!ref) return undefined;
  return index.get(ref.trim()) ?? index.get(keyIdentity(ref, context));
}

// The canonical form of a reference: `key/<id>` of the key it names when that is known (an alias
// resolved through the index), else its own identity.
export function canonicalKeyRef<K extends IdentifiedKey>(
  index: KeyIndex<K>,
  ref: string,
  context: KeyContext = {},
): string {
  const key = findKey(index, ref, context);
  return key ? `key/${key.keyId.toLowerCase()}` : keyIdentity(ref, context);
}

// The key ARN a reference stands for: the known key's, or the reference itself when it is a key ARN.
export function keyArnOf<K extends IdentifiedKey>(
  index: KeyIndex<K>,
  ref: string | undefined,
  context: KeyContext = {},
): string | undefined {
  if (!ref) return undefined;
  const key = findKey(index, ref, context);
  if (key) return key.arn;
  const parsed = parseKeyReference(ref);
  return parsed.ok && parsed.ref.kind === 'key-arn' ? ref.trim() : undefined;
}

// Whether two references name the same key. With no index, only forms that carry the same key id
// or the same alias match (an alias and a key id need the index to meet).
export function sameKey<K extends IdentifiedKey>(
  a: string | undefined,
  b: string | undefined,
  index: KeyIndex<K> = new Map(),
  context: KeyContext = {},
): boolean {
  if (!a || !b) return false;
  return canonicalKeyRef(index, a, context) === canonicalKeyRef(index, b, context);
}
