package scene

import (
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
)

// TestMinFitHeight: at the height MinFitHeight asks for, every lane of the built-in dataset
// has its band inside the scene's height, at the app's and the kiosk's type sizes; a little
// less than that height is where lanes would start to fall below the window.
func TestMinFitHeight(t *testing.T) {
	ds, err := format.Load("../../data/trotsky.json")
	if err != nil {
		t.Fatal(err)
	}
	ix := layout.NewIndex(ds)
	for _, tc := range []struct {
		name     string
		fontSize float64
		rowH     float64
	}{{"window", 12, 22}, {"kiosk", 18, 34}} {
		st := DefaultConfig()
		st.FontSize, st.RowHeight = tc.fontSize, tc.rowH
		h := st.MinFitHeight(len(ds.Lanes))
		st.FitHeight = h
		s := Build(ix, scale.Fit(float64(ix.First), float64(ix.Last), 1000), &st)
		if len(s.Lanes) != len(ds.Lanes) {
			t.Fatalf("%s: %d lane bands, want %d", tc.name, len(s.Lanes), len(ds.Lanes))
		}
		last := s.Lanes[len(s.Lanes)-1]
		if last.Y+last.H > h+0.5 {
			t.Errorf("%s: the last lane ends at %.1f, below the height %.1f MinFitHeight asked for", tc.name, last.Y+last.H, h)
		}
	}
}
