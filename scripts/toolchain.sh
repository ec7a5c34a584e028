#!/usr/bin/env bash
# Makes the Pulumi engine available without the usual download site: the CLI is built from its Go
# modules (served by the Go module proxy), the dynamic-provider shim is copied out of the sdk/v3
# module. Builds are cached outside the repo; a second run rebuilds nothing.
# Prints the toolchain bin directory as its last line (scripts put it first on PATH).
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-v3.274.1}"
TOOLCHAIN_DIR="${CXONE_OKTA_TOOLCHAIN_DIR:-$HOME/.cache/cxone-okta-scim/toolchain}"
BIN="$TOOLCHAIN_DIR/bin"
WRAPPER="$TOOLCHAIN_DIR/wrapper-$PULUMI_VERSION"
mkdir -p "$BIN"

say() { echo "[toolchain] $*" >&2; }
fail() { echo "[toolchain] ERROR: $*" >&2; exit 1; }

# 1. pulumi CLI --------------------------------------------------------------------------------
have_version() { [ -x "$1" ] && [ "$("$1" version 2>/dev/null)" = "$PULUMI_VERSION" ]; }

if have_version "$BIN/pulumi"; then
  say "pulumi $PULUMI_VERSION: cached ($BIN/pulumi)"
elif onpath="$(command -v pulumi 2>/dev/null)" && have_version "$onpath"; then
  say "pulumi $PULUMI_VERSION: using the one on PATH ($onpath)"
  ln -sf "$onpath" "$BIN/pulumi"
else
  command -v go >/dev/null || fail "pulumi CLI: not on PATH and no Go toolchain to build it (install Go >= 1.26)"
  say "pulumi $PULUMI_VERSION: building from Go modules (cold: about 4 minutes on 2 cores)..."
  # pkg/v3's go.mod has relative replace directives, so 'go install pkg@version' is refused:
  # build from a throw-away wrapper module that pins pkg and sdk to the same release.
  mkdir -p "$WRAPPER"
  cat > "$WRAPPER/go.mod" <<MOD
module cxoneoktascim/toolchain

go 1.26

require (
	github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $PULUMI_VERSION
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
  printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"\n' > "$WRAPPER/tools.go"
  ( cd "$WRAPPER" && go mod tidy >"$WRAPPER/tidy.log" 2>&1 ) \
    || fail "pulumi CLI: 'go mod tidy' of the wrapper failed (see $WRAPPER/tidy.log): $(tail -3 "$WRAPPER/tidy.log")"
  ( cd "$WRAPPER" && CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
      -o "$BIN/pulumi.new" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >"$WRAPPER/build.log" 2>&1 ) \
    || fail "pulumi CLI: go build failed (see $WRAPPER/build.log): $(tail -3 "$WRAPPER/build.log")"
  mv "$BIN/pulumi.new" "$BIN/pulumi"
  have_version "$BIN/pulumi" || fail "pulumi CLI: built, but 'pulumi version' does not print $PULUMI_VERSION"
  say "pulumi $PULUMI_VERSION: built"
fi

# 2. dynamic-provider shim (a small sh script shipped inside the sdk/v3 module) ------------------
SHIM="$BIN/pulumi-resource-pulumi-nodejs"
if [ -x "$SHIM" ] && [ -f "$BIN/.shim-$PULUMI_VERSION" ]; then
  say "pulumi-resource-pulumi-nodejs: cached"
else
  sdkdir="$(cd "${WRAPPER}" 2>/dev/null || cd "$TOOLCHAIN_DIR"; GOFLAGS=-mod=mod go mod download -json "github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION" 2>/dev/null | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  [ -f "$sdkdir/nodejs/dist/pulumi-resource-pulumi-nodejs" ] \
    || fail "pulumi-resource-pulumi-nodejs: not found in github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION (dir: '${sdkdir:-none}')"
  install -m 755 "$sdkdir/nodejs/dist/pulumi-resource-pulumi-nodejs" "$SHIM"
  touch "$BIN/.shim-$PULUMI_VERSION"
  say "pulumi-resource-pulumi-nodejs: installed"
fi

# 3. Node.js language host and the Okta provider plugin: report, never fake -------------------------
# Neither is served by the Go module proxy here (see README, "What is real and what is not"). The
# language host is not needed: this project runs programs through the Automation API, whose Node SDK
# hosts the language runtime in-process. Copies on PATH (a normal Pulumi install) are used as they are.
# The proxy is asked again at most once a day; its answer is recorded, not assumed.
probe="$TOOLCHAIN_DIR/module-probe.txt"
if [ ! -f "$probe" ] || [ -n "$(find "$probe" -mmin +1440 2>/dev/null)" ]; then
  ( cd "$TOOLCHAIN_DIR" && for m in github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 \
        github.com/pulumi/pulumi-okta/provider/v7 github.com/okta/terraform-provider-okta; do
      echo "$m: $(GOFLAGS=-mod=mod timeout 60 go list -m -versions "$m" 2>&1 | tail -1 | tr -s ' \t' ' ')"
    done ) > "$probe" || true
fi
for tool in pulumi-language-nodejs pulumi-resource-okta; do
  if command -v "$tool" >/dev/null 2>&1; then
    say "$tool: on PATH ($(command -v "$tool"))"
  else
    case "$tool" in
      pulumi-language-nodejs) say "$tool: not available; stacks run in-process through the Automation API (npm run stack -- up)";;
      *) say "$tool: not available; stacks use this package's own Okta resources (okta:resources builtin)";;
    esac
  fi
done
say "Go module proxy answers for the modules they are built from (recorded in $probe):"
sed 's/^/[toolchain]   /' "$probe" >&2

echo "$BIN"
