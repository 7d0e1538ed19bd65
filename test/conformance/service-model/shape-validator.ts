// Walks a model shape and a decoded wire value together and lists every place they disagree:
// a member the model lacks, a required member missing, an enum value outside the model's enum, a
// scalar of the wrong type or timestamp format, a list or map written the wrong way. What "the wire"
// looks like (XML elements or JSON values, list item names, timestamp defaults) is the codec's
// business, one per wire format (xml-codec.ts, json-codec.ts); this file knows only the model.
import { shapeOf, type ServiceModel, type Shape, type ShapeRef } from './model';
import { NEWER_THAN_CLI_MODEL } from './newer-members';

export interface Mismatch {
  // Where, in the model's member names: Reservations[0].Instances[1].State.Name
  readonly path: string;
  readonly what: string;
  // What the model says about that place.
  readonly model: string;
}

export interface WireCodec<N> {
  // A structure's members as they appear on the wire: wire name → occurrences (XML elements repeat
  // for flattened lists), or a sentence saying why the node is not a structure.
  fields(node: N): ReadonlyMap<string, readonly N[]> | string;
  // The name a member carries on the wire.
  wireName(memberName: string, ref: ShapeRef, target: Shape): string;
  // A list's items from its member's occurrences, or why they are not a list.
  listItems(occurrences: readonly N[], list: Shape, ref: ShapeRef): readonly N[] | string;
  mapEntries(occurrences: readonly N[], map: Shape, ref: ShapeRef): readonly { key: N; value: N }[] | string;
  // A scalar's problem (undefined when well formed) and its text, for the enum check.
  scalar(node: N, shape: Shape, ref: ShapeRef): { readonly problem?: string; readonly text?: string };
}

// Members bound to the HTTP envelope (headers, status code, URI) are the rest readers' business.
export const isBodyMember = (ref: ShapeRef): boolean => ref.location === undefined;

export class ShapeValidator<N> {
  readonly mismatches: Mismatch[] = [];
  // Members the model lacks that are known to be newer than it (newer-members.ts): reported apart.
  readonly newer: string[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly codec: WireCodec<N>,
    private readonly newerMembers: ReadonlyMap<string, string> = NEWER_THAN_CLI_MODEL,
  ) {}

  // Validates `node` as the shape `ref` points at; `path` names it in the report.
  value(ref: ShapeRef, occurrences: readonly N[], path: string): void {
    const shape = shapeOf(this.model, ref.shape);
    if (shape.type === 'list') return this.list(ref, shape, occurrences, path);
    if (shape.type === 'map') return this.map(ref, shape, occurrences, path);
    if (occurrences.length !== 1) {
      this.report(path, `appears ${occurrences.length} times`, `${ref.shape} is a single ${shape.type}`);
    }
    const node = occurrences[0];
    if (node === undefined) return;
    if (shape.type === 'structure') this.structure(ref.shape, shape, node, path);
    else this.scalar(ref, shape, node, path);
  }

  structure(shapeName: string, shape: Shape, node: N, path: string): void {
    const fields = this.codec.fields(node);
    if (typeof fields === 'string') return this.report(path, fields, `${shapeName} is a structure`);
    const seen = new Set<string>();
    for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
      if (!isBodyMember(ref)) continue;
      const wire = this.codec.wireName(memberName, ref, shapeOf(this.model, ref.shape));
      seen.add(wire);
      const occurrences = fields.get(wire);
      const memberPath = path === '' ? memberName : `${path}.${memberName}`;
      if (occurrences === undefined) {
        if (shape.required?.includes(memberName)) {
          this.report(memberPath, 'required member missing', `${shapeName} requires ${memberName}`);
        }
        continue;
      }
      this.value(ref, occurrences, memberPath);
    }
    for (const wire of fields.keys()) {
      if (seen.has(wire)) continue;
      if (this.newerMembers.has(`${shapeName}.${wire}`)) {
        this.newer.push(`${shapeName}.${wire}`);
        continue;
      }
      const known = Object.entries(shape.members ?? {})
        .filter(([, ref]) => isBodyMember(ref))
        .map(([name, ref]) => this.codec.wireName(name, ref, shapeOf(this.model, ref.shape)));
      this.report(
        path === '' ? wire : `${path}.${wire}`,
        'member the model lacks',
        `${shapeName} has ${known.length > 0 ? known.join(', ') : 'no members'}`,
      );
    }
  }

  private list(ref: ShapeRef, shape: Shape, occurrences: readonly N[], path: string): void {
    const items = this.codec.listItems(occurrences, shape, ref);
    if (typeof items === 'string') return this.report(path, items, `${ref.shape} is a list`);
    const member = shape.member;
    if (!member) return;
    items.forEach((item, index) => this.value(member, [item], `${path}[${index}]`));
  }

  private map(ref: ShapeRef, shape: Shape, occurrences: readonly N[], path: string): void {
    const entries = this.codec.mapEntries(occurrences, shape, ref);
    if (typeof entries === 'string') return this.report(path, entries, `${ref.shape} is a map`);
    const { key, value } = shape;
    if (!key || !value) return;
    entries.forEach((entry, index) => {
      this.value(key, [entry.key], `${path}{${index}}.key`);
      this.value(value, [entry.value], `${path}{${index}}.value`);
    });
  }

  private scalar(ref: ShapeRef, shape: Shape, node: N, path: string): void {
    const { problem, text } = this.codec.scalar(node, shape, ref);
    if (problem !== undefined) return this.report(path, problem, `${ref.shape} is a ${shape.type}`);
    if (shape.enum && text !== undefined && !shape.enum.includes(text)) {
      this.report(path, `'${text}' is not in the enum`, `${ref.shape}: ${shape.enum.join(' | ')}`);
    }
  }

  report(path: string, what: string, model: string): void {
    this.mismatches.push({ path: path === '' ? '(root)' : path, what, model });
  }
}
