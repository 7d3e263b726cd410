#!/bin/sh
# Installs Debian's Chromium for the browser test (test/browser/) when it is not already there.
# Never fails the test run: without root or apt-get it says so, and the browser test skips.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); the browser test will skip" >&2
  exit 0
fi
if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }; then
  echo "setup-chromium: installing chromium failed; the browser test will skip" >&2
fi
exit 0
