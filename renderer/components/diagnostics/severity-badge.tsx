import Badge from '@cloudscape-design/components/badge';
import type { Severity } from '../../../shared/domain/diagnostics';

const COLORS: Readonly<
  Record<
    Severity,
    'severity-critical' | 'severity-high' | 'severity-medium' | 'severity-low' | 'severity-neutral'
  >
> = {
  critical: 'severity-critical',
  high: 'severity-high',
  medium: 'severity-medium',
  low: 'severity-low',
  info: 'severity-neutral',
};

export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  return <Badge color={COLORS[severity]}>{severity}</Badge>;
}
