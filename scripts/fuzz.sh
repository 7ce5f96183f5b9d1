#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ with -sanitize=fuzzer,address and runs each,
# seeded from the project's own fixtures (copied into a temporary folder).
#
#   scripts/fuzz.sh [--seconds N | --runs N] [--release] [--no-build] [target…]
#
# --release optimises the fuzzers (several times the executions per second, but
# a much longer build): for long runs; CI uses the quick debug build. --no-build
# runs the fuzzers as last built.
# Targets: FuzzFrontMatter FuzzMarkdown FuzzData FuzzTemplates (default: all).
# Prints each target's executions; exits 1 if any target found a crash, a leak or a
# timeout, and leaves the input that did it in .build/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

limit=(-max_total_time=60)
config=(-c debug)
build=yes
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    # The fuzzers reach `package` declarations through @testable imports.
    --release) config=(-c release -Xswiftc -enable-testing); shift ;;
    --no-build) build=no; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(FuzzFrontMatter FuzzMarkdown FuzzData FuzzTemplates)

# Same dependency versions as the root package.
[ -f Fuzz/Package.resolved ] || { [ -f Package.resolved ] && cp Package.resolved Fuzz/Package.resolved; } || true

flags=("${config[@]}" --package-path Fuzz
  -Xswiftc -sanitize=fuzzer,address
  -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address)
if [ $build = yes ]; then
  echo "== build the fuzzers"
  build_start=$SECONDS
  # The package holds only the fuzzers (and the layers they link): build them all.
  build_log=$(mktemp)
  if ! swift build "${flags[@]}" >"$build_log" 2>&1; then
    grep -v "Cannot export local symbol" "$build_log" | tail -40; rm -f "$build_log"; exit 1
  fi
  rm -f "$build_log"
  echo "built in $((SECONDS - build_start)) s"
fi
bin=$(swift build "${flags[@]}" --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=$root/.build/fuzz-artifacts
mkdir -p "$artifacts"

# Copies the files `find` lists into a corpus folder, each prefixed with `prefix`
# (a selector byte, for FuzzData).
seed() { # folder prefix find-arguments…
  local folder=$1 prefix=$2; shift 2
  mkdir -p "$folder"
  local n=0
  while IFS= read -r -d '' file; do
    n=$((n + 1))
    { printf "$prefix"; cat "$file"; } > "$folder/seed-$n"
  done < <(find "$@" -type f -size -64k -print0 2>/dev/null)
}

corpus() { # target -> folder of seeds
  local dir=$work/$1
  case "$1" in
    FuzzFrontMatter|FuzzMarkdown)
      seed "$dir" "" content Tests/Fixtures \( -name '*.md' -o -name '*.txt' \)
      [ "$1" = FuzzFrontMatter ] || seed "$dir/html" "" Templates Tests/Fixtures -name '*.mustache' ;;
    FuzzData)
      seed "$dir/site" '\000' . -path ./.build -prune -o -path ./Fuzz -prune -o -name site.toml
      seed "$dir/authors-toml" '\001' data Tests/Fixtures -name 'authors.toml'
      seed "$dir/authors-yaml" '\002' data Tests/Fixtures \( -name 'authors.yml' -o -name 'authors.yaml' \)
      printf '\002ada:\n  name: Ada\n  url: https://example.org\n  socials:\n    github: ada\n  names:\n    zh-Hans: 阿达\n' > "$dir/authors-yaml-inline"
      seed "$dir/tags" '\003' data Tests/Fixtures -name 'tags.toml' ;;
    FuzzTemplates)
      seed "$dir" "" Templates Tests/Fixtures -name '*.mustache' ;;
    *) echo "unknown target $1" >&2; return 1 ;;
  esac
  # libFuzzer reads the seeds of every folder given; new inputs go to the first.
  find "$dir" -mindepth 1 -type d -printf '%p\n' | sort
}

status=0
summary=()
# A Swift runtime trap is a plain signal for libFuzzer, not a walk of the backtracer.
export SWIFT_BACKTRACE=enable=no
for target in "${targets[@]}"; do
  echo "== $target"
  extra=$(corpus "$target")
  # The two targets that parse TOML and YAML check leaks at exit only, which keeps them
  # at thousands of inputs a second (set when TOMLKit leaked on every parse; not re-measured).
  case "$target" in
    FuzzFrontMatter|FuzzData) leaks=-detect_leaks=0 ;;
    *) leaks=-detect_leaks=1 ;;
  esac
  log=$work/$target.log
  start=$SECONDS
  set +e
  # shellcheck disable=SC2086
  "$bin/$target" "$work/$target" $extra "${limit[@]}" "$leaks" \
    -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$target-" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  line="$target: ${runs:-?} executions in $((SECONDS - start)) s"
  if [ $rc != 0 ]; then
    status=1
    line="$line, FAILED (exit $rc)"
    grep -E "ERROR|SUMMARY|Test unit written|Assertion|differs|idempotent|^(flat|full): |^    #[0-9]+ " "$log" | head -40
  fi
  echo "$line"
  summary+=("$line")
done
echo "== fuzzing summary"
printf '%s\n' "${summary[@]}"
exit $status
