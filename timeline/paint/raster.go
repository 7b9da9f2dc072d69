package paint

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
)

// Raster is the Painter of the screen: it rasterises shapes into an *image.RGBA, the app's
// single canvas.Raster. One raster per frame instead of one Fyne object per shape keeps the
// frame time flat as the number of shapes grows (about 127 ms for 1,000 separate objects in
// Fyne's software painter). It is written for speed rather than through
// a general rasteriser: boxes, bands and axis-aligned lines (most of the pixels) are span
// fills with coverage-weighted edges, rounded bars rasterise only their ends, and text comes
// from a glyph cache of the embedded Noto Sans.
type Raster struct {
	rast  vector.Rasterizer
	fonts *fontCache

	// The frame being painted (set by Paint).
	dst *image.RGBA
	b   image.Rectangle
	t   Transform
	// flat lists boxes of dst known to hold one pixel value each, most recent last: the
	// background PaintOn filled, and the boxes whole-pixel fills painted over it since (the
	// lane bands). A fill over such a box works its colour out once and copies it, where
	// fillOver would blend every pixel, and a fill that would change nothing (the scene's
	// background over the same background) is skipped. Any other drawing empties it.
	flat []flatBox
}

// flatBox is a box of dst whose pixels all equal px (dst's bytes R, G, B, A, little-endian).
type flatBox struct {
	r  image.Rectangle
	px uint32
}

// NewRaster makes a screen painter.
func NewRaster() *Raster { return &Raster{fonts: sharedFonts()} }

// Transform maps scene coordinates (device-independent pixels) to raster pixels:
// px = x*S + DX, py = y*S + DY.
type Transform struct{ S, DX, DY float64 }

func (t Transform) x(v float64) float64 { return v*t.S + t.DX }
func (t Transform) y(v float64) float64 { return v*t.S + t.DY }

// Paint draws the shapes keep accepts (nil: all) onto dst through t, skipping what falls
// outside dst. It walks them with Shapes, as every format does.
func (p *Raster) Paint(dst *image.RGBA, shapes []scene.Shape, t Transform, keep func(*scene.Shape) bool) {
	p.flat = p.flat[:0]
	p.paint(dst, shapes, t, keep)
}

// PaintOn fills dst with bg (replacing what it held, as draw.Src does) and then paints the
// shapes as Paint does. The same pixels as filling and then calling Paint, but knowing that
// dst starts as one colour lets the fills that follow (the scene's background, its lane
// bands) work out their colour once instead of blending every pixel.
func (p *Raster) PaintOn(dst *image.RGBA, bg color.NRGBA, shapes []scene.Shape, t Transform, keep func(*scene.Shape) bool) {
	r, g, b, a := bg.RGBA() // premultiplied, as draw.Src of an image.Uniform writes it
	px := r>>8 | (g>>8)<<8 | (b>>8)<<16 | (a>>8)<<24
	fillPixel(dst, dst.Rect, px)
	p.flat = append(p.flat[:0], flatBox{dst.Rect, px})
	p.paint(dst, shapes, t, keep)
}

func (p *Raster) paint(dst *image.RGBA, shapes []scene.Shape, t Transform, keep func(*scene.Shape) bool) {
	p.dst, p.b, p.t = dst, dst.Bounds(), t
	Shapes(p, shapes, keep)
	p.dst = nil
	p.flat = p.flat[:0]
}

// fillFlat paints c over the whole-pixel box r (inside dst). Over a box known to be flat it
// works the result out once (the formula fillOver applies to each pixel) and copies it, or
// does nothing when that is what the box already holds; otherwise it is fillOver.
func (p *Raster) fillFlat(r image.Rectangle, c color.NRGBA) {
	if c.A == 0 || r.Empty() {
		return
	}
	for i := len(p.flat) - 1; i >= 0; i-- {
		f := p.flat[i]
		if !f.r.Overlaps(r) {
			continue
		}
		if !r.In(f.r) { // partly over a flat box: the pixels under r are not all one
			break
		}
		px := overPixel(c, f.px)
		if px != f.px {
			fillPixel(p.dst, r, px)
			p.pushFlat(flatBox{r, px})
		}
		return
	}
	fillOver(p.dst, r, c)
	if c.A == 255 {
		p.pushFlat(flatBox{r, overPixel(c, 0)})
	} else {
		p.flat = p.flat[:0]
	}
}

// maxFlat bounds the flat boxes remembered, so that looking them up stays cheap when a
// scene has many opaque boxes on whole pixels (density bins).
const maxFlat = 32

// pushFlat remembers a box just filled with one value; past maxFlat boxes it forgets the
// others (knowing less is always right).
func (p *Raster) pushFlat(f flatBox) {
	if len(p.flat) >= maxFlat {
		p.flat = p.flat[:0]
	}
	p.flat = append(p.flat, f)
}

