#!/usr/bin/env bash
# Runs the C and C++ consumers built by `make test-c`: under AddressSanitizer + UBSan, and the
# shared-library builds under valgrind; the tree listing read through C must equal the one
# made from the JSON output.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/c"
data="$root/tests/data"
sample="$data/000_3e963503b18f6771.txt"
py="${PYTHON:-python3}"
jixiao="$root/target/debug/jixiao"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
valgrind_run() { valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$@"; }

passed=0
lines=0
for doc in "$data"/*.txt "$data"/*.docx "$data"/*.xlsx "$data"/*.xls "$data"/*.ods "$data"/real/*.wordtext.txt; do
  "$jixiao" parse -q "$doc" | "$py" "$root/tests/c/listing.py" > "$build/expected.txt"
  lines=$((lines + $(wc -l < "$build/expected.txt")))
  for mode in asan valgrind; do
    for how in path memory; do
      args=("$doc"); [ "$how" = memory ] && args=(--memory "$doc")
      if [ "$mode" = asan ]; then "$build/walk-asan" "${args[@]}" > "$build/walk-$mode-$how.txt"
      else valgrind_run "$build/walk" "${args[@]}" > "$build/walk-$mode-$how.txt"; fi
      diff -u "$build/expected.txt" "$build/walk-$mode-$how.txt"
      passed=$((passed + 1))
    done
  done
done
echo "walk: the C listing equals the JSON listing ($lines lines over tests/data and the real tables, $passed runs)"

# The findings read through C equal those of `jixiao check`, for every document.
reviewed=0
for doc in "$data"/*.txt "$data"/*.docx "$data"/*.xlsx "$data"/*.xls "$data"/*.ods "$data"/real/*.wordtext.txt; do
  "$jixiao" check -q --no-config --format json "$doc" | "$py" "$root/tests/c/findings.py" > "$build/findings-expected.txt" || true
  "$build/review-asan" "$doc" --list > "$build/findings-c.txt"
  diff -u "$build/findings-expected.txt" "$build/findings-c.txt"
  reviewed=$((reviewed + $(wc -l < "$build/findings-c.txt")))
done
echo "review: the C findings equal jixiao check's ($reviewed findings)"
"$build/review-asan" "$sample"
valgrind_run "$build/review" "$sample"

"$build/score-asan" "$data"
valgrind_run "$build/score" "$data"

docs=("$data"/*.txt "$data"/*.docx "$data"/*.xlsx "$data"/*.xls "$data"/*.ods "$data"/real/*.wordtext.txt)
"$build/flat-asan" "${docs[@]}"
valgrind_run "$build/flat" "${docs[@]}"

"$py" "$root/tests/c/exports.py"
"$build/hostile-asan" "$sample"
valgrind_run "$build/hostile" "$sample"

# Each hostile file of the amplification tests answers under a 2 GiB address-space limit.
"$build/amplify" "$build/hostile-files"/* > "$build/amplify.txt"
tail -1 "$build/amplify.txt"

"$build/errors-asan" "$data"
valgrind_run "$build/errors" "$data"
"$build/consumer-asan" "$sample"
valgrind_run "$build/consumer" "$sample"
echo "c: all consumers passed under ASan+UBSan and valgrind"
