package geo

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sort"

	"golang.org/x/image/vector"

	"trotskytimeline/timeline/scene"
)

// BaseRaster paints the basemap (the water inside the world's outline and the land) of a
// view straight into an RGBA image, for the screen: the same picture as painting the
// basemap's shapes (BuildMap, then a painter, keeping IsBasemap), at a fraction of the
// cost. The land is rasterised, anti-aliased, into a coverage mask (x/image/vector's fast
// opaque path into an *image.Alpha); the water is the world's outline, whose coverage of
// each pixel row is worked out from its two sides (sixteen samples a row, exact across);
// the pixels are then set in one pass: runs of open water, land and background copied, a
// table lookup for the coast, a blend only on the world's edge. Vector formats keep the
// shapes. Reuse a BaseRaster between frames to reuse its memory.
type BaseRaster struct {
	z    vector.Rasterizer
	land *image.Alpha
	ring []float64
	// The land's rings in pixels, clipped to the view: ring k is rings[starts[k]:starts[k+1]],
	// within boxes[k].
	rings   []float64
	starts  []int
	boxes   [][4]float64
	clipA   []float64
	clipB   []float64
	outline []float64

	// lut[a] is water covered a/255 by land, as an RGBA pixel (little-endian uint32).
	lut    [256]uint32
	lutFor [3]color.NRGBA
	// waterRow, landRow and bgRow are a row of each colour, to copy runs from.
	waterRow, landRow, bgRow []uint8
	// The world's outline: its right half in pixels (x, y pairs from the south pole),
	// the pixel x of the central meridian, and a pixel row's samples of it.
	right []float64
	mid   float64
	spans [outlineSub][2]float64
}

