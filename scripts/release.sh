#!/usr/bin/env bash
# Builds portal's release archive for this machine:
#   dist/portal-<version>-linux-<arch>.tar.gz   portal-<version>-linux-<arch>/bin/portal, README.md (and LICENSE when there is one)
#   dist/portal-<version>-linux-<arch>.tar.gz.sha256
# The binary links the Swift runtime, Foundation and cmark-gfm statically and needs
# only glibc and libstdc++ (checked below with ldd). It is built without the
# Highlighting trait: KSyntaxHighlighting and Qt 5 have no static libraries on
# Debian, so the archive's portal prints code blocks plain (see README, "Install").
#
# Needs: a Swift 6.1+ toolchain, libcmark-gfm-dev and libcmark-gfm-extensions-dev,
# binutils (ar, strip, objdump), git.
#
#   scripts/release.sh [--output DIR]          build, strip, pack, check
#   scripts/release.sh --pack BINARY [--output DIR]
#                                              pack a binary built elsewhere (tests)
#
# Version: the VERSION file; a vX.Y.Z tag on HEAD must agree with it.
# Release address baked into `portal init`'s workflow: $PORTAL_RELEASES_URL, else
# the GitHub repository the release workflow runs in ($GITHUB_REPOSITORY), else the
# origin remote when it is on github.com.
set -euo pipefail
cd "$(dirname "$0")/.."

output=dist
pack=""
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="$2"; shift 2 ;;
    --pack) pack="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

tag=$(git describe --exact-match --tags HEAD 2>/dev/null || true)
# In the release workflow the tag is also the ref that started the run.
if [ -z "$tag" ] && [ "${GITHUB_REF_TYPE:-}" = tag ]; then tag="${GITHUB_REF_NAME:-}"; fi
version=$(tr -d ' \n' < VERSION)
case "$tag" in
  v[0-9]*)
    if [ "${tag#v}" != "$version" ]; then
      echo "release.sh: the tag $tag does not match VERSION ($version): bump VERSION and BuildInfo.swift, then tag" >&2
      exit 1
    fi ;;
esac
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit+changes"; fi
arch=$(uname -m)
name="portal-${version}-linux-${arch}"

releases="${PORTAL_RELEASES_URL:-}"
if [ -z "$releases" ] && [ -n "${GITHUB_REPOSITORY:-}" ]; then
  releases="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY}/releases/download"
fi
if [ -z "$releases" ]; then
  origin=$(git remote get-url origin 2>/dev/null || true)
  if [[ "$origin" =~ github\.com[:/]([^/]+)/([^/]+)$ ]]; then
    releases="https://github.com/${BASH_REMATCH[1]}/${BASH_REMATCH[2]%.git}/releases/download"
  fi
fi

work=$(mktemp -d)
info=Sources/PortalCLI/BuildInfo.swift
restore() {
  if [ -f "$work/BuildInfo.swift" ]; then cp -p "$work/BuildInfo.swift" "$info"; fi
  rm -rf "$work"
}
trap restore EXIT

if [ -z "$pack" ]; then
  echo "== portal $version ($commit), linux-$arch"
  # cmark-gfm's two static libraries, merged into one archive (the extensions call
  # into the core) under both names, in a folder with no shared library; a
  # libcmark-gfm.pc there, first on PKG_CONFIG_PATH, puts the folder first on the
  # link line, ahead of the system's libcmark-gfm.so. A fixed folder keeps the flags,
  # and so the incremental build, the same from one run to the next.
  libdir=$(pkg-config --variable=libdir libcmark-gfm 2>/dev/null || echo "/usr/lib/$(uname -m)-linux-gnu")
  for lib in libcmark-gfm.a libcmark-gfm-extensions.a; do
    test -f "$libdir/$lib" || { echo "release.sh: $libdir/$lib missing (apt-get install libcmark-gfm-dev libcmark-gfm-extensions-dev)" >&2; exit 1; }
  done
  static="$PWD/.build/release-archive/cmark-static"
  rm -rf "$static"
  mkdir -p "$static"
  printf 'CREATE %s\nADDLIB %s\nADDLIB %s\nSAVE\nEND\n' "$static/libcmark-gfm.a" \
    "$libdir/libcmark-gfm.a" "$libdir/libcmark-gfm-extensions.a" | ar -M
  cp "$static/libcmark-gfm.a" "$static/libcmark-gfm-extensions.a"
  cat > "$static/libcmark-gfm.pc" <<EOF
Name: libcmark-gfm
Description: cmark-gfm, linked statically into portal's release binary
Version: $(pkg-config --modversion libcmark-gfm 2>/dev/null || echo 0)
Libs: -L$static -lcmark-gfm -lcmark-gfm-extensions
Cflags: $(pkg-config --cflags libcmark-gfm 2>/dev/null || true)
EOF
  export PKG_CONFIG_PATH="$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

  cp -p "$info" "$work/BuildInfo.swift"
  cat > "$info" <<EOF
// Written by scripts/release.sh for the release build; the file in git says "built from source".
enum BuildInfo {
    static let version = "$version"
    static let commit: String? = "$commit"
    static let releases = "${releases:-https://github.com/OWNER/portal/releases/download}"
}
EOF
  # PORTAL_CMARK_STATIC: see Sources/CCmarkParsing/parsing.c (parses one at a time).
  flags=(-c release --product portal --scratch-path .build/release-archive
         --static-swift-stdlib --disable-default-traits
         -Xcc -DPORTAL_CMARK_STATIC)
  started=$SECONDS
  swift build "${flags[@]}"
  echo "release build took $((SECONDS - started)) s"
  binary="$(swift build "${flags[@]}" --show-bin-path)/portal"
  cp -p "$work/BuildInfo.swift" "$info"
  rm "$work/BuildInfo.swift"
else
  binary="$pack"
fi

stage="$work/stage/$name"
mkdir -p "$stage/bin" "$output"
cp "$binary" "$stage/bin/portal"
strip "$stage/bin/portal"
cp README.md "$stage/"
if [ -f LICENSE ]; then cp LICENSE "$stage/"; fi
# The same files give the same archive: names sorted, owner and times fixed.
stamp=$(git log -1 --format=%ct 2>/dev/null || echo 0)
tar -C "$work/stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -cf - "$name" \
  | gzip -n -9 > "$output/$name.tar.gz"
(cd "$output" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

if [ -z "$pack" ]; then
  echo "== what the binary links"
  ldd "$stage/bin/portal"
  if ldd "$stage/bin/portal" | grep -Ei 'swift|foundation|cmark|qt5|kf5|icu'; then
    echo "release.sh: the binary links a library the archive does not ship" >&2
    exit 1
  fi
  glibc=$(objdump -T "$stage/bin/portal" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sort -uV | tail -1)
  echo "oldest glibc it runs on: ${glibc#GLIBC_}"
  "$stage/bin/portal" --version
fi
echo "size of bin/portal: $(stat -c %s "$stage/bin/portal") bytes"
echo "wrote $output/$name.tar.gz ($(stat -c %s "$output/$name.tar.gz") bytes) and $name.tar.gz.sha256"
