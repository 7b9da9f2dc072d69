package bench

import (
	"runtime"
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/search"
)

// heapInUse is the live heap after two collections, in bytes.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkMemory measures what a loaded workload keeps alive, in bytes an event: the
// dataset alone (format.Load), then with the layout index, then with the search and map
// indexes the app builds beside it. Each is the live heap after garbage collection
// (runtime.ReadMemStats), less the heap before loading. peak-MB is the most the heap
// reached during the load (HeapSys after it, which the collector had to obtain).
func BenchmarkMemory(b *testing.B) {
	for _, sz := range sizes[2:] { // 100k and 1M
		b.Run(sz.name, func(b *testing.B) {
			path, size := benchFile(b, sz.n)
			b.SetBytes(size)
			var ds, ix, all float64
			for b.Loop() {
				base := heapInUse()
				d, err := format.Load(path)
				if err != nil {
					b.Fatal(err)
				}
				h1 := heapInUse()
				x := layout.NewIndex(d)
				h2 := heapInUse()
				s := search.New(d)
				g := geo.NewIndex(d)
				h3 := heapInUse()
				runtime.KeepAlive(x)
				runtime.KeepAlive(s)
				runtime.KeepAlive(g)
				n := float64(len(d.Events))
				ds, ix, all = float64(h1-base)/n, float64(h2-base)/n, float64(h3-base)/n
			}
			b.ReportMetric(ds, "dataset-B/event")
			b.ReportMetric(ix, "+index-B/event")
			b.ReportMetric(all, "+search+geo-B/event")
		})
	}
}
