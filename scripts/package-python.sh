#!/usr/bin/env bash
# `npx projen package:python`: the jsii Python bindings as an sdist and a wheel, checked by twine.
#
#   scripts/package-python.sh [PROJECT_DIR [OUT_DIR]]     (defaults: the repo, PROJECT_DIR/dist/python)
#
# jsii-pacmak generates the Python package (its own Python target, from PROJECT_DIR's .jsii and npm
# tarball); the build is done here rather than by jsii-pacmak, because jsii-pacmak's build step first runs
# `pip install -r requirements-dev.txt` with exact pins (setuptools~=75.3.2, build~=1.5.0, twine~=7.0.0)
# and this project's machines reach no Python package index, only npm and Debian. The same build runs on
# Debian's tools: `python3 -m build` (python3-build) with setuptools and wheel (python3-setuptools,
# python3-wheel), then `twine check --strict` (twine). The pyproject's build-system pins are those
# versions of jsii-pacmak's, which Debian does not ship, so the build runs without isolation and without
# that version check (--no-isolation --skip-dependency-check); the wheel is an ordinary py3-none-any one.
#
# PYTHON names the interpreter (default /usr/bin/python3, where Debian's packages install). When one of
# those modules is missing and this runs as root with apt-get (and RENEWAL_GUARD_NO_APT is unset), the
# Debian packages are installed; otherwise it stops and says what to install.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
project="$(cd "${1:-$root}" && pwd)"
out="${2:-$project/dist/python}"
python="${PYTHON:-/usr/bin/python3}"
debian_packages=(python3-build python3-setuptools python3-wheel twine)

fail() {
  echo "package:python: $*" >&2
  exit 1
}

[ -f "$project/.jsii" ] || fail "no .jsii in $project: compile first (npx projen compile)"
command -v "$python" >/dev/null || fail "no Python at $python (set PYTHON, or apt-get install python3)"

missing_modules() {
  "$python" - <<'EOF'
import importlib.util
print(" ".join(m for m in ("build", "setuptools", "wheel", "twine") if importlib.util.find_spec(m) is None))
EOF
}

# apt-get waits for a dpkg lock another installer holds (the browser tests install Chromium the same way)
apt_install() {
  apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${debian_packages[@]}" >/dev/null 2>&1
}

missing="$(missing_modules)"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ -z "${RENEWAL_GUARD_NO_APT:-}" ]; then
    echo "package:python: $python lacks $missing; installing Debian's ${debian_packages[*]}"
    apt_install || { apt-get -o DPkg::Lock::Timeout=300 update >/dev/null 2>&1 && apt_install; } ||
      fail "apt-get could not install ${debian_packages[*]}"
    missing="$(missing_modules)"
  fi
  [ -z "$missing" ] || fail "$python lacks the modules $missing: apt-get install ${debian_packages[*]}"
fi

generated="$(mktemp -d "${TMPDIR:-/tmp}/renewal-guard-python.XXXXXX")"
trap 'rm -rf "$generated"' EXIT

echo "package:python: generating the bindings (jsii-pacmak --target python --code-only)"
(cd "$project" && "$root/node_modules/.bin/jsii-pacmak" --target python --code-only --outdir "$generated")

rm -rf "$out"
mkdir -p "$out"
echo "package:python: building the sdist and wheel with $("$python" --version) and setuptools $("$python" -c 'import setuptools; print(setuptools.__version__)')"
"$python" -m build --no-isolation --skip-dependency-check --outdir "$out" "$generated/python"
"$python" -m twine check --strict "$out"/*
ls -l "$out"