// overPixel is c composited over the pixel v, as fillOver computes it.
func overPixel(c color.NRGBA, v uint32) uint32 {
	if c.A == 255 {
		return uint32(c.R) | uint32(c.G)<<8 | uint32(c.B)<<16 | 0xff<<24
	}
	a := uint32(c.A)
	ia := 255 - a
	sr, sg, sb, sa := uint32(c.R)*a, uint32(c.G)*a, uint32(c.B)*a, a*255
	return uint32(div255(sr+(v&0xff)*ia)) | uint32(div255(sg+(v>>8&0xff)*ia))<<8 |
		uint32(div255(sb+(v>>16&0xff)*ia))<<16 | uint32(div255(sa+(v>>24)*ia))<<24
}

// fillPixel sets every pixel of the box r (inside dst) to px: the first row, then copies of it.
func fillPixel(dst *image.RGBA, r image.Rectangle, px uint32) {
	if r.Empty() {
		return
	}
	w := r.Dx() * 4
	i := dst.PixOffset(r.Min.X, r.Min.Y)
	first := dst.Pix[i : i+w : i+w]
	for j := 0; j+4 <= len(first); j += 4 {
		binary.LittleEndian.PutUint32(first[j:j+4], px)
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		i += dst.Stride
		copy(dst.Pix[i:i+w], first)
	}
}

// Rect implements Painter: a plain or rounded fill, then the outline (one-device-pixel
// minimum width), each side a span fill.
func (p *Raster) Rect(x, y, w, h, radius float64, ink Ink) {
	if w <= 0 || h <= 0 {
		return
	}
	dst, b, t := p.dst, p.b, p.t
	x0, y0 := t.x(x), t.y(y)
	x1, y1 := t.x(x+w), t.y(y+h)
	if x1 < float64(b.Min.X) || x0 > float64(b.Max.X) || y1 < float64(b.Min.Y) || y0 > float64(b.Max.Y) {
		return
	}
	switch {
	case !Visible(ink.Fill):
	case radius > 0 && x1-x0 > 2 && y1-y0 > 2 && radius*t.S >= 0.5:
		p.flat = p.flat[:0]
		r := math.Min(radius*t.S, math.Min(x1-x0, y1-y0)/2)
		p.roundBar(dst, b, x0, y0, x1, y1, r, ink.Fill)
	default:
		// A box on whole pixels (the background, the lane bands) covers each of its pixels
		// fully: fillRect would be fillOver of it.
		cx0, cy0 := math.Max(x0, float64(b.Min.X)), math.Max(y0, float64(b.Min.Y))
		cx1, cy1 := math.Min(x1, float64(b.Max.X)), math.Min(y1, float64(b.Max.Y))
		if cx0 < cx1 && cy0 < cy1 && x1-x0 >= 1 && y1-y0 >= 1 &&
			cx0 == math.Trunc(cx0) && cy0 == math.Trunc(cy0) && cx1 == math.Trunc(cx1) && cy1 == math.Trunc(cy1) {
			p.fillFlat(image.Rect(int(cx0), int(cy0), int(cx1), int(cy1)), ink.Fill)
		} else {
			p.flat = p.flat[:0]
			fillRect(dst, b, x0, y0, x1, y1, ink.Fill)
		}
	}
	if ink.StrokeW > 0 && Visible(ink.Stroke) {
		p.flat = p.flat[:0]
		sw := math.Max(1, ink.StrokeW*t.S)
		dash := p.dash(ink.Dash)
		p.segment(x0, y0, x1, y0, sw, ink.Stroke, dash)
		p.segment(x0, y1, x1, y1, sw, ink.Stroke, dash)
		p.segment(x0, y0, x0, y1, sw, ink.Stroke, dash)
		p.segment(x1, y0, x1, y1, sw, ink.Stroke, dash)
	}
}

// dash is a dash pattern in device pixels.
func (p *Raster) dash(d []float64) []float64 {
	if len(d) < 2 || d[0] <= 0 {
		return nil
	}
	return []float64{d[0] * p.t.S, d[1] * p.t.S}
}

// FadeRect implements Painter.
func (p *Raster) FadeRect(x, y, w, h float64, c color.NRGBA, fadeL, fadeR float64) {
	p.flat = p.flat[:0]
	if w <= 0 || h <= 0 {
		return
	}
	t := p.t
	fadeRect(p.dst, p.b, t.x(x), t.y(y), t.x(x+w), t.y(y+h), c, fadeL*t.S, fadeR*t.S)
}

// Hatch implements Painter with whole-pixel diagonal lines.
func (p *Raster) Hatch(x, y, w, h float64, c color.NRGBA, gap float64) {
	p.flat = p.flat[:0]
	if w <= 0 || h <= 0 {
		return
	}
	t := p.t
	hatch(p.dst, p.b, t.x(x), t.y(y), t.x(x+w), t.y(y+h), c, gap*t.S, t.S)
}

