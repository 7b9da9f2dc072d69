package scene

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/scale"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w []byte
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if !bytes.Equal(g, w) {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(go test -update rewrites it; review the diff)", path, i+1, g, w)
			}
		}
	}
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
