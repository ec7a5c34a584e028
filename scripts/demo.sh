#!/usr/bin/env bash
# The README's main-job command: prepares the toolchain, then runs the demo (scripts/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(bash scripts/setup.sh)"
export PATH="$bin:$PWD/node_modules/.bin:$PATH"
exec node dist/scripts/demo.js "$@"