// Line implements Painter; a line is at least one device pixel wide.
func (p *Raster) Line(x1, y1, x2, y2, width float64, c color.NRGBA, dash []float64) {
	p.flat = p.flat[:0]
	if !Visible(c) || width <= 0 {
		return
	}
	t := p.t
	p.segment(t.x(x1), t.y(y1), t.x(x2), t.y(y2), math.Max(1, width*t.S), c, p.dash(dash))
}

// Path implements Painter: the polygon filled with the rasteriser, then its outline (or the
// polyline) stroked segment by segment in one rasterised path, so that joints are not
// blended twice.
func (p *Raster) Path(pts []Point, closed bool, ink Ink) {
	p.flat = p.flat[:0]
	if len(pts) < 2 {
		return
	}
	t, b := p.t, p.b
	minx, miny, maxx, maxy := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		x, y := t.x(q.X), t.y(q.Y)
		minx, maxx = math.Min(minx, x), math.Max(maxx, x)
		miny, maxy = math.Min(miny, y), math.Max(maxy, y)
	}
	sw := 0.0
	if ink.StrokeW > 0 && Visible(ink.Stroke) {
		sw = math.Max(1, ink.StrokeW*t.S)
	}
	m := sw + 2
	if maxx+m < float64(b.Min.X) || minx-m > float64(b.Max.X) || maxy+m < float64(b.Min.Y) || miny-m > float64(b.Max.Y) {
		return
	}
	if closed && len(pts) >= 3 && Visible(ink.Fill) {
		// Bring the path's coordinates near the raster: float32 loses precision far away.
		p.path(p.dst, b, math.Max(minx, float64(b.Min.X)-m), math.Max(miny, float64(b.Min.Y)-m),
			math.Min(maxx, float64(b.Max.X)+m), math.Min(maxy, float64(b.Max.Y)+m), ink.Fill,
			func(z *vector.Rasterizer, ox, oy float64) {
				lim := func(v, lo, hi float64) float32 { return float32(math.Max(lo, math.Min(hi, v))) }
				lox, hix := float64(b.Min.X)-m-ox, float64(b.Max.X)+m-ox
				loy, hiy := float64(b.Min.Y)-m-oy, float64(b.Max.Y)+m-oy
				for i, q := range pts {
					x, y := lim(t.x(q.X)-ox, lox, hix), lim(t.y(q.Y)-oy, loy, hiy)
					if i == 0 {
						z.MoveTo(x, y)
					} else {
						z.LineTo(x, y)
					}
				}
				z.ClosePath()
			})
	}
	if sw > 0 {
		n := len(pts) - 1
		if closed {
			n++
		}
		dash := p.dash(ink.Dash)
		p.strokeSegments(minx-m, miny-m, maxx+m, maxy+m, sw, ink.Stroke, func(emit func(x0, y0, x1, y1 float64)) {
			for i := range n {
				a, c := pts[i], pts[(i+1)%len(pts)]
				p.dashes(t.x(a.X), t.y(a.Y), t.x(c.X), t.y(c.Y), sw, dash, emit)
			}
		})
	}
}

// Circle implements Painter: the disc, then its outline as a ring centred on the edge.
func (p *Raster) Circle(cx, cy, r float64, ink Ink) {
	p.flat = p.flat[:0]
	if r <= 0 {
		return
	}
	t, b := p.t, p.b
	x, y, rr := t.x(cx), t.y(cy), r*t.S
	sw := 0.0
	if ink.StrokeW > 0 && Visible(ink.Stroke) {
		sw = math.Max(1, ink.StrokeW*t.S)
	}
	out := rr + sw/2
	if x+out < float64(b.Min.X) || x-out > float64(b.Max.X) || y+out < float64(b.Min.Y) || y-out > float64(b.Max.Y) {
		return
	}
	const k = 0.5523 // cubic Bézier approximation of a quarter circle
	f := func(v float64) float32 { return float32(v) }
	circle := func(z *vector.Rasterizer, x, y, r float64, ccw bool) {
		sy := 1.0
		if ccw {
			sy = -1
		}
		z.MoveTo(f(x+r), f(y))
		z.CubeTo(f(x+r), f(y+sy*r*k), f(x+r*k), f(y+sy*r), f(x), f(y+sy*r))
		z.CubeTo(f(x-r*k), f(y+sy*r), f(x-r), f(y+sy*r*k), f(x-r), f(y))
		z.CubeTo(f(x-r), f(y-sy*r*k), f(x-r*k), f(y-sy*r), f(x), f(y-sy*r))
		z.CubeTo(f(x+r*k), f(y-sy*r), f(x+r), f(y-sy*r*k), f(x+r), f(y))
		z.ClosePath()
	}
	if Visible(ink.Fill) {
		p.path(p.dst, b, x-rr, y-rr, x+rr, y+rr, ink.Fill, func(z *vector.Rasterizer, ox, oy float64) {
			circle(z, x-ox, y-oy, rr, false)
		})
	}
	if sw > 0 {
		in := math.Max(0, rr-sw/2)
		p.path(p.dst, b, x-out, y-out, x+out, y+out, ink.Stroke, func(z *vector.Rasterizer, ox, oy float64) {
			circle(z, x-ox, y-oy, out, false)
			if in > 0 {
				circle(z, x-ox, y-oy, in, true) // opposite winding: a hole
			}
		})
	}
}

