package scene

import (
	"testing"

	"trotskytimeline/timeline/scale"
)

func TestBuildSmoke(t *testing.T) {
	ix := fixtureIndex(t)
	st := DefaultConfig()
	v := scale.Fit(float64(ix.First), float64(ix.Last), 1200)
	s := Build(ix, v, &st)
	if s.W != 1200+st.TitleWidth {
		t.Errorf("W = %v, want %v", s.W, 1200+st.TitleWidth)
	}
	kinds := map[Kind]int{}
	events := map[int32]bool{}
	for _, sh := range s.Shapes {
		kinds[sh.Kind]++
		if sh.Event >= 0 {
			events[sh.Event] = true
		}
	}
	if len(events) != len(ix.DS.Events) {
		t.Errorf("events drawn = %d, want %d", len(events), len(ix.DS.Events))
	}
	for _, k := range []Kind{KindBar, KindPoint, KindUncertain, KindLabel, KindContested, KindTickLabel, KindLaneTitle} {
		if kinds[k] == 0 {
			t.Errorf("no shape of kind %d", k)
		}
	}
}

func TestDebugPictures(t *testing.T) {
	if *debugPNG == "" {
		t.Skip("no -debugpng folder")
	}
	ix := fixtureIndex(t)
	for _, th := range []string{"light", "dark", "print", "contrast"} {
		st := DefaultConfig()
		st.Theme, _ = ThemeByName(th)
		st.Selected = 6
		v := scale.Fit(float64(ix.First), float64(ix.Last), 1200)
		dumpPNG(t, "fixture-"+th, Build(ix, v, &st))
	}
	st := DefaultConfig()
	v := scale.View{Start: float64(ix.First) + 13500, End: float64(ix.First) + 13500 + 800, Width: 1200}
	dumpPNG(t, "fixture-zoom", Build(ix, v, &st))
}

func TestMarkedEventsAreHighlighted(t *testing.T) {
	ix := fixtureIndex(t)
	cfg := DefaultConfig()
	first, last := float64(ix.First), float64(ix.Last)
	v := scale.Fit(first, last, 1200)
	cfg.Marked = func(ev int32) bool { return ev == 1 }
	sc := Build(ix, v, &cfg)
	n := 0
	for _, sh := range sc.Shapes {
		if sh.Kind == KindMatch {
			n++
			if sh.Event != 1 {
				t.Errorf("match highlight on event %d, want 1", sh.Event)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d match highlights, want 1", n)
	}
	cfg.Marked = nil
	for _, sh := range Build(ix, v, &cfg).Shapes {
		if sh.Kind == KindMatch {
			t.Fatal("a match highlight without Marked")
		}
	}
}
