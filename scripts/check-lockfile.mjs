// `npm run check:lockfile` (the first step of `npm test`): fails when package.json and
// package-lock.json disagree, the two ways `npm ci` refuses a lockfile ("package.json and
// package-lock.json … are not in sync"):
//   - the lockfile's root entry (packages[""]) lists other dependencies or other ranges than
//     package.json: someone edited package.json without running `npm install`;
//   - a package the lockfile lists needs a dependency or an optional dependency the lockfile does
//     not hold, e.g. the other platforms' builds of rollup or esbuild after a lockfile was written
//     on one OS with a filtered install: `npm ci` on macOS or Windows then fails.
// Reads the two files only (no network, no node_modules), so it answers in well under a second.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const KINDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

function sameRanges(kind, declared = {}, locked = {}) {
  const problems = [];
  for (const [name, range] of Object.entries(declared)) {
    if (!(name in locked))
      problems.push(`${name}@${range} (${kind}) is in package.json but not in the lockfile`);
    else if (locked[name] !== range)
      problems.push(`${name} (${kind}) is ${range} in package.json but ${locked[name]} in the lockfile`);
  }
  for (const name of Object.keys(locked)) {
    if (!(name in declared)) problems.push(`${name} (${kind}) is in the lockfile but not in package.json`);
  }
  return problems;
}

// Node's resolution: the nearest node_modules/<name> from the package's own folder upwards.
function resolves(packages, from, name) {
  let base = from;
  for (;;) {
    if (`${base ? `${base}/` : ''}node_modules/${name}` in packages) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

export function lockfileProblems(pkg, lock) {
  if (!lock || typeof lock !== 'object' || !lock.packages || !lock.packages['']) {
    return ['package-lock.json has no "packages" section (lockfileVersion 2 or 3): run `npm install`'];
  }
  const root = lock.packages[''];
  const problems = KINDS.flatMap((kind) => sameRanges(kind, pkg[kind], root[kind]));
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.link) continue;
    for (const kind of ['dependencies', 'optionalDependencies']) {
      for (const name of Object.keys(entry[kind] ?? {})) {
        if (!resolves(lock.packages, path, name))
          problems.push(`${path || 'the project'} needs ${name} (${kind}), which the lockfile does not hold`);
      }
    }
  }
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!(`node_modules/${name}` in lock.packages))
      problems.push(`${name} is a dependency in package.json but the lockfile does not install it`);
  }
  return [...new Set(problems)];
}

export function checkLockfile(dir) {
  const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return lockfileProblems(read('package.json'), read('package-lock.json'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '..');
  const problems = checkLockfile(dir);
  if (problems.length > 0) {
    console.error('package.json and package-lock.json disagree, so `npm ci` would refuse them:');
    for (const problem of problems.slice(0, 20)) console.error(`  - ${problem}`);
    if (problems.length > 20) console.error(`  … and ${problems.length - 20} more`);
    console.error('Run `npm install` (with every platform in the lockfile) and commit package-lock.json.');
    process.exitCode = 1;
  }
}