// Text implements Painter with the glyph cache: the text's device-pixel size picks a face,
// whose advances and kerning place it.
func (p *Raster) Text(x, y float64, s string, size float64, bold bool, c color.NRGBA, a Anchor, _ bool) {
	p.flat = p.flat[:0]
	if s == "" || !Visible(c) {
		return
	}
	t, b := p.t, p.b
	f := p.fonts.face(bold, size*t.S)
	px, py := t.x(x), t.y(y)
	if py-size*t.S*1.2 > float64(b.Max.Y) || py+size*t.S*0.4 < float64(b.Min.Y) {
		return
	}
	switch a {
	case AnchorMiddle:
		px -= f.width(s) / 2
	case AnchorEnd:
		px -= f.width(s)
	}
	if px > float64(b.Max.X) {
		return
	}
	f.draw(p.dst, b, px, py, s, c)
}

// clipSegment clips the segment to the box (Liang–Barsky); ok is false when none of it is inside.
func clipSegment(x0, y0, x1, y1, minx, miny, maxx, maxy float64) (float64, float64, float64, float64, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, e := range [4][2]float64{{-dx, x0 - minx}, {dx, maxx - x0}, {-dy, y0 - miny}, {dy, maxy - y0}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
		if t0 > t1 {
			return 0, 0, 0, 0, false
		}
	}
	return x0 + t0*dx, y0 + t0*dy, x0 + t1*dx, y0 + t1*dy, true
}

// fillRect fills a box with coverage-weighted edges so that thin and fractional boxes
// (a one-day bar at decade zoom) still show, fainter, instead of vanishing or jumping a pixel.
// It works row band by row band: the whole-pixel columns of a band take one span fill at the
// band's coverage, and only the (at most two) fractional columns are blended pixel by pixel.
func fillRect(dst *image.RGBA, b image.Rectangle, x0, y0, x1, y1 float64, c color.NRGBA) {
	if c.A == 0 {
		return
	}
	if x1-x0 < 1 { // keep at least one pixel's worth of ink
		m := (x0 + x1) / 2
		x0, x1 = m-0.5, m+0.5
	}
	if y1-y0 < 1 {
		m := (y0 + y1) / 2
		y0, y1 = m-0.5, m+0.5
	}
	// Clip to the raster first, so that a bar a million pixels long costs what shows.
	x0, x1 = math.Max(x0, float64(b.Min.X)), math.Min(x1, float64(b.Max.X))
	y0, y1 = math.Max(y0, float64(b.Min.Y)), math.Min(y1, float64(b.Max.Y))
	if !(x0 < x1 && y0 < y1) { // also false for NaN
		return
	}
	ix0, ix1 := int(math.Floor(x0)), int(math.Ceil(x1))
	iy0, iy1 := int(math.Floor(y0)), int(math.Ceil(y1))
	// Whole-pixel columns are [cx0, cx1); the others of [ix0, ix1) are partly covered.
	cx0, cx1 := int(math.Ceil(x0)), int(math.Floor(x1))
	var part [2]int
	np := 0
	if cx0 >= cx1 {
		cx0, cx1 = ix0, ix0
		for px := ix0; px < ix1; px++ {
			part[np] = px
			np++
		}
	} else {
		if ix0 < cx0 {
			part[np] = ix0
			np++
		}
		if ix1 > cx1 {
			part[np] = ix1 - 1
			np++
		}
	}
	var pcov [2]float64
	for k := range np {
		px := part[k]
		pcov[k] = math.Min(x1, float64(px+1)) - math.Max(x0, float64(px))
	}
	for py := iy0; py < iy1; {
		cy := math.Min(y1, float64(py+1)) - math.Max(y0, float64(py))
		ey := py + 1 // the band [py, ey) of rows with coverage cy: all the full rows at once
		if cy >= 1 {
			for ey < iy1 && float64(ey+1) <= y1 {
				ey++
			}
		}
		if cy > 0 {
			if cx0 < cx1 {
				cc := c
				if cy < 1 {
					cc.A = uint8(float64(c.A)*cy + 0.5)
				}
				fillOver(dst, image.Rect(cx0, py, cx1, ey), cc)
			}
			for k := range np {
				for y := py; y < ey; y++ {
					blend(dst, part[k], y, c, pcov[k]*cy)
				}
			}
		}
		py = ey
	}
}

