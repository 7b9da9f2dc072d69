package timeline_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/gen"
)

// BenchmarkLoad loads the benchmark workload of shared/BENCH.md (timeline/gen) written
// to a temporary file, at several sizes; MB/s is of the file. The 1M case runs only
// with -bench 'Load/1000000' spelled out (it takes a few seconds to set up).
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.json")
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			w := bufio.NewWriter(f)
			if err := gen.Write(w, n, gen.DefaultSeed); err != nil {
				b.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			fi, _ := f.Stat()
			f.Close()
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				ds, err := timeline.Load(path)
				if err != nil {
					b.Fatal(err)
				}
				if len(ds.Events) != n {
					b.Fatalf("%d events, want %d", len(ds.Events), n)
				}
			}
		})
	}
}
