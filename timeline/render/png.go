package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/textmetrics"
)

// pngPainter draws on an RGBA image with go-chart's anti-aliasing rasteriser.
//
// What go-chart's PNG renderer (chart.PNG, raster_renderer.go) does: it wraps
// drawing.RasterGraphicContext but its MoveTo/LineTo/Text take int pixels, so every shape
// snaps to the pixel grid (bars jitter by up to half a pixel, thin rules double up); it sizes
// glyphs as points×DPI/64 (12.5% larger than its SVG renderer's points×DPI/72 at the same
// setting) and measures text by ink bounds where the SVG renderer uses advance widths. What we
// do: drive drawing.RasterGraphicContext directly with float coordinates, through a scale
// transform (opts.Scale) so a 2× file is the 1× layout drawn at twice the resolution rather
// than a layout rounded twice; set its DPI to 64 so a font size is a pixel size; set the
// embedded Noto Sans; and place anchored text with the font's own advance widths (the same
// numbers the layout's measurer uses). go-chart has no gradients: faded ends are composited
// here column by column, with anti-aliased edges.
type pngPainter struct {
	img           *image.RGBA
	gc            *drawing.RasterGraphicContext
	scale         float64
	regular, bold *truetype.Font
}

// newPNGPainter makes a painter for a w×h px layout drawn at scale device pixels per px.
func newPNGPainter(w, h, scale float64) (*pngPainter, error) {
	regular, bold, err := textmetrics.Truetype()
	if err != nil {
		return nil, err
	}
	W, H := int(math.Round(w*scale)), int(math.Round(h*scale))
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil, fmt.Errorf("render: PNG canvas %d×%d: %w", W, H, err)
	}
	// go-chart loads glyphs at size×DPI/64 px: at 64 DPI a font size is a pixel size.
	gc.SetDPI(64)
	gc.Scale(scale, scale)
	gc.SetLineCap(drawing.ButtCap)
	gc.SetLineJoin(drawing.MiterJoin)
	return &pngPainter{img: img, gc: gc, scale: scale, regular: regular, bold: bold}, nil
}

// finish encodes the image as PNG on w.
func (p *pngPainter) finish(w io.Writer) error {
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(w, p.img); err != nil {
		return fmt.Errorf("render: write PNG: %w", err)
	}
	return nil
}

// rectPath adds the box with corners rounded by r to the current path.
func (p *pngPainter) rectPath(x, y, w, h, r float64) {
	gc := p.gc
	r = math.Min(r, math.Min(w, h)/2)
	if r <= 0 {
		gc.MoveTo(x, y)
		gc.LineTo(x+w, y)
		gc.LineTo(x+w, y+h)
		gc.LineTo(x, y+h)
		gc.Close()
		return
	}
	const k = 0.5523 // cubic Bézier approximation of a quarter circle
	gc.MoveTo(x+r, y)
	gc.LineTo(x+w-r, y)
	gc.CubicCurveTo(x+w-r+k*r, y, x+w, y+r-k*r, x+w, y+r)
	gc.LineTo(x+w, y+h-r)
	gc.CubicCurveTo(x+w, y+h-r+k*r, x+w-r+k*r, y+h, x+w-r, y+h)
	gc.LineTo(x+r, y+h)
	gc.CubicCurveTo(x+r-k*r, y+h, x, y+h-r+k*r, x, y+h-r)
	gc.LineTo(x, y+r)
	gc.CubicCurveTo(x, y+r-k*r, x+r-k*r, y, x+r, y)
	gc.Close()
}

// fillStroke paints the current path with pt.
func (p *pngPainter) fillStroke(ink paint.Ink) {
	gc := p.gc
	fill, stroke := paint.Visible(ink.Fill), paint.Visible(ink.Stroke) && ink.StrokeW > 0
	if stroke {
		gc.SetStrokeColor(ink.Stroke)
		gc.SetLineWidth(ink.StrokeW)
		gc.SetLineDash(ink.Dash, 0)
	}
	switch {
	case fill && stroke:
		gc.SetFillColor(ink.Fill)
		gc.FillStroke()
	case fill:
		gc.SetFillColor(ink.Fill)
		gc.Fill()
	case stroke:
		gc.Stroke()
	default:
		gc.BeginPath()
	}
	if stroke {
		gc.SetLineDash(nil, 0)
	}
}

// Rect implements paint.Painter. A square box with no outline (bands, backgrounds, density bars:
// most of the pixels) is composited directly, with the edge pixels' coverage, rather than
// through the rasteriser.
func (p *pngPainter) Rect(x, y, w, h, r float64, ink paint.Ink) {
	if w <= 0 || h <= 0 {
		return
	}
	if r <= 0 && (!paint.Visible(ink.Stroke) || ink.StrokeW <= 0) {
		if paint.Visible(ink.Fill) {
			p.FadeRect(x, y, w, h, ink.Fill, 0, 0)
		}
		return
	}
	p.gc.BeginPath()
	p.rectPath(x, y, w, h, r)
	p.fillStroke(ink)
}