// fillOver composites the uniform colour c over the box r of dst (r inside dst). Lane bands,
// tints and bars cover most of the window every frame, so this is the painter's hottest loop.
// An opaque colour is copied. A translucent one goes through four 256-entry tables (with the
// colour fixed, each output byte depends on one input byte only), and since what lies under a
// fill is mostly flat (a band, a bar), a pixel equal to the one before reuses its result.
func fillOver(dst *image.RGBA, r image.Rectangle, c color.NRGBA) {
	if c.A == 0 || r.Empty() {
		return
	}
	if c.A == 255 {
		fillPixel(dst, r, overPixel(c, 0))
		return
	}
	w := r.Dx() * 4
	a := uint32(c.A)
	ia := 255 - a
	// Source premultiplied, scaled by 255 so one division by 255 serves both terms.
	sr, sg, sb, sa := uint32(c.R)*a, uint32(c.G)*a, uint32(c.B)*a, a*255
	over := func(v uint32) uint32 {
		return uint32(div255(sr+(v&0xff)*ia)) | uint32(div255(sg+(v>>8&0xff)*ia))<<8 |
			uint32(div255(sb+(v>>16&0xff)*ia))<<16 | uint32(div255(sa+(v>>24)*ia))<<24
	}
	if r.Dx()*r.Dy() < 256 { // small boxes: not worth the tables
		for y := r.Min.Y; y < r.Max.Y; y++ {
			i := dst.PixOffset(r.Min.X, y)
			row := dst.Pix[i : i+w : i+w]
			for j := 0; j+4 <= len(row); j += 4 {
				p := row[j : j+4 : j+4]
				binary.LittleEndian.PutUint32(p, over(binary.LittleEndian.Uint32(p)))
			}
		}
		return
	}
	var t [4][256]uint8
	for v := uint32(0); v < 256; v++ {
		t[0][v] = div255(sr + v*ia)
		t[1][v] = div255(sg + v*ia)
		t[2][v] = div255(sb + v*ia)
		t[3][v] = div255(sa + v*ia)
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := dst.PixOffset(r.Min.X, y)
		row := dst.Pix[i : i+w : i+w]
		// last is the previous pixel before and after: a run of equal pixels costs a load,
		// a compare and a store each.
		last := ^binary.LittleEndian.Uint32(row[0:4])
		var lastOut uint32
		for j := 0; j+4 <= len(row); j += 4 {
			p := row[j : j+4 : j+4]
			v := binary.LittleEndian.Uint32(p)
			if v != last {
				last = v
				lastOut = uint32(t[0][v&0xff]) | uint32(t[1][v>>8&0xff])<<8 | uint32(t[2][v>>16&0xff])<<16 | uint32(t[3][v>>24])<<24
			}
			binary.LittleEndian.PutUint32(p, lastOut)
		}
	}
}

// div255 is v/255 rounded, for v up to 255·255.
func div255(v uint32) uint8 {
	v += 128
	return uint8((v + v>>8) >> 8)
}

// blend composites c at coverage a (0..1) over the pixel (x, y).
func blend(dst *image.RGBA, x, y int, c color.NRGBA, a float64) {
	i := dst.PixOffset(x, y)
	sa := float64(c.A) / 255 * a
	if sa <= 0 {
		return
	}
	p := dst.Pix[i : i+4 : i+4]
	inv := 1 - sa
	p[0] = uint8(float64(c.R)*sa + float64(p[0])*inv + 0.5)
	p[1] = uint8(float64(c.G)*sa + float64(p[1])*inv + 0.5)
	p[2] = uint8(float64(c.B)*sa + float64(p[2])*inv + 0.5)
	p[3] = uint8(255*sa + float64(p[3])*inv + 0.5)
}

// fadeRect fills a box whose alpha ramps up from 0 over fadeL pixels at the left and down
// to 0 over fadeR pixels at the right (an uncertain start or end).
func fadeRect(dst *image.RGBA, b image.Rectangle, x0, y0, x1, y1 float64, c color.NRGBA, fadeL, fadeR float64) {
	r := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(b)
	// Columns of equal alpha (the whole plateau between the ramps) are filled as one box.
	runX, runA := r.Min.X, uint8(0)
	for px := r.Min.X; px <= r.Max.X; px++ {
		var ca uint8
		if px < r.Max.X {
			cx := float64(px) + 0.5
			a := math.Min(1, math.Min(x1, float64(px+1))-math.Max(x0, float64(px)))
			if fadeL > 0 && cx < x0+fadeL {
				a = math.Min(a, (cx-x0)/fadeL)
			}
			if fadeR > 0 && cx > x1-fadeR {
				a = math.Min(a, (x1-cx)/fadeR)
			}
			if a > 0 {
				ca = uint8(float64(c.A)*a + 0.5)
			}
		}
		if px == r.Max.X || ca != runA {
			if runA > 0 {
				cc := c
				cc.A = runA
				fillOver(dst, image.Rect(runX, r.Min.Y, px, r.Max.Y), cc)
			}
			runX, runA = px, ca
		}
	}
}

