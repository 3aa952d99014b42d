#!/usr/bin/env bash
# What the shaken-schedule lane adds: each exercise's check (`workbook check
# --exercise NAME --runs RUNS`, reference, stubs, mutants and accepted
# designs through the grader) and, per mutant, how many runs caught it with
# every lane and how many without the shaken schedule (the normal lane or
# ThreadSanitizer caught it). The check grades mutants the way it always
# does: the other lanes run only where the normal lane saw nothing, so both
# figures come from the same runs.
#
#   Tests/shake-stats.sh [RUNS] [EXERCISE…]     (default: 20 runs, every exercise)
#
# Prints the check's own lines for the reference and accepted designs, then
# one line per mutant: `caught with the lane, without it, of RUNS`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shift || true
exercises=("$@")
if [[ ${#exercises[@]} -eq 0 ]]; then
    read -r -a exercises <<<"$(python3 -c 'import json;print(" ".join(json.load(open("Tests/grading.json"))["shakenSchedule"]))')"
fi
swift build --product workbook >/dev/null 2>&1
for exercise in "${exercises[@]}"; do
    start=$(date +%s)
    output=$(swift run workbook check --skip-examples --exercise "$exercise" --runs "$runs" 2>/dev/null) || true
    grep -E '^  (solution|accepted|stub)' <<<"$output" || true
    grep -E '^  mutant ' <<<"$output" | sed -E 's/^  mutant ([^:]+): ([0-9]+)\/([0-9]+) as expected(, ([0-9]+) of them only with a shaken schedule)?.*/\1 \2 \3 \5/' |
        while read -r name caught total shaken_only; do
            printf '  %-60s with the lane %2d/%d, without %2d/%d\n' "$name" "$caught" "$total" "$((caught - ${shaken_only:-0}))" "$total"
        done
    grep -E 'error:' <<<"$output" || true
    echo "  ($exercise: $(( $(date +%s) - start )) s)"
done
