#!/usr/bin/env bash
# Regenerate docs/screenshots/: builds the sample portal at the repository root,
# serves it on 127.0.0.1 and takes headless Chromium screenshots of the home
# page, a post, a tag page, a year archive and the search page with results, in
# zh-hans and en, at phone (390 px) and desktop (1280 px) widths: 20 PNGs.
#
# Needs: Swift, python3, Debian's `chromium` and a CJK font (fonts-noto-cjk).
# Run as root, it installs the last two with apt-get when they are missing.
#
# Usage: scripts/screenshots.sh [OUTPUT_DIR]    (default docs/screenshots)
#        COLOR_SCHEME=dark scripts/screenshots.sh /tmp/dark   (dark mode, for review)
# Another site and pages (no search page then), with a suffix on the file names:
#        SITE=Tests/Fixtures/sites/code PAGES="code|posts/client/" LANGS=en SUFFIX=-dark \
#        COLOR_SCHEME=dark scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
scheme=${COLOR_SCHEME:-light}
site=${SITE:-.}
suffix=${SUFFIX:-}

# Pages to shoot: name, path under each language.
if [ -n "${PAGES:-}" ]; then
  read -r -a pages <<<"$PAGES"
else
  pages=(
    "home|"
    "post|blog/2025-02-27-lantern-1-0/"
    "tag|tags/release/"
    "year|archives/2025/"
  )
fi
read -r -a langs <<<"${LANGS:-zh-hans en}"
# Width x height of the window. The phone height shows about two screens.
sizes=("phone|390,1400" "desktop|1280,1000")

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "screenshots need: ${need[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
  else
    echo "install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

echo "== build $site"
swift build --product portal
portal="$(swift build --show-bin-path)/portal"
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$portal" build --source "$site" --output "$work/public"

# Links are root-relative (/assets/style.css), so file:// would lose the CSS: serve it.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/public" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then break; fi
  sleep 0.1
done

flags=(--headless --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
  --force-device-scale-factor=1 --user-data-dir="$work/profile" --lang=en-US)
[ "$(id -u)" = 0 ] && flags+=(--no-sandbox)
# prefers-color-scheme: dark (Blink's value 0 is dark).
[ "$scheme" = dark ] && flags+=(--force-dark-mode --blink-settings=preferredColorScheme=0)

mkdir -p "$out"
out=$(cd "$out" && pwd)
# The search page runs the query in its address once the index has loaded.
search_query() { if [ "$1" = zh-hans ]; then echo "%E7%A4%BE%E5%8C%BA%E4%BC%9A%E8%AE%AE"; else echo "community%20meeting"; fi; }
for lang in "${langs[@]}"; do
  shots=("${pages[@]}")
  [ "$site" = . ] && [ -z "${PAGES:-}" ] && shots+=("search|search/?q=$(search_query "$lang")")
  for page in "${shots[@]}"; do
    name=${page%%|*}; path=${page#*|}
    # A page that moved would be shot as the server's "404": stop instead.
    if ! python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1])" "http://127.0.0.1:$port/$lang/$path" 2>/dev/null; then
      echo "screenshots: /$lang/$path is not in the built site" >&2
      exit 1
    fi
    for size in "${sizes[@]}"; do
      device=${size%%|*}; window=${size#*|}
      file="$out/$name-$lang-$device$suffix.png"
      chromium "${flags[@]}" --window-size="$window" --virtual-time-budget=5000 --screenshot="$file" \
        "http://127.0.0.1:$port/$lang/$path" >/dev/null 2>&1
      test -s "$file"
      echo "${file#"$PWD"/}"
    done
  done
done
