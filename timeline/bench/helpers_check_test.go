package bench

import (
	"testing"

	"trotskytimeline/timeline/gen"
	"trotskytimeline/timeline/scene"
)

// TestWorkloadAndWindows checks the helpers the benchmarks stand on, at 1,000 events: the
// file is the docs/BENCH.md workload, the windows nest in the data, and each window's scene has a
// shape for Hit to find.
func TestWorkloadAndWindows(t *testing.T) {
	ds := benchDataset(t, 1000)
	if len(ds.Lanes) != gen.Lanes {
		t.Fatalf("%d lanes, want %d", len(ds.Lanes), gen.Lanes)
	}
	ix := benchIndex(t, 1000)
	st := config()
	ws := windows(ix, &st)
	full := pick(ws, "full")
	tests := []struct {
		name     string
		wantDays float64
	}{
		{"full", full.Span()},
		{"2years", 730.485},
		{"2weeks", 14},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := pick(ws, tc.name)
			if v.Width+st.TitleWidth != ViewW {
				t.Errorf("scene width %.0f, want %d", v.Width+st.TitleWidth, ViewW)
			}
			if d := v.Span() - tc.wantDays; d > 0.01 || d < -0.01 {
				t.Errorf("span %.3f days, want %.3f", v.Span(), tc.wantDays)
			}
			if v.Start < full.Start || v.End > full.End {
				t.Errorf("%.0f..%.0f is outside the full range %.0f..%.0f", v.Start, v.End, full.Start, full.End)
			}
			sc := scene.Build(ix, v, &st)
			x, y, ok := target(sc)
			if !ok {
				t.Fatal("no target for a click")
			}
			if sh, hit := sc.Hit(x, y); !hit || (sh.Event < 0 && sh.Kind != scene.KindCluster && sh.Kind != scene.KindDensity) {
				t.Errorf("Hit(%.1f, %.1f) = %v, %v: want an event, cluster or density bar", x, y, sh, hit)
			}
		})
	}
}
