package bench

import (
	"io"
	"strings"
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/render"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/scene"
)

// BenchmarkLoad reads and checks the workload file with format.Load; MB/s is of the file.
// cpu-ms/op is the process's CPU time an op (the collector's on the other core included),
// which, unlike the wall time, does not grow with the load of a shared machine.
func BenchmarkLoad(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			path, size := benchFile(b, sz.n)
			b.SetBytes(size)
			b.ReportAllocs()
			c0 := cpuTime()
			for b.Loop() {
				ds, err := format.Load(path)
				if err != nil {
					b.Fatal(err)
				}
				if len(ds.Events) != sz.n {
					b.Fatalf("%d events, want %d", len(ds.Events), sz.n)
				}
			}
			b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkIndex builds the visible-range index of a loaded dataset (layout.NewIndex).
func BenchmarkIndex(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			ds := benchDataset(b, sz.n)
			b.ReportAllocs()
			for b.Loop() {
				if ix := layout.NewIndex(ds); ix.Last <= ix.First {
					b.Fatalf("empty index span %d..%d", ix.First, ix.Last)
				}
			}
		})
	}
}

// BenchmarkFrame is one frame's work in the app: the visible queries, the lane packing and
// the scene (scene.BuildInto reusing one Scene, as the app does), redrawing a settled view.
func BenchmarkFrame(b *testing.B) {
	for _, sz := range sizes {
		for _, win := range []string{"full", "2years", "2weeks", "full+break", "2years+break"} {
			b.Run(sz.name+"/"+win, func(b *testing.B) {
				ix := benchIndex(b, sz.n)
				st := config()
				if strings.HasSuffix(win, "+break") {
					st.FitHeight = FitH
				}
				v := pick(windows(ix, &st), win)
				var sc scene.Scene
				scene.BuildInto(&sc, ix, v, &st)
				b.ReportAllocs()
				for b.Loop() {
					scene.BuildInto(&sc, ix, v, &st)
				}
				b.ReportMetric(float64(len(sc.Shapes)), "shapes")
			})
		}
	}
}

// BenchmarkPan is the frame after a drag of 10% of the width from a settled frame: each
// iteration pans by 10% from the previous view, back and forth (right, left, right, ...),
// clamped to the app's limits, so every frame is a fresh 10% pan from the one before it.
func BenchmarkPan(b *testing.B) {
	for _, sz := range sizes {
		for _, win := range []string{"full", "2years", "2weeks", "full+break", "2years+break"} {
			b.Run(sz.name+"/"+win, func(b *testing.B) {
				ix := benchIndex(b, sz.n)
				st := config()
				if strings.HasSuffix(win, "+break") {
					st.FitHeight = FitH
				}
				lim := scale.NewLimits(float64(ix.First), float64(ix.Last))
				v0 := pick(windows(ix, &st), win).Clamp(lim)
				v1 := v0.Pan(-0.1 * v0.Width).Clamp(lim) // a drag to the left: later days
				if v1 == v0 {
					v1 = v0.Pan(0.1 * v0.Width).Clamp(lim)
				}
				views := [2]scale.View{v1, v0}
				var sc scene.Scene
				scene.BuildInto(&sc, ix, v0, &st) // the settled frame
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					scene.BuildInto(&sc, ix, views[i&1], &st)
					i++
				}
				b.ReportMetric(float64(len(sc.Shapes)), "shapes")
			})
		}
	}
}

// BenchmarkHit is a click: scene.Hit at the centre of a drawn bar (or, where there are
// none, a marker, cluster or density bar). It takes the one painted first, the worst case
// for Hit, which looks from the top of the painting order down.
func BenchmarkHit(b *testing.B) {
	for _, sz := range sizes {
		for _, win := range []string{"full", "2years", "2weeks"} {
			b.Run(sz.name+"/"+win, func(b *testing.B) {
				ix := benchIndex(b, sz.n)
				st := config()
				sc := scene.Build(ix, pick(windows(ix, &st), win), &st)
				x, y, ok := target(sc)
				if !ok {
					b.Fatal("no bar, marker, cluster or density bar in the scene")
				}
				if _, hit := sc.Hit(x, y); !hit {
					b.Fatalf("Hit(%.1f, %.1f) missed the shape drawn there", x, y)
				}
				b.ReportAllocs()
				for b.Loop() {
					sc.Hit(x, y)
				}
				b.ReportMetric(float64(len(sc.Shapes)), "shapes")
			})
		}
	}
}

// BenchmarkExport renders a full-range 1920×1080 figure (render.Render, the export
// command's work after loading) to io.Discard.
func BenchmarkExport(b *testing.B) {
	for _, f := range []struct {
		name string
		fmt  render.Format
	}{{"svg", render.SVG}, {"png", render.PNG}} {
		for _, sz := range sizes {
			b.Run(f.name+"/"+sz.name, func(b *testing.B) {
				ds := benchDataset(b, sz.n)
				o := render.Options{Format: f.fmt, Width: 1920, Height: 1080}
				b.ReportAllocs()
				for b.Loop() {
					if err := render.Render(io.Discard, ds, o); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// pick returns the view of the window named name.
func pick(ws []window, name string) scale.View {
	for _, w := range ws {
		if w.name == name {
			return w.v
		}
	}
	panic("bench: no window " + name)
}

// target returns the centre of the first-painted shape a user could click on: an event's
// bar, else its marker, else a cluster's box, else a density bar.
func target(sc *scene.Scene) (x, y float64, ok bool) {
	for _, kind := range []scene.Kind{scene.KindBar, scene.KindPoint, scene.KindCluster, scene.KindDensity} {
		for i := range sc.Shapes {
			sh := &sc.Shapes[i]
			if sh.Kind != kind || sh.Type == scene.TextShape {
				continue
			}
			if sh.Type == scene.MarkerShape {
				return sh.X, sh.Y, true
			}
			if sh.W >= 1 && sh.X+sh.W/2 > sc.TimeX0 && sh.X+sh.W/2 < sc.W && sh.Y > sc.AxisH {
				return sh.X + sh.W/2, sh.Y + sh.H/2, true
			}
		}
	}
	return 0, 0, false
}
