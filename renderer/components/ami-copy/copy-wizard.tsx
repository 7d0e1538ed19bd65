// The Copy AMI wizard: Source → Destination → Key → Review (the plan is made on entering Review);
// "Start copy" runs the sealed plan and the page switches to the runs.
import Wizard from '@cloudscape-design/components/wizard';
import { useState } from 'react';
import { keyRegionOf, useAmiCopyStore } from '../../stores/ami-copy-store';
import { ErrorAlert } from '../error-alert';
import { DestinationStep } from './destination-step';
import { KeyStep } from './key-step';
import { ReviewStep } from './review-step';
import { deniedRows } from '../../../shared/domain/preflight';
import { SourceStep } from './source-step';

export function CopyWizard() {
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<string | undefined>();
  const selected = useAmiCopyStore((s) => s.selected);
  const plan = useAmiCopyStore((s) => s.plan);
  const keyRegion = useAmiCopyStore(keyRegionOf);
  const startError = useAmiCopyStore((s) => s.startError);
  const makePlan = useAmiCopyStore((s) => s.makePlan);
  const start = useAmiCopyStore((s) => s.start);
  const reset = useAmiCopyStore((s) => s.reset);
  return (
    <>
      {startError ? <ErrorAlert error={startError} /> : null}
      <Wizard
        activeStepIndex={step}
        onNavigate={({ detail }) => {
          const to = detail.requestedStepIndex;
          if (to > 0 && selected.length === 0) {
            setProblem('Choose at least one AMI to copy.');
            return;
          }
          setProblem(undefined);
          if (to === 3) void makePlan();
          setStep(to);
        }}
        onCancel={() => {
          reset();
          setStep(0);
        }}
        onSubmit={() => {
          // Run stays off while the preflight says AWS would refuse a call.
          if (plan.status === 'ready' && deniedRows(plan.value.plan.preflight).length > 0) return;
          void start();
        }}
        isLoadingNextStep={plan.status === 'loading'}
        submitButtonText="Start copy"
        i18nStrings={{
          stepNumberLabel: (n) => `Step ${n}`,
          collapsedStepsLabel: (n, total) => `Step ${n} of ${total}`,
          navigationAriaLabel: 'Steps',
          cancelButton: 'Start over',
          previousButton: 'Previous',
          nextButton: 'Next',
          optional: 'optional',
        }}
        steps={[
          {
            title: 'Source',
            description: 'AMIs to copy: yours, shared with you, or public.',
            content: <SourceStep />,
            ...(problem ? { errorText: problem } : {}),
          },
          {
            title: 'Destination',
            description: 'Where the encrypted copies go and what they are called.',
            content: <DestinationStep />,
          },
          {
            title: 'Key',
            description: `The KMS key of ${keyRegion} that encrypts the copies.`,
            content: <KeyStep />,
          },
          {
            title: 'Review',
            description: 'The plan, what it costs in time, and what to know before copying.',
            content: <ReviewStep />,
            ...(plan.status === 'error' ? { errorText: 'The copy cannot start: see the reason below.' } : {}),
            ...(plan.status === 'ready' && deniedRows(plan.value.plan.preflight).length > 0
              ? { errorText: 'AWS would refuse a call of this plan (see Preflight): Start copy is off.' }
              : {}),
          },
        ]}
      />
    </>
  );
}
