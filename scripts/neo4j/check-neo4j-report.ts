/**
 * CI guard: `node scripts/neo4j/check-neo4j-report.ts REPORT.json VERSION_PATTERN FILE...`
 *
 * Reads a vitest JSON report and fails unless every named Neo4j test file ran against a server
 * whose version matches VERSION_PATTERN (the suites put `Neo4j <version>` in their names) with
 * at least one passed test, none failed and none skipped: a suite that skipped because no
 * server started must not pass CI. Prints one line per file, then `neo4j: N passed, N failed`.
 */
import { readFileSync } from 'node:fs';

interface AssertionResult {
  status: string;
  fullName: string;
}
interface FileResult {
  name: string;
  assertionResults: AssertionResult[];
}

const [reportPath, versionPattern, ...files] = process.argv.slice(2);
if (!reportPath || !versionPattern || files.length === 0) {
  console.error('usage: check-neo4j-report.ts REPORT.json VERSION_PATTERN FILE...');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { testResults: FileResult[] };
const version = new RegExp(`Neo4j ${versionPattern}`);
let passed = 0;
let failed = 0;
const problems: string[] = [];
for (const file of files) {
  const result = report.testResults.find((r) => r.name.endsWith(file));
  if (!result) {
    problems.push(`${file}: not in the report (did not run)`);
    continue;
  }
  const count = (status: string) => result.assertionResults.filter((a) => a.status === status).length;
  const ok = count('passed');
  const bad = count('failed');
  const skipped = result.assertionResults.length - ok - bad;
  const onVersion = result.assertionResults.filter((a) => version.test(a.fullName)).length;
  passed += ok;
  failed += bad;
  console.log(`${file}: ${ok} passed, ${bad} failed, ${skipped} skipped, ${onVersion} named for a server matching ${version.source}`);
  if (ok === 0) problems.push(`${file}: no test passed`);
  if (bad > 0) problems.push(`${file}: ${bad} failed`);
  if (skipped > 0) problems.push(`${file}: ${skipped} skipped or not run (no server?)`);
  if (onVersion === 0) problems.push(`${file}: no suite ran on a server matching ${version.source}`);
}
for (const problem of problems) console.error(`neo4j check: ${problem}`);
console.log(`neo4j: ${passed} passed, ${failed + problems.length} failed`);
process.exit(problems.length > 0 ? 1 : 0);
