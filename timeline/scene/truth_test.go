package scene

import (
	"bytes"
	"math"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
)

// eventIndex is the dataset index of the fixture event with id.
func eventIndex(t *testing.T, ix *layout.Index, id string) int32 {
	t.Helper()
	for i := range ix.DS.Events {
		if ix.DS.Events[i].ID == id {
			return int32(i)
		}
	}
	t.Fatalf("no event %q", id)
	return -1
}

func day(y, m, d int) float64 { return float64(chrono.FromCivil(y, m, d)) }

// shapesOf returns the shapes of event ev by kind.
func shapesOf(s *Scene, ev int32) map[Kind][]Shape {
	m := map[Kind][]Shape{}
	for _, sh := range s.Shapes {
		if sh.Event == ev {
			m[sh.Kind] = append(m[sh.Kind], sh)
		}
	}
	return m
}

func truthGolden(t *testing.T, name string, s *Scene) {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Dump(&buf); err != nil {
		t.Fatal(err)
	}
	golden(t, name+".txt", buf.Bytes())
	dumpPNG(t, "golden-"+name, s)
}

// TestYearPrecisePoint: an event known only to its year ("1899~") is a soft hatched band
// over the whole year, with no diamond, and its label sits inside the band; zoomed into the
// year, the band fills the view and keeps its label at the left edge.
func TestYearPrecisePoint(t *testing.T) {
	ix := fixtureIndex(t)
	ev := eventIndex(t, ix, "marriage")
	st := DefaultConfig()
	for _, tc := range []struct {
		name string
		v    scale.View
	}{
		{"year-point", scale.View{Start: day(1897, 1, 1), End: day(1902, 1, 1), Width: 1000}},
		{"year-point-zoomed-in", scale.View{Start: day(1899, 3, 1), End: day(1899, 5, 1), Width: 1000}},
	} {
		s := Build(ix, tc.v, &st)
		truthGolden(t, tc.name, s)
		sh := shapesOf(s, ev)
		if len(sh[KindPoint]) != 0 {
			t.Errorf("%s: a year-precise point has a diamond: %+v", tc.name, sh[KindPoint])
		}
		if len(sh[KindUncertain]) != 1 || sh[KindUncertain][0].Style&StyleHatch == 0 {
			t.Fatalf("%s: want one hatched band, got %+v", tc.name, sh[KindUncertain])
		}
		band := sh[KindUncertain][0]
		x0 := math.Max(tc.v.X(day(1899, 1, 1)), 0) + s.TimeX0
		x1 := math.Min(tc.v.X(day(1900, 1, 1)), tc.v.Width) + s.TimeX0
		if math.Abs(band.X-x0) > 0.5 || math.Abs(band.X+band.W-x1) > 0.5 {
			t.Errorf("%s: band %.1f..%.1f, want the whole year %.1f..%.1f", tc.name, band.X, band.X+band.W, x0, x1)
		}
		if len(sh[KindLabel]) != 1 {
			t.Fatalf("%s: the band has no label", tc.name)
		}
		lb := sh[KindLabel][0]
		if lb.X < band.X || lb.X+lb.W > band.X+band.W {
			t.Errorf("%s: label %.1f..%.1f outside its band %.1f..%.1f", tc.name, lb.X, lb.X+lb.W, band.X, band.X+band.W)
		}
		if lb.X > s.TimeX0+tc.v.X(day(1899, 1, 1))+12 && lb.X > s.TimeX0+12 {
			t.Errorf("%s: label at %.1f, not at the start of its band or the view", tc.name, lb.X)
		}
		if lb.Fill != st.Theme.Text {
			t.Errorf("%s: label on a pale band in %v, want the text colour", tc.name, lb.Fill)
		}
	}
}

// TestMonthPreciseRange: a period starting in a month ("1898-01" to "1902-08?") draws its
// first month as a hatched band over exactly that month's days, then the sure bar.
func TestMonthPreciseRange(t *testing.T) {
	ix := fixtureIndex(t)
	ev := eventIndex(t, ix, "prison")
	st := DefaultConfig()
	v := scale.View{Start: day(1897, 10, 1), End: day(1898, 6, 1), Width: 1000}
	s := Build(ix, v, &st)
	truthGolden(t, "month-range", s)
	sh := shapesOf(s, ev)
	if len(sh[KindUncertain]) != 1 || len(sh[KindBar]) != 1 {
		t.Fatalf("want a band and a bar, got %+v", sh)
	}
	band, bar := sh[KindUncertain][0], sh[KindBar][0]
	if band.Style&StyleHatch == 0 {
		t.Error("the month band is not hatched")
	}
	if x := v.X(day(1898, 1, 1)) + s.TimeX0; math.Abs(band.X-x) > 0.5 {
		t.Errorf("band starts at %.1f, want 1 Jan 1898 at %.1f", band.X, x)
	}
	if x := v.X(day(1898, 2, 1)) + s.TimeX0; math.Abs(band.X+band.W-x) > 0.5 || math.Abs(bar.X-x) > 0.5 {
		t.Errorf("band ends at %.1f and bar starts at %.1f, want 1 Feb 1898 at %.1f", band.X+band.W, bar.X, x)
	}
	if len(sh[KindPoint]) != 0 {
		t.Error("a period has a diamond")
	}
}

// TestLabelSticksToLeftEdge: a bar that began before the view keeps its label at the view's
// left edge, inside the bar, while any of it is visible.
func TestLabelSticksToLeftEdge(t *testing.T) {
	ix := fixtureIndex(t)
	ev := eventIndex(t, ix, "war")
	st := DefaultConfig()
	for _, start := range []float64{day(1920, 1, 1), day(1924, 6, 1), day(1924, 11, 1)} {
		v := scale.View{Start: start, End: start + 400, Width: 1000}
		s := Build(ix, v, &st)
		if start == day(1920, 1, 1) {
			truthGolden(t, "sticky-label", s)
		}
		sh := shapesOf(s, ev)
		if len(sh[KindBar]) != 1 || len(sh[KindLabel]) != 1 {
			t.Fatalf("view from %v: want a bar and its label, got %+v", start, sh)
		}
		bar, lb := sh[KindBar][0], sh[KindLabel][0]
		if bar.X != s.TimeX0 {
			t.Errorf("bar starts at %.1f, want the left edge %.1f", bar.X, s.TimeX0)
		}
		inside := lb.X >= s.TimeX0 && lb.X <= s.TimeX0+12 && lb.X+lb.W <= bar.X+bar.W
		beside := lb.X >= bar.X+bar.W && lb.X <= bar.X+bar.W+6
		if !inside && !beside {
			t.Errorf("view from %v: label %q at %.1f..%.1f, want it at the left edge %.1f in the bar or right after the bar's end %.1f",
				start, lb.Text, lb.X, lb.X+lb.W, s.TimeX0, bar.X+bar.W)
		}
		if start == day(1920, 1, 1) && !inside {
			t.Errorf("a bar across the view: label %q at %.1f, want it at the left edge", lb.Text, lb.X)
		}
	}
}