// hatch draws one-pixel 45° lines (x+y constant, going up to the right) gap pixels apart
// inside the box, like render's hatchSegments.
func hatch(dst *image.RGBA, b image.Rectangle, x0, y0, x1, y1 float64, c color.NRGBA, gap, s float64) {
	period := int(math.Max(3, math.Round(gap)))
	thick := int(math.Max(1, math.Round(s)))
	off := period / 2
	r := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(b)
	ox, oy := int(math.Floor(x0)), int(math.Floor(y0))
	for py := r.Min.Y; py < r.Max.Y; py++ {
		for px := r.Min.X; px < r.Max.X; px++ {
			if (((px-ox)+(py-oy)-off)%period+period)%period < thick {
				blend(dst, px, py, c, 1)
			}
		}
	}
}

// roundBar fills the box with corners of radius r. Only the two rounded ends are rasterised
// as paths; the straight middle, between whole-pixel columns so that the parts meet without a
// seam, is a span fill: a bar 1,400 px long costs its two ends and a copy, not an
// anti-aliased path over its whole box (the painter's largest cost at a one-week zoom).
func (p *Raster) roundBar(dst *image.RGBA, b image.Rectangle, x0, y0, x1, y1, r float64, c color.NRGBA) {
	sl, sr := math.Ceil(x0+r), math.Floor(x1-r)
	if sl >= sr { // no whole column between the ends: a short bar is one path
		m := r + 2 // corners off the raster do not show: bring the path's coordinates near it
		rx0, rx1 := math.Max(x0, float64(b.Min.X)-m), math.Min(x1, float64(b.Max.X)+m)
		ry0, ry1 := math.Max(y0, float64(b.Min.Y)-m), math.Min(y1, float64(b.Max.Y)+m)
		p.roundRect(dst, b, rx0, ry0, rx1, ry1, r, c)
		return
	}
	fillRect(dst, b, sl, y0, sr, y1, c)
	const k = 0.5523 // cubic Bézier approximation of a quarter circle
	f := func(v float64) float32 { return float32(v) }
	if sl > float64(b.Min.X) && x0 < float64(b.Max.X) {
		p.path(dst, b, x0, y0, sl, y1, c, func(z *vector.Rasterizer, ox, oy float64) {
			ax, ay, bx, by := x0-ox, y0-oy, sl-ox, y1-oy
			z.MoveTo(f(bx), f(ay))
			z.LineTo(f(ax+r), f(ay))
			z.CubeTo(f(ax+r-r*k), f(ay), f(ax), f(ay+r-r*k), f(ax), f(ay+r))
			z.LineTo(f(ax), f(by-r))
			z.CubeTo(f(ax), f(by-r+r*k), f(ax+r-r*k), f(by), f(ax+r), f(by))
			z.LineTo(f(bx), f(by))
			z.ClosePath()
		})
	}
	if x1 > float64(b.Min.X) && sr < float64(b.Max.X) {
		p.path(dst, b, sr, y0, x1, y1, c, func(z *vector.Rasterizer, ox, oy float64) {
			ax, ay, bx, by := sr-ox, y0-oy, x1-ox, y1-oy
			z.MoveTo(f(ax), f(ay))
			z.LineTo(f(bx-r), f(ay))
			z.CubeTo(f(bx-r+r*k), f(ay), f(bx), f(ay+r-r*k), f(bx), f(ay+r))
			z.LineTo(f(bx), f(by-r))
			z.CubeTo(f(bx), f(by-r+r*k), f(bx-r+r*k), f(by), f(bx-r), f(by))
			z.LineTo(f(ax), f(by))
			z.ClosePath()
		})
	}
}

// roundRect rasterises the whole rounded box as one anti-aliased path.
func (p *Raster) roundRect(dst *image.RGBA, b image.Rectangle, x0, y0, x1, y1, r float64, c color.NRGBA) {
	const k = 0.5523 // cubic Bézier approximation of a quarter circle
	p.path(dst, b, x0, y0, x1, y1, c, func(z *vector.Rasterizer, ox, oy float64) {
		f := func(v float64) float32 { return float32(v) }
		ax, ay, bx, by := x0-ox, y0-oy, x1-ox, y1-oy
		z.MoveTo(f(ax+r), f(ay))
		z.LineTo(f(bx-r), f(ay))
		z.CubeTo(f(bx-r+r*k), f(ay), f(bx), f(ay+r-r*k), f(bx), f(ay+r))
		z.LineTo(f(bx), f(by-r))
		z.CubeTo(f(bx), f(by-r+r*k), f(bx-r+r*k), f(by), f(bx-r), f(by))
		z.LineTo(f(ax+r), f(by))
		z.CubeTo(f(ax+r-r*k), f(by), f(ax), f(by-r+r*k), f(ax), f(by-r))
		z.LineTo(f(ax), f(ay+r))
		z.CubeTo(f(ax), f(ay+r-r*k), f(ax+r-r*k), f(ay), f(ax+r), f(ay))
		z.ClosePath()
	})
}