// Paint paints the basemap of v at s device pixels per unit of v into dst, whose bounds
// are v's area in device pixels (v.W*s × v.H*s), from (0, 0). step is the simplification
// in device pixels (points closer than that to the last one kept are left out; 0: 0.75).
// The land is at the level the zoom needs (LevelFor(v)).
func (br *BaseRaster) Paint(dst *image.RGBA, v View, s float64, th *scene.Theme, step float64) {
	b := dst.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return
	}
	if step <= 0 {
		step = 0.75
	}
	bgN := th.Background
	bgN.A = 255
	water, landC, _ := mapColors(th)
	level := LevelFor(v)
	// The view in device pixels.
	d := View{CX: v.CX, CY: v.CY, Scale: v.Scale * s, W: float64(w), H: float64(h)}
	bx0, by0, bx1, by1 := -2.0, -2.0, float64(w)+2, float64(h)+2

	// The world's outline (the projection's edge): the water.
	br.outline = br.outline[:0]
	for i := 0; i <= 36; i++ {
		x, y := d.Pixel(180, -90+float64(i)*5)
		br.outline = append(br.outline, x, y)
	}
	for i := 0; i <= 36; i++ {
		x, y := d.Pixel(-180, 90-float64(i)*5)
		br.outline = append(br.outline, x, y)
	}
	allWater := covers(br.outline, 0, 0, float64(w), float64(h))
	// The right half of the outline (the 180th meridian from the south pole up), for the
	// water's rows; the left half is its mirror about the central meridian.
	if !allWater {
		br.right = br.right[:0]
		for i := 0; i <= 36; i++ {
			br.right = append(br.right, br.outline[2*i], br.outline[2*i+1])
		}
		br.mid, _ = d.PixelXY(0, 0)
	}

	// The land, simplified to the zoom and clipped to the view, in one mask: rings of
	// the same sense add, a lake's ring (the other sense) takes away. The mask is
	// rasterised in tiles of at most tile×tile pixels, each ring clipped to the tile: the
	// rasteriser's buffer then stays small (a whole 1600×900 float buffer made its
	// accumulation pass take 14 ms instead of 1 in some builds of the same code).
	br.land = alphaOf(br.land, w, h)
	br.rings, br.starts, br.boxes = br.rings[:0], br.starts[:0], br.boxes[:0]
	if base, err := Land(level); err == nil {
		br.ring = base.Rings(d, step, br.ring, func(pts []float64) {
			var c []float64
			c, br.clipB = clipPolygon(pts, bx0, by0, bx1, by1, br.clipA, br.clipB)
			br.clipA = c
			if len(c) < 6 {
				return
			}
			box := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
			for i := 0; i+1 < len(c); i += 2 {
				box[0], box[1] = math.Min(box[0], c[i]), math.Min(box[1], c[i+1])
				box[2], box[3] = math.Max(box[2], c[i]), math.Max(box[3], c[i+1])
			}
			br.starts = append(br.starts, len(br.rings))
			br.rings = append(br.rings, c...)
			br.boxes = append(br.boxes, box)
		})
	}
	br.starts = append(br.starts, len(br.rings))
	const tile = 512
	for ty := 0; ty < h; ty += tile {
		for tx := 0; tx < w; tx += tile {
			r := image.Rect(tx, ty, min(tx+tile, w), min(ty+tile, h))
			br.z.Reset(r.Dx(), r.Dy())
			br.z.DrawOp = draw.Src // (Reset sets Over)
			x0, y0 := float64(r.Min.X)-1, float64(r.Min.Y)-1
			x1, y1 := float64(r.Max.X)+1, float64(r.Max.Y)+1
			for k, box := range br.boxes {
				if box[2] < x0 || box[0] > x1 || box[3] < y0 || box[1] > y1 {
					continue
				}
				var c []float64
				c, br.clipB = clipPolygon(br.rings[br.starts[k]:br.starts[k+1]], x0, y0, x1, y1, br.clipA, br.clipB)
				br.clipA = c
				addRingAt(&br.z, c, float64(tx), float64(ty))
			}
			br.z.Draw(br.land, r, image.Opaque, image.Point{})
		}
	}

	// The pixels: water covered by land through the table, and where the world's edge
	// runs (the world mask below 255) the background mixed in.
	if br.lutFor != [3]color.NRGBA{water, landC, bgN} {
		for a := range br.lut {
			br.lut[a] = pack(mixN(water, landC, a))
		}
		br.lutFor = [3]color.NRGBA{water, landC, bgN}
	}
	bg := pack(bgN)
	// Rows of plain water, plain land and background to copy runs from: most of a row is
	// one or another, so a run costs a copy, not a lookup per pixel.
	br.waterRow = fillRow(br.waterRow, w, br.lut[0])
	br.landRow = fillRow(br.landRow, w, br.lut[255])
	br.bgRow = fillRow(br.bgRow, w, bg)
	for y := 0; y < h; y++ {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		lrow := br.land.Pix[y*br.land.Stride : y*br.land.Stride+w]
		if allWater {
			br.waterLand(row, lrow)
			continue
		}
		// The world's outline across this row: background outside it, water and land
		// inside, the three mixed on its edge.
		x0, in0, in1, x1 := br.worldSpan(y, w)
		copy(row[:4*x0], br.bgRow)
		copy(row[4*x1:], br.bgRow)
		if in0 < in1 {
			br.waterLand(row[4*in0:4*in1], lrow[in0:in1])
			br.worldEdge(row, lrow, x0, in0, bgN, water, landC)
			br.worldEdge(row, lrow, in1, x1, bgN, water, landC)
		} else {
			br.worldEdge(row, lrow, x0, x1, bgN, water, landC)
		}
	}
}

// The world's outline is sampled at outlineSub rows per pixel row for its coverage.
const outlineSub = 16

// worldSpan samples the world's outline across pixel row y of a w-pixel row: x0..x1 is
// where it covers anything, in0..in1 (maybe empty) where it covers whole pixels; it keeps
// each sample row's span in br.spans for worldEdge.
func (br *BaseRaster) worldSpan(y, w int) (x0, in0, in1, x1 int) {
	top, bot := br.right[len(br.right)-1], br.right[1] // pixel y of the north and south poles
	lo, hiL, loR, hi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	full := true
	for k := 0; k < outlineSub; k++ {
		yk := float64(y) + (float64(k)+0.5)/outlineSub
		if yk < top || yk > bot {
			br.spans[k] = [2]float64{0, 0}
			full = false
			continue
		}
		// The right edge at yk: the segment of the 180th meridian spanning it (pixel y
		// falls as the latitude rises).
		i := sort.Search(36, func(i int) bool { return br.right[2*(i+1)+1] <= yk })
		if i >= 36 {
			i = 35
		}
		ax, ay, bx, by := br.right[2*i], br.right[2*i+1], br.right[2*i+2], br.right[2*i+3]
		xr := ax
		if ay != by {
			xr = ax + (yk-ay)/(by-ay)*(bx-ax)
		}
		xl := 2*br.mid - xr
		br.spans[k] = [2]float64{xl, xr}
		lo, hiL = math.Min(lo, xl), math.Max(hiL, xl)
		loR, hi = math.Min(loR, xr), math.Max(hi, xr)
	}
	clampI := func(v float64) int { return int(math.Max(0, math.Min(float64(w), v))) }
	if lo > hi {
		return 0, 0, 0, 0
	}
	x0, x1 = clampI(math.Floor(lo)), clampI(math.Ceil(hi))
	in0, in1 = x0, x0
	if full {
		in0, in1 = clampI(math.Ceil(hiL)), clampI(math.Floor(loR))
		if in1 < in0 {
			in0, in1 = x0, x0
		}
	}
	return x0, in0, in1, x1
}

