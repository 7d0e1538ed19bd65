// The TEST build config the CI smoke test packages with (electron-builder.smoke.yml): valid against
// electron-builder's schema, and, once electron-builder has merged it over electron-builder.yml,
// the shipped configuration with only the inspect fuse switched on and its own output folder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builderValidator } from './builder-schema';

type Config = Record<string, unknown> & { electronFuses: Record<string, boolean> };
const loadYaml = (file: string) => parse(readFileSync(file, 'utf8')) as Config;

async function merged(file: string): Promise<Config> {
  const { getConfig } = (await import('app-builder-lib/out/util/config/config.js')) as unknown as {
    getConfig: (projectDir: string, configPath: string | null) => Promise<Config>;
  };
  return getConfig(process.cwd(), file);
}

describe('electron-builder.smoke.yml', () => {
  it("is valid against app-builder-lib's schema and its start-up validation", async () => {
    const validate = builderValidator();
    expect(validate(loadYaml('electron-builder.smoke.yml'))).toBe(true);
    const config = await merged('electron-builder.smoke.yml');
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = (await import('builder-util')) as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is the shipped configuration with only the inspect fuse on and its own output folder', async () => {
    const shipped = await merged('electron-builder.yml');
    const smoke = await merged('electron-builder.smoke.yml');
    expect(smoke.electronFuses).toEqual({ ...shipped.electronFuses, enableNodeCliInspectArguments: true });
    expect(shipped.electronFuses['enableNodeCliInspectArguments']).toBe(false);
    expect(smoke['directories']).toEqual({ ...(shipped['directories'] as object), output: 'release-smoke' });
    const rest = (config: Config) => {
      const { electronFuses: _fuses, directories: _directories, extends: _extends, ...others } = config;
      return others;
    };
    expect(rest(smoke)).toEqual(rest(shipped));
    expect(smoke['electronVersion']).toBe(shipped['electronVersion']);
  });
});
