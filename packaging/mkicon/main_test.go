package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedIconIsCurrent checks that assets/icon.png is what this program draws, so the
// committed icon and its source never drift apart.
func TestCommittedIconIsCurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "icon.png")
	if err := write(path, 512); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../assets/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("assets/icon.png differs from what mkicon draws: run go run ./packaging/mkicon -o assets/icon.png")
	}
	img, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon is %v, want 512×512", b)
	}
}

func TestCorners(t *testing.T) {
	img := draw(64, 2)
	tests := []struct {
		name      string
		x, y      int
		wantAlpha func(uint8) bool
	}{
		{"corner is transparent", 0, 0, func(a uint8) bool { return a == 0 }},
		{"centre is opaque", 32, 32, func(a uint8) bool { return a == 255 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if a := img.NRGBAAt(tc.x, tc.y).A; !tc.wantAlpha(a) {
				t.Errorf("alpha %d", a)
			}
		})
	}
}
