// The regions a scanning page (inventory, diagnostics) covers at once; empty means the selected
// region only. Kept in Envelope's settings through accounts:setScanRegions.
import FormField from '@cloudscape-design/components/form-field';
import Multiselect from '@cloudscape-design/components/multiselect';
import { useAccountsStore } from '../../stores/accounts-store';

export function ScanRegionsField() {
  const regions = useAccountsStore((state) => state.regions);
  const profiles = useAccountsStore((state) => state.profiles);
  const setScanRegions = useAccountsStore((state) => state.setScanRegions);
  const selected = profiles.status === 'ready' ? profiles.value.scanRegions : [];
  const options =
    regions.status === 'ready'
      ? regions.value
          .filter((r) => r.optInStatus !== 'not-opted-in')
          .map((r) => ({ value: r.name, label: r.name }))
      : [];
  return (
    <FormField
      label="Regions to scan"
      description="Inventory and diagnostics cover these regions at once; none chosen means the selected region."
    >
      <Multiselect
        selectedOptions={selected.map((name) => ({ value: name, label: name }))}
        onChange={({ detail }) =>
          void setScanRegions(detail.selectedOptions.flatMap((o) => (o.value ? [o.value] : [])))
        }
        options={options}
        placeholder="The selected region"
        statusType={regions.status === 'loading' ? 'loading' : 'finished'}
        ariaLabel="Regions to scan"
      />
    </FormField>
  );
}
