package scene

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/layout/layouttest"
	"trotskytimeline/timeline/scale"
)

// find returns the first shape of kind k for event ev.
func find(t *testing.T, s *Scene, k Kind, ev int32) Shape {
	t.Helper()
	for _, sh := range s.Shapes {
		if sh.Kind == k && sh.Event == ev {
			return sh
		}
	}
	t.Fatalf("no %v shape for event %d", k, ev)
	return Shape{}
}

func TestHit(t *testing.T) {
	ix := fixtureIndex(t)
	st := DefaultConfig()
	s := Build(ix, scale.Fit(float64(ix.First), float64(ix.Last), 1000), &st)
	war := find(t, s, KindBar, 6)           // People's Commissar for Military Affairs
	born := find(t, s, KindPoint, 0)        // Born in Yanovka
	label := find(t, s, KindLabel, 5)       // the 1905 Soviet's label, beside its short bar
	married := find(t, s, KindUncertain, 3) // "1899~": the pale band of a year
	tests := []struct {
		name   string
		x, y   float64
		ok     bool
		event  int32
		kindOf Kind
	}{
		{"middle of a bar", war.X + war.W/2, war.Y + war.H/2, true, 6, KindBar},
		{"centre of a diamond", born.X, born.Y, true, 0, KindPoint},
		{"just off a diamond's tip", born.X, born.Y - born.W/2 - HitTolerance + 1, true, 0, KindPoint},
		{"too far off a diamond", born.X, born.Y - born.W/2 - HitTolerance - 1, false, -1, 0},
		{"a label opens its event", label.X + 5, label.Y - 3, true, 5, KindLabel},
		{"an uncertain band", married.X + 1, married.Y + married.H - 1, true, 3, KindUncertain},
		{"empty lane space", s.TimeX0 + 2, s.H - 3, false, -1, 0},
		{"the axis", war.X + war.W/2, 5, false, -1, 0},
		{"the title column", 20, war.Y + 2, false, -1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh, ok := s.Hit(tc.x, tc.y)
			if ok != tc.ok {
				t.Fatalf("Hit(%v, %v) ok = %v, want %v (shape %+v)", tc.x, tc.y, ok, tc.ok, sh)
			}
			if ok && (sh.Event != tc.event || sh.Kind != tc.kindOf) {
				t.Errorf("Hit(%v, %v) = %v of event %d, want %v of event %d", tc.x, tc.y, sh.Kind, sh.Event, tc.kindOf, tc.event)
			}
		})
	}
}

func TestHitCluster(t *testing.T) {
	ix := layout.NewIndex(layouttest.Dataset(100_000))
	st := DefaultConfig()
	mid := float64(chrono.FromCivil(1917, 11, 7))
	for _, v := range []scale.View{
		scale.Fit(float64(ix.First), float64(ix.Last), 1600), // density lanes
		{Start: mid - 60, End: mid + 60, Width: 1600},        // rows with "+N" clusters
	} {
		s := Build(ix, v, &st)
		var cl *Shape
		for i := range s.Shapes {
			if sh := &s.Shapes[i]; sh.Kind == KindCluster && sh.Type == RectShape {
				cl = sh
				break
			}
		}
		if cl == nil {
			t.Fatalf("view %+v: no cluster", v)
		}
		sh, ok := s.Hit(cl.X+cl.W/2, cl.Y+cl.H-1)
		if !ok || (sh.Kind != KindCluster && sh.Kind != KindDensity) || sh.Event != -1 {
			t.Fatalf("Hit on a cluster = %+v, %v; want the cluster or a density bar", sh, ok)
		}
		if sh.To < sh.From || float64(sh.To) < v.Start-1 || float64(sh.From) > v.End+1 {
			t.Errorf("cluster days %d..%d do not lie in the view %v..%v", sh.From, sh.To, v.Start, v.End)
		}
	}
}

