// Which objects: a bucket from the inventory (or any name typed), an optional prefix, and their
// objects by encryption, counted on request (or at once when the page was opened on a bucket).
import Box from '@cloudscape-design/components/box';
import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useMemo } from 'react';
import { s3EncryptRequestSchema } from '../../../shared/domain/s3-encrypt';
import { selectInventory, useInventoryStore } from '../../stores/inventory-store';
import { useS3EncryptStore } from '../../stores/s3-encrypt-store';
import { ErrorAlert } from '../error-alert';
import { objectsText, formatBytes } from './amounts';
import { EncryptionTallyChart } from './encryption-tally-chart';
import { ListingProgress } from './listing-progress';

// The bucket name's own rule (3 to 63 characters, lower case…), as the contract words it.
export function bucketNameProblem(name: string): string | undefined {
  if (name.trim() === '') return undefined;
  const parsed = s3EncryptRequestSchema.shape.bucket.safeParse(name.trim());
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'not a bucket name');
}

function useInventoryBuckets(): AutosuggestProps.Option[] {
  const inventory = useInventoryStore(selectInventory);
  const status = useInventoryStore((s) => s.inventory.status);
  useEffect(() => {
    if (status === 'idle') void useInventoryStore.getState().load();
  }, [status]);
  return useMemo(
    () =>
      (inventory?.regions ?? []).flatMap((r) =>
        r.buckets.map((b) => ({
          value: b.name,
          description: `${r.region} · default encryption ${b.encryption ? b.encryption.algorithm : 'none'} · versioning ${b.versioning}`,
        })),
      ),
    [inventory],
  );
}

export function BucketPicker() {
  const bucket = useS3EncryptStore((s) => s.bucket);
  const prefix = useS3EncryptStore((s) => s.prefix);
  const tally = useS3EncryptStore((s) => s.tally);
  const setBucket = useS3EncryptStore((s) => s.setBucket);
  const setPrefix = useS3EncryptStore((s) => s.setPrefix);
  const countObjects = useS3EncryptStore((s) => s.countObjects);
  const options = useInventoryBuckets();
  const problem = bucketNameProblem(bucket);
  const total = tally.status === 'ready' ? tally.value.tallies.reduce((n, t) => n + t.objects, 0) : 0;
  const bytes = tally.status === 'ready' ? tally.value.tallies.reduce((n, t) => n + t.bytes, 0) : 0;
  return (
    <Container header={<Header variant="h2">Objects by encryption</Header>}>
      <SpaceBetween size="m">
        <ColumnLayout columns={2}>
          <FormField
            label="Bucket"
            description="A bucket from the inventory, or type its name."
            errorText={problem}
          >
            <Autosuggest
              value={bucket}
              options={options}
              onChange={({ detail }) => setBucket(detail.value)}
              enteredTextLabel={(value) => `Use "${value}"`}
              placeholder="avi-se-…"
              empty="No buckets in the inventory"
              ariaLabel="Bucket"
            />
          </FormField>
          <FormField label="Prefix" description="Only keys that start with it; blank for the whole bucket.">
            <Input
              value={prefix}
              onChange={({ detail }) => setPrefix(detail.value)}
              onKeyDown={({ detail }) => {
                if (detail.key === 'Enter' && bucket.trim() !== '' && problem === undefined)
                  void countObjects();
              }}
              ariaLabel="Prefix"
            />
          </FormField>
        </ColumnLayout>
        <Button
          onClick={() => void countObjects()}
          loading={tally.status === 'loading'}
          disabled={bucket.trim() === '' || problem !== undefined}
        >
          Count objects
        </Button>
        {tally.status === 'loading' ? <ListingProgress label={`Listing ${bucket}`} /> : null}
        {tally.status === 'error' ? <ErrorAlert error={tally.error} /> : null}
        {tally.status === 'ready' ? (
          <>
            <EncryptionTallyChart
              tallies={tally.value.tallies}
              ariaLabel={`Objects in ${bucket} by encryption`}
            />
            <Box variant="small">
              {objectsText(total)}, {formatBytes(bytes)} in {tally.value.region}
              {tally.value.tallyMethod === 'exact'
                ? '; every object was read.'
                : `; sampled, not exact${tally.value.tallyNote ? `: ${tally.value.tallyNote}` : '.'}`}
            </Box>
          </>
        ) : null}
      </SpaceBetween>
    </Container>
  );
}
