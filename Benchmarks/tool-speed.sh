#!/usr/bin/env bash
# Tool speed: how long the workbook's own commands take, each beside the
# naive way it replaces, measured in the same run and printed as a ratio.
#
#   bash Benchmarks/tool-speed.sh
#
# Settings (environment): RUNS (timed runs of each fast command, default 3),
# COLD_RUNS (default 1), BATCH (submissions in the batch, default 30),
# NAIVE_GRADE_RUNS (fresh-copy `swift test` runs, default 1; 0 skips them),
# SECTIONS (default "check grade verdict render": which parts to run).
# Each figure is the median wall-clock time of its runs. The naive batch is
# BATCH × the naive single grading (printed as an estimate): running 30
# fresh builds of the whole package would take hours on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
COLD_RUNS=${COLD_RUNS:-1}
BATCH=${BATCH:-30}
NAIVE_GRADE_RUNS=${NAIVE_GRADE_RUNS:-1}
SECTIONS=${SECTIONS:-check grade verdict render}
WORK=$(mktemp -d /tmp/tool-speed.XXXXXX)
LOG="$WORK/log"
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# median N CMD...: runs CMD N times (output to the log) and prints the median seconds.
median() {
    local runs=$1; shift
    local times=() start
    for ((i = 0; i < runs; i++)); do
        start=$(now)
        if ! "$@" >>"$LOG" 2>&1; then echo "failed: $*" >&2; tail -30 "$LOG" >&2; exit 1; fi
        times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }
row() { printf '%-58s %9s s   %-52s\n' "$1" "$2" "$3"; }
compare() { # name, tool seconds, tool command, naive seconds, naive command
    row "$1: workbook" "$2" "$3"
    row "$1: naive" "$4" "$5"
    printf '%-58s %9s\n\n' "$1: naive ÷ workbook" "$(ratio "$4" "$2")"
}

echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(swift --version 2>&1 | head -1), $(date -u +%FT%TZ)"
echo "median wall-clock seconds; RUNS=$RUNS COLD_RUNS=$COLD_RUNS BATCH=$BATCH NAIVE_GRADE_RUNS=$NAIVE_GRADE_RUNS"
echo
swift build --product workbook >>"$LOG" 2>&1

wants() { [[ " $SECTIONS " == *" $1 "* ]]; }
# The naive grading: a fresh copy of the repository with the submission's
# exercises, and `swift test` (which builds everything from scratch).
naive_grade() {
    local copy="$WORK/naive-copy"
    rm -rf "$copy" && mkdir -p "$copy"
    git ls-files -z | xargs -0 cp --parents -t "$copy"
    for dir in Solutions/*/; do cp "$dir"*.swift "$copy/Exercises/$(basename "$dir")/"; done
    (cd "$copy" && swift test --disable-default-traits --skip WorkbookKitTests)
}

# 1. Checking the book's code blocks.
if wants check; then
check() { swift run workbook check --skip-suites; }
cold_check() { rm -rf .build/workbook && check; }
cold=$(median "$COLD_RUNS" cold_check)
warm=$(median "$RUNS" check)
# The naive way: one `swiftc -swift-version 6` per block, in series, on the
# sources `workbook check` wrote into its cache, then each program run with
# a 2 s limit (kind to the naive way: check gives a program up to 10 s and
# a deadlock example 2 s). It compares no output; check does.
naive_check() {
    for main in .build/workbook/examples/*/main.swift; do
        rm -f "$WORK/block"
        swiftc -swift-version 6 "$main" -o "$WORK/block" >/dev/null 2>&1 || true
        [[ -x "$WORK/block" ]] && { timeout 2 "$WORK/block" >/dev/null 2>&1 || true; }
    done
    return 0
}
blocks=$(ls .build/workbook/examples/*/main.swift | wc -l)
naive=$(median "$RUNS" naive_check)
compare "check --skip-suites, warm" "$warm" "swift run workbook check --skip-suites" \
    "$naive" "swiftc -swift-version 6 + run, per block ($blocks blocks)"
compare "check --skip-suites, cold" "$cold" "rm -rf .build/workbook && swift run workbook check --skip-suites" \
    "$naive" "same naive figure"

fi

# 2. Grading one submission, and a batch.
if wants grade; then
# Submissions are the reference with a line of their own in every file, so
# each one's modules are compiled afresh, as a real student's would be (the
# grader rewrites only files that changed: identical copies would not rebuild).
make_submission() { # folder, tag
    mkdir -p "$1" && cp -r Solutions "$1/Exercises"
    for file in "$1"/Exercises/*/*.swift; do echo "// submission $2" >>"$file"; done
}
grade() { swift run workbook grade --output "$WORK/graded" "$@"; }
next_submission() { # a new, distinct submission folder on every call
    local n; n=$(($(cat "$WORK/count" 2>/dev/null || echo 0) + 1)); echo "$n" >"$WORK/count"
    make_submission "$WORK/one/s$n" "one-$n" && echo "$WORK/one/s$n"
}
grade_one() { grade "$(next_submission)"; }
grade_one >>"$LOG" 2>&1 || true   # builds the grading workspace
one=$(median "$RUNS" grade_one)
if ((NAIVE_GRADE_RUNS > 0)); then
    naive_one=$(median "$NAIVE_GRADE_RUNS" naive_grade)
    compare "grade one changed submission, warm" "$one" "swift run workbook grade <folder>" \
        "$naive_one" "fresh copy of the repo + swift test"
