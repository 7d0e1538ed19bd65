// The XML wire format shared by the ec2, query (awsQuery) and rest-xml protocols, as botocore's
// XML parsers and the Smithy protocol specs read it: a member is the element named by its
// `locationName` (else its member name); a list is a wrapper element whose items are named by the
// list member's `locationName`, else `item` (ec2) or `member` (query, rest-xml); a flattened list
// is a run of sibling elements with the item name; a map is `entry` elements with `key`/`value`.
import type { Shape, ShapeRef } from './model';
import { checkTextScalar, timestampFormat } from './scalars';
import type { WireCodec } from './shape-validator';
import type { XmlElement } from './xml-tree';

export interface XmlDialect {
  // The item name of a list whose member has no locationName.
  readonly listItemName: 'item' | 'member';
}

const isFlattened = (shape: Shape, ref: ShapeRef): boolean =>
  shape.flattened === true || ref.flattened === true;

export function xmlCodec(dialect: XmlDialect): WireCodec<XmlElement> {
  return {
    fields(node) {
      if (node.children.length === 0 && node.text.trim() !== '') {
        return `text '${node.text.slice(0, 40)}' where elements are expected`;
      }
      const fields = new Map<string, XmlElement[]>();
      // Members bound to an attribute (xmlAttribute, e.g. S3's Grantee xsi:type), as '@name';
      // namespace declarations are the document's, not members.
      for (const [name, value] of Object.entries(node.attributes))
        if (name !== 'xmlns' && !name.startsWith('xmlns:'))
          fields.set(`@${name}`, [{ name, attributes: {}, children: [], text: value }]);
      for (const child of node.children) {
        const list = fields.get(child.name);
        if (list) list.push(child);
        else fields.set(child.name, [child]);
      }
      return fields;
    },

    wireName(memberName, ref, target) {
      if (ref.xmlAttribute === true) return `@${ref.locationName ?? memberName}`;
      // botocore's _member_key_name: a flattened list with a named member is found by that name.
      if (target.type === 'list' && isFlattened(target, ref) && target.member?.locationName) {
        return target.member.locationName;
      }
      return ref.locationName ?? memberName;
    },

    listItems(occurrences, list, ref) {
      if (isFlattened(list, ref)) return occurrences;
      if (occurrences.length !== 1) return `the list element appears ${occurrences.length} times`;
      const wrapper = occurrences[0] as XmlElement;
      if (wrapper.children.length === 0 && wrapper.text.trim() !== '') {
        return `text '${wrapper.text.slice(0, 40)}' where list items are expected`;
      }
      const itemName = list.member?.locationName ?? dialect.listItemName;
      const stray = wrapper.children.find((child) => child.name !== itemName);
      if (stray) return `list item <${stray.name}>, expected <${itemName}>`;
      return wrapper.children;
    },

    mapEntries(occurrences, map, ref) {
      const keyName = map.key?.locationName ?? 'key';
      const valueName = map.value?.locationName ?? 'value';
      let entries: readonly XmlElement[];
      if (isFlattened(map, ref)) entries = occurrences;
      else if (occurrences.length !== 1) return `the map element appears ${occurrences.length} times`;
      else entries = (occurrences[0] as XmlElement).children;
      const result: { key: XmlElement; value: XmlElement }[] = [];
      for (const entry of entries) {
        const key = entry.children.find((child) => child.name === keyName);
        const value = entry.children.find((child) => child.name === valueName);
        if (!key || !value) return `map entry <${entry.name}> without <${keyName}> and <${valueName}>`;
        result.push({ key, value });
      }
      return result;
    },

    scalar(node, shape, ref) {
      if (node.children.length > 0) {
        return {
          problem: `elements <${node.children.map((c) => c.name).join('>, <')}> where text is expected`,
        };
      }
      return {
        problem: checkTextScalar(node.text, shape, timestampFormat(ref, shape, 'iso8601')),
        text: node.text,
      };
    },
  };
}
