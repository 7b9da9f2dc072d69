package render

import (
	"fmt"
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/math/fixed"

	"trotskytimeline/assets"
)

// fontFamily is what SVG text asks for: the embedded font by name, then any sans-serif.
const fontFamily = `'Noto Sans', sans-serif`

var (
	fontsOnce             sync.Once
	fontRegular, fontBold *truetype.Font
	fontErr               error
)

// fonts returns the embedded Noto Sans regular and bold, parsed once with the truetype
// package go-chart's rasteriser uses, so that the PNG is drawn with the font the layout was
// measured with.
func fonts() (regular, bold *truetype.Font, err error) {
	fontsOnce.Do(func() {
		fontRegular, fontErr = truetype.Parse(assets.NotoSansRegular)
		if fontErr != nil {
			fontErr = fmt.Errorf("render: parse NotoSans-Regular.ttf: %w", fontErr)
			return
		}
		fontBold, fontErr = truetype.Parse(assets.NotoSansBold)
		if fontErr != nil {
			fontErr = fmt.Errorf("render: parse NotoSans-Bold.ttf: %w", fontErr)
		}
	})
	return fontRegular, fontBold, fontErr
}

// advance is the width in px of s set in f at size px: the sum of unhinted advance widths and
// kerning, exactly as go-chart's drawing.RasterGraphicContext.CreateStringPath places glyphs.
func advance(f *truetype.Font, s string, size float64) float64 {
	// Work in font units and scale once: no rounding per glyph.
	upem := fixed.Int26_6(f.FUnitsPerEm())
	var units int64
	prev, hasPrev := truetype.Index(0), false
	for _, r := range s {
		i := f.Index(r)
		if hasPrev {
			units += int64(f.Kern(upem, prev, i))
		}
		units += int64(f.HMetric(upem, i).AdvanceWidth)
		prev, hasPrev = i, true
	}
	return float64(units) * size / float64(upem)
}
