// Writes jest's totals to test-reports/summary.json so .ci/run can print the plain
// "N passed, N failed" line that CI reads (jest's own summary is not read).
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(this.rootDir, 'test-reports');
    fs.mkdirSync(dir, { recursive: true });
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const summary = {
      passed: results.numPassedTests,
      failed,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
    };
    fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary) + '\n');
  }
}

module.exports = SummaryReporter;
