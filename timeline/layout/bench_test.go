package layout

import (
	"fmt"
	"testing"

	"trotskytimeline/timeline/layout/layouttest"
)

func BenchmarkNewIndex(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		ds := layouttest.Dataset(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				NewIndex(ds)
			}
		})
	}
}
