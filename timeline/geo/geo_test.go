package geo

import (
	"math"
	"testing"
)

// Known points to known pixels: d3-geo 3.1.2's geoNaturalEarth1().scale(100).translate([500, 300])
// (an independent implementation of the same projection) put these places at these pixels.
func TestProjectKnownPixels(t *testing.T) {
	v := View{CX: 0, CY: 0, Scale: 100, W: 1000, H: 600}
	for _, c := range []struct {
		name     string
		lon, lat float64
		px, py   float64
	}{
		{"London", -0.12574, 51.50853, 499.834096, 209.541611},
		{"Mexico City", -99.12766, 19.42847, 352.016854, 265.789206},
		{"Almaty", 76.9115, 43.25249, 606.206973, 223.734034},
		{"New York", -74.00597, 40.71427, 396.584742, 228.172748},
		{"0,0", 0, 0, 500, 300},
		{"date line", 180, 0, 773.538472, 300},
		{"north pole", 0, 90, 500, 157.760949},
		{"south-west", -170, -60, 288.441938, 404.457027},
	} {
		px, py := v.Pixel(c.lon, c.lat)
		if math.Abs(px-c.px) > 1e-3 || math.Abs(py-c.py) > 1e-3 {
			t.Errorf("%s: got %.6f,%.6f, want %.6f,%.6f", c.name, px, py, c.px, c.py)
		}
		lon, lat := Unproject(v.XY(px, py))
		if math.Abs(lon-c.lon) > 1e-6 || math.Abs(lat-c.lat) > 1e-6 {
			t.Errorf("%s: unprojected to %.7f,%.7f", c.name, lon, lat)
		}
	}
}

func TestViewZoomKeepsPointer(t *testing.T) {
	v := World(1600, 900, 10)
	x, y := v.XY(400, 300)
	z := v.Zoom(4, 400, 300)
	if z.Scale <= v.Scale*3.9 {
		t.Fatalf("zoom did not zoom: %v -> %v", v.Scale, z.Scale)
	}
	px, py := z.PixelXY(x, y)
	if math.Abs(px-400) > 1e-6 || math.Abs(py-300) > 1e-6 {
		t.Errorf("the point under the pointer moved to %.3f,%.3f", px, py)
	}
	// Zooming out past the world stops at the world.
	out := v.Zoom(1e-6, 800, 450)
	if out.Scale < v.minScale()-1e-9 {
		t.Errorf("zoomed out to %v, below the world's %v", out.Scale, v.minScale())
	}
	p := z.Pan(100, 0)
	if d := (p.CX - z.CX) * z.Scale; math.Abs(d+100) > 1e-6 {
		t.Errorf("pan by 100 px moved the centre %v px", d)
	}
}

func TestFitPlaces(t *testing.T) {
	// London and Almaty both inside a 800x400 area with 20 px of margin.
	ll := []float64{-0.12574, 51.50853, 76.9115, 43.25249}
	v := FitPlaces(800, 400, 20, ll, 0.2)
	for i := 0; i < len(ll); i += 2 {
		px, py := v.Pixel(ll[i], ll[i+1])
		if px < 19.9 || px > 780.1 || py < 19.9 || py > 380.1 {
			t.Errorf("point %d at %.1f,%.1f outside the fitted area", i/2, px, py)
		}
	}
	if px, _ := v.Pixel(-0.12574, 51.50853); math.Abs(px-20) > 0.5 {
		t.Errorf("the westernmost point is at x=%.2f, not at the margin", px)
	}
}

