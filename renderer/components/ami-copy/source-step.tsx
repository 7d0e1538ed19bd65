// Wizard step 1: find AMIs (owned, shared, or public by name) by id or name, pick one or more; each
// row shows its block devices in the seeds' form and whether they are encrypted.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { SourceImage } from '../../../shared/domain/ami-copy';
import { formatBlockDeviceWithKey, summarizeEncryption } from '../../../shared/inventory/block-device';
import { useAmiCopyStore } from '../../stores/ami-copy-store';
import { BreakableText } from '../breakable-text';
import { useColumnPreferences } from '../use-column-preferences';
import { ErrorAlert } from '../error-alert';
import { Fragment, useEffect } from 'react';

function Encryption({ image }: { readonly image: SourceImage }) {
  const summary = summarizeEncryption(
    image.blockDevices.filter((d) => d.snapshotId).map((d) => d.encrypted ?? false),
  );
  if (summary === 'all') return <StatusIndicator type="success">Encrypted</StatusIndicator>;
  if (summary === 'partial') return <StatusIndicator type="warning">Partly encrypted</StatusIndicator>;
  return <StatusIndicator type="stopped">Unencrypted</StatusIndicator>;
}

// Why an AMI cannot be copied, said in the list (not only refused when the plan is made): core
// refuses the same cases (describeSourceImage in electron/core/ami-copy/source-images.ts).
export function copyBlocker(image: SourceImage): string | undefined {
  if (image.state !== 'available') return `It is ${image.state}; only an available AMI can be copied.`;
  if (!image.blockDevices.some((d) => d.snapshotId))
    return 'It has no EBS snapshot (instance-store backed); only EBS-backed AMIs can be copied encrypted.';
  return undefined;
}

function CanCopy({ image }: { readonly image: SourceImage }) {
  const blocker = copyBlocker(image);
  if (blocker) return <StatusIndicator type="stopped">{blocker}</StatusIndicator>;
  // Its snapshots' keys are hidden from this account: the owner has not shared the snapshots.
  if (image.blockDevices.some((d) => d.kmsKeyUnknown))
    return <StatusIndicator type="warning">Only if its owner shared the snapshots with you</StatusIndicator>;
  return <StatusIndicator type="success">Yes</StatusIndicator>;
}

// The AMI table's columns as the Preferences dialog names them. Owner and Encryption are hidden by
// default (Access says whose it is; Block devices says each device's encryption): the others fit
// beside the wizard's steps at 1280 px without breaking a word (issue 20).
const SOURCE_COLUMNS = [
  { id: 'id', label: 'AMI and name' },
  { id: 'access', label: 'Access' },
  { id: 'owner', label: 'Owner' },
  { id: 'encryption', label: 'Encryption' },
  { id: 'copy', label: 'Can be copied' },
  { id: 'devices', label: 'Block devices' },
] as const;
const SOURCE_HIDDEN_BY_DEFAULT = ['owner', 'encryption'] as const;

export function SourceStep() {
  const columnPreferences = useColumnPreferences(
    'copy-ami-sources',
    SOURCE_COLUMNS,
    SOURCE_HIDDEN_BY_DEFAULT,
  );
  const query = useAmiCopyStore((s) => s.query);
  const images = useAmiCopyStore((s) => s.images);
  const selected = useAmiCopyStore((s) => s.selected);
  const region = useAmiCopyStore((s) => s.sourceRegion);
  const setQuery = useAmiCopyStore((s) => s.setQuery);
  const search = useAmiCopyStore((s) => s.search);
  const setSelected = useAmiCopyStore((s) => s.setSelected);
  const items = images.status === 'ready' ? images.value : [];
  // Listed when the step opens, without a search: the account's own and shared AMIs and the ones
  // its instances run from (public ones among them).
  useEffect(() => {
    if (region && useAmiCopyStore.getState().images.status === 'idle') void search();
  }, [region, search]);
  return (
    <SpaceBetween size="m">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <FormField
          label="AMI id or name"
          description="Listed without a search: your own AMIs, those shared with you, and those your instances run from. Type an AMI id, or part of a name to search public AMIs too."
        >
          <SpaceBetween direction="horizontal" size="xs">
            <div style={{ minWidth: 420 }}>
              <Input
                value={query}
                onChange={({ detail }) => setQuery(detail.value)}
                placeholder="ami-… or part of a name"
                ariaLabel="AMI id or name"
                type="search"
              />
            </div>
            <Button formAction="submit" loading={images.status === 'loading'}>
              Search {region}
            </Button>
          </SpaceBetween>
        </FormField>
      </form>
      {images.status === 'error' ? <ErrorAlert error={images.error} /> : null}
      <Table
        wrapLines
        items={items}
        selectionType="multi"
        selectedItems={[...selected]}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        isItemDisabled={(i) => copyBlocker(i) !== undefined}
        trackBy="id"
        ariaLabels={{
          selectionGroupLabel: 'AMIs to copy',
          itemSelectionLabel: (_, item) => `Copy ${item.id}`,
          allItemsSelectionLabel: () => 'Copy every AMI shown',
        }}
        loading={images.status === 'loading'}
        loadingText="Searching AMIs"
        columnDisplay={columnPreferences.columnDisplay}
        preferences={columnPreferences.preferences}
        header={<Box variant="h3">AMIs in {region}</Box>}
        empty={
          <Box color="text-status-inactive">
            {images.status === 'ready' ? 'No AMI matches.' : 'Search for AMIs to copy.'}
          </Box>
        }
        columnDefinitions={[
          {
            id: 'id',
            header: 'AMI',
            // The name under the id: one column fewer beside the wizard's steps; the id may wrap
            // after "ami-".
            cell: (i) => (
              <>
                {i.id}
                <Box variant="small" display="block">
                  {i.name}
                </Box>
              </>
            ),
          },
          {
            id: 'access',
            header: 'Access',
            // Room for the header's word (px), as for Can be copied: squeezed, they break mid-word.
            minWidth: 100,
            cell: (i) => (i.instancesRunFrom ? `${i.access}, your instances run from it` : i.access),
          },
          { id: 'owner', header: 'Owner', cell: (i) => i.ownerId },
          // Room for "Unencrypted" and the header (px): a squeezed column breaks them mid-word.
          { id: 'encryption', header: 'Encryption', minWidth: 130, cell: (i) => <Encryption image={i} /> },
          { id: 'copy', header: 'Can be copied', minWidth: 100, cell: (i) => <CanCopy image={i} /> },
          {
            id: 'devices',
            header: 'Block devices',
            cell: (i) => (
              <Box variant="code" fontSize="body-s">
                {i.blockDevices.map((d, n) => (
                  <Fragment key={d.device}>
                    {n > 0 ? <br /> : null}
                    <BreakableText text={formatBlockDeviceWithKey(d)} />
                  </Fragment>
                ))}
              </Box>
            ),
          },
        ]}
      />
    </SpaceBetween>
  );
}
