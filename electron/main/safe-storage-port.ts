// Core's SecretProtector, made of Electron's safeStorage: the OS keychain (macOS Keychain, Windows
// DPAPI, libsecret/KWallet on Linux) encrypts the plan-signing key. On Linux with no keyring
// safeStorage falls back to "basic_text" (a hard-coded password), which protects nothing: then the
// port says unavailable and core keeps the key in a 0600 file instead, as the CLI does.
// https://www.electronjs.org/docs/latest/api/safe-storage
import { safeStorage } from 'electron';
import type { SecretProtector } from '../core/plans/signing-keys';

export function safeStoragePort(): SecretProtector {
  return {
    available: () =>
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
