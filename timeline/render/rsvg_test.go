package render

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"trotskytimeline/timeline/chrono"
)

// TestSVGSameWithoutNotoSans renders the default SVG with rsvg-convert (librsvg, which
// ignores @font-face) twice: once where fontconfig finds Noto Sans (the repository's copy)
// and once where it finds no Noto Sans, and requires the same pixels. The @font-face form
// (--svg-text font) is rendered too and must differ, which shows the comparison can fail.
// Skipped where rsvg-convert or fontconfig's fc-match is missing.
func TestSVGSameWithoutNotoSans(t *testing.T) {
	if testing.Short() {
		t.Skip("renders with rsvg-convert")
	}
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert is not installed (Debian: librsvg2-bin); the SVG's text is checked by TestSVGText")
	}
	if _, err := exec.LookPath("fc-match"); err != nil {
		t.Skip("fontconfig's fc-match is not installed")
	}
	fonts, err := filepath.Abs(filepath.Join("..", "..", "assets", "fonts"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := func(name, body string) string {
		p := filepath.Join(dir, name+".conf")
		doc := `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
			`<include ignore_missing="yes">/etc/fonts/fonts.conf</include>` + body +
			`<cachedir>` + filepath.Join(dir, name+"-cache") + `</cachedir></fontconfig>`
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// With: the repository's copy added. Without: any Noto Sans installed is rejected.
	with := conf("with", "<dir>"+fonts+"</dir>")
	without := conf("without", `<selectfont><rejectfont><pattern><patelt name="family"><string>Noto Sans</string></patelt></pattern></rejectfont></selectfont>`)
	match := func(cfg string) string {
		cmd := exec.Command("fc-match", "-f", "%{family}", "Noto Sans")
		cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+cfg)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("fc-match: %v", err)
		}
		return string(out)
	}
	if f := match(with); !bytes.Contains([]byte(f), []byte("Noto Sans")) {
		t.Skipf("fontconfig does not find the repository's Noto Sans (found %q)", f)
	}
	if f := match(without); bytes.Contains([]byte(f), []byte("Noto Sans")) {
		t.Skipf("fontconfig finds Noto Sans even when told not to (%q)", f)
	}
	ds := builtinDataset(t)
	png := func(mode SVGText, cfg string) []byte {
		var b bytes.Buffer
		o := Options{Format: SVG, SVGText: mode, HasRange: true, From: chrono.FromCivil(1917, 1, 1), To: chrono.FromCivil(1922, 12, 31), Width: 1200, Height: 800}
		if err := Render(&b, ds, o); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(rsvg, "--format", "png")
		cmd.Stdin = &b
		cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+cfg)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("rsvg-convert: %v", err)
		}
		return out
	}
	if d := differing(t, png(SVGGlyphs, with), png(SVGGlyphs, without)); d != 0 {
		t.Errorf("the default SVG renders %d pixels differently without Noto Sans", d)
	}
	if d := differing(t, png(SVGFont, with), png(SVGFont, without)); d == 0 {
		t.Error("the @font-face SVG renders the same without Noto Sans: the comparison cannot tell fonts apart")
	}
}

// differing counts the pixels that differ between two PNGs of the same size.
func differing(t *testing.T, a, b []byte) int {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("sizes %v and %v", ia.Bounds(), ib.Bounds())
	}
	n := 0
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if !sameColour(ia, ib, x, y) {
				n++
			}
		}
	}
	return n
}

func sameColour(a, b image.Image, x, y int) bool {
	r1, g1, b1, a1 := a.At(x, y).RGBA()
	r2, g2, b2, a2 := b.At(x, y).RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
