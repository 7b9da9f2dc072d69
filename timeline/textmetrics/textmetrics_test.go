package textmetrics

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"trotskytimeline/assets"
)

// TestWidthMatchesOpentype compares the cached advances with x/image's own measuring of the
// same font (no hinting, no kerning pairs in these strings' fonts' default path).
func TestWidthMatchesOpentype(t *testing.T) {
	m := Default()
	for _, tc := range []struct {
		name string
		font []byte
		bold bool
	}{{"regular", assets.NotoSansRegular, false}, {"bold", assets.NotoSansBold, true}} {
		f, err := opentype.Parse(tc.font)
		if err != nil {
			t.Fatal(err)
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 100, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"Leon Trotsky", "Coyoacán", "Esilio interno ad Alma-Ata", "Троцкий", "1917–1940", "…"} {
			var want float64
			for _, r := range s {
				a, _ := face.GlyphAdvance(r)
				want += float64(a) / 64
			}
			// opentype rounds each advance to 1/64 px.
			if got := m.Width(s, 100, tc.bold); math.Abs(got-want) > 0.02*float64(len(s)) {
				t.Errorf("%s %q: Width %v, opentype %v", tc.name, s, got, want)
			}
		}
	}
}

func TestWidthScales(t *testing.T) {
	m := Default()
	if w := m.Width("", 12, false); w != 0 {
		t.Errorf("Width(\"\") = %v", w)
	}
	a, b := m.Width("Trotsky", 12, false), m.Width("Trotsky", 24, false)
	if math.Abs(2*a-b) > 1e-9 || a <= 0 {
		t.Errorf("Width at 12 = %v, at 24 = %v: not proportional", a, b)
	}
	if m.Width("Trotsky", 12, true) <= a {
		t.Errorf("bold is not wider than regular")
	}
}

func TestFit(t *testing.T) {
	m := Default()
	full := m.Width("Internal exile in Alma-Ata", 12, false)
	tests := []struct {
		name     string
		s        string
		room     float64
		want     string // "" for omitted; a prefix ending in … for cut
		wantCut  bool
		wantNone bool
	}{
		{"fits", "Internal exile in Alma-Ata", full, "Internal exile in Alma-Ata", false, false},
		{"cut", "Internal exile in Alma-Ata", full / 2, "", true, false},
		{"no trailing space before the ellipsis", "Internal exile in Alma-Ata", m.Width("Internal exile …", 12, false) + 0.5, "Internal exile…", true, false},
		{"no room", "Internal exile in Alma-Ata", 3, "", false, true},
		{"accents are not split", "Coyoacán é", m.Width("Coyoacá…", 12, false) + 0.1, "Coyoacá…", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, w := Fit(m, tc.s, 12, false, tc.room)
			if w > tc.room+1e-9 {
				t.Errorf("Fit width %v > room %v", w, tc.room)
			}
			if math.Abs(w-m.Width(got, 12, false)) > 1e-9 {
				t.Errorf("Fit says %v wide, %q measures %v", w, got, m.Width(got, 12, false))
			}
			if !utf8.ValidString(got) {
				t.Errorf("Fit cut a character: %q", got)
			}
			switch {
			case tc.wantNone && got != "":
				t.Errorf("Fit = %q, want nothing", got)
			case tc.wantCut && (!strings.HasSuffix(got, Ellipsis) || !strings.HasPrefix(tc.s, strings.TrimSuffix(got, Ellipsis))):
				t.Errorf("Fit = %q, want a prefix of %q with an ellipsis", got, tc.s)
			case tc.want != "" && got != tc.want:
				t.Errorf("Fit = %q, want %q", got, tc.want)
			}
		})
	}
}

func BenchmarkWidth(b *testing.B) {
	m := Default()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m.Width("Item 000123 abcdefgh", 12, false)
	}
}
