// The one place that obtains window.api. Stores call api() when an action runs, so tests can
// install a fake before they act, and components never touch window.api themselves.
import type { Api } from '../../shared/ipc/api';
import { createPreviewApi, readPreviewToken } from './preview-transport';

let previewApi: Api | undefined;

export function api(): Api {
  if (window.api) return window.api;
  const token = readPreviewToken(document);
  if (token) {
    previewApi ??= createPreviewApi(token);
    return previewApi;
  }
  throw new Error('window.api is missing: open Envelope in its window or through `npm run preview`.');
}
