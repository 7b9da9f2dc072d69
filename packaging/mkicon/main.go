// Command mkicon draws the application icon, assets/icon.png: a few coloured swim-lane bars
// on a dark rounded square, anti-aliased by supersampling. Run it from the repository root:
//
//	go run ./packaging/mkicon -o assets/icon.png
//
// With -ico it writes the Windows icon instead: one .ico holding the design drawn afresh at
// each size Windows asks for (16 to 256 pixels), so the small sizes are drawn, not shrunk.
// packaging/windows.sh makes it at build time; it is not committed.
//
//	go run ./packaging/mkicon -ico out/icon.ico
package main

import (
	"bytes"
	"encoding/binary"
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
	ico := flag.String("ico", "", "write a Windows .ico with sizes 16 to 256 to this file instead")
	flag.Parse()
	err := error(nil)
	if *ico != "" {
		err = writeICO(*ico)
	} else {
		err = write(*out, *size)
	}
	if err != nil {
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

// icoSizes are the sizes Windows picks from: Explorer's views (16 to 256), the task bar and
// title bar (16, 24, 32 and their 125–200% scalings).
var icoSizes = []int{16, 20, 24, 32, 40, 48, 64, 128, 256}

// writeICO writes the icon as a .ico file into path atomically.
func writeICO(path string) error {
	return fileutil.WriteAtomic(path, true, func(w io.Writer) error {
		b, err := encodeICO(icoSizes)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
}

// encodeICO returns an ICO file holding one PNG-compressed 32-bit image per size (PNG entries
// are read by Windows Vista and later, and by the resource compiler as they are). The layout:
// a 6-byte header (0, type 1, count), a 16-byte directory entry a size, then the images.
func encodeICO(sizes []int) ([]byte, error) {
	var imgs [][]byte
	for _, s := range sizes {
		if s < 1 || s > 256 {
			return nil, fmt.Errorf("ico: size %d: want 1 to 256 pixels", s)
		}
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, draw(s, 8)); err != nil {
			return nil, err
		}
		imgs = append(imgs, buf.Bytes())
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	out.Write(le.AppendUint16(nil, 0))
	out.Write(le.AppendUint16(nil, 1))
	out.Write(le.AppendUint16(nil, uint16(len(sizes))))
	off := 6 + 16*len(sizes)
	for i, s := range sizes {
		dim := byte(s) // 0 means 256
		out.Write([]byte{dim, dim, 0, 0})
		out.Write(le.AppendUint16(nil, 1))  // planes
		out.Write(le.AppendUint16(nil, 32)) // bits per pixel
		out.Write(le.AppendUint32(nil, uint32(len(imgs[i]))))
		out.Write(le.AppendUint32(nil, uint32(off)))
		off += len(imgs[i])
	}
	for _, b := range imgs {
		out.Write(b)
	}
	return out.Bytes(), nil
}
