package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The embedded basemaps are what go generate makes from the vendored TopoJSON: a change
// to either side without the other fails here.
func TestEmbeddedUpToDate(t *testing.T) {
	for _, c := range [][2]string{{"land-110m.json", "land110.bin"}, {"land-50m.json", "land50.bin"}} {
		out := filepath.Join(t.TempDir(), c[1])
		if err := run(filepath.Join("..", "..", "naturalearth", c[0]), out, "land"); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(out)
		want, err := os.ReadFile(filepath.Join("..", "..", c[1]))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what %s converts to: run go generate ./timeline/geo", c[1], c[0])
		}
	}
}