// inside reports whether the projected point x, y is inside ring pts (even-odd).
func inside(pts []float32, x, y float32) bool {
	in := false
	for i, j := 0, len(pts)-2; i < len(pts); j, i = i, i+2 {
		xi, yi, xj, yj := pts[i], pts[i+1], pts[j], pts[j+1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

func onLand(m *Basemap, lon, lat float64) bool {
	x, y := Project(lon, lat)
	n := 0
	for r := 0; r+1 < len(m.Start); r++ {
		if inside(m.XY[2*m.Start[r]:2*m.Start[r+1]], float32(x), float32(y)) {
			n++
		}
	}
	return n%2 == 1
}

func TestBasemapLand(t *testing.T) {
	for _, l := range []Level{Land110, Land50} {
		m, err := Land(l)
		if err != nil {
			t.Fatal(err)
		}
		// The source's rings and points, plus those of the rings cut at the 180th meridian
		// (Chukotka, Fiji, ...) and the points added where they are cut.
		rings, points := len(m.Start)-1, len(m.XY)/2
		want := map[Level][2]int{Land110: {129, 5139}, Land50: {1424, 60649}}[l]
		if rings != want[0] || points != want[1] {
			t.Errorf("level %d: %d rings, %d points; want %v", l, rings, points, want)
		}
		// No edge runs across the map (a ring crossing the 180th meridian not cut).
		for r := 0; r+1 < len(m.Start); r++ {
			xy := m.XY[2*m.Start[r] : 2*m.Start[r+1]]
			for _, c := range xy {
				if math.IsNaN(float64(c)) || math.IsInf(float64(c), 0) {
					t.Fatalf("level %d ring %d: a point is not finite", l, r)
				}
			}
			for i := 0; i+3 < len(xy); i += 2 {
				atPole := math.Abs(math.Abs(float64(xy[i+1]))-MaxY) < 1e-3 && math.Abs(math.Abs(float64(xy[i+3]))-MaxY) < 1e-3
				if d := math.Abs(float64(xy[i+2] - xy[i])); d > MaxX && !atPole {
					t.Fatalf("level %d ring %d: an edge spans %.2f of the map's width %.2f", l, r, d, 2*MaxX)
				}
			}
		}
		// The rings are stitched right: cities are on land, oceans are not.
		for _, c := range []struct {
			name     string
			lon, lat float64
			land     bool
		}{
			{"Moscow", 37.61781, 55.75204, true},
			{"Almaty", 76.9115, 43.25249, true},
			{"Mexico City", -99.12766, 19.42847, true},
			{"Vienna", 16.37208, 48.20849, true},
			{"mid-Atlantic", -35, 35, false},
			{"Pacific", -150, 0, false},
			{"Black Sea", 34, 43.5, false},
		} {
			if got := onLand(m, c.lon, c.lat); got != c.land {
				t.Errorf("level %d: %s on land = %v, want %v", l, c.name, got, c.land)
			}
		}
	}
}

func TestRingsSimplifiedToZoom(t *testing.T) {
	m, _ := Land(Land50)
	count := func(v View) (n int) {
		m.Rings(v, 0.75, nil, func(pts []float64) { n += len(pts) / 2 })
		return n
	}
	world := World(1600, 900, 0)
	europe := FitPlaces(1600, 900, 0, []float64{-10, 35, 40, 60}, 0)
	nw, ne := count(world), count(europe)
	if nw >= 60629/2 {
		t.Errorf("the whole world at 1600 px draws %d of 60,629 points: not simplified", nw)
	}
	if ne == 0 || ne >= 60629 {
		t.Errorf("Europe draws %d points", ne)
	}
	if LevelFor(world) != Land110 || LevelFor(europe.Zoom(4, 800, 450)) != Land50 {
		t.Errorf("levels: world %d, zoomed %d", LevelFor(world), LevelFor(europe.Zoom(4, 800, 450)))
	}
}

func TestHit(t *testing.T) {
	pts := []float64{100, 100, 104, 100, 300, 300}
	if got := Hit(pts, 103, 100, 8); got != 1 {
		t.Errorf("Hit near the second point = %d", got)
	}
	if got := Hit(pts, 102, 100, 8); got != 1 {
		t.Errorf("Hit between two equally near points = %d, want the one on top (1)", got)
	}
	if got := Hit(pts, 200, 200, 8); got != -1 {
		t.Errorf("Hit far from every point = %d", got)
	}
	if got := Hit(pts, 306, 300, 8); got != 2 {
		t.Errorf("Hit 6 px from the third point = %d", got)
	}
}
