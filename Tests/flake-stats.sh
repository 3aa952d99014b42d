#!/usr/bin/env bash
# Flake statistics for the graded suites: runs each suite against the
# reference solution, and against every mutant, many times, straight from the
# compiled test binaries (normal lane and, for exercises listed under
# "threadSanitizer" in Tests/grading.json, the ThreadSanitizer lane).
#
#   Tests/flake-stats.sh [REFERENCE_RUNS] [MUTANT_RUNS] [ONLY]
#
# ONLY (optional) limits the run to subjects whose name contains it, e.g.
# "Race" or "mutant". Prints one line per subject: how many runs came out as
# expected (reference: passed; mutant: failed in at least one lane).
set -euo pipefail
cd "$(dirname "$0")/.."
reference_runs=${1:-200}
mutant_runs=${2:-20}
only=${3:-}
swift build --product workbook >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
normal=.build/workbook/flake/.build/debug/GradingPackageTests.xctest
sanitized=.build/workbook/flake-tsan/.build/debug/GradingPackageTests.xctest
tsan_exercises=$(python3 -c 'import json;print(" ".join(x.capitalize() for x in json.load(open("Tests/grading.json")).get("threadSanitizer",[])))')

# prepare FOLDER: grade it once so both lanes' binaries hold its code.
prepare() {
    swift run workbook grade --workspace flake --output "$scratch/out" "$1" >/dev/null 2>&1 || true
}

# passes EXERCISE: 0 if the suite passes in every lane that applies.
passes() {
    local filter="$1Tests\\."
    timeout 120 "$normal" --testing-library swift-testing --filter "$filter" >/dev/null 2>&1 || return 1
    if [[ " $tsan_exercises " == *" $1 "* ]]; then
        TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
            timeout 300 "$sanitized" --testing-library swift-testing --filter "$filter" >/dev/null 2>&1 || return 1
    fi
}

if [[ -z "$only" || "reference" == *"$only"* || "$only" != mutant* ]]; then
    mkdir -p "$scratch/reference/Exercises" && cp -r Solutions/* "$scratch/reference/Exercises/"
    prepare "$scratch/reference"
    for exercise in $(ls Solutions); do
        [[ -n "$only" && "reference $exercise" != *"$only"* ]] && continue
        ok=0
        for _ in $(seq "$reference_runs"); do passes "$exercise" && ok=$((ok + 1)); done
        echo "reference $exercise: passed $ok/$reference_runs"
    done
fi

for mutant in Tests/Mutants/*/*/; do
    exercise=$(basename "$(dirname "$mutant")")
    subject="mutant $exercise/$(basename "$mutant")"
    [[ -n "$only" && "$subject" != *"$only"* ]] && continue
    rm -rf "$scratch/mutant" && mkdir -p "$scratch/mutant/Exercises"
    cp -r Solutions/* "$scratch/mutant/Exercises/" && cp "$mutant"*.swift "$scratch/mutant/Exercises/$exercise/"
    prepare "$scratch/mutant"
    caught=0
    for _ in $(seq "$mutant_runs"); do passes "$exercise" || caught=$((caught + 1)); done
    echo "$subject: failed $caught/$mutant_runs"
done
