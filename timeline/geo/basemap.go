package geo

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"sync"
)

// Level is a basemap's scale: the coarser draws faster, the finer looks right zoomed in.
type Level uint8

// The basemap's levels: Natural Earth land at 1:110m (126 rings, 5,123 points) and at
// 1:50m (1,421 rings, 60,629 points).
const (
	Land110 Level = iota
	Land50
)

//go:embed land110.bin
var land110 []byte

//go:embed land50.bin
var land50 []byte

// Basemap is the land at one level, projected: rings of points in projected units (x,
// y pairs, y north), each with its bounding box so a view skips what it cannot see.
type Basemap struct {
	XY    []float32 // x, y pairs of every ring, one after the other
	Start []int32   // ring i is XY[2*Start[i] : 2*Start[i+1]]
	Box   [][4]float32

	// lods[k] is this basemap simplified (Douglas and Peucker) to lodTol/2^k projected
	// units, made on first use: a frame reads the coarsest one still finer than half a
	// pixel, so its cost follows the points it draws, not the points the data has.
	lods [lodN]struct {
		once sync.Once
		m    *Basemap
	}
}

// The simplified basemaps: lodTol projected units is about half a pixel for the whole
// world across 1,600 pixels; each level halves it, lodN levels down to a 4,000th of it.
const (
	lodTol = 2e-3
	lodN   = 13
)

// lod returns the basemap simplified for scale pixels per projected unit: the coarsest
// whose tolerance is under half a pixel; m itself when zoomed in further than them all.
func (m *Basemap) lod(scale float64) *Basemap {
	want := 0.5 / scale
	for k := 0; k < lodN; k++ {
		if tol := lodTol / float64(int(1)<<k); tol <= want {
			l := &m.lods[k]
			l.once.Do(func() { l.m = m.simplify(tol) })
			return l.m
		}
	}
	return m
}

// simplify returns the basemap with each ring simplified by Douglas and Peucker's
// algorithm to tol projected units (a ring keeps its first point and the point farthest
// from it, and whatever it needs between them); rings that shrink to fewer than three
// points are left out.
func (m *Basemap) simplify(tol float64) *Basemap {
	out := &Basemap{Start: make([]int32, 0, len(m.Start))}
	var keep []bool
	var stack [][2]int
	tol2 := tol * tol
	for r := 0; r+1 < len(m.Start); r++ {
		xy := m.XY[2*m.Start[r] : 2*m.Start[r+1]]
		n := len(xy) / 2
		if n < 3 {
			continue
		}
		keep = append(keep[:0], make([]bool, n)...)
		// The point farthest from the first splits the ring into two chains.
		far, fd := 0, -1.0
		for i := 1; i < n; i++ {
			dx, dy := float64(xy[2*i]-xy[0]), float64(xy[2*i+1]-xy[1])
			if d := dx*dx + dy*dy; d > fd {
				far, fd = i, d
			}
		}
		keep[0], keep[far], keep[n-1] = true, true, true
		stack = append(stack[:0], [2]int{0, far}, [2]int{far, n - 1})
		for len(stack) > 0 {
			a, b := stack[len(stack)-1][0], stack[len(stack)-1][1]
			stack = stack[:len(stack)-1]
			if b-a < 2 {
				continue
			}
			ax, ay := float64(xy[2*a]), float64(xy[2*a+1])
			bx, by := float64(xy[2*b]), float64(xy[2*b+1])
			dx, dy := bx-ax, by-ay
			l2 := dx*dx + dy*dy
			best, bd := -1, tol2
			for i := a + 1; i < b; i++ {
				px, py := float64(xy[2*i])-ax, float64(xy[2*i+1])-ay
				var d float64
				if l2 == 0 {
					d = px*px + py*py
				} else {
					c := px*dy - py*dx
					d = c * c / l2
				}
				if d > bd {
					best, bd = i, d
				}
			}
			if best >= 0 {
				keep[best] = true
				stack = append(stack, [2]int{a, best}, [2]int{best, b})
			}
		}
		cnt := 0
		for _, k := range keep {
			if k {
				cnt++
			}
		}
		if cnt < 3 {
			continue
		}
		out.Start = append(out.Start, int32(len(out.XY)/2))
		for i, k := range keep {
			if k {
				out.XY = append(out.XY, xy[2*i], xy[2*i+1])
			}
		}
		out.Box = append(out.Box, m.Box[r])
	}
	out.Start = append(out.Start, int32(len(out.XY)/2))
	return out
}

var (
	basemaps   [2]*Basemap
	basemapErr [2]error
	basemapOne [2]sync.Once
)

// Land returns the basemap at level l, decoded and projected on first use.
func Land(l Level) (*Basemap, error) {
	if l > Land50 {
		l = Land50
	}
	basemapOne[l].Do(func() {
		src := land110
		if l == Land50 {
			src = land50
		}
		basemaps[l], basemapErr[l] = decodeBasemap(src)
	})
	return basemaps[l], basemapErr[l]
}

// LevelFor picks the basemap for a view: 1:110m while the whole world is under 2,500
// pixels across, 1:50m when zoomed in further.
func LevelFor(v View) Level {
	if 2*MaxX*v.Scale > 2500 {
		return Land50
	}
	return Land110
}

var errBasemap = errors.New("geo: corrupt embedded basemap")

