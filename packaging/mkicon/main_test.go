package main

import (
	"bytes"
	"encoding/binary"
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

// TestICO reads back the .ico directory: every size present once, each entry a PNG of that
// size at the offset and length the directory gives, the images back to back after it.
func TestICO(t *testing.T) {
	b, err := encodeICO(icoSizes)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(b[0:]) != 0 || le.Uint16(b[2:]) != 1 || int(le.Uint16(b[4:])) != len(icoSizes) {
		t.Fatalf("header % x", b[:6])
	}
	next := 6 + 16*len(icoSizes)
	for i, want := range icoSizes {
		e := b[6+16*i:]
		w := int(e[0])
		if w == 0 {
			w = 256
		}
		if w != want || int(e[1]) != int(e[0]) || le.Uint16(e[4:]) != 1 || le.Uint16(e[6:]) != 32 {
			t.Errorf("entry %d: % x, want %d px", i, e[:8], want)
		}
		n, off := int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
		if off != next || off+n > len(b) {
			t.Fatalf("entry %d: %d bytes at %d, want at %d within %d", i, n, off, next, len(b))
		}
		next += n
		img, err := png.Decode(bytes.NewReader(b[off : off+n]))
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		if r := img.Bounds(); r.Dx() != want || r.Dy() != want {
			t.Errorf("entry %d is %v, want %d×%d", i, r, want, want)
		}
	}
	if next != len(b) {
		t.Errorf("%d bytes after the last image", len(b)-next)
	}
	if _, err := encodeICO([]int{257}); err == nil {
		t.Error("a 257-pixel entry was accepted")
	}
}
