// Security gate: runs @doyensec/electronegativity over the app's sources (electron/ and
// renderer/, TypeScript parsed directly) and fails on any finding of MEDIUM severity or worse that
// security/electronegativity-allow.json does not list with a reason. Electronegativity itself
// exits 0 whatever it finds, hence this wrapper.
//
// Offline and fast: the tool fetches translations (i18n) and Electron's release list (the
// AVAILABLE_SECURITY_FIXES check) over the network; `got` is replaced by a stub that fails at
// once, the translations fall back to the bundled English, and that one check is excluded (our
// Electron version is kept current through package.json, not by a test-time download).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

const root = join(import.meta.dirname, '..');
const scanned = ['electron', 'renderer'];
const allowListPath = join(root, 'security', 'electronegativity-allow.json');
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];
const GATE = 2; // severity value of MEDIUM

const require = createRequire(import.meta.url);
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));

function stubNetwork() {
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline: the security gate makes no network calls'));
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

// One folder with both trees, so global checks (CSP, navigation limits, permission handlers) see
// main and renderer together, as they run together.
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'envelope-eng-'));
  for (const name of scanned) {
    if (existsSync(join(root, name)))
      cpSync(join(root, name), join(dir, name), {
        recursive: true,
        filter: (src) => !src.includes(`${sep}node_modules`),
      });
  }
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  return dir;
}

function loadAllowList() {
  const entries = JSON.parse(readFileSync(allowListPath, 'utf8'));
  for (const entry of entries) {
    if (!entry.check || !entry.file || !entry.reason || entry.reason.length < 20) {
      throw new Error(
        `${relative(root, allowListPath)}: every entry needs check, file and a reason (${JSON.stringify(entry)})`,
      );
    }
  }
  return entries;
}

const electronVersion = require('electron/package.json').version;
stubNetwork();
process.env.LANG = 'en-US';
const run = toolRequire('./dist/runner.js');
const log = console.log;
const staged = stage();
let result;
try {
  console.log = () => undefined; // the tool prints its translation warning; the table below says what matters
  result = await run({
    input: staged,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: excludedChecks,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  console.log = log;
  rmSync(staged, { recursive: true, force: true });
}

const allowList = loadAllowList();
const used = new Set();
const rows = result.issues.map((issue) => {
  const file = issue.file.split(sep).join('/');
  const allowed = allowList.find((entry) => entry.check === issue.id && entry.file === file);
  if (allowed) used.add(allowed);
  const blocking = issue.severity.value >= GATE && !allowed;
  return {
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    where: `${file}:${issue.location.line}`,
    verdict: blocking ? 'FAIL' : allowed ? 'allowed' : 'ok (below MEDIUM)',
  };
});
const parseErrors = result.errors.filter((error) => !error.tolerable);

console.log(
  `electronegativity ${toolRequire('./package.json').version}, Electron ${electronVersion}: ${result.atomicChecks + result.globalChecks} checks over ${scanned.join('/, ')}/`,
);
if (rows.length > 0) console.table(rows);
for (const error of parseErrors)
  console.log(`could not parse ${relative(staged, error.file)}: ${error.message}`);
for (const entry of allowList.filter((entry) => !used.has(entry)))
  console.log(`note: allow-list entry no longer needed: ${entry.check} ${entry.file}`);

const failures = rows.filter((row) => row.verdict === 'FAIL');
if (failures.length > 0 || parseErrors.length > 0) {
  console.log(
    `security gate FAILED: ${failures.length} finding(s) of MEDIUM or worse not in ${relative(root, allowListPath)}, ${parseErrors.length} file(s) not parsed`,
  );
  process.exit(1);
}
console.log(
  `security gate passed: ${rows.length} finding(s), none of MEDIUM or worse outside the allow-list`,
);
