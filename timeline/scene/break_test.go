package scene

import (
	"math"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
)

// TestBrokenAxisGolden: the fixture with two posthumous events (1988, 2001) has its
// long empty stretch (1940-1988) broken; the scene of its whole span, golden.
func TestBrokenAxisGolden(t *testing.T) {
	ds := fixture(t)
	for _, p := range [][3]string{{"rehab", "Rehabilitated", "1988"}, {"stamp", "Commemorative stamp", "2001-06"}} {
		e := ds.Events[0]
		e.ID, e.Title = p[0], p[1]
		if e.More != nil { // a copy of More without the titles: e is a copy of ds.Events[0]
			m := *e.More
			m.Titles = nil
			e.More = &m
		}
		start, err := chrono.Parse(p[2])
		if err != nil {
			t.Fatal(err)
		}
		e.SetStart(p[2], start)
		ds.Events = append(ds.Events, e)
	}
	// An open end ("..") runs to the last event: Coyoacán ends with his death here.
	for i := range ds.Events {
		if ds.Events[i].ID == "coyoacan" {
			end, _ := chrono.Parse("1940-08-21")
			ds.Events[i].SetEnd("1940-08-21", end)
		}
	}
	ix := layout.NewIndex(ds)
	if ix.Axis == nil || len(ix.Axis.Breaks) != 1 {
		t.Fatalf("breaks: %+v", ix.Axis)
	}
	st := DefaultConfig()
	s := Build(ix, ix.Axis.Fit(float64(ix.First), float64(ix.Last), 1000), &st)
	truthGolden(t, "broken-axis", s)
}

// TestBrokenAxis: the built-in dataset's whole span has its sparse stretches (his childhood,
// the years after his death) compressed behind break marks (on the axis and across the
// lanes), no tick inside a break, and hit-testing, zoom and pan exact on both sides of the
// breaks and inside them, where events of a sparse stretch are drawn.
func TestBrokenAxis(t *testing.T) {
	ix := realIndex(t)
	if ix.Axis == nil || len(ix.Axis.Breaks) == 0 {
		t.Fatal("the built-in dataset has no break")
	}
	st := DefaultConfig()
	v := ix.Axis.Fit(float64(ix.First), float64(ix.Last), 1400)
	s := Build(ix, v, &st)

	// His life from 1893 to his death takes most of the width.
	if w := v.X(day(1940, 8, 21)) - v.X(day(1893, 1, 1)); w < 0.8*v.Width {
		t.Errorf("1893-1940 takes %.0f of %.0f px", w, v.Width)
	}
	strips, signs := 0, 0
	for _, sh := range s.Shapes {
		switch {
		case sh.Kind == KindBreak && sh.Type == RectShape:
			strips++
		case sh.Kind == KindAxis && sh.Type == LineShape && sh.H < 0:
			signs++
		}
	}
	if strips != len(ix.Axis.Breaks) || signs != 2*len(ix.Axis.Breaks) {
		t.Errorf("%d break strips and %d sign strokes for %d breaks", strips, signs, len(ix.Axis.Breaks))
	}
	for _, tk := range append(append([]scale.Tick{}, s.major...), s.minor...) {
		if ix.Axis.In(tk.Day) && tk.X >= 0 {
			t.Errorf("tick %q inside a break", tk.Label)
		}
	}

	// Hit-testing: the middle of every bar, point and band drawn hits its own event, before
	// and after the breaks.
	after, inside := 0, 0
	for i := range s.Shapes {
		sh := &s.Shapes[i]
		if sh.Event < 0 || sh.Type == TextShape || (sh.Kind != KindBar && sh.Kind != KindPoint && sh.Kind != KindUncertain) {
			continue
		}
		x, y := sh.X+sh.W/2, sh.Y+sh.H/2
		if sh.Type == MarkerShape {
			x, y = sh.X, sh.Y
		}
		if x-s.TimeX0 > v.X(ix.Axis.Breaks[0].To) {
			after++
		}
		if ix.Axis.In(v.Day(x - s.TimeX0)) {
			inside++
		}
		got, ok := s.Hit(x, y)
		if !ok || got.Event != sh.Event {
			t.Errorf("hit at the middle of %q (%.1f, %.1f) found %+v", ix.DS.Events[sh.Event].Title, x, y, got)
		}
	}
	if after == 0 || inside < 4 {
		t.Errorf("%d marks drawn after the first break, %d inside a compressed stretch", after, inside)
	}

	// Day and X are inverses across the whole width; a zoom keeps the day under the pointer
	// on either side of a break; a pan and its reverse come back.
	for x := 0.0; x <= v.Width; x += 7 {
		if got := v.X(v.Day(x)); math.Abs(got-x) > 1e-6 {
			t.Fatalf("X(Day(%.0f)) = %v", x, got)
		}
	}
	for _, ax := range []float64{100, v.X(day(1960, 6, 1)), v.X(day(1987, 6, 1)), v.X(day(2001, 6, 1))} {
		d := v.Day(ax)
		for _, f := range []float64{2, 0.5, 37} {
			z := v.Zoom(f, ax)
			if got := z.Day(ax); math.Abs(got-d) > 1e-6*math.Max(1, math.Abs(d)) {
				t.Errorf("zoom %v about x=%.0f: day %v moved to %v", f, ax, d, got)
			}
		}
	}
	p := v.Zoom(5, 1200).Pan(333).Pan(-333)
	if q := v.Zoom(5, 1200); math.Abs(p.Start-q.Start) > 1e-6 || math.Abs(p.End-q.End) > 1e-6 {
		t.Errorf("pan and back: %+v, want %+v", p, q)
	}
}
