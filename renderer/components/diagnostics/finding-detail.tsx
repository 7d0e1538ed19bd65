// One finding: its evidence, why it matters, the fix, the generated policy statements to copy,
// and "Preview fix" when the fix can be applied from here.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { checkTitles, type Finding } from '../../../shared/domain/diagnostics';
import { evidenceRows } from '../../../shared/labels/evidence';
import { hrefForBucket } from '../../routing/s3-route';
import { BreakableText } from '../breakable-text';
import { SeverityBadge } from './severity-badge';

const pre = {
  margin: 0,
  padding: 8,
  overflowX: 'auto',
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

export function FindingDetail(props: {
  readonly finding: Finding;
  readonly onPreviewFix: (id: string) => void;
  // The report's findings, so a related finding is named by its title.
  readonly findings?: readonly Finding[];
}) {
  const { finding } = props;
  // A bucket's default encryption governs only new objects: the S3 objects page moves the old ones.
  const bucket =
    finding.check === 's3-prefix' && typeof finding.evidence.bucket === 'string'
      ? finding.evidence.bucket
      : undefined;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`${checkTitles[finding.check]} · ${finding.region}`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {bucket ? <Button href={hrefForBucket(bucket)}>Re-encrypt objects…</Button> : null}
              {finding.fix.action ? (
                <Button onClick={() => props.onPreviewFix(finding.id)}>Preview fix</Button>
              ) : null}
            </SpaceBetween>
          }
        >
          <SpaceBetween direction="horizontal" size="xs">
            <SeverityBadge severity={finding.severity} />
            <span>{finding.title}</span>
          </SpaceBetween>
        </Header>
      }
    >
      <SpaceBetween size="m">
        <ExpandableSection headerText="Evidence" defaultExpanded>
          <KeyValuePairs columns={2} items={evidenceRows(finding, props.findings)} />
        </ExpandableSection>
        <div>
          <Box variant="awsui-key-label">Why it matters</Box>
          <Box>{finding.why}</Box>
        </div>
        <div>
          <Box variant="awsui-key-label">Fix</Box>
          <Box>{finding.fix.text}</Box>
        </div>
        {finding.fix.statements ? (
          <div>
            <SpaceBetween direction="horizontal" size="xs">
              <Box variant="awsui-key-label">Generated statements</Box>
              <CopyToClipboard
                variant="icon"
                textToCopy={finding.fix.statements}
                copyButtonAriaLabel="Copy statements"
                copySuccessText="Statements copied"
                copyErrorText="Could not copy"
              />
            </SpaceBetween>
            <pre style={pre} aria-label="Generated statements">
              {finding.fix.statements}
            </pre>
          </div>
        ) : null}
        <Box variant="small">
          {/* Key ARNs and ids wrap after their separators, never inside a name. */}
          Resources: <BreakableText text={finding.resources.join(', ')} />
        </Box>
      </SpaceBetween>
    </Container>
  );
}
