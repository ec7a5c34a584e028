#!/usr/bin/env bash
# `npm run pulumi -- <args>`: plain `pulumi` with this project's toolchain on PATH (the CLI, and the
# Node.js language host where Pulumi came without one) and, unless set, the repository's local
# backend (.pulumi-local/backend). The same as `export PATH="$(bash scripts/toolchain.sh):$PATH"`
# and then `pulumi <args>`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(bash scripts/toolchain.sh 2>/dev/null)" || { bash scripts/toolchain.sh >/dev/null; exit 1; }
export PATH="$bin:$PWD/node_modules/.bin:$PATH"
if [ -z "${PULUMI_BACKEND_URL:-}" ]; then
  # the CLI refuses a file backend whose folder does not exist yet (a fresh clone has none)
  mkdir -p "$PWD/.pulumi-local/backend"
  export PULUMI_BACKEND_URL="file://$PWD/.pulumi-local/backend"
fi
export PULUMI_SKIP_UPDATE_CHECK="${PULUMI_SKIP_UPDATE_CHECK:-true}"
# The plugin download site is unreachable here: a missing Okta plugin fails fast instead of after a
# 10 s wait (only the pulumi-okta mode needs it; install it with `pulumi plugin install`).
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="${PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION:-true}"
cd "${INIT_CWD:-$PWD}"
exec pulumi "$@"
