#!/usr/bin/env bash
# Installs the headless browser the browser test drives (test/integration/browserSignIn.engine.test.ts): Debian's
# Chromium at /usr/bin/chromium, never a browser downloaded by Playwright. Idempotent: does
# nothing when it is already there. Needs root (or sudo) for apt-get.
set -euo pipefail
BROWSER=/usr/bin/chromium
if [ -x "$BROWSER" ]; then
    echo "[install-browser] $BROWSER already installed ($("$BROWSER" --version 2>/dev/null || echo 'version unknown')); nothing to do"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "[install-browser] $BROWSER is missing and this user is not root: run as root: apt-get update && apt-get install -y chromium" >&2
        exit 1
    fi
fi
echo "[install-browser] $BROWSER missing: apt-get update && apt-get install -y chromium"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium
if [ ! -x "$BROWSER" ]; then
    echo "[install-browser] apt-get finished but $BROWSER is still missing" >&2
    exit 1
fi
echo "[install-browser] installed $("$BROWSER" --version 2>/dev/null || echo "$BROWSER")"
