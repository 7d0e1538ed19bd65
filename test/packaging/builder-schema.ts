// electron-builder's own JSON schema (app-builder-lib/scheme.json), with one tightening: the
// schema enumerates macOS target names but leaves Linux and Windows targets free strings, listing
// the valid names only in the field's description. Those names are lifted from the description
// into an enum, so a misspelt "AppImg" fails like a misspelt "dmgg" does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

type Schema = {
  definitions: Record<string, { properties: Record<string, { description?: string; anyOf?: unknown[] }> }>;
};

const schemaPath = join(process.cwd(), 'node_modules', 'app-builder-lib', 'scheme.json');

export function documentedTargets(description: string): string[] {
  const list = description.split('\n')[0] ?? '';
  return [...list.matchAll(/`([A-Za-z0-9.-]+)`/g)].map((match) => match[1]!);
}

function tightenTargets(schema: Schema, definition: string): string[] {
  const target = schema.definitions[definition]!.properties['target']!;
  const names = documentedTargets(target.description ?? '');
  const name = { enum: names, type: 'string' };
  target.anyOf = [
    { $ref: '#/definitions/TargetConfiguration' },
    { type: 'array', items: { anyOf: [{ $ref: '#/definitions/TargetConfiguration' }, name] } },
    name,
    { type: 'null' },
  ];
  return names;
}

export function loadBuilderSchema(): { schema: object; linuxTargets: string[]; windowsTargets: string[] } {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Schema;
  const linuxTargets = tightenTargets(schema, 'LinuxConfiguration');
  const windowsTargets = tightenTargets(schema, 'WindowsConfiguration');
  return { schema, linuxTargets, windowsTargets };
}

export function builderValidator() {
  const { schema } = loadBuilderSchema();
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}