// decodeBasemap reads the form internal/mkbasemap writes.
func decodeBasemap(b []byte) (*Basemap, error) {
	if len(b) < 4+32 || string(b[:4]) != "NEL1" {
		return nil, errBasemap
	}
	var t [4]float64
	for i := range t {
		t[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[4+8*i:]))
	}
	b = b[36:]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errBasemap
	}
	b = b[k:]
	m := &Basemap{Start: make([]int32, 0, n+1), Box: make([][4]float32, 0, n)}
	var ll []float64
	for r := uint64(0); r < n; r++ {
		cnt, k := binary.Uvarint(b)
		if k <= 0 || cnt > uint64(len(b)) {
			return nil, errBasemap
		}
		b = b[k:]
		ll = ll[:0]
		qx, qy := int64(0), int64(0)
		for i := uint64(0); i < cnt; i++ {
			dx, k1 := binary.Varint(b)
			if k1 <= 0 {
				return nil, errBasemap
			}
			dy, k2 := binary.Varint(b[k1:])
			if k2 <= 0 {
				return nil, errBasemap
			}
			b = b[k1+k2:]
			qx += dx
			qy += dy
			ll = append(ll, float64(qx)*t[0]+t[2], float64(qy)*t[1]+t[3])
		}
		for _, piece := range splitAntimeridian(ll) {
			m.addRing(piece)
		}
	}
	m.Start = append(m.Start, int32(len(m.XY)/2))
	if len(b) != 0 {
		return nil, errBasemap
	}
	return m, nil
}

// addRing projects a ring of lon/lat pairs and appends it.
func (m *Basemap) addRing(ll []float64) {
	m.Start = append(m.Start, int32(len(m.XY)/2))
	box := [4]float32{math.MaxFloat32, math.MaxFloat32, -math.MaxFloat32, -math.MaxFloat32}
	for i := 0; i+1 < len(ll); i += 2 {
		x, y := Project(ll[i], ll[i+1])
		fx, fy := float32(x), float32(y)
		m.XY = append(m.XY, fx, fy)
		box[0], box[1] = min(box[0], fx), min(box[1], fy)
		box[2], box[3] = max(box[2], fx), max(box[3], fy)
	}
	m.Box = append(m.Box, box)
}

// splitAntimeridian cuts a ring of lon/lat pairs that crosses the 180th meridian (a step
// of more than 180° in longitude: Chukotka, Fiji, Antarctica) into the part east of it and
// the part west of it, each closed along the meridian, so that no edge runs across the
// whole map. A ring that crosses once goes round a pole: it is closed along the pole. A
// ring that does not cross is returned as it is.
func splitAntimeridian(ll []float64) [][]float64 {
	n := len(ll) / 2
	crossings := 0
	for i := 0; i < n; i++ {
		j := (i + 1) % n
		if math.Abs(ll[2*j]-ll[2*i]) > 180 {
			crossings++
		}
	}
	if crossings == 0 {
		return [][]float64{ll}
	}
	// Between two crossings the ring stays on one side of the meridian: pieces a and b
	// take turns. A ring crossing an odd number of times goes round a pole and stays one
	// ring, detouring along the pole at each crossing.
	var a, b []float64
	meanLat := 0.0
	for i := 0; i < n; i++ {
		meanLat += ll[2*i+1]
	}
	pole := -90.0
	if meanLat > 0 {
		pole = 90
	}
	cur := &a
	for i := 0; i < n; i++ {
		lon, lat := ll[2*i], ll[2*i+1]
		*cur = append(*cur, lon, lat)
		j := (i + 1) % n
		lon2, lat2 := ll[2*j], ll[2*j+1]
		if math.Abs(lon2-lon) <= 180 {
			continue
		}
		// The latitude where the step crosses the meridian, with longitudes unwrapped.
		u := lon2 + 360
		edge := 180.0
		if lon < 0 {
			u, edge = lon2-360, -180
		}
		latc := lat
		if u != lon { // a step from exactly +180 to exactly -180 crosses where it starts
			latc += (edge - lon) / (u - lon) * (lat2 - lat)
		}
		*cur = append(*cur, edge, latc)
		if crossings%2 == 1 {
			*cur = append(*cur, edge, pole, -edge, pole)
		} else if cur == &a {
			cur = &b
		} else {
			cur = &a
		}
		*cur = append(*cur, -edge, latc)
	}
	east, west := a, b
	var out [][]float64
	if len(east) >= 6 {
		out = append(out, east)
	}
	if len(west) >= 6 {
		out = append(out, west)
	}
	return out
}

// Rings calls fn with each ring that meets the view, in pixels (x, y pairs), simplified
// to the zoom: from the basemap simplified to under half a pixel (Douglas and Peucker,
// made once per zoom level), leaving out points less than minStep pixels from the last
// one kept, and rings smaller than a pixel. buf is reused between calls and returned for
// the next frame; fn must not keep pts.
func (m *Basemap) Rings(v View, minStep float64, buf []float64, fn func(pts []float64)) []float64 {
	m = m.lod(v.Scale)
	x0, y0 := v.XY(0, v.H)
	x1, y1 := v.XY(v.W, 0)
	min2 := minStep * minStep
	for r := 0; r+1 < len(m.Start); r++ {
		bx := m.Box[r]
		if float64(bx[2]) < x0 || float64(bx[0]) > x1 || float64(bx[3]) < y0 || float64(bx[1]) > y1 {
			continue
		}
		if (float64(bx[2]-bx[0]))*v.Scale < 1 && (float64(bx[3]-bx[1]))*v.Scale < 1 {
			continue
		}
		pts := buf[:0]
		xy := m.XY[2*m.Start[r] : 2*m.Start[r+1]]
		lx, ly := math.Inf(1), math.Inf(1)
		for i := 0; i+1 < len(xy); i += 2 {
			px, py := v.PixelXY(float64(xy[i]), float64(xy[i+1]))
			if dx, dy := px-lx, py-ly; dx*dx+dy*dy < min2 && i+2 < len(xy) {
				continue
			}
			pts = append(pts, px, py)
			lx, ly = px, py
		}
		if len(pts) >= 6 {
			fn(pts)
		}
		buf = pts
	}
	return buf
}
