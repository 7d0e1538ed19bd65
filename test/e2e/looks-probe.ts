// Runs in the page (Playwright serialises each function; they close over nothing): finds text that
// the browser broke inside a word. Like layout-probe.ts, the node tsconfig compiles this file
// without the DOM library, so the few DOM members read are declared here structurally.

interface ProbeRect {
  readonly top: number;
}
interface ProbeNode {
  readonly textContent: string | null;
  readonly parentElement: ProbeParent | null;
}
interface ProbeParent {
  readonly textContent: string | null;
  readonly parentElement: ProbeParent | null;
  querySelector(selector: string): unknown;
}
interface ProbeDocument {
  readonly body: unknown;
  createTreeWalker(root: unknown, whatToShow: number): { nextNode(): ProbeNode | null };
  createRange(): {
    selectNodeContents(node: ProbeNode): void;
    getClientRects(): ArrayLike<ProbeRect>;
  };
}

// The text nodes equal to one of `words` (single words) whose letters lie on more than one line.
export function wordsBrokenAcrossLines(words: readonly string[]): string[] {
  const document = (globalThis as unknown as { document: ProbeDocument }).document;
  const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
  const broken: string[] = [];
  const walker = document.createTreeWalker(document.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    if (!words.includes(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lineTops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
    if (lineTops.size > 1) broken.push(text);
  }
  return broken;
}

// The pieces of an ARN shown with <wbr> (ArnText) that are cut across lines: a line may end only
// after ':' or '/', so each piece must sit on one line. Also says how many pieces it looked at.
export function arnPiecesCut(arn: string): { readonly pieces: number; readonly cut: string[] } {
  const document = (globalThis as unknown as { document: ProbeDocument }).document;
  const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
  const cut: string[] = [];
  let pieces = 0;
  const walker = document.createTreeWalker(document.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A piece is a text node directly in the ARN's element, or in a piece span inside it.
    const parent = node.parentElement;
    const holder = parent?.textContent === arn ? parent : parent?.parentElement;
    if (!holder || holder.textContent !== arn || !holder.querySelector('wbr')) continue;
    pieces++;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lineTops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
    if (lineTops.size > 1) cut.push(node.textContent ?? '');
  }
  return { pieces, cut };
}

// The numeric labels of the page's SVG charts (tick labels such as "0", "1", "0.5").
export function numericChartLabels(): string[] {
  const document = (
    globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }> };
    }
  ).document;
  return Array.from(document.querySelectorAll('svg text'))
    .map((text) => (text.textContent ?? '').trim())
    .filter((text) => /^[\d.,]+$/.test(text));
}
