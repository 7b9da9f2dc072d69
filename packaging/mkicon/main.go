// Command mkicon draws the application icon, assets/icon.png: a few coloured swim-lane bars
// on a dark rounded square, anti-aliased by supersampling. Run it from the repository root:
//
//	go run ./packaging/mkicon -o assets/icon.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"

	"trotskytimeline/timeline/fileutil"
)

// shape is a rounded rectangle in a unit square (0..1 both ways) with its colour.
type shape struct {
	x0, y0, x1, y1, r float64
	c                 color.NRGBA
}

// inside reports whether the point (x, y) lies in the rounded rectangle.
func (s shape) inside(x, y float64) bool {
	if x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1 {
		return false
	}
	cx := math.Max(s.x0+s.r, math.Min(x, s.x1-s.r))
	cy := math.Max(s.y0+s.r, math.Min(y, s.y1-s.r))
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= s.r*s.r
}

// shapes is the design, back to front: the tile, faint lane bands, the bars, a date marker.
func shapes() []shape {
	bg := color.NRGBA{0x1d, 0x23, 0x30, 0xff}
	band := color.NRGBA{0x28, 0x30, 0x40, 0xff}
	s := []shape{{0.02, 0.02, 0.98, 0.98, 0.18, bg}}
	lanes := []struct {
		c    color.NRGBA
		bars [][2]float64
	}{
		{color.NRGBA{0xd0, 0x4a, 0x3c, 0xff}, [][2]float64{{0.12, 0.46}, {0.54, 0.88}}}, // red
		{color.NRGBA{0xe8, 0xa8, 0x38, 0xff}, [][2]float64{{0.22, 0.70}}},               // amber
		{color.NRGBA{0x4a, 0x9a, 0xd8, 0xff}, [][2]float64{{0.12, 0.30}, {0.40, 0.80}}}, // blue
		{color.NRGBA{0x5c, 0xb8, 0x6a, 0xff}, [][2]float64{{0.34, 0.88}}},               // green
	}
	const top, pitch, h = 0.20, 0.165, 0.10
	for i, l := range lanes {
		y := top + float64(i)*pitch
		s = append(s, shape{0.08, y - 0.03, 0.92, y + h + 0.03, 0.04, band})
		for _, b := range l.bars {
			s = append(s, shape{b[0], y, b[1], y + h, h / 2, l.c})
		}
	}
	// A thin light marker across the lanes: "a date on the timeline".
	s = append(s, shape{0.495, 0.13, 0.515, 0.87, 0.01, color.NRGBA{0xf2, 0xee, 0xe4, 0xe6}})
	return s
}

// draw renders the shapes at size×size pixels with ss×ss samples a pixel.
func draw(size, ss int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	sh := shapes()
	n := float64(ss * ss)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64 // premultiplied sums over samples
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/float64(ss)) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/float64(ss)) / float64(size)
					var cr, cg, cb, ca float64
					for _, s := range sh {
						if !s.inside(x, y) {
							continue
						}
						al := float64(s.c.A) / 255
						cr = float64(s.c.R)/255*al + cr*(1-al)
						cg = float64(s.c.G)/255*al + cg*(1-al)
						cb = float64(s.c.B)/255*al + cb*(1-al)
						ca = al + ca*(1-al)
					}
					r, g, b, a = r+cr, g+cg, b+cb, a+ca
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(r / a * 255)),
				G: uint8(math.Round(g / a * 255)),
				B: uint8(math.Round(b / a * 255)),
				A: uint8(math.Round(a / n * 255)),
			})
		}
	}
	return img
}

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG file")
	size := flag.Int("size", 512, "width and height in pixels")
	flag.Parse()
	if err := write(*out, *size); err != nil {
		fmt.Fprintln(os.Stderr, "mkicon:", err)
		os.Exit(1)
	}
}

// write encodes the icon into path atomically (fileutil.WriteAtomic, as every file the
// program writes), replacing the icon there.
func write(path string, size int) error {
	if size <= 0 || size > 8192 {
		return fmt.Errorf("-size %d: want 1 to 8192 pixels", size)
	}
	return fileutil.WriteAtomic(path, true, func(w io.Writer) error {
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		return enc.Encode(w, draw(size, 4))
	})
}
