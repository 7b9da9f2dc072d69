package render

import (
	"image"
	"image/color"
	"math"
	"testing"

	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
)

// TestOneMeasureOfText pins the one measure of text: "AVATAR" at 100 px is 369.5 px wide
// (Noto Sans' advances, unkerned) in the layout, and the screen's raster and the PNG painter
// place its glyphs so that their ink spans the same pixels (the screen used to kern it to
// 366.1 px with the font's GPOS table while the layout and figures did not).
func TestOneMeasureOfText(t *testing.T) {
	const s, size = "AVATAR", 100.0
	w := textmetrics.Default().Width(s, size, false)
	if math.Abs(w-369.5) > 0.05 {
		t.Errorf("width of %s at %v px = %.2f, want 369.5", s, size, w)
	}
	ink := func(img *image.RGBA) (x0, x1 int) {
		x0, x1 = img.Rect.Dx(), -1
		for y := 0; y < img.Rect.Dy(); y++ {
			for x := 0; x < img.Rect.Dx(); x++ {
				if img.RGBAAt(x, y).R < 128 {
					x0, x1 = min(x0, x), max(x1, x)
				}
			}
		}
		return x0, x1
	}
	black := color.NRGBA{A: 255}
	// The screen: left-aligned at 20 and right-aligned at 20+w give the same ink.
	r := paint.NewRaster()
	var screen [2][2]int
	for i, a := range []paint.Anchor{paint.AnchorStart, paint.AnchorEnd} {
		img := image.NewRGBA(image.Rect(0, 0, 420, 140))
		for j := range img.Pix {
			img.Pix[j] = 255
		}
		x := 20.0
		if a == paint.AnchorEnd {
			x += w
		}
		sh := scene.Shape{Type: scene.TextShape, X: x, Y: 110, Size: size, Text: s, Fill: black}
		if a == paint.AnchorEnd {
			sh.Style = scene.StyleAlignRight
		}
		r.Paint(img, []scene.Shape{sh}, paint.Transform{S: 1}, nil)
		screen[i][0], screen[i][1] = ink(img)
	}
	if screen[0] != screen[1] {
		t.Errorf("screen ink of %s left-aligned %v, right-aligned at its width %v", s, screen[0], screen[1])
	}
	// The PNG painter draws the same glyphs at the same places.
	p, err := newPNGPainter(420, 140, 1)
	if err != nil {
		t.Fatal(err)
	}
	p.clear(color.NRGBA{255, 255, 255, 255})
	p.Text(20, 110, s, size, false, black, paint.AnchorStart, false)
	px0, px1 := ink(p.img)
	if math.Abs(float64(px0-screen[0][0])) > 1 || math.Abs(float64(px1-screen[0][1])) > 1 {
		t.Errorf("ink of %s: PNG x %d..%d, screen x %d..%d", s, px0, px1, screen[0][0], screen[0][1])
	}
}
