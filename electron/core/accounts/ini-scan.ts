// A line-by-line check of ~/.aws/config and ~/.aws/credentials. The SDK's shared-ini loader skips
// lines it cannot read without a word (and drops a whole file on some errors), so Envelope scans
// the text itself to tell the user which file and which line is wrong; the profiles the loader did
// read stay usable.
import type { ProfileFileError } from '../../../shared/domain/accounts';

export type IniFileRole = 'config' | 'credentials';

// Section types the config file knows ([profile x], [sso-session x], [services x]), as the SDK.
const configSectionPattern = /^(profile|sso-session|services)\s+(["'])?([\w\-@+.%:/]+)\2$/;
const blockedNames = new Set(['__proto__', 'profile __proto__']);

// Removes a comment the way the SDK does: ';' or '#' at the start or after whitespace.
const stripComment = (line: string): string => line.split(/(^|\s)[;#]/)[0] ?? '';

export function scanIniText(text: string, file: string, role: IniFileRole): ProfileFileError[] {
  const errors: ProfileFileError[] = [];
  const report = (line: number, message: string) => errors.push({ file, line, message });
  let inSection = false;
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
        report(lineNo, 'This section header has no closing "]"; the keys under it are ignored.');
        return;
      }
      const name = content.slice(1, -1).trim();
      inSection = true;
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
    if (indented && afterKey) return; // a nested `key = value` or a continuation of the value above
    const equals = content.indexOf('=');
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
  });
  return errors;
}
