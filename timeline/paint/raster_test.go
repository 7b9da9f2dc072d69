package paint

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"

	"trotskytimeline/timeline/scene"
)

var (
	red   = color.NRGBA{R: 255, A: 255}
	white = color.NRGBA{R: 255, G: 255, B: 255, A: 255}
)

func canvasOf(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Rect, image.NewUniform(white), image.Point{}, draw.Src)
	return img
}

func isRed(img *image.RGBA, x, y int) bool {
	c := img.RGBAAt(x, y)
	return c.R > 200 && c.G < 60 && c.B < 60
}

func TestPaintShapes(t *testing.T) {
	tests := []struct {
		name    string
		shape   scene.Shape
		scale   float64
		red     [][2]int // pixels that must be red
		notRed  [][2]int // pixels that must not
		inkSome bool     // some pixel must differ from white (text)
	}{
		{"rect", scene.Shape{Type: scene.RectShape, X: 10, Y: 10, W: 20, H: 10, Fill: red},
			1, [][2]int{{10, 10}, {29, 19}, {20, 15}}, [][2]int{{9, 15}, {30, 15}, {20, 20}}, false},
		{"rect at scale 2", scene.Shape{Type: scene.RectShape, X: 10, Y: 10, W: 20, H: 10, Fill: red},
			2, [][2]int{{20, 20}, {59, 39}}, [][2]int{{19, 30}, {60, 30}}, false},
		{"rounded rect keeps its corners empty", scene.Shape{Type: scene.RectShape, X: 10, Y: 10, W: 40, H: 20, Radius: 8, Fill: red},
			1, [][2]int{{30, 20}, {10, 20}}, [][2]int{{10, 10}, {49, 29}}, false},
		{"fade left ramps in", scene.Shape{Type: scene.RectShape, Style: scene.StyleFadeLeft, Fade: 20, X: 0, Y: 0, W: 60, H: 10, Fill: red},
			1, [][2]int{{40, 5}}, [][2]int{{1, 5}}, false},
		{"diamond", scene.Shape{Type: scene.MarkerShape, X: 50, Y: 50, W: 20, Fill: red},
			1, [][2]int{{50, 50}, {42, 50}}, [][2]int{{41, 41}, {59, 59}}, false},
		{"vertical line", scene.Shape{Type: scene.LineShape, X: 30, Y: 0, H: 80, StrokeW: 2, Stroke: red},
			1, [][2]int{{30, 40}}, [][2]int{{33, 40}}, false},
		{"diagonal line", scene.Shape{Type: scene.LineShape, X: 0, Y: 0, W: 80, H: 80, StrokeW: 3, Stroke: red},
			1, [][2]int{{40, 40}}, [][2]int{{60, 20}}, false},
		{"text", scene.Shape{Type: scene.TextShape, X: 5, Y: 40, Size: 14, Text: "Trotsky", Fill: color.NRGBA{A: 255}},
			1, nil, nil, true},
		{"shapes far outside are clipped", scene.Shape{Type: scene.RectShape, X: -1e9, Y: 10, W: 2e9, H: 5, Fill: red},
			1, [][2]int{{0, 12}, {99, 12}}, [][2]int{{50, 50}}, false},
		{"huge rounded rect", scene.Shape{Type: scene.RectShape, X: -1e9, Y: 10, W: 2e9, H: 10, Radius: 4, Fill: red},
			1, [][2]int{{0, 15}, {50, 15}, {99, 15}}, [][2]int{{50, 50}}, false},
		{"huge dashed line", scene.Shape{Type: scene.LineShape, Style: scene.StyleDashed, X: -1e8, Y: 50, W: 2e8, StrokeW: 2, Stroke: red},
			1, [][2]int{{0, 50}, {4, 50}, {13, 50}}, [][2]int{{7, 50}, {10, 50}}, false}, // 1e8 px from its start: 2 px into a dash at x=0
		{"polygon (closed path)", scene.Shape{Type: scene.PathShape, Style: scene.StyleClosed, Points: []scene.Point{{X: 10, Y: 10}, {X: 90, Y: 10}, {X: 10, Y: 90}}, Fill: red},
			1, [][2]int{{20, 20}, {12, 80}}, [][2]int{{80, 80}, {60, 60}}, false},
		{"polyline (open path) is a stroke", scene.Shape{Type: scene.PathShape, Points: []scene.Point{{X: 10, Y: 50}, {X: 50, Y: 10}, {X: 90, Y: 50}}, StrokeW: 2, Stroke: red},
			1, [][2]int{{30, 30}, {70, 30}}, [][2]int{{50, 40}, {50, 60}}, false},
		{"polygon outline", scene.Shape{Type: scene.PathShape, Style: scene.StyleClosed, Points: []scene.Point{{X: 20, Y: 20}, {X: 80, Y: 25}, {X: 50, Y: 80}}, StrokeW: 2, Stroke: red},
			1, [][2]int{{50, 22}, {65, 52}}, [][2]int{{50, 40}}, false},
		{"path far outside", scene.Shape{Type: scene.PathShape, Points: []scene.Point{{X: -1e9, Y: 50}, {X: 1e9, Y: 51}}, StrokeW: 3, Stroke: red},
			1, [][2]int{{50, 50}}, [][2]int{{50, 20}}, false},
		{"huge line is clipped", scene.Shape{Type: scene.LineShape, X: -1e7, Y: -1e7, W: 2e7, H: 2e7, StrokeW: 1, Stroke: red},
			1, [][2]int{{50, 50}}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			img := canvasOf(100, 100)
			NewRaster().Paint(img, []scene.Shape{tc.shape}, Transform{S: tc.scale}, nil)
			for _, p := range tc.red {
				if !isRed(img, p[0], p[1]) {
					t.Errorf("pixel %v = %v, want red", p, img.RGBAAt(p[0], p[1]))
				}
			}
			for _, p := range tc.notRed {
				if isRed(img, p[0], p[1]) {
					t.Errorf("pixel %v is red, want not", p)
				}
			}
			if tc.inkSome {
				ink := 0
				for i := 0; i < len(img.Pix); i += 4 {
					if img.Pix[i] < 128 {
						ink++
					}
				}
				if ink < 20 {
					t.Errorf("text left %d dark pixels, want a word's worth", ink)
				}
			}
		})
	}
}

