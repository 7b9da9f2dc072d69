package app

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/scale"
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
		{"huge line is clipped", scene.Shape{Type: scene.LineShape, X: -1e7, Y: -1e7, W: 2e7, H: 2e7, StrokeW: 1, Stroke: red},
			1, [][2]int{{50, 50}}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			img := canvasOf(100, 100)
			newPainter().paint(img, []scene.Shape{tc.shape}, xform{S: tc.scale}, nil)
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
			newPainter().paint(img, []scene.Shape{{Type: scene.TextShape, Style: tc.style, X: 50, Y: 25, Size: 14, Text: "Trotsky", Fill: color.NRGBA{A: 255}}}, xform{S: 1}, nil)
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

func loadBuiltin(tb testing.TB) *timeline.Dataset {
	ds, err := timeline.LoadFS(data.FS, data.Name)
	if err != nil {
		tb.Fatalf("built-in dataset: %v", err)
	}
	return ds
}

// BenchmarkFrame is one frame of the window at 1600×770: build the built-in dataset's scene
// for the whole span and paint it into the raster.
func BenchmarkFrame(b *testing.B) {
	ds := loadBuiltin(b)
	eng := newEngine(ds, "en", "light")
	v := scale.Fit(float64(eng.ix.First), float64(eng.ix.Last), 1600-eng.titleWidth())
	img := image.NewRGBA(image.Rect(0, 0, 1600, 770))
	p := newPainter()
	hidden := make([]bool, len(ds.Lanes))
	b.ReportAllocs()
	for b.Loop() {
		sc := eng.build(v, hidden, -1, -1)
		draw.Draw(img, img.Rect, image.NewUniform(sc.Background), image.Point{}, draw.Src)
		p.paint(img, sc.Shapes, xform{S: 1}, nil)
	}
}

// BenchmarkPaint is the painting half of a frame alone.
func BenchmarkPaint(b *testing.B) {
	ds := loadBuiltin(b)
	eng := newEngine(ds, "en", "light")
	v := scale.Fit(float64(eng.ix.First), float64(eng.ix.Last), 1600-eng.titleWidth())
	sc := eng.build(v, make([]bool, len(ds.Lanes)), -1, -1)
	img := image.NewRGBA(image.Rect(0, 0, 1600, 770))
	p := newPainter()
	b.ReportAllocs()
	for b.Loop() {
		p.paint(img, sc.Shapes, xform{S: 1}, nil)
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
