// The keychain port core signs plans with: it encrypts through Electron's safeStorage, and says
// "unavailable" where safeStorage protects nothing (no keychain, or Linux's basic_text backend), so
// core keeps the key in a 0600 file instead.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
}));

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => storage.available,
    getSelectedStorageBackend: () => storage.backend,
    encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
    decryptString: (cipher: Buffer) => cipher.toString().replace(/^enc:/, ''),
  },
}));

const { safeStoragePort } = await import('../../electron/main/safe-storage-port');

describe('safeStorage port', () => {
  beforeEach(() => {
    storage.available = true;
    storage.backend = 'gnome_libsecret';
  });

  it('encrypts and decrypts through safeStorage', () => {
    const port = safeStoragePort();
    expect(port.available()).toBe(true);
    const cipher = port.encrypt('secret');
    expect(cipher.toString()).not.toBe('secret');
    expect(port.decrypt(cipher)).toBe('secret');
  });

  it('is unavailable without encryption, and on Linux with the basic_text backend', () => {
    storage.available = false;
    expect(safeStoragePort().available()).toBe(false);
    storage.available = true;
    storage.backend = 'basic_text';
    expect(safeStoragePort().available()).toBe(process.platform !== 'linux');
  });
});