// worldEdge sets pixels a..b of row from the world outline's coverage (the sample rows'
// spans of worldSpan) and the land's (cov): background, water over it, land over that.
func (br *BaseRaster) worldEdge(row, cov []uint8, a, b int, bg, water, land color.NRGBA) {
	for x := a; x < b; x++ {
		fx := float64(x)
		c := 0.0
		for _, sp := range br.spans {
			c += math.Max(0, math.Min(fx+1, sp[1])-math.Max(fx, sp[0]))
		}
		wa := int(math.Round(c * 255 / outlineSub))
		var px uint32
		switch {
		case wa >= 255:
			px = br.lut[cov[x]]
		case wa <= 0: // land the outline does not cover is float error at its edge
			px = pack(bg)
		default:
			px = pack(mixN(mixN(bg, water, wa), land, int(cov[x])))
		}
		binary.LittleEndian.PutUint32(row[4*x:], px)
	}
}

// waterLand sets the pixels of row (4 bytes each) from the land's coverage in cov: runs of
// open water and of land copied, the coast's pixels through the table.
func (br *BaseRaster) waterLand(row, cov []uint8) {
	n := len(cov)
	for x := 0; x < n; {
		a := cov[x]
		if a == 0 || a == 255 {
			e := x + 1
			for e < n && cov[e] == a {
				e++
			}
			src := br.waterRow
			if a == 255 {
				src = br.landRow
			}
			copy(row[4*x:4*e], src)
			x = e
			continue
		}
		binary.LittleEndian.PutUint32(row[4*x:], br.lut[a])
		x++
	}
}

// fillRow returns buf as w pixels of px.
func fillRow(buf []uint8, w int, px uint32) []uint8 {
	if cap(buf) < 4*w {
		buf = make([]uint8, 4*w)
	}
	buf = buf[:4*w]
	for x := 0; x < w; x++ {
		binary.LittleEndian.PutUint32(buf[4*x:], px)
	}
	return buf
}

// alphaOf returns m if it is w×h, else a new w×h mask.
func alphaOf(m *image.Alpha, w, h int) *image.Alpha {
	if m != nil && m.Rect.Dx() == w && m.Rect.Dy() == h {
		return m
	}
	return image.NewAlpha(image.Rect(0, 0, w, h))
}

// addRingAt adds the closed ring pts (x, y pairs), moved by -ox, -oy, to the rasteriser's
// path.
func addRingAt(z *vector.Rasterizer, pts []float64, ox, oy float64) {
	if len(pts) < 6 {
		return
	}
	z.MoveTo(float32(pts[0]-ox), float32(pts[1]-oy))
	for i := 2; i+1 < len(pts); i += 2 {
		z.LineTo(float32(pts[i]-ox), float32(pts[i+1]-oy))
	}
	z.ClosePath()
}

// mixN is a covered a/255 by b, both opaque.
func mixN(a, b color.NRGBA, cov int) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8((int(x)*(255-cov) + int(y)*cov + 127) / 255) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

// pack is an opaque colour as an RGBA pixel's four bytes, little-endian.
func pack(c color.NRGBA) uint32 {
	return uint32(c.R) | uint32(c.G)<<8 | uint32(c.B)<<16 | 0xff<<24
}

// MapColors returns the water, land and coast colours of the map in theme th.
func MapColors(th *scene.Theme) (water, land, coast color.NRGBA) { return mapColors(th) }
