package scene

import (
	"fmt"
	"sync"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/layout/layouttest"
	"trotskytimeline/timeline/scale"
)

var (
	benchMu  sync.Mutex
	benchIxs = map[int]*layout.Index{}
)

// benchIndex is the index of the docs/BENCH.md workload of n events, built once per process.
func benchIndex(n int) *layout.Index {
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIxs[n]; ok {
		return ix
	}
	ix := layout.NewIndex(layouttest.Dataset(n))
	benchIxs[n] = ix
	return ix
}

var benchSizes = []int{1_000, 10_000, 100_000, 1_000_000}

// benchViews are the windows of the scale issue, 1600 px of time area.
func benchViews(ix *layout.Index) []struct {
	name string
	v    scale.View
} {
	mid := float64(chrono.FromCivil(1917, 11, 7))
	return []struct {
		name string
		v    scale.View
	}{
		{"full", scale.Fit(float64(ix.First), float64(ix.Last), 1600)},
		{"2years", scale.View{Start: mid - 365.2425, End: mid + 365.2425, Width: 1600}},
		{"2weeks", scale.View{Start: mid - 7, End: mid + 7, Width: 1600}},
	}
}

// BenchmarkFrame is one frame's work: the visible queries, the packing and the scene.
func BenchmarkFrame(b *testing.B) {
	for _, n := range benchSizes {
		ix := benchIndex(n)
		for _, bv := range benchViews(ix) {
			b.Run(fmt.Sprintf("n=%d/%s", n, bv.name), func(b *testing.B) {
				st := DefaultConfig()
				var s Scene
				BuildInto(&s, ix, bv.v, &st)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					BuildInto(&s, ix, bv.v, &st)
				}
				b.ReportMetric(float64(len(s.Shapes)), "shapes")
			})
		}
	}
}

// BenchmarkPan is a frame after a pan of 10% of the window, alternating left and right.
func BenchmarkPan(b *testing.B) {
	for _, n := range benchSizes {
		ix := benchIndex(n)
		for _, bv := range benchViews(ix)[:2] {
			b.Run(fmt.Sprintf("n=%d/%s", n, bv.name), func(b *testing.B) {
				st := DefaultConfig()
				var s Scene
				views := [2]scale.View{bv.v.Pan(160), bv.v}
				BuildInto(&s, ix, bv.v, &st)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					BuildInto(&s, ix, views[i&1], &st)
				}
			})
		}
	}
}

// BenchmarkHit is hit-testing a scene at a spread of points.
func BenchmarkHit(b *testing.B) {
	for _, n := range []int{1_000, 1_000_000} {
		ix := benchIndex(n)
		for _, bv := range benchViews(ix) {
			b.Run(fmt.Sprintf("n=%d/%s", n, bv.name), func(b *testing.B) {
				st := DefaultConfig()
				s := Build(ix, bv.v, &st)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					x := st.TitleWidth + float64(i*37%1600)
					y := st.AxisHeight + float64(i*53%int(s.H-st.AxisHeight))
					s.Hit(x, y)
				}
			})
		}
	}
}

// BenchmarkOverview is the overview strip of the whole span: built afresh, and redrawn
// after a pan (the window box moves, the densities are kept).
func BenchmarkOverview(b *testing.B) {
	for _, n := range []int{1_000, 1_000_000} {
		ix := benchIndex(n)
		st := DefaultConfig()
		full := scale.Fit(float64(ix.First), float64(ix.Last), 1600)
		w := benchViews(ix)[1].v
		b.Run(fmt.Sprintf("n=%d/build", n), func(b *testing.B) {
			var s Scene
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				s.ovKey = overviewKey{}
				BuildOverviewInto(&s, ix, full, w, 60, &st)
			}
			b.ReportMetric(float64(len(s.Shapes)), "shapes")
		})
		b.Run(fmt.Sprintf("n=%d/pan", n), func(b *testing.B) {
			var s Scene
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				BuildOverviewInto(&s, ix, full, w.Pan(float64(i%100)), 60, &st)
			}
		})
	}
}

