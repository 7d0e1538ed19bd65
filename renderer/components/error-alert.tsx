// An error from a Result as a person should read it: the message, and what to do. Never a stack.
import Alert from '@cloudscape-design/components/alert';
import type { ApiError } from '../../shared/ipc/channel';
import { hintFor } from '../stores/ui-store';

export interface ErrorAlertProps {
  readonly error: ApiError;
}

export function ErrorAlert({ error }: ErrorAlertProps) {
  return (
    <Alert type="error" header={error.message}>
      {hintFor(error)}
    </Alert>
  );
}
