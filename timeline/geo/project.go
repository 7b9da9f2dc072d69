package geo

import "math"

// Project maps a longitude and latitude in degrees to the Natural Earth I projection
// (Šavrič, Jenny, Patterson, Petrovič and Hurni, 2011), in units of the Earth's radius,
// with y growing north. The world spans x in ±MaxX and y in ±MaxY.
func Project(lon, lat float64) (x, y float64) {
	l := lon * math.Pi / 180
	p := lat * math.Pi / 180
	p2 := p * p
	p4 := p2 * p2
	x = l * (0.8707 - 0.131979*p2 + p4*(-0.013791+p4*p2*(0.003971-0.001529*p2)))
	y = p * (1.007226 + p2*(0.015085+p4*(-0.044475+0.028874*p2-0.005916*p4)))
	return x, y
}

// Unproject is the inverse of Project, by Newton's method on y (as d3-geo does).
func Unproject(x, y float64) (lon, lat float64) {
	p := y
	for i := 0; i < 25; i++ {
		p2 := p * p
		p4 := p2 * p2
		d := (p*(1.007226+p2*(0.015085+p4*(-0.044475+0.028874*p2-0.005916*p4))) - y) /
			(1.007226 + p2*(0.015085*3+p4*(-0.044475*7+0.028874*9*p2-0.005916*11*p4)))
		p -= d
		if math.Abs(d) < 1e-12 {
			break
		}
	}
	p2 := p * p
	p4 := p2 * p2
	l := x / (0.8707 - 0.131979*p2 + p4*(-0.013791+p4*p2*(0.003971-0.001529*p2)))
	return l * 180 / math.Pi, p * 180 / math.Pi
}

// MaxX and MaxY are the world's half-width and half-height in projected units: the
// equator's end at ±180° and the poles.
var (
	MaxX, _ = Project(180, 0)
	_, MaxY = Project(0, 90)
)

// View is a window onto the projected world: the projected point (CX, CY) sits at the
// centre of a W×H pixel area, at Scale pixels per projected unit. Pixel y grows down.
type View struct {
	CX, CY float64
	Scale  float64
	W, H   float64
}

// Pixel returns where the place at lon, lat falls in the view.
func (v View) Pixel(lon, lat float64) (px, py float64) {
	x, y := Project(lon, lat)
	return v.PixelXY(x, y)
}

// PixelXY returns where the projected point x, y falls in the view.
func (v View) PixelXY(x, y float64) (px, py float64) {
	return v.W/2 + (x-v.CX)*v.Scale, v.H/2 - (y-v.CY)*v.Scale
}

// XY returns the projected point at pixel px, py.
func (v View) XY(px, py float64) (x, y float64) {
	return v.CX + (px-v.W/2)/v.Scale, v.CY - (py-v.H/2)/v.Scale
}

// World returns the view of the whole world in a w×h area, with pad pixels around it.
func World(w, h, pad float64) View {
	return Fit(w, h, pad, -MaxX, -MaxY, MaxX, MaxY)
}

// Fit returns the view showing the projected box x0,y0..x1,y1 in a w×h area with pad
// pixels around it, clamped by Clamp.
func Fit(w, h, pad, x0, y0, x1, y1 float64) View {
	bw, bh := math.Max(x1-x0, 1e-9), math.Max(y1-y0, 1e-9)
	aw, ah := math.Max(w-2*pad, 1), math.Max(h-2*pad, 1)
	v := View{CX: (x0 + x1) / 2, CY: (y0 + y1) / 2, Scale: math.Min(aw/bw, ah/bh), W: w, H: h}
	return v.Clamp()
}

// FitPlaces returns the view showing the given lon/lat points (pairs) in a w×h area with
// pad pixels around them, at least minSpan projected units across (so one place does not
// fill the screen); the world view when there are none.
func FitPlaces(w, h, pad float64, lonlat []float64, minSpan float64) View {
	if len(lonlat) < 2 {
		return World(w, h, pad)
	}
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	for i := 0; i+1 < len(lonlat); i += 2 {
		x, y := Project(lonlat[i], lonlat[i+1])
		x0, y0 = math.Min(x0, x), math.Min(y0, y)
		x1, y1 = math.Max(x1, x), math.Max(y1, y)
	}
	if d := minSpan - (x1 - x0); d > 0 {
		x0, x1 = x0-d/2, x1+d/2
	}
	if d := minSpan/2 - (y1 - y0); d > 0 {
		y0, y1 = y0-d/2, y1+d/2
	}
	return Fit(w, h, pad, x0, y0, x1, y1)
}

// MinScale and MaxZoom bound the zoom: from the whole world in the area down to about
// 60 km across 1000 pixels.
const MaxZoom = 600

// minScale is the scale at which the whole world fits the view.
func (v View) minScale() float64 {
	return math.Min(v.W/(2*MaxX), v.H/(2*MaxY)) * 0.9
}

// Clamp keeps the scale between the whole world and MaxZoom times that, and the centre
// inside the world.
func (v View) Clamp() View {
	if v.W <= 0 || v.H <= 0 {
		return v
	}
	lo := v.minScale()
	v.Scale = math.Max(lo, math.Min(v.Scale, lo*MaxZoom))
	v.CX = math.Max(-MaxX, math.Min(v.CX, MaxX))
	v.CY = math.Max(-MaxY, math.Min(v.CY, MaxY))
	return v
}

// Zoom scales the view by f about the pixel px, py (which keeps its place).
func (v View) Zoom(f, px, py float64) View {
	x, y := v.XY(px, py)
	v.Scale *= f
	v = v.Clamp()
	// Put x, y back under px, py.
	nx, ny := v.XY(px, py)
	v.CX += x - nx
	v.CY += y - ny
	return v.Clamp()
}

// Pan moves the view's content by dx, dy pixels (a drag to the right shows what is west).
func (v View) Pan(dx, dy float64) View {
	v.CX -= dx / v.Scale
	v.CY += dy / v.Scale
	return v.Clamp()
}

// Resize keeps the view's centre and scale in a new area (clamped).
func (v View) Resize(w, h float64) View {
	v.W, v.H = w, h
	return v.Clamp()
}
