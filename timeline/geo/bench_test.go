package geo_test

import (
	"image"
	"image/draw"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scene"
)

// BenchmarkMapFrame is the map's work for one frame of the window at 1600×900: building the
// map scene of the built-in dataset (the basemap at the zoom's level, clipped and simplified,
// the path, places and labels) and painting it with the screen's raster painter.
func BenchmarkMapFrame(b *testing.B) {
	ds := builtin(b)
	ix := geo.NewIndex(ds)
	th, _ := scene.ThemeByName("light")
	for _, c := range []struct {
		name     string
		from, to int
		zoom     float64
	}{
		{"world-all", 1879, 1940, 1},       // the whole career: the world at 1:110m
		{"1917-fit", 1917, 1917, 1},        // 1917, fitted: New York to Petrograd
		{"1929-1940-fit", 1929, 1940, 1},   // the last exile, fitted
		{"europe-zoomed", 1905, 1914, 2.5}, // zoomed in past the fit: 1:50m
	} {
		b.Run(c.name, func(b *testing.B) {
			from, to := chrono.FromCivil(c.from, 1, 1), chrono.FromCivil(c.to, 12, 31)
			v := ix.Fit(1600, 900, 36, from, to)
			if c.from == 1879 {
				v = geo.World(1600, 900, 10)
			}
			v = v.Zoom(c.zoom, 800, 450)
			cfg := geo.MapConfig{Theme: th, Lang: "en", From: from, To: to, Now: from + (to-from)/2, HasNow: true, Selected: -1, Hover: -1}
			img := image.NewRGBA(image.Rect(0, 0, 1600, 900))
			p := paint.NewRaster()
			var ms geo.MapScene
			geo.BuildMap(&ms, ix, v, &cfg) // decode the basemap once, outside the timing
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				geo.BuildMap(&ms, ix, v, &cfg)
				draw.Draw(img, img.Rect, image.NewUniform(ms.Background), image.Point{}, draw.Src)
				p.Paint(img, ms.Shapes, paint.Transform{S: 1}, nil)
			}
		})
	}
}
