// Prints "PASSED FAILED" from a vitest JSON report. A test file that failed before running any
// test (an import or syntax error) counts as one failure, so a broken file never goes unseen.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const brokenFiles = report.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
console.log(report.numPassedTests, report.numFailedTests + brokenFiles);
