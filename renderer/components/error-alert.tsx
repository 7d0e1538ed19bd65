// An error from a Result as a person should read it: the message, and what to do. Never a stack.
import Alert from '@cloudscape-design/components/alert';
import type { ApiError } from '../../shared/ipc/channel';

export interface ErrorAlertProps {
  readonly error: ApiError;
}

export function ErrorAlert({ error }: ErrorAlertProps) {
  return (
    <Alert type="error" header={error.message}>
      {error.hint}
    </Alert>
  );
}
