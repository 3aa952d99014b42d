#!/usr/bin/env bash
# What synchronization costs: runs the primitive benchmarks (locks,
# semaphores, the race exercise's fixes) with ordo-one/benchmark in release
# mode and writes the figures, with the machine they ran on, to
# Benchmarks/results/costs.md (the appendix table) and costs.json.
#
#   bash Benchmarks/costs.sh
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)
mkdir -p results
swift build -c release --product CostsReport >/dev/null
rm -f results/Current_run.jmh.json
swift package --allow-writing-to-package-directory benchmark --format jmh --path results --no-progress >&2
mv results/Current_run.jmh.json results/costs.jmh.json
"$(swift build -c release --show-bin-path)/CostsReport" results/costs.jmh.json results "$(swift --version 2>&1 | head -1)"
echo "benchmarks and report took $(( $(date +%s) - started )) s (build included)" >&2
