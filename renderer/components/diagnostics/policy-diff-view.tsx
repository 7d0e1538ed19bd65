// The key policy before and after, line by line: added lines green, removed lines red.
import type { PolicyDiffLine } from '../../../shared/domain/diagnostics';

const colours = { '+': '#e9f7ec', '-': '#fdecea', ' ': 'transparent' } as const;

export function PolicyDiffView({ lines }: { readonly lines: readonly PolicyDiffLine[] }) {
  return (
    <pre aria-label="Key policy diff" style={{ margin: 0, fontSize: 12, maxHeight: 360, overflow: 'auto' }}>
      {lines.map((line, i) => (
        <div key={i} style={{ background: colours[line.op] }}>
          {`${line.op} ${line.text}`}
        </div>
      ))}
    </pre>
  );
}