// path rasterises the outline that build draws (in coordinates relative to the box's
// integer origin) with anti-aliasing, filling it with c.
func (p *Raster) path(dst *image.RGBA, b image.Rectangle, x0, y0, x1, y1 float64, c color.NRGBA, build func(z *vector.Rasterizer, ox, oy float64)) {
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1))+1, int(math.Ceil(y1))+1)
	clip := box.Intersect(b)
	if clip.Empty() {
		return
	}
	// The rasterizer's mask starts at the destination rectangle's corner and must fit in
	// dst, so it covers exactly the clipped box; the path is drawn relative to that corner.
	p.rast.Reset(clip.Dx(), clip.Dy())
	build(&p.rast, float64(clip.Min.X), float64(clip.Min.Y))
	p.rast.DrawOp = draw.Over
	p.rast.Draw(dst, clip, image.NewUniform(c), image.Point{})
}

// segment draws a line of width w in device pixels, dashed by dash (nil: solid).
// Axis-aligned solid ones (grid, rules, outlines) take the fast rectangle path; others are
// rasterised as thin quads.
func (p *Raster) segment(x0, y0, x1, y1, w float64, c color.NRGBA, dash []float64) {
	if dash == nil && (x0 == x1 || y0 == y1) {
		// Clip to the raster (plus the width) so a line a million pixels long costs what shows.
		b := p.b
		m := w + 2
		cx0, cy0, cx1, cy1, ok := clipSegment(x0, y0, x1, y1, float64(b.Min.X)-m, float64(b.Min.Y)-m, float64(b.Max.X)+m, float64(b.Max.Y)+m)
		if !ok {
			return
		}
		if cx0 == cx1 {
			fillRect(p.dst, b, cx0-w/2, math.Min(cy0, cy1), cx0+w/2, math.Max(cy0, cy1), c)
		} else {
			fillRect(p.dst, b, math.Min(cx0, cx1), cy0-w/2, math.Max(cx0, cx1), cy0+w/2, c)
		}
		return
	}
	minx, maxx := math.Min(x0, x1)-w, math.Max(x0, x1)+w
	miny, maxy := math.Min(y0, y1)-w, math.Max(y0, y1)+w
	p.strokeSegments(minx, miny, maxx, maxy, w, c, func(emit func(x0, y0, x1, y1 float64)) {
		p.dashes(x0, y0, x1, y1, w, dash, emit)
	})
}

// dashes emits the pieces of the segment that show: clipped to the raster (plus the width,
// so that the rasteriser works with small coordinates: float32 paths a million pixels long
// lose their precision), and cut into dashes that keep the phase of the whole segment.
func (p *Raster) dashes(x0, y0, x1, y1, w float64, dash []float64, emit func(x0, y0, x1, y1 float64)) {
	b := p.b
	m := w + 2
	cx0, cy0, cx1, cy1, ok := clipSegment(x0, y0, x1, y1, float64(b.Min.X)-m, float64(b.Min.Y)-m, float64(b.Max.X)+m, float64(b.Max.Y)+m)
	if !ok {
		return
	}
	if dash == nil {
		emit(cx0, cy0, cx1, cy1)
		return
	}
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	on, off := dash[0], dash[1]
	// Keep the dash phase of the whole line: start at the last dash before the clip.
	from := math.Hypot(cx0-x0, cy0-y0)
	to := math.Hypot(cx1-x0, cy1-y0)
	for d := math.Floor(from/(on+off)) * (on + off); d < to; d += on + off {
		e := math.Min(n, d+on)
		emit(x0+dx*d/n, y0+dy*d/n, x0+dx*e/n, y0+dy*e/n)
	}
}

