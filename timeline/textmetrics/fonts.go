package textmetrics

import (
	"fmt"
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font/sfnt"

	"trotskytimeline/assets"
)

// SFNT is the parsed font, for drawing its glyphs (golang.org/x/image/font/opentype faces
// take it as it is). Its advances are those Width sums.
func (ft *Font) SFNT() *sfnt.Font { return ft.f }

var (
	ttOnce            sync.Once
	ttRegular, ttBold *truetype.Font
	ttErr             error
)

// Truetype is the embedded Noto Sans parsed by github.com/golang/freetype, the form go-chart's
// rasteriser draws with (it has its own font type). Only the PNG painter needs it, and it
// places each glyph at the advances of Width, not at this package's, so the one measurer stays
// this package's.
func Truetype() (regular, bold *truetype.Font, err error) {
	ttOnce.Do(func() {
		ttRegular, ttErr = truetype.Parse(assets.NotoSansRegular)
		if ttErr != nil {
			ttErr = fmt.Errorf("textmetrics: parse NotoSans-Regular.ttf: %w", ttErr)
			return
		}
		ttBold, ttErr = truetype.Parse(assets.NotoSansBold)
		if ttErr != nil {
			ttErr = fmt.Errorf("textmetrics: parse NotoSans-Bold.ttf: %w", ttErr)
		}
	})
	return ttRegular, ttBold, ttErr
}
