#!/usr/bin/env bash
# Tool speed: how long the workbook's own commands take, each beside the
# naive way it replaces, measured in the same run and printed as a ratio.
#
#   bash Benchmarks/tool-speed.sh
#
# Settings (environment): RUNS (timed runs of each fast command, default 3),
# COLD_RUNS (default 2), BATCH (submissions in the batch, default 30),
# NAIVE_GRADE_RUNS (fresh-copy `swift test` runs, default 1; 0 skips them).
# Each figure is the median wall-clock time of its runs. The naive batch is
# BATCH × the naive single grading (printed as an estimate): running 30
# fresh builds of the whole package would take hours on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
COLD_RUNS=${COLD_RUNS:-2}
BATCH=${BATCH:-30}
NAIVE_GRADE_RUNS=${NAIVE_GRADE_RUNS:-1}
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

# 1. Checking the book's code blocks.
check() { swift run workbook check --skip-suites; }
cold_check() { rm -rf .build/workbook && check; }
cold=$(median "$COLD_RUNS" cold_check)
warm=$(median "$RUNS" check)
# The naive way: one `swiftc -swift-version 6` per block, in series, on the
# sources `workbook check` wrote into its cache (it compiles only, and the
# one ThreadSanitizer block without -sanitize=thread; check also runs the
# programs, about 5 s of its time).
naive_check() {
    for main in .build/workbook/examples/*/main.swift; do
        swiftc -swift-version 6 "$main" -o "$WORK/block" >/dev/null 2>&1 || true
    done
}
blocks=$(ls .build/workbook/examples/*/main.swift | wc -l)
naive=$(median "$RUNS" naive_check)
compare "check --skip-suites, warm" "$warm" "swift run workbook check --skip-suites" \
    "$naive" "swiftc -swift-version 6 per block ($blocks blocks, compile only)"
compare "check --skip-suites, cold" "$cold" "rm -rf .build/workbook && swift run workbook check --skip-suites" \
    "$naive" "same naive figure"

# 2. Grading one submission, and a batch.
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
naive_grade() {
    local copy="$WORK/naive-copy"
    rm -rf "$copy" && mkdir -p "$copy"
    git ls-files -z | xargs -0 cp --parents -t "$copy"
    for dir in Solutions/*/; do cp "$dir"*.swift "$copy/Exercises/$(basename "$dir")/"; done
    (cd "$copy" && swift test --disable-default-traits --skip WorkbookKitTests)
}
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

# 3. Edit to verdict: a one-line edit of the lock exercise, then its verdict,
# beside `swift test` of the same exercise in the same package (own build
# folder, warmed first). The student's file is put back afterwards.
lock_file=Exercises/Lock/Lock.swift
cp "$lock_file" "$WORK/Lock.swift.original"
trap 'cp "$WORK/Lock.swift.original" "$ROOT/$lock_file"; rm -rf "$WORK"' EXIT
cp Solutions/Lock/Lock.swift "$lock_file"
edit() { echo "// edited at $(now)" >>"$lock_file"; }
tool_verdict() { edit && swift run workbook test lock; }
naive_verdict() { edit && swift test --disable-default-traits --scratch-path .build/naive-verdict --filter LockTests; }
tool_verdict >>"$LOG" 2>&1 || true; naive_verdict >>"$LOG" 2>&1 || true   # warm both
verdict=$(median "$RUNS" tool_verdict)
naive_verdict_time=$(median "$RUNS" naive_verdict)
compare "edit to verdict, one exercise" "$verdict" "edit + swift run workbook test lock" \
    "$naive_verdict_time" "edit + swift test --filter LockTests"

# 4. Rendering the book, beside mkdocs on the same lessons.
# Only the render step when the tool has it (`--book-only`), else build (tangle, unchanged, + render).
render_flags=(); swift run workbook build --help 2>/dev/null | grep -q -- --book-only && render_flags=(--book-only)
render=$(median "$RUNS" swift run workbook build "${render_flags[@]}" --book-output "$WORK/book")
python3 -m venv "$WORK/venv" >>"$LOG" 2>&1
"$WORK/venv/bin/pip" install -q mkdocs==1.6.1 >>"$LOG" 2>&1
mkdir -p "$WORK/mkdocs/docs" && cp book/[0-9][0-9]-*.md "$WORK/mkdocs/docs/"
printf 'site_name: Swift Threading Workbook\ndocs_dir: docs\nsite_dir: site\n' >"$WORK/mkdocs/mkdocs.yml"
mkdocs_build() { (cd "$WORK/mkdocs" && "$WORK/venv/bin/mkdocs" build -q); }
mkdocs_build >>"$LOG" 2>&1
mkdocs=$(median "$RUNS" mkdocs_build)
row "render the book: workbook build ${render_flags[*]}" "$render" "swift run workbook build ${render_flags[*]}"
row "render the book: mkdocs 1.6.1 (same lessons)" "$mkdocs" "mkdocs build"
printf '%-58s %9s\n' "render: workbook ÷ mkdocs" "$(ratio "$render" "$mkdocs")"
