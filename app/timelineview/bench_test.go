package timelineview

import (
	"image"
	"testing"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/layout/layouttest"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scale"
)

func loadBuiltin(tb testing.TB) *timeline.Dataset {
	ds, err := format.LoadFS(data.FS, data.Name)
	if err != nil {
		tb.Fatalf("built-in dataset: %v", err)
	}
	return ds
}

// BenchmarkFrame is one frame of the window at 1600×770: build the built-in dataset's scene
// for the whole span and paint it into the raster.
func BenchmarkFrame(b *testing.B) {
	ds := loadBuiltin(b)
	eng := NewEngine(ds, "en", "light")
	v := scale.Fit(float64(eng.ix.First), float64(eng.ix.Last), 1600-eng.TitleWidth())
	img := image.NewRGBA(image.Rect(0, 0, 1600, 770))
	p := paint.NewRaster()
	hidden := make([]bool, len(ds.Lanes))
	b.ReportAllocs()
	for b.Loop() {
		sc := eng.build(v, hidden, -1, -1, 0)
		p.PaintOn(img, sc.Background, sc.Shapes, paint.Transform{S: 1}, nil)
	}
}

// BenchmarkPaint is the painting half of a frame alone.
func BenchmarkPaint(b *testing.B) {
	ds := loadBuiltin(b)
	eng := NewEngine(ds, "en", "light")
	v := scale.Fit(float64(eng.ix.First), float64(eng.ix.Last), 1600-eng.TitleWidth())
	sc := eng.build(v, make([]bool, len(ds.Lanes)), -1, -1, 0)
	img := image.NewRGBA(image.Rect(0, 0, 1600, 770))
	p := paint.NewRaster()
	b.ReportAllocs()
	for b.Loop() {
		p.Paint(img, sc.Shapes, paint.Transform{S: 1}, nil)
	}
}

// workloads holds the docs/BENCH.md workload's datasets by size, generated once per process.
var workloads = map[int]*timeline.Dataset{}

// BenchmarkFrameWorkload is one frame of the window (build the scene and paint it into the
// 1592×769 raster of the default 1600×900 window) on the docs/BENCH.md workload, at a one-week and
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
				eng := NewEngine(ds, "en", "light")
				const w, h = 1592, 769
				mid := (float64(eng.ix.First) + float64(eng.ix.Last)) / 2
				v := scale.View{Start: mid - win.days/2, End: mid + win.days/2, Width: w - eng.TitleWidth()}
				img := image.NewRGBA(image.Rect(0, 0, w, h))
				p := paint.NewRaster()
				hidden := make([]bool, len(ds.Lanes))
				b.ReportAllocs()
				var shapes int
				for b.Loop() {
					sc := eng.build(v, hidden, -1, -1, 0)
					p.PaintOn(img, sc.Background, sc.Shapes, paint.Transform{S: 1}, nil)
					shapes = len(sc.Shapes)
				}
				b.ReportMetric(float64(shapes), "shapes")
			})
		}
	}
}