func TestOverview(t *testing.T) {
	ix := fixtureIndex(t)
	st := DefaultConfig()
	full := scale.Fit(float64(ix.First), float64(ix.Last), 600)
	win := scale.View{Start: float64(chrono.FromCivil(1917, 1, 1)), End: float64(chrono.FromCivil(1921, 1, 1)), Width: 1000}
	var s Scene
	BuildOverviewInto(&s, ix, full, win, 60, &st)
	check := func(name string, lanes int, win scale.View) {
		t.Helper()
		if len(s.Lanes) != lanes {
			t.Errorf("%s: %d lanes, want %d", name, len(s.Lanes), lanes)
		}
		last := s.Shapes[len(s.Shapes)-1]
		if last.Kind != KindOverviewWindow || last.X != full.X(win.Start) || last.X+last.W != full.X(win.End) {
			t.Errorf("%s: window box %+v, want %v..%v", name, last, full.X(win.Start), full.X(win.End))
		}
		densities := 0
		for _, sh := range s.Shapes {
			if sh.Kind == KindDensity {
				densities++
			}
		}
		if densities == 0 {
			t.Errorf("%s: no density shapes", name)
		}
	}
	check("first", 3, win)
	n := len(s.Shapes)
	win2 := win.Pan(-100)
	BuildOverviewInto(&s, ix, full, win2, 60, &st)
	check("after a pan", 3, win2)
	if len(s.Shapes) != n {
		t.Errorf("a pan changed the shapes from %d to %d", n, len(s.Shapes))
	}
	st.HiddenLanes = []bool{false, true}
	BuildOverviewInto(&s, ix, full, win2, 60, &st)
	check("a hidden lane", 2, win2)
}

func TestEventBounds(t *testing.T) {
	ix := fixtureIndex(t)
	st := DefaultConfig()
	s := Build(ix, scale.Fit(float64(ix.First), float64(ix.Last), 1000), &st)
	bar := find(t, s, KindBar, 6)
	label := find(t, s, KindLabel, 6)
	x0, y0, x1, y1, ok := s.EventBounds(6)
	if !ok || x0 > bar.X || x1 < label.X+label.W || y0 > bar.Y || y1 < bar.Y+bar.H {
		t.Errorf("EventBounds(6) = %v %v %v %v %v, want around the bar %+v and its label", x0, y0, x1, y1, ok, bar)
	}
	if _, _, _, _, ok := s.EventBounds(999); ok {
		t.Error("EventBounds of a missing event is ok")
	}
}

// TestNoFyne keeps the drawing engine free of Fyne (it must build with CGO_ENABLED=0).
func TestNoFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "trotskytimeline/timeline/scene").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v: %s", err, out)
	}
	if strings.Contains(string(out), "fyne.io") {
		t.Errorf("timeline/scene depends on Fyne:\n%s", out)
	}
}

// TestOverviewManyLanes: with 100 lanes, hiding lane 64 after lane 63 (and showing 99 again)
// rebuilds the strip; the cache once folded every lane from 63 up into one bit and left
// lane 64 drawn.
func TestOverviewManyLanes(t *testing.T) {
	ds := &timeline.Dataset{Format: timeline.FormatV1, Title: "Many lanes"}
	for i := range 100 {
		id := fmt.Sprintf("l%d", i)
		ds.Lanes = append(ds.Lanes, timeline.Lane{ID: id, Title: id})
		d := chrono.Date{Year: int16(1900 + i), Precision: chrono.PrecYear}
		ds.Events = append(ds.Events, timeline.Event{ID: "e" + id, Lane: id, LaneIndex: i, Title: id, StartDate: d, More: &timeline.EventMore{RawStart: fmt.Sprint(1900 + i)}})
	}
	ix := layout.NewIndex(ds)
	st := DefaultConfig()
	full := scale.Fit(float64(ix.First), float64(ix.Last), 800)
	var s Scene
	drawn := func() map[int]bool {
		m := map[int]bool{}
		for _, l := range s.Lanes {
			m[l.Lane] = true
		}
		return m
	}
	hidden := make([]bool, 100)
	steps := []struct {
		name   string
		change func()
	}{
		{"all shown", func() {}},
		{"lane 63 hidden", func() { hidden[63] = true }},
		{"lane 64 hidden too", func() { hidden[64] = true }},
		{"lane 99 hidden too", func() { hidden[99] = true }},
		{"lane 64 shown again", func() { hidden[64] = false }},
	}
	for _, step := range steps {
		step.change()
		st.HiddenLanes = append([]bool(nil), hidden...)
		BuildOverviewInto(&s, ix, full, full, 200, &st)
		got := drawn()
		for i := range 100 {
			if got[i] == hidden[i] {
				t.Errorf("%s: lane %d drawn %v, hidden %v", step.name, i, got[i], hidden[i])
			}
		}
	}
}