// FadeRect implements paint.Painter by compositing each device column with the colour's alpha
// times the ramp at the column's centre times the column's coverage.
func (p *pngPainter) FadeRect(x, y, w, h float64, c color.NRGBA, fadeL, fadeR float64) {
	s := p.scale
	x0, x1, y0, y1 := x*s, (x+w)*s, y*s, (y+h)*s
	fl, fr := fadeL*s, fadeR*s
	b := p.img.Bounds()
	for col := max(int(math.Floor(x0)), b.Min.X); col < min(int(math.Ceil(x1)), b.Max.X); col++ {
		cx := float64(col) + 0.5
		a := math.Min(float64(col+1), x1) - math.Max(float64(col), x0) // horizontal coverage
		if fl > 0 {
			a *= math.Min(1, math.Max(0, (cx-x0)/fl))
		}
		if fr > 0 {
			a *= math.Min(1, math.Max(0, (x1-cx)/fr))
		}
		p.blendColumn(col, y0, y1, c, a)
	}
}

// blendColumn composites colour c at coverage a over device column col from y0 to y1, with
// partial coverage on the first and last rows (source over, in 8-bit integer arithmetic).
func (p *pngPainter) blendColumn(col int, y0, y1 float64, c color.NRGBA, a float64) {
	a *= float64(c.A) / 255
	if a <= 0 {
		return
	}
	b := p.img.Bounds()
	r0, r1 := max(int(math.Floor(y0)), b.Min.Y), min(int(math.Ceil(y1)), b.Max.Y)
	full := uint32(math.Round(math.Min(a, 1) * 255))
	stride := p.img.Stride
	i := p.img.PixOffset(col, r0)
	for row := r0; row < r1; row, i = row+1, i+stride {
		al := full
		if float64(row) < y0 || float64(row+1) > y1 {
			cov := math.Min(float64(row+1), y1) - math.Max(float64(row), y0)
			al = uint32(math.Round(math.Min(a*cov, 1) * 255))
		}
		if al == 0 {
			continue
		}
		px := p.img.Pix[i : i+4 : i+4]
		if al == 255 {
			px[0], px[1], px[2], px[3] = c.R, c.G, c.B, 255
			continue
		}
		na := 255 - al
		px[0] = uint8((uint32(c.R)*al + uint32(px[0])*na + 127) / 255)
		px[1] = uint8((uint32(c.G)*al + uint32(px[1])*na + 127) / 255)
		px[2] = uint8((uint32(c.B)*al + uint32(px[2])*na + 127) / 255)
		px[3] = uint8((255*al + uint32(px[3])*na + 127) / 255)
	}
}

// Hatch implements paint.Painter with clipped diagonal strokes.
func (p *pngPainter) Hatch(x, y, w, h float64, c color.NRGBA, gap float64) {
	gc := p.gc
	gc.BeginPath()
	n := 0
	paint.HatchSegments(x, y, w, h, gap, func(x1, y1, x2, y2 float64) {
		gc.MoveTo(x1, y1)
		gc.LineTo(x2, y2)
		n++
	})
	if n == 0 {
		return
	}
	gc.SetStrokeColor(c)
	gc.SetLineWidth(1)
	gc.Stroke()
}

// Line implements paint.Painter.
func (p *pngPainter) Line(x1, y1, x2, y2, width float64, c color.NRGBA, dash []float64) {
	if !paint.Visible(c) || width <= 0 {
		return
	}
	gc := p.gc
	gc.BeginPath()
	gc.MoveTo(x1, y1)
	gc.LineTo(x2, y2)
	gc.SetStrokeColor(c)
	gc.SetLineWidth(width)
	gc.SetLineDash(dash, 0)
	gc.Stroke()
	gc.SetLineDash(nil, 0)
}

// Path implements paint.Painter: a polygon filled and outlined, or a polyline stroked.
func (p *pngPainter) Path(pts []paint.Point, closed bool, ink paint.Ink) {
	if len(pts) < 2 {
		return
	}
	gc := p.gc
	gc.BeginPath()
	gc.MoveTo(pts[0].X, pts[0].Y)
	for _, q := range pts[1:] {
		gc.LineTo(q.X, q.Y)
	}
	if closed {
		gc.Close()
	} else {
		ink.Fill = color.NRGBA{}
	}
	p.fillStroke(ink)
}

// Circle implements paint.Painter.
func (p *pngPainter) Circle(cx, cy, r float64, ink paint.Ink) {
	if r <= 0 {
		return
	}
	p.gc.BeginPath()
	p.rectPath(cx-r, cy-r, 2*r, 2*r, r)
	p.fillStroke(ink)
}

// Text implements paint.Painter: glyph outlines of the embedded Noto Sans filled by go-chart's
// rasteriser, each glyph placed at the advances textmetrics measures (unkerned, as the layout,
// the screen and the other formats place them).
func (p *pngPainter) Text(x, y float64, s string, size float64, bold bool, c color.NRGBA, a paint.Anchor, _ bool) {
	if !paint.Visible(c) || s == "" {
		return
	}
	f, m := p.regular, textmetrics.Default().Regular
	if bold {
		f, m = p.bold, textmetrics.Default().Bold
	}
	switch a {
	case paint.AnchorMiddle:
		x -= m.Em(s) * size / 2
	case paint.AnchorEnd:
		x -= m.Em(s) * size
	}
	gc := p.gc
	gc.BeginPath()
	gc.SetFont(f)
	gc.SetFontSize(size)
	gc.SetFillColor(c)
	var one [utf8.UTFMax]byte
	for _, r := range s {
		if r != ' ' {
			n := utf8.EncodeRune(one[:], r)
			if _, err := gc.CreateStringPath(string(one[:n]), x, y); err != nil {
				gc.BeginPath()
				return
			}
		}
		x += m.Advance(r) * size
	}
	gc.Fill()
}

// clear fills the whole image with c (faster than a path).
func (p *pngPainter) clear(c color.NRGBA) {
	draw.Draw(p.img, p.img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
}
