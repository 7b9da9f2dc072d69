#!/usr/bin/env bash
# bench.sh runs the scale benchmarks of timeline/bench (docs/BENCH.md workload at 1k, 10k, 100k
# and 1M events) and prints the raw results, then a summary table (median of the runs, in ms)
# ready for BENCHMARKS.md. About 5 minutes on 2 idle cores.
#
#   scripts/bench.sh                 everything, 3 runs of each
#   COUNT=1 scripts/bench.sh         one run of each (about 2 minutes)
#   BENCH='Frame' scripts/bench.sh   only the benchmarks matching a -bench regexp (one pass)
#   OUT=/tmp/b.txt scripts/bench.sh  where the raw output goes (default /tmp/tt-bench.txt)
#   APP=0 scripts/bench.sh           without the app's painter benchmarks (they need cgo)
#
# After the engine suite it runs the app's frame benchmarks (./app/timelineview, the timeline
# widget's package: build + paint of a frame
# into the window's raster, BenchmarkFrame/Paint on the built-in data and FrameWorkload on the
# workload at 100k and 1M, one week and two years), named app/... in the table.
#
# The frame, pan and hit benchmarks and the small loads, indexes and exports run for the usual
# benchmark time; the 1M load, index and export take ~1 s an operation, so they run 3 times
# each (-benchtime 3x) per count.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
COUNT=${COUNT:-3}
OUT=${OUT:-/tmp/tt-bench.txt}

{
	echo "# $(date -u '+%Y-%m-%d %H:%M UTC')  $(go version)"
	echo "# nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), git $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
	echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

run() { # run <-bench regexp> <-benchtime>
	echo "# go test ./timeline/bench -run '^\$' -bench '$1' -benchtime $2 -benchmem -count $COUNT -timeout 30m" | tee -a "$OUT"
	go test ./timeline/bench -run '^$' -bench "$1" -benchtime "$2" -benchmem -count "$COUNT" -timeout 30m | tee -a "$OUT"
}

if [[ -n "${BENCH:-}" ]]; then
	run "$BENCH" 1s
else
	# (go test splits a -bench pattern at top-level '|' first, then each part at '/'.)
	run '^Benchmark(Frame|Pan|Hit)$' 1s
	run '^Benchmark(Load|Index)$/^n=(1k|10k|100k)$|^BenchmarkExport$/./^n=(1k|10k|100k)$' 1s
	run '^Benchmark(Load|Index)$/^n=1M$|^BenchmarkExport$/./^n=1M$' 3x
	if [[ "${APP:-1}" != 0 ]]; then
		echo "# go test ./app/timelineview -run '^\$' -bench '^Benchmark(Frame|Paint|FrameWorkload)\$' -benchmem -count $COUNT" | tee -a "$OUT"
		go test ./app/timelineview -run '^$' -bench '^Benchmark(Frame|Paint|FrameWorkload)$' -benchmem -count "$COUNT" |
			sed 's/^Benchmark/Benchmarkapp\//' | tee -a "$OUT"
	fi
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"

# Summary: the median of each benchmark's runs.
echo
echo "| benchmark | ms/op | B/op | allocs/op | shapes | MB/s |"
echo "|---|---:|---:|---:|---:|---:|"
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
	if (!(name in seen)) { seen[name] = 1; order[++n] = name }
	k[name]++
	for (i = 3; i < NF; i++) {
		u = $(i+1)
		if (u == "ns/op" || u == "B/op" || u == "allocs/op" || u == "shapes" || u == "MB/s") v[name, u, k[name]] = $i
	}
}
function med(name, u,    c, i, j, t, a) {
	c = 0
	for (i = 1; i <= k[name]; i++) if ((name, u, i) in v) a[++c] = v[name, u, i] + 0
	if (c == 0) return ""
	for (i = 2; i <= c; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
	return c % 2 ? a[(c+1)/2] : (a[c/2] + a[c/2+1]) / 2
}
END {
	for (i = 1; i <= n; i++) {
		nm = order[i]; ms = med(nm, "ns/op") / 1e6
		f = ms < 0.01 ? "%.4f" : ms < 1 ? "%.3f" : ms < 100 ? "%.2f" : "%.0f"
		printf "| %s | " f " | %s | %s | %s | %s |\n", nm, ms, med(nm, "B/op"), med(nm, "allocs/op"), med(nm, "shapes"), med(nm, "MB/s")
	}
}' "$OUT"
