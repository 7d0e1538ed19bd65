// An XML answer as a plain element tree (name, attributes, children in document order, text), for
// the readers of the XML protocols (ec2, query, rest-xml). Order and repetition matter there:
// a flattened list is a run of same-named siblings.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  // The element's own text (entities decoded), '' when it has none.
  readonly text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (name === undefined || name === '#text') return undefined;
  const content = (node[name] ?? []) as OrderedNode[];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name, attributes: node[':@'] ?? {}, children, text: children.length > 0 ? text.trim() : text };
}

// The document's root element, or a message saying why the text is not one XML document.
export function parseXmlDocument(text: string): XmlElement | string {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`;
  const nodes = parser.parse(text) as OrderedNode[];
  const roots = nodes.map(toElement).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) return `expected one root element, found ${roots.length}`;
  return roots[0] as XmlElement;
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}
