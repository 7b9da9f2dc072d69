package timelineview

import (
	"bytes"
	"image"
	"image/draw"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trotskytimeline/timeline/layout/layouttest"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scale"
)

// TestPaintOnSamePixels: the frame's PaintOn (the background, then the scene, with the
// background and lane bands copied rather than blended) leaves the pixels that filling the
// raster and painting the scene with Paint leave, for the built-in dataset and the benchmark
// workload, in every theme, at the whole span, two years and a week, fitted to the window's
// height and not.
func TestPaintOnSamePixels(t *testing.T) {
	sets := map[string]*Engine{}
	for _, th := range []string{"light", "dark", "contrast"} {
		sets["built-in/"+th] = NewEngine(loadBuiltin(t), "en", th)
		sets["10k/"+th] = NewEngine(layouttest.Dataset(10_000), "en", th)
	}
	const w, h = 1592, 769
	for name, eng := range sets {
		first, last := eng.Domain()
		mid := (first + last) / 2
		for _, days := range []float64{0, 2 * scale.DaysPerYear, 7} {
			v := eng.Fit(first, last, w-eng.TitleWidth())
			if days > 0 {
				v = scale.View{Start: mid - days/2, End: mid + days/2, Width: w - eng.TitleWidth()}
			}
			for _, fit := range []float64{h, 0} {
				sc := eng.build(v, make([]bool, len(eng.ds.Lanes)), -1, -1, fit)
				want := image.NewRGBA(image.Rect(0, 0, w, h))
				draw.Draw(want, want.Rect, image.NewUniform(sc.Background), image.Point{}, draw.Src)
				paint.NewRaster().Paint(want, sc.Shapes, paint.Transform{S: 1}, nil)
				got := image.NewRGBA(want.Rect)
				paint.NewRaster().PaintOn(got, sc.Background, sc.Shapes, paint.Transform{S: 1}, nil)
				if !bytes.Equal(got.Pix, want.Pix) {
					t.Errorf("%s, %.0f days, fitted to %.0f px: PaintOn's pixels differ from fill and Paint", name, days, fit)
				}
			}
		}
	}
}

// TestOverviewBoxSamePixels: the strip's two rasters, the densities and the box's raster
// over them, make the picture one raster of the whole strip made (the densities, then the
// box, painted by Paint), at the whole span, zoomed, and panned; and a pan leaves the
// densities' picture as it was (only the box's is painted again); a box wider than half the
// strip is painted in the strip's raster.
func TestOverviewBoxSamePixels(t *testing.T) {
	test.NewTempApp(t)
	eng := NewEngine(loadBuiltin(t), "en", "dark")
	tl := New(eng)
	tl.Resize(fyne.NewSize(1000, 400))
	ov := NewOverview(eng, tl)
	ov.Resize(fyne.NewSize(1000, 44))
	r := test.WidgetRenderer(ov).(*overviewRenderer)
	const w, h = 1000, 44
	check := func(what string) {
		t.Helper()
		r.Refresh()
		strip := r.stripFrame(w, h).(*image.RGBA)
		got := image.NewRGBA(strip.Rect)
		copy(got.Pix, strip.Pix)
		if r.box.Visible() {
			pos, size := r.box.Position(), r.box.Size()
			box := r.boxFrame(int(size.Width), int(size.Height))
			draw.Draw(got, image.Rect(int(pos.X), int(pos.Y), int(pos.X+size.Width), int(pos.Y+size.Height)), box, image.Point{}, draw.Src)
		}
		sc := eng.overview(ov.FullView(), tl.View(), h, tl.hidden)
		want := image.NewRGBA(image.Rect(0, 0, w, h))
		paint.NewRaster().PaintOn(want, sc.Background, sc.Shapes, paint.Transform{S: 1}, nil)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("%s: the strip and the box's rasters differ from one raster of the strip", what)
		}
	}
	check("whole span")
	if r.box.Visible() || !r.boxInStrip {
		t.Errorf("at the whole span the box is not painted in the strip's raster")
	}
	tl.ZoomCentre(16)
	check("zoomed in")
	if !r.box.Visible() || r.boxInStrip {
		t.Errorf("zoomed in, the box has no raster of its own")
	}
	gen := r.bufGen
	before := append([]byte(nil), r.buf.Pix...)
	tl.Pan(-137)
	check("panned")
	if r.bufGen != gen || !bytes.Equal(before, r.buf.Pix) {
		t.Errorf("a pan painted the densities again")
	}
	tl.Pan(1e6)
	check("panned to the start")
}
