#!/bin/sh
# Installs Debian's Chromium for the browser test (test/browser/) when it is not already there.
# The test itself skips with a message when Chromium or playwright-core is missing.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-chromium: /usr/bin/chromium is missing; run this script as root to install it" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
