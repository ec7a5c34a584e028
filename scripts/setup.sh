#!/usr/bin/env bash
# Everything a fresh machine needs before running anything: npm packages (with Node 22 from the
# npm registry, see README "Node.js version"), the Pulumi engine (scripts/toolchain.sh), the build.
# Idempotent and quick when nothing changed. Prints the toolchain bin directory last.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi
bin="$(bash scripts/toolchain.sh)"
echo "[setup] build (tsc)" >&2
PATH="$PWD/node_modules/.bin:$PATH" npx tsc -p tsconfig.json >&2
echo "$bin"
