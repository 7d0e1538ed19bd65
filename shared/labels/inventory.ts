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
