package textmetrics

import (
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"trotskytimeline/assets"
)

// TestSubset checks that a subset font holds the glyphs of its runes (a composite one, Å, and
// one beyond ASCII, Л, among them) with their advances and outlines, and is a fraction of the
// whole font.
func TestSubset(t *testing.T) {
	runes := []rune("AVATAR Città Лев Å…")
	for _, src := range [][]byte{assets.NotoSansRegular, assets.NotoSansBold} {
		sub, err := Subset(src, runes)
		if err != nil {
			t.Fatal(err)
		}
		if len(sub) > len(src)/10 {
			t.Errorf("subset of %d runes is %d bytes of %d", len(runes), len(sub), len(src))
		}
		full, _ := sfnt.Parse(src)
		f, err := sfnt.Parse(sub)
		if err != nil {
			t.Fatalf("the subset does not parse: %v", err)
		}
		var b1, b2 sfnt.Buffer
		ppem := fixed.I(int(full.UnitsPerEm()))
		for _, r := range runes {
			g1, _ := full.GlyphIndex(&b1, r)
			g2, err := f.GlyphIndex(&b2, r)
			if err != nil || g2 == 0 {
				t.Fatalf("%q: not in the subset (%v)", r, err)
			}
			a1, _ := full.GlyphAdvance(&b1, g1, ppem, 0)
			a2, _ := f.GlyphAdvance(&b2, g2, ppem, 0)
			if a1 != a2 {
				t.Errorf("%q: advance %v, want %v", r, a2, a1)
			}
			s1, err1 := full.LoadGlyph(&b1, g1, ppem, nil)
			s2, err2 := f.LoadGlyph(&b2, g2, ppem, nil)
			if err1 != nil || err2 != nil || len(s1) != len(s2) {
				t.Fatalf("%q: outline of %d segments (%v), want %d (%v)", r, len(s2), err2, len(s1), err1)
			}
			for i := range s1 {
				if s1[i] != s2[i] {
					t.Fatalf("%q: segment %d = %v, want %v", r, i, s2[i], s1[i])
				}
			}
		}
		if g, _ := f.GlyphIndex(&b2, 'Z'); g != 0 {
			t.Errorf("Z, not asked for, is glyph %d of the subset", g)
		}
	}
	if _, err := Subset([]byte("not a font"), runes); err == nil {
		t.Error("a non-font subset without error")
	}
}

// TestOutline: a glyph's outline lies within about its advance (the pen moves by the
// advance Width measures, so outlined text takes the layout's width).
func TestOutline(t *testing.T) {
	f := Default().Regular
	segs := f.Outline('H')
	if len(segs) == 0 || segs[0].Op != 'M' {
		t.Fatalf("outline of H: %v", segs)
	}
	maxX, minY := 0.0, 0.0
	for _, s := range segs {
		maxX, minY = max(maxX, s.P[0][0]), min(minY, s.P[0][1])
	}
	if maxX > f.Advance('H') || maxX < f.Advance('H')/2 {
		t.Errorf("H's outline reaches x=%.3f em, advance %.3f em", maxX, f.Advance('H'))
	}
	if minY > -f.CapHeight*0.95 || minY < -f.CapHeight*1.05 {
		t.Errorf("H's top at y=%.3f em, cap height %.3f (y down)", minY, f.CapHeight)
	}
	if f.Outline(' ') != nil {
		t.Error("a space has an outline")
	}
}
