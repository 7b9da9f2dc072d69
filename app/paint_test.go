package app

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"
	"time"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/layout/layouttest"
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

// workloads holds the BENCH.md workload's datasets by size, generated once per process.
var workloads = map[int]*timeline.Dataset{}

// BenchmarkFrameWorkload is one frame of the window (build the scene and paint it into the
// 1592×769 raster of the default 1600×900 window) on the BENCH.md workload, at a one-week and
// a two-year view centred on the middle of the data: where the painter's rounded bars cost most.
func BenchmarkFrameWorkload(b *testing.B) {
	for _, sz := range []struct {
		name string
		n    int
	}{{"n=100k", 100_000}, {"n=1M", 1_000_000}} {
		for _, win := range []struct {
			name string
			days float64
		}{{"1week", 7}, {"2years", 2 * scale.DaysPerYear}} {
			b.Run(sz.name+"/"+win.name, func(b *testing.B) {
				ds := workloads[sz.n]
				if ds == nil {
					ds = layouttest.Dataset(sz.n)
					workloads[sz.n] = ds
				}
				eng := newEngine(ds, "en", "light")
				const w, h = 1592, 769
				mid := (float64(eng.ix.First) + float64(eng.ix.Last)) / 2
				v := scale.View{Start: mid - win.days/2, End: mid + win.days/2, Width: w - eng.titleWidth()}
				img := image.NewRGBA(image.Rect(0, 0, w, h))
				p := newPainter()
				hidden := make([]bool, len(ds.Lanes))
				b.ReportAllocs()
				var shapes int
				for b.Loop() {
					sc := eng.build(v, hidden, -1, -1)
					draw.Draw(img, img.Rect, image.NewUniform(sc.Background), image.Point{}, draw.Src)
					p.paint(img, sc.Shapes, xform{S: 1}, nil)
					shapes = len(sc.Shapes)
				}
				b.ReportMetric(float64(shapes), "shapes")
			})
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
			p := newPainter()
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

func TestTraceLine(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{"start", 0, "+     0.000 ms trace: frame 2.5 ms (3 shapes)"},
		{"milliseconds kept", 1843217 * time.Microsecond, "+  1843.217 ms trace: frame 2.5 ms (3 shapes)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := traceLine(tc.d, "frame %.1f ms (%d shapes)", 2.5, 3); got != tc.want {
				t.Errorf("traceLine = %q, want %q", got, tc.want)
			}
		})
	}
}
