/**
 * The Python bindings as pip would get them: `npx projen package:python` (scripts/package-python.sh) run on
 * a freshly jsii-compiled copy of the library, so the repo's own lib/ and .jsii are not raced by other tests.
 * Every module of the wheel and the sdist byte-compiles (py_compile), the wheel carries the jsii assembly
 * with the prebuilt handler bundles, and the names jsii would have mangled for Python are clean.
 *
 * Not imported: `import cdk_renewal_guard` needs the Python distributions jsii, publication, constructs
 * and aws-cdk-lib (the jsii runtime and the CDK's own bindings), which neither Debian nor the npm registry
 * serves, and these machines reach no Python package index. typing_extensions, the one other import, is in
 * Debian (python3-typing-extensions). Where PyPI is reachable, `pip install dist/python/*.whl` then
 * `python -c 'import cdk_renewal_guard'` is the check.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

let work: string;
let dist: string;
let wheel: string;
let sdist: string;

/** What npm pack and jsii read; node_modules is shared (read-only here). */
function copyProject(to: string): void {
  for (const entry of ['package.json', 'tsconfig.json', 'README.md', 'LICENSE', '.npmignore', 'src', 'bin', 'assets']) {
    fs.cpSync(path.join(ROOT, entry), path.join(to, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

async function python(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec(PYTHON, ['-c', script, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-python-'));
  const project = path.join(work, 'project');
  fs.mkdirSync(project);
  copyProject(project);
  await exec('npx', ['jsii', '--silence-warnings=reserved-word'], { cwd: project });
  dist = path.join(work, 'dist');
  await exec('bash', [path.join(ROOT, 'scripts', 'package-python.sh'), project, dist], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = fs.readdirSync(dist);
  wheel = path.join(dist, files.find((f) => f.endsWith('.whl')) ?? 'no wheel built');
  sdist = path.join(dist, files.find((f) => f.endsWith('.tar.gz')) ?? 'no sdist built');
}, 600_000);

afterAll(() => work && fs.rmSync(work, { recursive: true, force: true }));

describe('npx projen package:python', () => {
  it('builds one pure-Python wheel and one sdist of cdk-renewal-guard at the package version', () => {
    expect(fs.readdirSync(dist).sort()).toEqual([
      `cdk-renewal-guard-${VERSION}.tar.gz`,
      `cdk_renewal_guard-${VERSION}-py3-none-any.whl`,
    ]);
  });

  it('byte-compiles every module of the wheel and of the sdist', async () => {
    const compiled = await python(
      `
import pathlib, py_compile, sys, tarfile, tempfile, zipfile
wheel, sdist = sys.argv[1], sys.argv[2]
count = {}
for name, archive in (("wheel", wheel), ("sdist", sdist)):
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp)
        if name == "wheel":
            zipfile.ZipFile(archive).extractall(out)
        else:
            tarfile.open(archive).extractall(out)
        modules = sorted(out.rglob("*.py"))
        for module in modules:
            py_compile.compile(str(module), cfile=str(module) + "c", doraise=True)
        count[name] = sorted(str(m).split("cdk_renewal_guard", 1)[1] for m in modules if "/cdk_renewal_guard/" in str(m))
print(count)
`,
      wheel,
      sdist,
    );

    // the package and its jsii loader, in both archives (the sdist's setup.py compiled too, not listed)
    expect(compiled).toContain("'wheel': ['/__init__.py', '/_jsii/__init__.py']");
    expect(compiled).toContain("'sdist': ['/__init__.py', '/_jsii/__init__.py']");
  });

  it('carries the jsii assembly and the prebuilt handler bundles the constructs load', async () => {
    const listing = await python(
      `
import io, sys, tarfile, zipfile
wheel = zipfile.ZipFile(sys.argv[1])
name = "cdk_renewal_guard/_jsii/cdk-renewal-guard@" + sys.argv[2] + ".jsii.tgz"
members = tarfile.open(fileobj=io.BytesIO(wheel.read(name))).getnames()
print("\\n".join(members))
`,
      wheel,
      VERSION,
    );

    const members = listing.trim().split('\n');
    expect(members).toEqual(
      expect.arrayContaining([
        'package/.jsii',
        'package/lib/index.js',
        'package/assets/lambda/handlers/poll-and-evaluate/index.js',
        'package/assets/lambda/handlers/notify/index.js',
        'package/assets/lambda/synth/config-loader/index.js',
      ]),
    );
    expect(members.some((m) => m.startsWith('package/src/'))).toBe(false);
  });

  it('declares the runtime dependencies pip installs with it', async () => {
    const metadata = await python(
      `
import sys, zipfile
wheel = zipfile.ZipFile(sys.argv[1])
print(wheel.read(next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))).decode())
`,
      wheel,
    );

    expect(metadata).toMatch(/^Name: cdk-renewal-guard$/m);
    expect(metadata).toMatch(/^Requires-Python: >=3\.\d+$/m);
    const requires = metadata.match(/^Requires-Dist: [\w-]+/gm)?.map((r) => r.slice('Requires-Dist: '.length));
    expect(requires?.sort()).toEqual(['aws-cdk-lib', 'constructs', 'jsii', 'publication']);
  });

  it('gives QuietHours a Python keyword argument for the window start (from is reserved in Python)', async () => {
    const signature = await python(
      `
import ast, sys, zipfile
source = zipfile.ZipFile(sys.argv[1]).read("cdk_renewal_guard/__init__.py").decode()
quiet = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "QuietHours")
init = next(n for n in quiet.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
print([a.arg for a in init.args.kwonlyargs])
`,
      wheel,
    );

    expect(signature.trim()).toBe("['from_time', 'to']");
  });
});
