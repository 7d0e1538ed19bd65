import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/csp';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy();
  const parsed = directives(policy);

  it('has no unsafe-eval and no inline script', () => {
    expect(policy).not.toContain('unsafe-eval');
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(policy).not.toContain("'unsafe-inline'");
  });

  it('names no remote origin: every source is a keyword or data:', () => {
    for (const [name, values] of parsed) {
      for (const value of values)
        expect(/^'[a-z-]+'$/.test(value) || value === 'data:', `${name} ${value}`).toBe(true);
    }
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
  });

  it('defaults to self and locks down objects, frames, base and forms', () => {
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
  });

  it('relaxes only for a loopback dev server, and never allows eval', () => {
    const dev = contentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(dev).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('https://cdn.example/')).toBe(policy);
  });
});