func TestDebugSynthetic(t *testing.T) {
	if *debugPNG == "" {
		t.Skip("no -debugpng folder")
	}
	for _, n := range []int{1_000, 10_000, 1_000_000} {
		ix := benchIndex(n)
		for _, bv := range benchViews(ix) {
			st := DefaultConfig()
			dumpPNG(t, fmt.Sprintf("synth-%d-%s", n, bv.name), Build(ix, bv.v, &st))
		}
		st := DefaultConfig()
		full := benchViews(ix)[0].v
		dumpPNG(t, fmt.Sprintf("overview-%d", n), BuildOverview(ix, full, benchViews(ix)[1].v, 60, &st))
	}
}

// TestShapeBudget checks the scale issue's limit: at most MaxShapes shapes a frame whatever
// the number of events and the zoom, here for the benchmark workload and a dataset where
// every event is imprecise, uncertain and contested (the most shapes an event can take).
func TestShapeBudget(t *testing.T) {
	worst := layouttest.Dataset(20_000)
	for i := range worst.Events {
		e := &worst.Events[i]
		e.StartDate.Precision, e.StartDate.DayOfMon, e.StartDate.Qual = chrono.PrecMonth, 0, chrono.Uncertain
		if e.EndDate != (chrono.Date{}) {
			e.EndDate.Precision, e.EndDate.DayOfMon, e.EndDate.Qual = chrono.PrecMonth, 0, chrono.Approximate
		}
		e.WithMore().Excerpts = []timeline.Excerpt{
			{Date: "1900", DateParsed: chrono.Date{Year: 1900, Precision: chrono.PrecYear}},
			{Date: "1901", DateParsed: chrono.Date{Year: 1901, Precision: chrono.PrecYear}},
		}
	}
	crowded := DefaultConfig() // rows without end and dense lanes in detail: details must give way
	crowded.Layout.MaxRows, crowded.Layout.MaxPerPx = 400, 50
	tests := []struct {
		name string
		ix   *layout.Index
		st   Config
	}{
		{"bench-100k", benchIndex(100_000), DefaultConfig()},
		{"worst-20k", layout.NewIndex(worst), DefaultConfig()},
		{"worst-20k-crowded", layout.NewIndex(worst), crowded},
	}
	for _, tc := range tests {
		full := scale.Fit(float64(tc.ix.First), float64(tc.ix.Last), 1600)
		for span := full.Span(); span > 5; span /= 1.7 {
			v := full.Zoom(full.Span()/span, 800)
			s := Build(tc.ix, v, &tc.st)
			if len(s.Shapes) > MaxShapes {
				t.Errorf("%s, %.0f days: %d shapes, want at most %d", tc.name, span, len(s.Shapes), MaxShapes)
			}
			// Every event laid out one by one still has its bar or marker.
			drawn := map[int32]bool{}
			for _, sh := range s.Shapes {
				if sh.Kind == KindBar || sh.Kind == KindPoint || sh.Kind == KindUncertain {
					drawn[sh.Event] = true
				}
			}
			for _, lf := range s.frame.Lanes {
				for _, it := range lf.Items {
					if !drawn[it.Event] && it.X1 > 0 && it.X0 < v.Width {
						t.Fatalf("%s, %.0f days: event %d laid out but not drawn", tc.name, span, it.Event)
					}
				}
			}
		}
	}
}

// TestShapeBudgetWideAndManyLanes: a 16,000 px figure of 12 dense lanes stays in budget.
func TestShapeBudgetWideAndManyLanes(t *testing.T) {
	ds := layouttest.Dataset(200_000)
	for l := 6; l < 12; l++ {
		ds.Lanes = append(ds.Lanes, timeline.Lane{ID: fmt.Sprintf("extra-%d", l), Title: "Extra"})
	}
	for i := range ds.Events {
		if i%2 == 0 {
			ds.Events[i].LaneIndex += 6
		}
	}
	ix := layout.NewIndex(ds)
	st := DefaultConfig()
	for _, w := range []float64{800, 1600, 16000} {
		s := Build(ix, scale.Fit(float64(ix.First), float64(ix.Last), w), &st)
		if len(s.Shapes) > MaxShapes {
			t.Errorf("%v px: %d shapes, want at most %d", w, len(s.Shapes), MaxShapes)
		}
	}
}