// strokeSegments rasterises, in one pass over the box (clipped to the raster), a quad of
// width w for each segment gen emits: axis-aligned ones as span fills, the rest together.
func (p *Raster) strokeSegments(minx, miny, maxx, maxy, w float64, c color.NRGBA, gen func(emit func(x0, y0, x1, y1 float64))) {
	b := p.b
	minx, miny = math.Max(minx, float64(b.Min.X)-w-2), math.Max(miny, float64(b.Min.Y)-w-2)
	maxx, maxy = math.Min(maxx, float64(b.Max.X)+w+2), math.Min(maxy, float64(b.Max.Y)+w+2)
	if minx >= maxx || miny >= maxy {
		return
	}
	var quads [][4]float64
	gen(func(x0, y0, x1, y1 float64) {
		switch {
		case x0 == x1 && y0 == y1:
		case x0 == x1:
			fillRect(p.dst, b, x0-w/2, math.Min(y0, y1), x0+w/2, math.Max(y0, y1), c)
		case y0 == y1:
			fillRect(p.dst, b, math.Min(x0, x1), y0-w/2, math.Max(x0, x1), y0+w/2, c)
		default:
			quads = append(quads, [4]float64{x0, y0, x1, y1})
		}
	})
	if len(quads) == 0 {
		return
	}
	p.path(p.dst, b, minx, miny, maxx, maxy, c, func(z *vector.Rasterizer, ox, oy float64) {
		f := func(v float64) float32 { return float32(v) }
		for _, q := range quads {
			x0, y0, x1, y1 := q[0], q[1], q[2], q[3]
			dx, dy := x1-x0, y1-y0
			n := math.Hypot(dx, dy)
			nx, ny := -dy/n*w/2, dx/n*w/2
			z.MoveTo(f(x0+nx-ox), f(y0+ny-oy))
			z.LineTo(f(x1+nx-ox), f(y1+ny-oy))
			z.LineTo(f(x1-nx-ox), f(y1-ny-oy))
			z.LineTo(f(x0-nx-ox), f(y0-ny-oy))
			z.ClosePath()
		}
	})
}

// fontCache holds Noto Sans faces by weight and pixel size, each with its glyph masks. The
// faces draw glyphs from textmetrics' parsed font; where glyphs go is textmetrics' measure
// (advances, unkerned), the one the scene laid the labels out with.
type fontCache struct {
	mu    sync.Mutex
	m     *textmetrics.Noto
	faces map[faceKey]*glyphFace
}

type faceKey struct {
	bold bool
	size int // pixel size × 4
}

var (
	fontsOnce sync.Once
	fontsAll  *fontCache
)

func sharedFonts() *fontCache {
	fontsOnce.Do(func() {
		fontsAll = &fontCache{m: textmetrics.Default(), faces: map[faceKey]*glyphFace{}}
	})
	return fontsAll
}

func (fc *fontCache) face(bold bool, px float64) *glyphFace {
	k := faceKey{bold, int(math.Round(px * 4))}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if g, ok := fc.faces[k]; ok {
		return g
	}
	f := fc.m.Regular
	if bold {
		f = fc.m.Bold
	}
	size := float64(k.size) / 4
	face, err := opentype.NewFace(f.SFNT(), &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("paint: Noto Sans face: " + err.Error())
	}
	g := &glyphFace{face: face, font: f, size: size, glyphs: map[rune]*glyph{}}
	fc.faces[k] = g
	return g
}

// glyphFace caches each glyph's mask once rasterised: text is redrawn every frame.
type glyphFace struct {
	mu     sync.Mutex
	face   font.Face
	font   *textmetrics.Font // the advances
	size   float64           // px
	glyphs map[rune]*glyph
}

type glyph struct {
	mask *image.Alpha
	off  image.Point // mask origin relative to the pen position
}

func (g *glyphFace) glyph(r rune) *glyph {
	if gl, ok := g.glyphs[r]; ok {
		return gl
	}
	dr, mask, mp, _, ok := g.face.Glyph(fixed.Point26_6{}, r)
	gl := &glyph{}
	if ok && !dr.Empty() {
		a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		draw.Draw(a, a.Bounds(), mask, mp, draw.Src)
		gl.mask, gl.off = a, dr.Min
	}
	g.glyphs[r] = gl
	return gl
}

// width is the advance width of s in pixels, textmetrics' measure.
func (g *glyphFace) width(s string) float64 { return g.font.Em(s) * g.size }

// draw writes s with its baseline at y, starting at x, each glyph at the advances of width.
func (g *glyphFace) draw(dst *image.RGBA, b image.Rectangle, x, y float64, s string, c color.NRGBA) {
	g.mu.Lock()
	defer g.mu.Unlock()
	src := image.NewUniform(c)
	pen := x
	by := int(math.Round(y))
	for _, r := range s {
		gl := g.glyph(r)
		if gl.mask != nil {
			at := image.Pt(int(math.Round(pen)), by).Add(gl.off)
			rr := gl.mask.Bounds().Add(at)
			clip := rr.Intersect(b)
			if !clip.Empty() {
				draw.DrawMask(dst, clip, src, image.Point{}, gl.mask, clip.Min.Sub(at), draw.Over)
			}
			if rr.Min.X > b.Max.X {
				return
			}
		}
		pen += g.font.Advance(r) * g.size
	}
}
