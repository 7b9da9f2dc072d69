package geo_test

import (
	"image"
	"strconv"
	"syscall"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scene"
)

// BenchmarkMapFrame is the map's work for one frame of the window at 1600×900, as the app's
// map does it (app/mapview.go). "overlay": the map's view is unchanged (the timeline pans,
// the pointer moves, a selection): the basemap painted earlier is copied and the path,
// places, rings and labels are built and painted over it. "basemap": the map's view moved
// (its own zoom or pan, a new fit): the water and land are clipped and simplified to the
// zoom and painted too (geo.BaseRaster), then the overlay as above. Each at two sizes: the map alone at 1600×900, and the
// 1592×325 px the map has below the timeline in the window at 1600×900.
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
		for _, sz := range [][2]int{{1600, 900}, {1592, 325}} {
			W, H := float64(sz[0]), float64(sz[1])
			b.Run(c.name+"/"+strconv.Itoa(sz[0])+"x"+strconv.Itoa(sz[1]), func(b *testing.B) {
				from, to := chrono.FromCivil(c.from, 1, 1), chrono.FromCivil(c.to, 12, 31)
				v := ix.Fit(W, H, 36, from, to)
				if c.from == 1879 {
					v = geo.World(W, H, 10)
				}
				v = v.Zoom(c.zoom, W/2, H/2)
				cfg := geo.MapConfig{Theme: th, Lang: "en", From: from, To: to, Now: from + (to-from)/2, HasNow: true, Selected: -1, Hover: -1, OneLand: true}
				img := image.NewRGBA(image.Rect(0, 0, sz[0], sz[1]))
				p := paint.NewRaster()
				var ms geo.MapScene
				geo.BuildMap(&ms, ix, v, &cfg) // decode the basemap once, outside the timing
				base := image.NewRGBA(image.Rect(0, 0, sz[0], sz[1]))
				var br geo.BaseRaster
				paintBase := func() { br.Paint(base, v, 1, &th, 0.75) }
				overlay := func() {
					c := cfg
					c.NoBasemap = true
					geo.BuildMap(&ms, ix, v, &c)
					copy(img.Pix, base.Pix)
					p.Paint(img, ms.Shapes, paint.Transform{S: 1}, nil)
				}
				paintBase()
				b.Run("overlay", func(b *testing.B) {
					b.ReportAllocs()
					c0 := cpuTime()
					for i := 0; i < b.N; i++ {
						overlay()
					}
					b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
				})
				b.Run("basemap", func(b *testing.B) {
					b.ReportAllocs()
					c0 := cpuTime()
					for i := 0; i < b.N; i++ {
						paintBase()
						overlay()
					}
					b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
				})
			})
		}
	}
}

// cpuTime is the process's CPU time (user and system) in ns: on a machine shared with
// other work the wall time per op counts the time others ran; this does not.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
