package geo_test

import (
	"image"
	"image/draw"
	"testing"

	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scene"
)

// The screen's basemap painter gives the picture the basemap's shapes give through the
// screen's shape painter (the way figures and the app painted it before): the same water,
// land and background, in the same places, at the world's view, fitted views, zoomed in at
// 1:50m (the water a box), at a scale of 2 (HiDPI), in a light and a dark theme.
func TestBaseRasterMatchesShapes(t *testing.T) {
	for _, thn := range []string{"light", "dark"} {
		th, ok := scene.ThemeByName(thn)
		if !ok {
			t.Fatalf("no theme %s", thn)
		}
		for _, c := range []struct {
			name string
			v    geo.View
			s    float64
		}{
			{"world", geo.World(800, 450, 10), 1},
			{"world-hidpi", geo.World(400, 225, 10), 2},
			{"europe", geo.FitPlaces(700, 300, 20, []float64{-10, 35, 40, 60}, 0), 1},
			{"europe-50m", geo.FitPlaces(700, 300, 20, []float64{-10, 35, 40, 60}, 0).Zoom(3, 350, 150), 1},
			{"mexico-50m", geo.FitPlaces(500, 400, 20, []float64{-99.1, 19.4}, 0.05), 1},
		} {
			w, h := int(c.v.W*c.s), int(c.v.H*c.s)
			want := image.NewRGBA(image.Rect(0, 0, w, h))
			var ms geo.MapScene
			cfg := geo.MapConfig{Theme: th, Lang: "en", From: 1, To: 0, Selected: -1, Hover: -1, OneLand: true, MinStep: 0.75 / c.s}
			geo.BuildMap(&ms, geo.NewIndex(builtin(t)), c.v, &cfg)
			draw.Draw(want, want.Rect, image.NewUniform(ms.Background), image.Point{}, draw.Src)
			paint.NewRaster().Paint(want, ms.Shapes, paint.Transform{S: c.s}, geo.IsBasemap)

			got := image.NewRGBA(image.Rect(0, 0, w, h))
			var br geo.BaseRaster
			br.Paint(got, c.v, c.s, &th, 0.75)
			br.Paint(got, c.v, c.s, &th, 0.75) // a second frame reuses the masks

			// Every pixel within a few levels (edges are anti-aliased by the same
			// rasteriser, blended in a different order), and almost all within 2.
			far, off, land := 0, 0, 0
			_, landC, _ := geo.MapColors(&th)
			for i := 0; i < len(got.Pix); i += 4 {
				d := 0
				for k := 0; k < 3; k++ {
					d = max(d, absDiff(got.Pix[i+k], want.Pix[i+k]))
				}
				if d > 2 {
					off++
				}
				if d > 24 {
					far++
				}
				if got.Pix[i] == landC.R && got.Pix[i+1] == landC.G && got.Pix[i+2] == landC.B {
					land++
				}
			}
			n := w * h
			if far > n/5000 || off > n/200 {
				t.Errorf("%s %s: %d of %d pixels differ by more than 2 levels, %d by more than 24 levels", thn, c.name, off, n, far)
			}
			if land < n/20 {
				t.Errorf("%s %s: %d land pixels of %d: no land painted", thn, c.name, land, n)
			}
		}
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