func TestTextAlignment(t *testing.T) {
	f := sharedFonts().face(false, 14)
	w := f.width("Trotsky")
	if w < 30 || w > 80 {
		t.Fatalf("width of Trotsky at 14px = %.1f, implausible", w)
	}
	for _, tc := range []struct {
		name  string
		style scene.Style
		left  float64 // expected left edge of ink
	}{
		{"left", 0, 50},
		{"centre", scene.StyleAlignCenter, 50 - w/2},
		{"right", scene.StyleAlignRight, 50 - w},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img := canvasOf(120, 40)
			NewRaster().Paint(img, []scene.Shape{{Type: scene.TextShape, Style: tc.style, X: 50, Y: 25, Size: 14, Text: "Trotsky", Fill: color.NRGBA{A: 255}}}, Transform{S: 1}, nil)
			minX := 1000
			for y := 0; y < 40; y++ {
				for x := 0; x < 120; x++ {
					if img.RGBAAt(x, y).R < 128 && x < minX {
						minX = x
					}
				}
			}
			if math.Abs(float64(minX)-tc.left) > 3 {
				t.Errorf("ink starts at x=%d, want about %.1f", minX, tc.left)
			}
		})
	}
}

func TestFillOverMatchesImageDraw(t *testing.T) {
	for _, n := range []int{8, 80} { // arithmetic and table paths
		for _, c := range []color.NRGBA{{R: 200, G: 10, B: 90, A: 30}, {R: 0, G: 255, B: 128, A: 128}, {R: 255, G: 255, B: 255, A: 254}, {R: 9, G: 8, B: 7, A: 255}} {
			a, b := canvasOf(n, n), canvasOf(n, n)
			for i := range a.Pix { // a varied background, opaque and not
				a.Pix[i] = uint8(i * 37)
				if i%4 == 3 {
					a.Pix[i] = uint8(128 + i)
					a.Pix[i-1] = min(a.Pix[i-1], a.Pix[i])
					a.Pix[i-2] = min(a.Pix[i-2], a.Pix[i])
					a.Pix[i-3] = min(a.Pix[i-3], a.Pix[i])
				}
			}
			copy(b.Pix, a.Pix)
			fillOver(a, a.Rect, c)
			draw.Draw(b, b.Rect, image.NewUniform(c), image.Point{}, draw.Over)
			for i := range a.Pix {
				if d := int(a.Pix[i]) - int(b.Pix[i]); d < -1 || d > 1 {
					t.Fatalf("%d×%d, colour %v: byte %d = %d, image/draw gives %d", n, n, c, i, a.Pix[i], b.Pix[i])
				}
			}
		}
	}
}

