// Wizard step 2: destination regions, name and description templates (previewed on the first
// chosen AMI exactly as core renders them), and whether to copy the source's tags.
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { amiNameProblem, renderTemplate } from '../../../shared/domain/ami-copy';
import { useAccountsStore } from '../../stores/accounts-store';
import { useAmiCopyStore } from '../../stores/ami-copy-store';

export function DestinationStep() {
  const s = useAmiCopyStore();
  const regions = useAccountsStore((a) => a.regions);
  const options = (regions.status === 'ready' ? regions.value : [])
    .filter((r) => r.optInStatus !== 'not-opted-in')
    .map((r) => ({ value: r.name, label: r.name }));
  const first = s.selected[0];
  const fields = {
    name: first?.name ?? 'my-ami',
    id: first?.id ?? 'ami-0123456789abcdef0',
    region: s.sourceRegion,
    // ISO 8601 day in the new AMI's name (the same {date} core fills in): part of a name, sortable.
    date: new Date().toISOString().slice(0, 10),
  };
  const name = renderTemplate(s.nameTemplate, fields);
  const problem = amiNameProblem(name);
  const chosen = s.destRegions.length > 0 ? s.destRegions : [s.sourceRegion];
  return (
    <SpaceBetween size="l">
      <FormField label="Destination regions" description="Leave empty to copy within the source region.">
        <Multiselect
          selectedOptions={chosen.map((r) => ({ value: r, label: r }))}
          options={options.length > 0 ? options : [{ value: s.sourceRegion, label: s.sourceRegion }]}
          onChange={({ detail }) =>
            s.setDestRegions(detail.selectedOptions.flatMap((o) => (o.value ? [o.value] : [])))
          }
          placeholder="Choose regions"
          filteringType="auto"
          ariaLabel="Destination regions"
        />
      </FormField>
      <FormField
        label="Name template"
        description="Placeholders: {name}, {id}, {date}, {region}."
        constraintText={`Example: ${name}`}
        errorText={problem}
      >
        <Input
          value={s.nameTemplate}
          onChange={({ detail }) => s.setTemplates({ nameTemplate: detail.value })}
          ariaLabel="Name template"
        />
      </FormField>
      <FormField
        label="Description template"
        constraintText={`Example: ${renderTemplate(s.descriptionTemplate, fields)}`}
      >
        <Input
          value={s.descriptionTemplate}
          onChange={({ detail }) => s.setTemplates({ descriptionTemplate: detail.value })}
          ariaLabel="Description template"
        />
      </FormField>
      <Checkbox checked={s.copyTags} onChange={({ detail }) => s.setTemplates({ copyTags: detail.checked })}>
        Copy the source AMI’s tags (only for AMIs you own)
      </Checkbox>
    </SpaceBetween>
  );
}
