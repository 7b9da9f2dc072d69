// Package textmetrics measures text the way every painter of the program draws it: with the
// embedded Noto Sans (regular and bold), so that a label the layout fitted into a box fits on
// the screen, in a PNG and in an SVG alike. Advances are cached per rune, so measuring a label
// costs nanoseconds and allocates nothing.
package textmetrics

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"trotskytimeline/assets"
)

// Measurer measures the advance width in pixels of a string at a font size in pixels.
type Measurer interface {
	Width(s string, size float64, bold bool) float64
}

// Ellipsis is the character appended to a label cut short.
const Ellipsis = "…"

// Font is one parsed face with its per-rune advances (in em units) cached.
type Font struct {
	f    *sfnt.Font
	upem float64
	// fast holds the advances of runes below len(fast), filled at load.
	fast [0x800]float32
	mu   sync.Mutex
	slow map[rune]float32 // the rest, filled on demand
	buf  sfnt.Buffer      // guarded by mu

	// Ascent, Descent and CapHeight are the font's vertical metrics in em units.
	Ascent, Descent, CapHeight float64
}

// LoadFont parses a TrueType/OpenType font and caches the advances of the first 2048 runes.
func LoadFont(data []byte) (*Font, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("textmetrics: parse font: %w", err)
	}
	ft := &Font{f: f, upem: float64(f.UnitsPerEm()), slow: map[rune]float32{}}
	ppem := fixed.I(int(f.UnitsPerEm()))
	m, err := f.Metrics(&ft.buf, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("textmetrics: font metrics: %w", err)
	}
	ft.Ascent = float64(m.Ascent) / 64 / ft.upem
	ft.Descent = float64(m.Descent) / 64 / ft.upem
	ft.CapHeight = float64(m.CapHeight) / 64 / ft.upem
	for r := range ft.fast {
		ft.fast[r] = ft.advance(rune(r))
	}
	return ft, nil
}

// advance is the advance of r in em units (the .notdef glyph's when the font lacks r).
// The caller holds mu or is LoadFont.
func (ft *Font) advance(r rune) float32 {
	gi, err := ft.f.GlyphIndex(&ft.buf, r)
	if err != nil {
		return 0
	}
	a, err := ft.f.GlyphAdvance(&ft.buf, gi, fixed.I(int(ft.upem)), font.HintingNone)
	if err != nil {
		return 0
	}
	return float32(float64(a) / 64 / ft.upem)
}

// Advance is the advance width of r in em units.
func (ft *Font) Advance(r rune) float64 {
	if r >= 0 && int(r) < len(ft.fast) {
		return float64(ft.fast[r])
	}
	ft.mu.Lock()
	a, ok := ft.slow[r]
	if !ok {
		a = ft.advance(r)
		ft.slow[r] = a
	}
	ft.mu.Unlock()
	return float64(a)
}

// Em is the advance width of s in em units (multiply by the font size for pixels).
func (ft *Font) Em(s string) float64 {
	var w float64
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			w += float64(ft.fast[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w += ft.Advance(r)
		i += n
	}
	return w
}

// Noto measures with the embedded Noto Sans faces. It is safe for concurrent use.
type Noto struct {
	Regular, Bold *Font
}

// Width is the advance width in pixels of s at size px.
func (n *Noto) Width(s string, size float64, bold bool) float64 {
	if bold {
		return n.Bold.Em(s) * size
	}
	return n.Regular.Em(s) * size
}

var (
	defaultOnce sync.Once
	defaultNoto *Noto
)

// Default is the measurer of the embedded Noto Sans, loaded once.
// It panics if the embedded fonts are broken (a build error, not a user's).
func Default() *Noto {
	defaultOnce.Do(func() {
		r, err := LoadFont(assets.NotoSansRegular)
		if err != nil {
			panic(err)
		}
		b, err := LoadFont(assets.NotoSansBold)
		if err != nil {
			panic(err)
		}
		defaultNoto = &Noto{Regular: r, Bold: b}
	})
	return defaultNoto
}

// Fit returns s, or its longest prefix followed by an ellipsis, whose width at size is at most
// room, and that width; "" and 0 when not even one character and the ellipsis fit.
// It allocates only when it cuts s.
func Fit(m Measurer, s string, size float64, bold bool, room float64) (string, float64) {
	w := m.Width(s, size, bold)
	if w <= room {
		return s, w
	}
	ew := m.Width(Ellipsis, size, bold)
	if room < ew {
		return "", 0
	}
	// Grow the prefix rune by rune; labels are short, so this stays cheap.
	var acc float64
	cut := 0
	for i, r := range s {
		n := utf8.RuneLen(r)
		rw := m.Width(s[i:i+n], size, bold)
		if acc+rw+ew > room {
			break
		}
		acc += rw
		cut = i + n
	}
	if cut == 0 {
		return "", 0
	}
	// Do not leave a trailing space before the ellipsis.
	for cut > 0 && s[cut-1] == ' ' {
		cut--
		acc -= m.Width(" ", size, bold)
	}
	if cut == 0 {
		return "", 0
	}
	return s[:cut] + Ellipsis, acc + ew
}

// Seg is one piece of a glyph's outline in em units, y down, the pen on the baseline at 0:
// Op is 'M' (move to P[0]), 'L' (line to P[0]), 'Q' (quadratic through P[0] to P[1]) or
// 'C' (cubic through P[0], P[1] to P[2]).
type Seg struct {
	Op byte
	P  [3][2]float64
}

// Outline is the outline of r's glyph in em units (nil for a blank glyph), for painters that
// write text as paths: glyph after glyph at the advances Em sums (unkerned), so the text
// takes the width the layout measured.
func (ft *Font) Outline(r rune) []Seg {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	gi, err := ft.f.GlyphIndex(&ft.buf, r)
	if err != nil {
		return nil
	}
	segs, err := ft.f.LoadGlyph(&ft.buf, gi, fixed.I(int(ft.upem)), nil)
	if err != nil || len(segs) == 0 {
		return nil
	}
	k := 1 / (64 * ft.upem)
	out := make([]Seg, 0, len(segs))
	for _, sg := range segs {
		var o Seg
		n := 1
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			o.Op = 'M'
		case sfnt.SegmentOpLineTo:
			o.Op = 'L'
		case sfnt.SegmentOpQuadTo:
			o.Op, n = 'Q', 2
		case sfnt.SegmentOpCubeTo:
			o.Op, n = 'C', 3
		}
		for i := range n {
			o.P[i] = [2]float64{float64(sg.Args[i].X) * k, float64(sg.Args[i].Y) * k}
		}
		out = append(out, o)
	}
	return out
}
