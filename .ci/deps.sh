#!/bin/sh
# Installs the Debian packages lede needs, only those that are missing, plus any named as
# arguments (`make fuzz` asks for clang). Called by `make deps` (and so by make, make test,
# make demo) and by .ci/run.
set -e
PKGS="$* gcc make pkg-config lua5.4 liblua5.4-dev lua-cjson lua-busted luarocks libstemmer-dev libutf8proc-dev zlib1g-dev libzstd-dev"
# The report tests: a browser that opens the HTML reports, a Markdown renderer for the md ones.
PKGS="$PKGS chromium cmark-gfm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
if [ -n "$missing" ]; then
  echo "lede: installing missing packages:$missing" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
fi

# Debian's luarocks defaults to Lua 5.1; lede is a Lua 5.4 module, so plain `luarocks make`
# must build for 5.4.
if [ "$(luarocks config lua_version 2>/dev/null)" != "5.4" ]; then
  echo "lede: making Lua 5.4 the default for luarocks" >&2
  $SUDO luarocks --lua-version=5.4 config --scope system lua_version 5.4 >/dev/null
fi
