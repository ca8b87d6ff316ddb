#!/usr/bin/env bash
# Run every benchmark on tiny input (--smoke), printing each one's wall time; stop at the
# first failure and show the end of its output. Results go to a temporary file, never to
# bench/RESULTS.md.
#   bench/smoke.sh [name ...]     # e.g. bench/smoke.sh ingest web; default: all of them
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
NAMES=("$@")
[ ${#NAMES[@]} -gt 0 ] || NAMES=(ingest repair search pairs search_quality semantic_models entities stories web crash query_length load passages trends scale)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }

total=0
for name in "${NAMES[@]}"; do
    began=$(date +%s%N)
    status=0
    "$PYTHON" "bench/$name.py" --smoke --results "$work/RESULTS.md" >"$work/$name.log" 2>&1 \
        || status=$?
    ms=$((($(date +%s%N) - began) / 1000000))
    total=$((total + ms))
    if [ "$status" -ne 0 ]; then
        printf 'FAIL %-15s %6s s  (exit %d)\n' "$name" "$(seconds $ms)" "$status"
        tail -n 40 "$work/$name.log"
        exit "$status"
    fi
    printf 'ok   %-15s %6s s  %s\n' "$name" "$(seconds $ms)" "$(grep -m1 '^skipped:' "$work/$name.log" || true)"
done
printf 'bench smoke: %d passed in %s s\n' "${#NAMES[@]}" "$(seconds $total)"
