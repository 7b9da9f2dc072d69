// Package golden compares what a test produced with a golden file in testdata/, and
// rewrites the file instead when the test runs with -update. The tests of timeline,
// scene and render share it, so that each golden file fails the same way: naming the
// file, its first differing line and how to regenerate it.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Updating reports whether the test runs with -update.
func Updating() bool { return *update }

// Check fails t unless got equals the file at path byte for byte. With -update it writes
// got to path (making its folder) instead, and passes.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
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
	if bytes.Equal(got, want) {
		return
	}
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
			t.Errorf("%s differs at line %d:\n got: %.300s\nwant: %.300s\n(go test -update rewrites it; review the diff)", path, i+1, g, w)
			return
		}
	}
}
