// Package bench holds the scale benchmarks of the engine at 1,000, 10,000, 100,000 and
// 1,000,000 events of the docs/BENCH.md workload (timeline/gen): loading the file, building
// the index, one frame's work at full range, two years and two weeks, a 10% pan, a click's
// hit test, and SVG and PNG export. It has no code of its own besides the benchmarks and
// their helpers; scripts/bench.sh runs it and BENCHMARKS.md keeps the numbers.
//
// Each workload file is generated once per process into a temporary folder (the 1M file is
// about 100 MB), loaded once for the benchmarks that need a model, and indexed once for
// those that need an index. Sub-benchmarks are named n=1k, n=10k, n=100k and n=1M so that a
// -bench regexp can pick sizes, for example -bench 'Load/n=1M$'.
package bench
