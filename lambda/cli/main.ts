/** Entry point of the `renewal-guard` bin (bundled into assets/lambda/cli/main/index.js). */
import { runCli } from './program';

// The bundled SDK is pinned by our lockfile; its notice about future releases dropping Node 20 says
// nothing a CLI user can act on, so it stays out of their terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`renewal-guard: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
