package scene

import (
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
)

func TestDebugReal(t *testing.T) {
	if *debugPNG == "" {
		t.Skip()
	}
	ds, err := format.Load("../../data/trotsky.json")
	if err != nil {
		t.Fatal(err)
	}
	ix := layout.NewIndex(ds)
	t.Logf("%d events", ix.N)
	for _, w := range []float64{1440, 800} {
		st := DefaultConfig()
		v := scale.Fit(float64(ix.First), float64(ix.Last), w)
		s := Build(ix, v, &st)
		t.Logf("w=%v shapes %d H %v", w, len(s.Shapes), s.H)
		dumpPNG(t, "real-"+string(rune('0'+int(w/400))), s)
	}
	st := DefaultConfig()
	v := scale.View{Start: -19500, End: -18000, Width: 1440}
	dumpPNG(t, "real-revolution", Build(ix, v, &st))
	// As the app does: a first frame at a provisional width, then the window's real one.
	var s Scene
	BuildInto(&s, ix, scale.Fit(float64(ix.First), float64(ix.Last), 1000), &st)
	BuildInto(&s, ix, scale.Fit(float64(ix.First), float64(ix.Last), 1440), &st)
	dumpPNG(t, "real-app-resized", &s)
	// School in Odessa (1889~..1896) zoomed in: its white label on the solid bar, off the fade.
	dumpPNG(t, "real-odessa", Build(ix, scale.View{Start: -29885, End: -22585, Width: 1440}, &st))
}
