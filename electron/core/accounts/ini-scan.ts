// A line-by-line check of ~/.aws/config and ~/.aws/credentials. The SDK's shared-ini loader skips
// lines it cannot read without a word (and drops a whole file on some errors), so Envelope scans
// the text itself to tell the user which file and which line is wrong; the profiles the loader did
// read stay usable. In the config file it also checks the values the SDK would only fail on later
// (region, sso_region, endpoint_url: setting-values.ts) and says which section they make unusable.
import type { ProfileFileError } from '../../../shared/domain/accounts';
import { badSettingValue } from './setting-values';

export type IniFileRole = 'config' | 'credentials';

// Section types the config file knows ([profile x], [sso-session x], [services x]), as the SDK.
const configSectionPattern = /^(profile|sso-session|services)\s+(["'])?([\w\-@+.%:/]+)\2$/;
const blockedNames = new Set(['__proto__', 'profile __proto__']);

// Removes a comment the way the SDK does: ';' or '#' at the start or after whitespace.
const stripComment = (line: string): string => line.split(/(^|\s)[;#]/)[0] ?? '';

export function scanIniText(text: string, file: string, role: IniFileRole): ProfileFileError[] {
  return scanIni(text, file, role).errors;
}

export interface IniScan {
  readonly errors: ProfileFileError[];
  // Sections a bad value makes unusable, keyed as the SDK's loader keys them ('default',
  // 'NAME' for [profile NAME], 'sso-session.NAME', 'services.NAME'), with the errors that say why.
  readonly unusable: ReadonlyMap<string, readonly ProfileFileError[]>;
}

// The key the SDK's loader files a config section under (see configSectionPattern).
function sectionKey(name: string, role: IniFileRole): string {
  if (role === 'credentials' || name === 'default') return name;
  const match = configSectionPattern.exec(name);
  if (!match) return name;
  return match[1] === 'profile' ? (match[3] ?? name) : `${match[1]}.${match[3] ?? ''}`;
}

export function scanIni(text: string, file: string, role: IniFileRole): IniScan {
  const errors: ProfileFileError[] = [];
  const unusable = new Map<string, ProfileFileError[]>();
  const report = (line: number, message: string) => errors.push({ file, line, message });
  let inSection = false;
  let section: string | undefined;
  // True after a `key = value` or `key =` line: an indented line may follow as its continuation.
  let afterKey = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const content = stripComment(raw).trim();
    if (content === '') return;
    const indented = /^\s/.test(raw);
    if (content.startsWith('[')) {
      afterKey = false;
      if (!content.endsWith(']')) {
        // The keys below belong to this broken section: one error for all of them.
        inSection = true;
        section = undefined;
        report(lineNo, 'This section header has no closing "]"; the keys under it are ignored.');
        return;
      }
      const name = content.slice(1, -1).trim();
      inSection = true;
      section = sectionKey(name, role);
      if (blockedNames.has(name)) {
        report(lineNo, `The section name [${name}] is not allowed; the SDK ignores this whole file.`);
        return;
      }
      if (role === 'config' && name !== 'default' && !configSectionPattern.test(name)) {
        report(
          lineNo,
          /\s/.test(name)
            ? `The section [${name}] is not a profile, sso-session or services section; it is ignored.`
            : `The section [${name}] is ignored in the config file: write it as [profile ${name}].`,
        );
      }
      return;
    }
    const equals = content.indexOf('=');
    // A nested `key = value` (a services section's `ec2 =` block) or a continuation of the value
    // above; a nested endpoint_url is checked like a top-level one.
    if (indented && afterKey) {
      if (equals > 0) checkValue(lineNo, content.slice(0, equals).trim(), content.slice(equals + 1).trim());
      return;
    }
    if (equals === -1) {
      report(lineNo, 'This line is neither a section header, key = value, a continuation nor a comment.');
      return;
    }
    if (equals === 0) {
      report(lineNo, 'This line has a value but no key before "=".');
      return;
    }
    if (!inSection) {
      report(lineNo, 'This key is outside any [section]; it is ignored.');
      return;
    }
    afterKey = true;
    checkValue(lineNo, content.slice(0, equals).trim(), content.slice(equals + 1).trim());
  });
  return { errors, unusable };

  function checkValue(lineNo: number, key: string, value: string): void {
    if (role !== 'config' || section === undefined || value === '') return;
    const message = badSettingValue(key, value);
    if (message === undefined) return;
    const error = { file, line: lineNo, message };
    errors.push(error);
    unusable.set(section, [...(unusable.get(section) ?? []), error]);
  }
}
