package scene

import (
	"bytes"
	"path/filepath"
	"testing"

	"trotskytimeline/timeline/chrono"
	goldenfile "trotskytimeline/timeline/internal/golden"
	"trotskytimeline/timeline/scale"
)

// golden checks got against testdata/NAME (see package golden).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func TestGolden(t *testing.T) {
	ix := fixtureIndex(t)
	full := scale.Fit(float64(ix.First), float64(ix.Last), 1000)
	rev := float64(chrono.FromCivil(1917, 9, 1))
	tests := []struct {
		name  string
		v     scale.View
		theme string
		lang  string
		sel   int32
		hide  []bool
	}{
		{"full-light-en", full, "light", "en", 6, nil},
		{"full-print-it", full, "print", "it", -1, nil},
		{"revolution-dark-pt", scale.View{Start: rev, End: rev + 240, Width: 1000}, "dark", "pt", 7, nil},
		{"exile-hidden-contrast", scale.View{Start: float64(chrono.FromCivil(1927, 1, 1)), End: float64(chrono.FromCivil(1941, 1, 1)), Width: 800}, "contrast", "en", -1, []bool{true, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := DefaultConfig()
			st.Theme, _ = ThemeByName(tc.theme)
			st.Lang, st.Selected, st.HiddenLanes = tc.lang, tc.sel, tc.hide
			s := Build(ix, tc.v, &st)
			var buf bytes.Buffer
			if err := s.Dump(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name+".txt", buf.Bytes())
			dumpPNG(t, "golden-"+tc.name, s)
		})
	}
}
