import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builderValidator, loadBuilderSchema } from './builder-schema';

interface Platform {
  target: unknown;
  [option: string]: unknown;
}
interface Config {
  mac: Platform & { entitlements: string };
  win: Platform;
  linux: Platform & { maintainer: string; category: string };
  nsis: Record<string, unknown>;
  electronFuses: Record<string, boolean>;
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  [option: string]: unknown;
}
const load = (): Config => parse(readFileSync('electron-builder.yml', 'utf8')) as Config;
const validate = builderValidator();

describe('electron-builder.yml', () => {
  it("is valid against app-builder-lib's schema", () => {
    const ok = validate(load());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("passes electron-builder's own start-up validation", async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = (await import('builder-util')) as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('takes the Linux and Windows target names from the schema itself', () => {
    const { linuxTargets, windowsTargets } = loadBuilderSchema();
    expect(linuxTargets).toEqual(expect.arrayContaining(['AppImage', 'deb', 'rpm', 'snap']));
    expect(windowsTargets).toEqual(expect.arrayContaining(['nsis', 'portable', 'msi']));
    expect(linuxTargets).not.toContain('AppImg');
  });

  it.each([
    ['mac', 'dmgg'],
    ['linux', 'AppImg'],
    ['win', 'nsiss'],
  ])('fails when a %s target is misspelt (%s)', (platform, misspelt) => {
    const config = load();
    (config[platform as 'mac' | 'linux' | 'win'] as Platform).target = [misspelt];
    expect(validate(config)).toBe(false);
  });

  it('fails on an unknown option', () => {
    expect(validate({ ...load(), electronFusess: {} })).toBe(false);
  });

  it('builds the installers the issue asks for', () => {
    const config = load();
    expect(config).toMatchObject({
      appId: 'dev.envelope.app',
      productName: 'Envelope',
      directories: { output: 'release', buildResources: 'build' },
    });
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.category).toBeTruthy();
  });

  it('signs macOS with the hardened runtime and only the JIT entitlement, notarizing from the environment', () => {
    const { mac } = load();
    expect(mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
    });
    const plist = readFileSync(mac.entitlements, 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
    const text = readFileSync('electron-builder.yml', 'utf8');
    expect(text).not.toMatch(/cscLink|cscKeyPassword|appleId|password:/i);
  });

  it('packages exactly the Electron package.json pins (an exact version, not a range)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['electron']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(load()['electronVersion']).toBe(pkg.devDependencies['electron']);
  });

  it('sets the release fuses', () => {
    expect(load().electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('packages the built bundles and the tray images, not sources or the preview', () => {
    const config = load();
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.files.join(' ')).not.toMatch(/electron\/|renderer\/|preview/);
    expect(config.files).toContain('!out/cli/**'); // the CLI's build is for npx, not the app
    const filter: string[] = config.extraResources[0]!.filter;
    for (const image of filter) expect(() => readFileSync(`build/${image}`)).not.toThrow();
    expect(filter).toEqual(
      expect.arrayContaining(['trayTemplate.png', 'trayTemplate@2x.png', 'tray.png', 'tray.ico']),
    );
  });
});
