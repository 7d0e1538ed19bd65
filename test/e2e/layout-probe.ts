// Runs in the page (Playwright serialises it): lists every place where content is wider than the box
// that shows it at the current viewport — the page itself scrolling sideways, any element that
// scrolls sideways (overflow-x auto/scroll, e.g. a Cloudscape table's wrapper with columns beyond
// the edge), and table body cells whose content is cut (overflow hidden, with an ellipsis or not)
// or spills over the next column (a piece kept whole that is wider than its cell).
//
// The node tsconfig compiles this file (test/e2e), and it has no DOM library on purpose: the few
// DOM members the probe reads are declared below, structurally, so that the test's Node code cannot
// reach `document` by accident. The function closes over nothing: it runs in Chromium as it is.
export interface LayoutProblem {
  readonly kind: 'page-scrolls' | 'element-scrolls' | 'cell-cut' | 'cell-spills';
  readonly where: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
}

interface ProbeElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly cellIndex?: number;
  getClientRects(): { readonly length: number };
  getAttribute(name: string): string | null;
  closest(selector: string): ProbeElement | null;
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
}

interface ProbeWindow {
  readonly document: {
    readonly scrollingElement: ProbeElement | null;
    readonly body: ProbeElement;
    getElementById(id: string): ProbeElement | null;
  };
  getComputedStyle(element: ProbeElement): { readonly overflowX: string };
}

// 1 px of slack: Chromium rounds sub-pixel widths in scrollWidth and clientWidth separately.
export function findSidewaysOverflow(): LayoutProblem[] {
  const page = globalThis as unknown as ProbeWindow;
  const problems: LayoutProblem[] = [];
  const text = (el: ProbeElement | null | undefined): string =>
    (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
  // A table is named by its aria-label, or by the header it is labelled by (Cloudscape's h2).
  const tableName = (table: ProbeElement): string => {
    const labelledBy = table.getAttribute('aria-labelledby');
    const header = labelledBy ? page.document.getElementById(labelledBy.split(' ')[0] ?? '') : null;
    return table.getAttribute('aria-label') ?? (text(header) || text(table.querySelector('thead')));
  };
  const label = (el: ProbeElement): string => {
    const table = el.closest('table');
    const cell = el.closest('td, th');
    if (table && cell && cell.cellIndex !== undefined) {
      const column =
        text(table.querySelectorAll('thead th')[cell.cellIndex]) || `column ${cell.cellIndex + 1}`;
      return `table "${tableName(table)}" column "${column}": ${text(el)}`;
    }
    const inner = el.querySelector('table');
    if (inner) return `${el.tagName.toLowerCase()} around table "${tableName(inner)}"`;
    const named = el.getAttribute('aria-label') ?? el.closest('[aria-label]')?.getAttribute('aria-label');
    return `${el.tagName.toLowerCase()}${named ? ` in "${named}"` : ''}: ${text(el)}`;
  };
  const visible = (el: ProbeElement): boolean =>
    el.clientWidth > 0 && el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]');
  const root = page.document.scrollingElement;
  if (root && root.scrollWidth > root.clientWidth + 1)
    problems.push({
      kind: 'page-scrolls',
      where: 'document',
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
    });
  const all = page.document.body.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    // An element without text scrolling sideways is a table's sticky scrollbar: its table is listed.
    if (!el || el.scrollWidth <= el.clientWidth + 1 || !visible(el) || text(el) === '') continue;
    const { overflowX } = page.getComputedStyle(el);
    const found = { where: label(el), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    if (overflowX === 'auto' || overflowX === 'scroll') problems.push({ kind: 'element-scrolls', ...found });
    else if ((overflowX === 'hidden' || overflowX === 'clip') && el.closest('tbody td, tbody th'))
      problems.push({ kind: 'cell-cut', ...found });
    else if ((el.tagName === 'TD' || el.tagName === 'TH') && el.closest('tbody'))
      problems.push({ kind: 'cell-spills', ...found });
  }
  return problems;
}
