#!/usr/bin/env bash
# Runs ../shared/bench/compare.py with both tools writing into a fresh ext4 file
# system made with mkfs.ext4's defaults (journal on), on a loop file, so that the
# comparison does not depend on what the machine's /tmp went through before.
#
# On an ext4 volume without a journal, making a file right after many were deleted
# walks past every recently freed inode, and the benchmark deletes each tool's
# previous output just before its next run: there the kernel's share of both tools'
# times grows from run to run. See docs/PERFORMANCE.md.
#
# Needs root (mkfs, mount), python3 and the shared workspace beside the repository.
# Usage: sudo scripts/bench-journaled.sh [compare.py arguments, e.g. --posts 10000 --runs 3 --portal PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
compare=../shared/bench/compare.py
[ -f "$compare" ] || { echo "bench-journaled: $compare not found (the shared workspace sits beside the repository)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "bench-journaled: run as root (it makes and mounts a file system)" >&2; exit 2; }

size=${IMAGE_SIZE:-8G}
work=$(mktemp -d)
image="$work/ext4.img"
mnt="$work/mnt"
cleanup() {
  mountpoint -q "$mnt" && umount "$mnt"
  rm -rf "$work"
}
trap cleanup EXIT

truncate -s "$size" "$image"
mkfs.ext4 -q -F "$image"
mkdir -p "$mnt"
mount -o loop "$image" "$mnt"
mkdir -p "$mnt/tmp"
echo "== compare.py with TMPDIR on a journaled ext4 ($size loop file)"
TMPDIR="$mnt/tmp" python3 "$compare" "$@"