else
    row "grade one changed submission, warm: workbook" "$one" "swift run workbook grade <folder>"
fi
for ((i = 1; i <= BATCH; i++)); do make_submission "$WORK/batch/s$i" "batch-$i"; done
batch=$(median 1 grade "$WORK"/batch/s*)
row "grade a batch of $BATCH, warm: workbook" "$batch" "swift run workbook grade <$BATCH folders>"
if ((NAIVE_GRADE_RUNS > 0)); then
    estimate=$(awk -v n="$BATCH" -v t="$naive_one" 'BEGIN { printf "%.0f", n * t }')
    row "grade a batch of $BATCH: naive (estimate: $BATCH × one)" "$estimate" "fresh copy + swift test, per submission"
    printf '%-58s %9s\n\n' "grade a batch of $BATCH: naive ÷ workbook" "$(ratio "$estimate" "$batch")"
fi

fi

# 3. Edit to verdict: a one-line edit of the lock exercise, then its verdict,
# beside `swift test` of the same exercise. Both work on the fresh copy the
# naive grading built (so `swift test` there is warm), never on this folder's
# Exercises/.
if wants verdict; then
copy="$WORK/naive-copy"
[[ -d "$copy/.build" ]] || naive_grade >>"$LOG" 2>&1 || true
lock_file="$copy/Exercises/Lock/Lock.swift"
edit() { echo "// edited at $(now)" >>"$lock_file"; }
tool_verdict() { edit && swift run workbook test lock --root "$copy"; }
naive_verdict() { edit && (cd "$copy" && swift test --disable-default-traits --filter LockTests); }
tool_verdict >>"$LOG" 2>&1 || true; naive_verdict >>"$LOG" 2>&1 || true   # warm both
verdict=$(median "$RUNS" tool_verdict)
naive_verdict_time=$(median "$RUNS" naive_verdict)
compare "edit to verdict, one exercise" "$verdict" "edit + swift run workbook test lock" \
    "$naive_verdict_time" "edit + swift test --filter LockTests (tests in parallel, no time limits)"
fi

# 4. Rendering the book, beside mkdocs on the same lessons, in the debug
# build that the README's `swift run workbook build` uses: through
# `swift run` (which first asks SwiftPM whether anything needs building),
# the same binary run directly, with the highlighting cache warm (the usual
# case: a render after an edit) and cold (no cache); and, if it has been
# built once (`swift build -c release --product workbook --scratch-path
# .build-release`, a few minutes the first time), the release build.
if wants render; then
render_direct() { .build/debug/workbook build --book-only --book-output "$WORK/book"; }
render_cold() { rm -f .build/workbook/highlighted-student.json && render_direct; }
render=$(median "$RUNS" swift run workbook build --book-only --book-output "$WORK/book")
cold_render=$(median "$RUNS" render_cold)
direct=$(median "$RUNS" render_direct)
python3 -m venv "$WORK/venv" >>"$LOG" 2>&1
"$WORK/venv/bin/pip" install -q mkdocs==1.6.1 >>"$LOG" 2>&1
mkdir -p "$WORK/mkdocs/docs" && cp book/[0-9][0-9]-*.md "$WORK/mkdocs/docs/"
printf 'site_name: Swift Threading Workbook\ndocs_dir: docs\nsite_dir: site\n' >"$WORK/mkdocs/mkdocs.yml"
mkdocs_build() { (cd "$WORK/mkdocs" && "$WORK/venv/bin/mkdocs" build -q); }
mkdocs_build >>"$LOG" 2>&1
mkdocs=$(median "$RUNS" mkdocs_build)
compare "render the book (debug build, warm cache)" "$direct" ".build/debug/workbook build --book-only" \
    "$mkdocs" "mkdocs 1.6.1 build, same lessons"
compare "render the book (debug build, no cache)" "$cold_render" "rm highlighted-student.json; .build/debug/workbook build --book-only" \
    "$mkdocs" "mkdocs 1.6.1 build, same lessons"
compare "render the book through swift run (warm cache)" "$render" "swift run workbook build --book-only" \
    "$mkdocs" "mkdocs 1.6.1 build, same lessons"
if [[ -d .build-release ]]; then
    swift build -c release --product workbook --scratch-path .build-release >>"$LOG" 2>&1
    release=$(median "$RUNS" .build-release/release/workbook build --book-only --book-output "$WORK/book")
    compare "render the book (release build)" "$release" ".build-release/release/workbook build --book-only" \
        "$mkdocs" "mkdocs 1.6.1 build, same lessons"
fi
fi
