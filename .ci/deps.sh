#!/bin/sh
# Installs the Debian packages lede needs, only those that are missing.
# Called by `make deps` (and so by make, make test, make demo) and by .ci/run.
set -e
PKGS="gcc make pkg-config lua5.4 liblua5.4-dev lua-cjson lua-busted luarocks libstemmer-dev libutf8proc-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "lede: installing missing packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
