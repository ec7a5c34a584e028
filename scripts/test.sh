#!/usr/bin/env bash
# The README's test command: sets up what is missing, then runs every test (unit, sandbox servers,
# provider against the sandbox, real-engine end-to-end). Exits non-zero when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(bash scripts/setup.sh)"
export PATH="$bin:$PWD/node_modules/.bin:$PATH" CXONE_OKTA_PULUMI_BIN="$bin"
# The browser test drives Debian's Chromium; a failed install makes that test fail, not the run stop.
bash scripts/install-browser.sh >&2 || echo "[test] WARNING: could not install chromium; the browser test will fail" >&2
echo "[test] node $(node --version), $(pulumi version 2>/dev/null || echo 'pulumi missing')"
# One style for the whole tree: the linter and the formatter fail the run like a test does.
lint() {
  npx eslint . || return 1
  npx prettier --check . >/dev/null && return 0
  npx prettier --check . 2>&1 | tail -20 || true # pipefail: prettier's failure is known; show the hint
  echo "[test] run: npx prettier --write ."
  return 1
}
# test/README.md: every test file is test/<area>/<module>.<layer>.test.ts; a file without a layer
# would run in no layer's glob, so it fails the run here.
stray="$(find test -name '*.test.ts' | grep -vE '\.(unit|http|conformance|engine)\.test\.ts$' || true)"
[ -z "$stray" ] || { echo "[test] test files without a layer (see test/README.md):" >&2; echo "$stray" >&2; exit 1; }
# Files named: lint, then exactly those, in one mocha.
if [ $# -gt 0 ]; then
  echo "[test] lint (eslint) and format (prettier --check)"
  lint >&2
  exec mocha "$@"
fi
# The linter runs on one core: beside the fast layers, not before them (about 30 s less). Its
# output is shown when it ends; either failing fails the run before the engine layer.
echo "[test] lint (eslint) and format (prettier --check), beside the fast layers"
lintlog="$(mktemp)"
lint >"$lintlog" 2>&1 &
lintpid=$!
# The fast layers first (a failure there shows in a minute), two files at once (one per core; a
# file's own tests stay in order; each suite starts its own servers on free ports). The real engine
# last, two files at once too: each file's stacks have their own sandbox, backend, stack names and
# program directory (test/README.md). CXONE_OKTA_ENGINE_JOBS=1 runs them one at a time.
fast_rc=0
mocha --parallel --jobs "${CXONE_OKTA_TEST_JOBS:-2}" \
  "dist/test/**/*.unit.test.js" "dist/test/**/*.conformance.test.js" "dist/test/**/*.http.test.js" \
  || fast_rc=$?
lint_rc=0
wait "$lintpid" || lint_rc=$?
cat "$lintlog" >&2
rm -f "$lintlog"
[ "$fast_rc" -eq 0 ] || exit "$fast_rc"
[ "$lint_rc" -eq 0 ] || { echo "[test] lint or format failed (above)" >&2; exit 1; }
echo "[test] lint and format: clean"
# The longest engine files are dealt first (about a minute each, test/README.md), so the two
# workers end together instead of one waiting on a long file dealt last; the rest in name order.
longest=(scripts/demo integration/faults examples/yaml integration/drift integration/keyRotation
  integration/attributeMappings program/main cxone/resources langhost/main integration/variants
  integration/provisioning integration/unknownConnection)
engine=()
for f in "${longest[@]}"; do [ ! -f "dist/test/$f.engine.test.js" ] || engine+=("dist/test/$f.engine.test.js"); done
while IFS= read -r f; do
  [[ " ${engine[*]} " == *" $f "* ]] || engine+=("$f")
done < <(find dist/test -name '*.engine.test.js' | LC_ALL=C sort)
engine_jobs="${CXONE_OKTA_ENGINE_JOBS:-2}"
[ "$engine_jobs" -gt 1 ] || exec mocha "${engine[@]}"
exec mocha --parallel --jobs "$engine_jobs" "${engine[@]}"
