/**
 * Cold module-init time of a bundle: a fresh `node` process requires it and reports how long the require
 * took (process start-up excluded), in wall-clock time and in CPU time of the process (all its threads,
 * so V8's background compilation counts). Nothing is set in the environment: the handlers need none at
 * import.
 */
import { runChild } from '../support/child-process';

export interface InitTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const PROBE =
  'const c=process.cpuUsage(),t=process.hrtime.bigint();require(process.argv[1]);' +
  'const w=Number(process.hrtime.bigint()-t)/1e6,u=process.cpuUsage(c);' +
  'process.stdout.write(JSON.stringify({wallMs:w,cpuMs:(u.user+u.system)/1e3})+"\\n")';

export async function moduleInit(file: string, options: { sourceMaps: boolean }): Promise<InitTime> {
  const flags = options.sourceMaps ? ['--enable-source-maps'] : [];
  return runChild<InitTime>(process.execPath, [...flags, '-e', PROBE, file], {
    label: 'module-init',
    inheritEnv: false,
  });
}
