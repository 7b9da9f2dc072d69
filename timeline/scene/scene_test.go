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
