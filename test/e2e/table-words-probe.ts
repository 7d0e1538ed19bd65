// Runs in the page (Playwright serialises it; it closes over nothing): lists the words in table
// headers and cells that the browser broke between two letters or digits — "Estimat/e", "Fai/led",
// "Allo/wed" — which is what a column squeezed below its words looks like even when nothing
// scrolls sideways (Cloudscape's cells let a word break anywhere rather than overflow). A break
// after a hyphen, a separator or a bracket ("avi-se-/bde467ce") is how long names wrap, and allowed.
// It looks at the columns issue 20 names as the ones that must read whole (KMS key, progress,
// description, block devices, encryption, finding, fix, actions), and at every column header.
// Like layout-probe.ts, the node tsconfig compiles this file without the DOM library.

interface ProbeNode {
  readonly textContent: string | null;
  readonly parentElement: ProbeCell | null;
}
interface ProbeCell {
  readonly cellIndex?: number;
  readonly textContent: string | null;
  closest(selector: string): ProbeCell | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<ProbeCell>;
  getClientRects(): { readonly length: number };
}
interface ProbeRange {
  setStart(node: ProbeNode, offset: number): void;
  setEnd(node: ProbeNode, offset: number): void;
  getClientRects(): ArrayLike<{ readonly top: number; readonly width: number }>;
}
interface ProbeDocument {
  querySelectorAll(selector: string): ArrayLike<ProbeCell>;
  createTreeWalker(root: ProbeCell, whatToShow: number): { nextNode(): ProbeNode | null };
  createRange(): ProbeRange;
}

export function findWordsBrokenInTables(): string[] {
  const NAMED_COLUMNS = /KMS key|Key alias|Progress|Description|Block devices|Encrypt|Finding|Fix|Actions/i;
  const document = (globalThis as unknown as { document: ProbeDocument }).document;
  // Where the word goes on to a new line, is the character before the break a letter or digit?
  const brokenBetweenLetters = (node: ProbeNode, start: number, word: string): boolean => {
    const range = document.createRange();
    let lastTop: number | undefined;
    for (let i = 0; i < word.length; i++) {
      range.setStart(node, start + i);
      range.setEnd(node, start + i + 1);
      const top = Array.from(range.getClientRects()).find((r) => r.width > 0)?.top;
      if (top === undefined) continue;
      if (
        lastTop !== undefined &&
        Math.round(top) !== Math.round(lastTop) &&
        /[\p{L}\p{N}]/u.test(word[i - 1] ?? '')
      )
        return true;
      lastTop = top;
    }
    return false;
  };
  const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  const broken = new Set<string>();
  const tables = document.querySelectorAll('table');
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t];
    if (!table || table.getClientRects().length === 0 || table.closest('[aria-hidden="true"]')) continue;
    const headers = table.querySelectorAll('thead th');
    const walker = document.createTreeWalker(table, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const cell = node.parentElement?.closest('td, th');
      if (!cell || cell.cellIndex === undefined) continue;
      const header = squash(headers[cell.cellIndex]?.textContent ?? null);
      if (!cell.closest('thead') && !NAMED_COLUMNS.test(header)) continue;
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        if (new Set(rects.map((r) => Math.round(r.top))).size < 2) continue;
        if (!brokenBetweenLetters(node, match.index, match[0])) continue;
        const column = header || `column ${cell.cellIndex + 1}`;
        const name = table.getAttribute('aria-label') ?? squash(headers[0]?.textContent ?? null);
        broken.add(`table "${name}" column "${column}": ${match[0]}`);
      }
    }
  }
  return [...broken];
}
