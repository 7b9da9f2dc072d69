package scene

import (
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"trotskytimeline/assets"
)

// debugPNG names a folder to dump scenes into as PNG files, to look at them; the real
// painters live in timeline/render and app/.
var debugPNG = flag.String("debugpng", "", "write debug PNGs of test scenes into this folder")

// debugPaint is a throwaway painter: boxes, diamonds, lines and plain text, no antialiasing.
func debugPaint(s *Scene) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(s.W)), int(math.Ceil(s.H))))
	draw.Draw(img, img.Bounds(), image.NewUniform(s.Background), image.Point{}, draw.Src)
	reg, _ := opentype.Parse(assets.NotoSansRegular)
	bold, _ := opentype.Parse(assets.NotoSansBold)
	faces := map[[2]int]font.Face{}
	face := func(size float64, b bool) font.Face {
		k := [2]int{int(size * 10), 0}
		f := reg
		if b {
			k[1], f = 1, bold
		}
		if fc, ok := faces[k]; ok {
			return fc
		}
		fc, _ := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		faces[k] = fc
		return fc
	}
	fill := func(r image.Rectangle, c color.NRGBA) {
		draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Over)
	}
	rr := func(x, y, w, h float64) image.Rectangle {
		return image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h)))
	}
	for _, sh := range s.Shapes {
		switch sh.Type {
		case RectShape:
			if sh.Fill.A > 0 {
				if sh.Style&(StyleFadeLeft|StyleFadeRight) != 0 && sh.Fade > 0 {
					for x := 0.0; x < sh.W; x++ {
						c := sh.Fill
						f := 1.0
						if sh.Style&StyleFadeLeft != 0 && x < sh.Fade {
							f = math.Min(f, (x+0.5)/sh.Fade)
						}
						if sh.Style&StyleFadeRight != 0 && sh.W-x < sh.Fade {
							f = math.Min(f, (sh.W-x-0.5)/sh.Fade)
						}
						c.A = uint8(float64(c.A) * f)
						fill(rr(sh.X+x, sh.Y, 1, sh.H), c)
					}
				} else {
					fill(rr(sh.X, sh.Y, sh.W, sh.H), sh.Fill)
				}
			}
			if sh.StrokeW > 0 {
				w := sh.StrokeW
				fill(rr(sh.X, sh.Y, sh.W, w), sh.Stroke)
				fill(rr(sh.X, sh.Y+sh.H-w, sh.W, w), sh.Stroke)
				fill(rr(sh.X, sh.Y, w, sh.H), sh.Stroke)
				fill(rr(sh.X+sh.W-w, sh.Y, w, sh.H), sh.Stroke)
			}
		case LineShape:
			w := math.Max(sh.StrokeW, 1)
			if sh.W == 0 {
				fill(rr(sh.X-w/2, sh.Y, w, sh.H), sh.Stroke)
			} else {
				fill(rr(sh.X, sh.Y-w/2, sh.W, w), sh.Stroke)
			}
		case MarkerShape:
			r := sh.W / 2
			for dy := -r; dy <= r; dy++ {
				half := r - math.Abs(dy)
				if sh.Style&StyleCircle != 0 {
					half = math.Sqrt(math.Max(0, r*r-dy*dy))
				}
				fill(rr(sh.X-half, sh.Y+dy, 2*half, 1), sh.Fill)
			}
		case TextShape:
			fc := face(sh.Size, sh.Style&StyleBold != 0)
			d := font.Drawer{Dst: img, Src: image.NewUniform(sh.Fill), Face: fc}
			x := sh.X
			if sh.Style&(StyleAlignCenter|StyleAlignRight) != 0 {
				w := float64(d.MeasureString(sh.Text)) / 64
				if sh.Style&StyleAlignCenter != 0 {
					x -= w / 2
				} else {
					x -= w
				}
			}
			d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(sh.Y * 64)}
			d.DrawString(sh.Text)
		}
	}
	return img
}

// dumpPNG writes the scene as a PNG into the -debugpng folder, if one was given.
func dumpPNG(t testing.TB, name string, s *Scene) {
	if *debugPNG == "" {
		return
	}
	f, err := os.Create(*debugPNG + "/" + name + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, debugPaint(s)); err != nil {
		t.Fatal(err)
	}
}
