// The CLI's MFA prompt: asks for the code on the terminal (stderr, so --json output stays clean).
// Without a terminal there is nobody to ask, and the command fails with a clear reason.
import { createInterface } from 'node:readline/promises';
import type { MfaCodeProvider } from '../core/accounts/mfa-broker';
import { AppError } from '../core/errors/app-error';

export const askMfaCodeOnTerminal: MfaCodeProvider = async ({ profile, mfaSerial }) => {
  if (!process.stdin.isTTY) {
    throw new AppError(
      'mfa-required',
      `Profile ${profile} needs an MFA code and there is no terminal to ask on.`,
      'Run the command in a terminal.',
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const code = (await prompt.question(`MFA code for ${mfaSerial} (profile ${profile}): `)).trim();
    if (!/^\d{6}$/.test(code))
      throw new AppError('mfa-invalid', 'An MFA code is six digits.', 'Run the command again.');
    return code;
  } finally {
    prompt.close();
  }
};