// TestRoundBarMatchesPath checks that a rounded bar filled as two rasterised ends and a span
// in between looks like the whole bar rasterised as one path, as it was drawn before.
func TestRoundBarMatchesPath(t *testing.T) {
	tests := []struct {
		name           string
		x0, y0, x1, y1 float64
		r              float64
		c              color.NRGBA
	}{
		{"whole pixels, opaque", 10, 10, 90, 26, 4, red},
		{"fractional, opaque", 10.3, 10.6, 90.7, 25.2, 4, red},
		{"fractional, translucent", 3.8, 5.25, 71.1, 20.9, 4, color.NRGBA{R: 30, G: 120, B: 200, A: 90}},
		{"small radius", 10.5, 40.5, 60.5, 48.5, 1.2, color.NRGBA{R: 30, G: 120, B: 200, A: 200}},
		{"short bar, one path", 20.2, 60.1, 28.9, 75, 4, red},
		{"past the left edge", -40.4, 30.3, 50.6, 44.1, 5, color.NRGBA{G: 160, A: 180}},
		{"past the right edge", 60.4, 30.3, 140.6, 44.1, 5, color.NRGBA{G: 160, A: 255}},
		{"scaled radius", 8.25, 50.75, 95.5, 67.25, 8, color.NRGBA{R: 200, G: 60, B: 10, A: 230}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := canvasOf(100, 100)
			for i := range a.Pix { // stripes, so a misplaced seam or a double blend shows
				if i%4 != 3 && (i/4)%7 < 3 {
					a.Pix[i] = uint8(60 + i%5*30)
				}
			}
			want := image.NewRGBA(a.Rect)
			copy(want.Pix, a.Pix)
			p := NewRaster()
			p.roundBar(a, a.Rect, tc.x0, tc.y0, tc.x1, tc.y1, tc.r, tc.c)
			m := tc.r + 2
			p.roundRect(want, want.Rect, math.Max(tc.x0, -m), math.Max(tc.y0, -m), math.Min(tc.x1, 100+m), math.Min(tc.y1, 100+m), tc.r, tc.c)
			worst := 0
			for i := range a.Pix {
				d := int(a.Pix[i]) - int(want.Pix[i])
				if d < 0 {
					d = -d
				}
				if d > 2 {
					x, y := i/4%100, i/400
					t.Fatalf("pixel (%d,%d) = %v, the whole path gives %v", x, y, a.RGBAAt(x, y), want.RGBAAt(x, y))
				}
				worst = max(worst, d)
			}
			t.Logf("largest difference %d/255", worst)
		})
	}
}

// TestPaintOnMatchesFillThenPaint: PaintOn's shortcuts over boxes it knows are one colour
// (the background, bands over it, boxes over those) leave the very pixels that filling the
// raster and painting the same shapes with Paint leave: random boxes on whole pixels and
// not, opaque and translucent, nested and overlapping, among lines, paths and text.
func TestPaintOnMatchesFillThenPaint(t *testing.T) {
	rnd := uint64(1)
	next := func(n int) int {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		return int(rnd>>33) % n
	}
	colour := func() color.NRGBA {
		alphas := []uint8{255, 255, 40, 90, 160, 1, 254}
		return color.NRGBA{R: uint8(next(256)), G: uint8(next(256)), B: uint8(next(256)), A: alphas[next(len(alphas))]}
	}
	for round := range 300 {
		var shapes []scene.Shape
		n := 1 + next(40)
		for range n {
			var sh scene.Shape
			switch k := next(10); {
			case k < 6: // a box on whole pixels, often inside the last one
				x, y, w, h := next(200)-20, next(120)-20, 1+next(220), 1+next(140)
				if len(shapes) > 0 && next(2) == 0 {
					l := shapes[len(shapes)-1]
					x, y = int(l.X)+next(10), int(l.Y)+next(10)
					w, h = max(1, int(l.W)-next(20)), max(1, int(l.H)-next(20))
				}
				sh = scene.Shape{Type: scene.RectShape, X: float64(x), Y: float64(y), W: float64(w), H: float64(h), Fill: colour()}
				if next(8) == 0 {
					sh.StrokeW, sh.Stroke = 1, colour()
				}
			case k < 7: // a fractional box
				sh = scene.Shape{Type: scene.RectShape, X: float64(next(2000)) / 10, Y: float64(next(1200)) / 10,
					W: float64(next(1000)) / 10, H: float64(next(600)) / 10, Fill: colour()}
			case k < 8:
				sh = scene.Shape{Type: scene.LineShape, X: float64(next(200)), Y: 0, H: 120, StrokeW: 1, Stroke: colour()}
			case k < 9:
				sh = scene.Shape{Type: scene.RectShape, X: float64(next(150)), Y: float64(next(100)), W: 40, H: 12, Radius: 3, Fill: colour()}
			default:
				sh = scene.Shape{Type: scene.TextShape, X: float64(next(150)), Y: float64(next(120)), Size: 12, Text: "Trotsky", Fill: colour()}
			}
			shapes = append(shapes, sh)
		}
		bg := colour()
		if next(4) > 0 {
			bg.A = 255
		}
		tr := Transform{S: 1}
		if round%5 == 4 {
			tr.DY = -float64(next(30)) // a scrolled frame: whole pixels
		}
		want := image.NewRGBA(image.Rect(0, 0, 200, 120))
		draw.Draw(want, want.Rect, image.NewUniform(bg), image.Point{}, draw.Src)
		NewRaster().Paint(want, shapes, tr, nil)
		got := image.NewRGBA(want.Rect)
		NewRaster().PaintOn(got, bg, shapes, tr, nil)
		for i := range want.Pix {
			if got.Pix[i] != want.Pix[i] {
				p := i / 4
				t.Fatalf("round %d: pixel (%d,%d) is %v, want %v (background %v, %d shapes)", round,
					p%200, p/200, got.Pix[i/4*4:i/4*4+4], want.Pix[i/4*4:i/4*4+4], bg, len(shapes))
			}
		}
	}
}
