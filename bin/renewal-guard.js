#!/usr/bin/env node
// The CLI ships prebuilt (esbuild) inside the package: see .projenrc.ts.
require('../assets/lambda/cli/main/index.js');
