// Inventory codes in words: an instance's encryption summary and who manages a key.
import type { EncryptionSummary, KeyRecord } from '../domain/inventory';

export const encryptionSummaryLabels: Readonly<Record<EncryptionSummary, string>> = {
  all: 'Encrypted',
  partial: 'Partly encrypted',
  none: 'Not encrypted',
  unknown: 'Unknown',
};

export const keyManagerLabels: Readonly<Record<KeyRecord['manager'], string>> = {
  AWS: 'AWS',
  CUSTOMER: 'Customer',
};

// A KMS key state as words: AWS's PascalCase names ("PendingDeletion") read as "Pending deletion".
export const keyStateWords = (state: string): string => {
  const words = state.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
