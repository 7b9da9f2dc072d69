package geo

import (
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
)

// Index is what the map needs of a dataset, made once per dataset: its stays and, for
// each place, the events that name it in time order.
type Index struct {
	DS    *timeline.Dataset
	Stays []Stay
	// Events[p] are the events naming place p, by start.
	Events [][]int32
	// Whereabouts[p] says place p is on the path (a stay names it).
	Whereabouts []bool
	// Hidden, when set, holds the lanes not shown (by lane index): their events' places
	// and stays are left off the map, as their events are off the timeline.
	Hidden []bool
}

// shown reports whether event e's lane is shown.
func (ix *Index) shown(e int32) bool {
	l := ix.DS.Events[e].LaneIndex
	return l < 0 || l >= len(ix.Hidden) || !ix.Hidden[l]
}

// stays returns the stays of the lanes shown.
func (ix *Index) stays() []Stay {
	if len(ix.Hidden) == 0 {
		return ix.Stays
	}
	var out []Stay
	for _, s := range ix.Stays {
		if ix.shown(int32(s.Event)) {
			out = append(out, s)
		}
	}
	return out
}

// NewIndex indexes ds's places. It reads Event.PlaceIndex, which Load sets.
func NewIndex(ds *timeline.Dataset) *Index {
	ix := &Index{DS: ds, Stays: Stays(ds), Events: make([][]int32, len(ds.Places)), Whereabouts: make([]bool, len(ds.Places))}
	for i := range ds.Events {
		for _, p := range ds.Events[i].PlaceIndex() {
			if int(p) < len(ix.Events) && !slices.Contains(ix.Events[p], int32(i)) {
				ix.Events[p] = append(ix.Events[p], int32(i))
			}
		}
	}
	for p := range ix.Events {
		slices.SortStableFunc(ix.Events[p], func(a, b int32) int {
			return int(ds.Events[a].StartDate.Earliest() - ds.Events[b].StartDate.Earliest())
		})
	}
	for _, s := range ix.Stays {
		for _, p := range s.Places {
			ix.Whereabouts[p] = true
		}
	}
	return ix
}

// HasMap reports whether the dataset has a map to show: some event names a place.
func (ix *Index) HasMap() bool {
	for _, ev := range ix.Events {
		if len(ev) > 0 {
			return true
		}
	}
	return false
}

// PlacesIn returns the places with an event that meets from..to, in the order of the
// places table.
func (ix *Index) PlacesIn(from, to chrono.Day) []int32 {
	var out []int32
	for p, evs := range ix.Events {
		for _, e := range evs {
			a, b := ix.DS.Events[e].Span()
			if a > to {
				break
			}
			if b >= from && ix.shown(e) {
				out = append(out, int32(p))
				break
			}
		}
	}
	return out
}

// EventsAt returns the events naming place p that meet from..to.
func (ix *Index) EventsAt(p int32, from, to chrono.Day) []int32 {
	var out []int32
	if p < 0 || int(p) >= len(ix.Events) {
		return nil
	}
	for _, e := range ix.Events[p] {
		a, b := ix.DS.Events[e].Span()
		if a <= to && b >= from && ix.shown(e) {
			out = append(out, e)
		}
	}
	return out
}

// Fit returns the view of a w×h area showing the places of the events that meet
// from..to (the whole world when there are none), pad pixels in from the edges.
func (ix *Index) Fit(w, h, pad float64, from, to chrono.Day) View {
	var ll []float64
	for _, p := range ix.PlacesIn(from, to) {
		pl := &ix.DS.Places[p]
		ll = append(ll, pl.Lon, pl.Lat)
	}
	return FitPlaces(w, h, pad, ll, 0.25)
}

// MapConfig says what a map scene shows and how.
type MapConfig struct {
	Theme    scene.Theme
	Lang     string
	FontSize float64 // place labels, in px (default 12)
	Measurer textmetrics.Measurer
	// From..To is the time range whose places and moves the map shows.
	From, To chrono.Day
	// Now, when HasNow, is the day whose place is highlighted (the timeline's centre).
	Now    chrono.Day
	HasNow bool
	// Selected is the selected event (its places are ringed), -1 for none; Hover the
	// place under the pointer, -1 for none.
	Selected int32
	Hover    int32
	// MinStep is the basemap's simplification: points closer than this many pixels to
	// the last one kept are left out (default 0.75).
	MinStep float64
	// NoBasemap leaves out the water and the land (the first shapes, of kinds
	// KindBackground and KindLand): for a painter that keeps them from an earlier frame of
	// the same view.
	NoBasemap bool
	// CoverL and CoverR are how many pixels at the map's left and right something covers
	// (the app's tour card): no label is put there.
	CoverL, CoverR float64
	// OneLand draws the land as one polygon, its rings joined through a hub point by
	// edges that go there and back (and so cancel), with no coast outline: the screen's
	// rasteriser then fills all the land in one pass instead of one pass per ring. A
	// vector format keeps a polygon per ring, outlined.
	OneLand bool
}

// IsBasemap reports whether a map shape is part of the basemap (water and land), which
// depends only on the view and the theme.
func IsBasemap(sh *scene.Shape) bool {
	return sh.Kind == scene.KindBackground || sh.Kind == scene.KindLand
}

// MapScene is a map as shapes, with where each place was drawn for hit-testing. Build it
// again with BuildMap into the same value to reuse its memory.
type MapScene struct {
	scene.Scene
	// Places are the places drawn, in drawing order, and PlacePts their centres (x, y).
	Places   []int32
	PlacePts []float64
	// Now is the event of the stay the highlighted place comes from (-1 for none).
	Now int

	pool    []scene.Point
	ringBuf []float64
	clipA   []float64
	clipB   []float64
	landBuf []scene.Point
	labels  [][4]float64 // boxes no label may overlap: markers, rings, labels placed
	owners  []int32      // the place of each box (a place's label may overlap its own)
}

// polygon adds the closed polygon pts (x, y pairs), clipped to the box bx0,by0..bx1,by1.
func (m *MapScene) polygon(pts []float64, bx0, by0, bx1, by1 float64, sh scene.Shape) {
	var c []float64
	c, m.clipB = clipPolygon(pts, bx0, by0, bx1, by1, m.clipA, m.clipB)
	m.clipA = c
	if len(c) < 6 {
		return
	}
	ring := m.points(len(c) / 2)
	for i := range ring {
		ring[i] = scene.Point{X: c[2*i], Y: c[2*i+1]}
	}
	sh.Points = ring
	sh.Event, sh.Lane = -1, -1
	m.Shapes = append(m.Shapes, sh)
}

// Colours of the map, made from the theme so that every theme has its map.
func mapColors(th *scene.Theme) (water, land, coast color.NRGBA) {
	mix := func(a, b color.NRGBA, f float64) color.NRGBA {
		m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-f) + float64(y)*f)) }
		return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
	}
	bg := th.Background
	bg.A = 255
	water = mix(bg, color.NRGBA{70, 130, 180, 255}, 0.14)
	land = mix(bg, th.Text, 0.10)
	coast = mix(bg, th.Text, 0.38)
	if luminance(bg) < 0.4 { // a dark theme: land lighter than the sea, and apart from it
		water = mix(bg, color.NRGBA{0, 0, 0, 255}, 0.25)
		land = mix(bg, th.Text, 0.20)
	}
	return
}

// luminance is c's relative luminance, roughly (0 black .. 1 white).
func luminance(c color.NRGBA) float64 {
	return (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
}

// RouteColor is the colour of the path: the first whereabouts lane's colour.
func RouteColor(ds *timeline.Dataset, th *scene.Theme) color.NRGBA {
	for i := range ds.Lanes {
		if ds.Lanes[i].Whereabouts {
			return th.LaneColor(i, ds.Lanes[i].Color)
		}
	}
	return th.LaneColor(0, "")
}

// points takes n points from the pool (which grows by whole blocks, so that earlier
// shapes keep their slices).
func (m *MapScene) points(n int) []scene.Point {
	if len(m.pool)+n > cap(m.pool) {
		m.pool = make([]scene.Point, 0, max(4096, 2*n))
	}
	p := m.pool[len(m.pool) : len(m.pool)+n : len(m.pool)+n]
	m.pool = m.pool[:len(m.pool)+n]
	return p
}

// BuildMap builds into dst the map of v: water, the land at the level the zoom needs,
// the path of the stays that meet the range (in time order, with arrows), the places of
// the range's events, the highlighted place, and labels (each place's name with the
// years of its stops) where they do not collide.
func BuildMap(dst *MapScene, ix *Index, v View, cfg *MapConfig) {
	ds := ix.DS
	th := &cfg.Theme
	fs := cfg.FontSize
	if fs <= 0 {
		fs = 12
	}
	step := cfg.MinStep
	if step <= 0 {
		step = 0.75
	}
	m := textmetrics.Measurer(cfg.Measurer)
	if m == nil {
		m = textmetrics.Default()
	}
	dst.W, dst.H, dst.Background = v.W, v.H, th.Background
	dst.Shapes = dst.Shapes[:0]
	dst.Places = dst.Places[:0]
	dst.PlacePts = dst.PlacePts[:0]
	dst.labels = dst.labels[:0]
	dst.owners = dst.owners[:0]
	dst.pool = dst.pool[:0]
	dst.Now = -1
	water, landC, coast := mapColors(th)
	add := func(sh scene.Shape) {
		sh.Event, sh.Lane = -1, -1
		dst.Shapes = append(dst.Shapes, sh)
	}

	// Everything is clipped to the view (2 px beyond it, so that the coast's stroke does
	// not run along the edge), so a figure's map stays in its box.
	bx0, by0, bx1, by1 := -2.0, -2.0, v.W+2, v.H+2

	if !cfg.NoBasemap {
		dst.basemap(v, step, water, landC, coast, bx0, by0, bx1, by1, cfg.OneLand)
	}

	route := RouteColor(ds, th)
	// The path: a segment between consecutive stops, dashed when either end is uncertain,
	// with an arrowhead two thirds along.
	stays := ix.stays()
	stops := Path(stays, cfg.From, cfg.To)
	for i := 1; i < len(stops); i++ {
		a, b := &ds.Places[stops[i-1].Place], &ds.Places[stops[i].Place]
		x0, y0 := v.Pixel(a.Lon, a.Lat)
		x1, y1 := v.Pixel(b.Lon, b.Lat)
		dx, dy := x1-x0, y1-y0
		l := math.Hypot(dx, dy)
		if l < 1 {
			continue
		}
		style := scene.Style(0)
		if stops[i-1].Uncertain || stops[i].Uncertain {
			style = scene.StyleDashed
		}
		// A slight bend, so that a way there and a way back do not hide each other.
		bend := math.Min(l*0.12, 40)
		nx, ny := -dy/l, dx/l
		cx, cy := (x0+x1)/2+nx*bend, (y0+y1)/2+ny*bend
		const n = 12
		var line [n + 1]scene.Point
		for k := 0; k <= n; k++ {
			t := float64(k) / n
			line[k] = scene.Point{X: (1-t)*(1-t)*x0 + 2*(1-t)*t*cx + t*t*x1, Y: (1-t)*(1-t)*y0 + 2*(1-t)*t*cy + t*t*y1}
		}
		// As segments, not one polyline: a painter that rasterises a shape over its bounding
		// box covers a long curve's pieces for a fraction of the whole curve's box.
		// A dashed move is cut into its dashes along the whole curve (the painter's pattern
		// for the width): dashing each piece alone starts each with a dash, and a short
		// move's pieces, shorter than a dash, looked solid. Each dash keeps the dashed style
		// (it says the move is uncertain; no longer than a dash, a painter draws it whole).
		seg := func(ax, ay, bx, by float64) {
			ax, ay, bx, by, ok := clipSegment(ax, ay, bx, by, 0, 0, v.W, v.H)
			if ok {
				add(scene.Shape{Type: scene.LineShape, Kind: scene.KindRoute, Style: style, X: ax, Y: ay, W: bx - ax, H: by - ay, Stroke: route, StrokeW: 2})
			}
		}
		if style == 0 {
			for k := 1; k <= n; k++ {
				seg(line[k-1].X, line[k-1].Y, line[k].X, line[k].Y)
			}
		} else {
			dash := paint.DashFor(2)
			on, period := dash[0], dash[0]+dash[1]
			at := 0.0 // arc length at the start of piece k
			for k := 1; k <= n; k++ {
				ax, ay, bx, by := line[k-1].X, line[k-1].Y, line[k].X, line[k].Y
				pl := math.Hypot(bx-ax, by-ay)
				if pl == 0 {
					continue
				}
				// The dashes [j*period, j*period+on] that meet this piece.
				for d0 := math.Floor(at/period) * period; d0 < at+pl; d0 += period {
					t0, t1 := math.Max(0, (d0-at)/pl), math.Min(1, (d0+on-at)/pl)
					if t1 > t0 {
						seg(ax+t0*(bx-ax), ay+t0*(by-ay), ax+t1*(bx-ax), ay+t1*(by-ay))
					}
				}
				at += pl
			}
		}
		if l > 18 {
			// The arrowhead at t = 2/3 along the curve, pointing along it.
			t := 2.0 / 3
			px := (1-t)*(1-t)*x0 + 2*(1-t)*t*cx + t*t*x1
			py := (1-t)*(1-t)*y0 + 2*(1-t)*t*cy + t*t*y1
			tx := 2*(1-t)*(cx-x0) + 2*t*(x1-cx)
			ty := 2*(1-t)*(cy-y0) + 2*t*(y1-cy)
			tl := math.Hypot(tx, ty)
			tx, ty = tx/tl, ty/tl
			const al, aw = 9, 4.5
			head := dst.points(3)
			head[0] = scene.Point{X: px + tx*al/2, Y: py + ty*al/2}
			head[1] = scene.Point{X: px - tx*al/2 - ty*aw, Y: py - ty*al/2 + tx*aw}
			head[2] = scene.Point{X: px - tx*al/2 + ty*aw, Y: py - ty*al/2 - tx*aw}
			if px > 5 && py > 5 && px < v.W-5 && py < v.H-5 {
				add(scene.Shape{Type: scene.PathShape, Kind: scene.KindRoute, Style: scene.StyleClosed, Points: head, Fill: route})
			}
		}
	}

	// The places of the range: the path's first (bigger, in the route's colour), then the
	// others'; an approximate point (a region) is a dashed halo, drawn as uncertain.
	shown := ix.PlacesIn(cfg.From, cfg.To)
	// Each stop's year: when he got there, or for a later place of a stay, the stay's
	// years (when within it he got there the dataset does not say).
	onPath := make(map[int32][]string, len(stops))
	// stayed: places where a stay of the path puts him, not only a journey.
	stayed := make(map[int32]bool, len(stops))
	for _, s := range stops {
		if !s.Journey {
			stayed[s.Place] = true
		}
		if s.Return {
			continue
		}
		y, _, _ := s.Day.Civil()
		yt := chrono.YearText(y, cfg.Lang)
		if s.Later {
			if y2, _, _ := stays[s.Stay].To.Civil(); y2 != y {
				yt += "–" + chrono.YearText(y2, cfg.Lang)
			}
		}
		if ys := onPath[s.Place]; len(ys) == 0 || ys[len(ys)-1] != yt {
			onPath[s.Place] = append(ys, yt)
		}
	}
	slices.SortStableFunc(shown, func(a, b int32) int {
		pa, pb := len(onPath[a]) > 0, len(onPath[b]) > 0
		switch {
		case pa == pb:
			return 0
		case pa:
			return -1
		}
		return 1
	})
	muted := th.TextMuted
	for _, p := range shown {
		pl := &ds.Places[p]
		x, y := v.Pixel(pl.Lon, pl.Lat)
		if x < 0 || y < 0 || x > v.W || y > v.H || math.IsNaN(x+y) {
			continue
		}
		dst.Places = append(dst.Places, p)
		dst.PlacePts = append(dst.PlacePts, x, y)
	}
	// The markers: the others' first, the path's over them (Mexico City's dot hid
	// Coyoacán's, four kilometres away); the labels below go the other way round.
	for k := len(dst.Places) - 1; k >= 0; k-- {
		p := dst.Places[k]
		pl := &ds.Places[p]
		x, y := dst.PlacePts[2*k], dst.PlacePts[2*k+1]
		c, r := muted, 3.5
		fill := c
		if len(onPath[p]) > 0 {
			c, r, fill = route, 5, route
			if !stayed[p] { // a journey went there: a ring on the way, not a stay's dot
				r, fill = 4, th.Background
			}
		}
		if pl.Approx {
			halo := c
			halo.A = 40
			add(scene.Shape{Type: scene.MarkerShape, Kind: scene.KindPlace, Style: scene.StyleCircle | scene.StyleDashed, X: x, Y: y, W: 28, Fill: halo, Stroke: c, StrokeW: 1})
		}
		if fill == c {
			add(scene.Shape{Type: scene.MarkerShape, Kind: scene.KindPlace, Style: scene.StyleCircle, X: x, Y: y, W: 2 * r, Fill: c, Stroke: th.Background, StrokeW: 1})
		} else {
			add(scene.Shape{Type: scene.MarkerShape, Kind: scene.KindPlace, Style: scene.StyleCircle, X: x, Y: y, W: 2 * r, Fill: fill, Stroke: c, StrokeW: 2})
		}
	}

	// Rings: where he was at Now, the selected event's places, the hovered place.
	ring := func(p int32, r, w float64, c color.NRGBA, keepOff bool) {
		pl := &ds.Places[p]
		x, y := v.Pixel(pl.Lon, pl.Lat)
		if x < r || y < r || x > v.W-r || y > v.H-r {
			return
		}
		add(scene.Shape{Type: scene.MarkerShape, Kind: scene.KindSelection, Style: scene.StyleCircle, X: x, Y: y, W: 2 * r, Stroke: c, StrokeW: w})
		if keepOff { // another place's label keeps off the ring (not the hover's: labels stay put as the pointer moves)
			dst.labels = append(dst.labels, [4]float64{x - r - w/2, y - r - w/2, x + r + w/2, y + r + w/2})
			dst.owners = append(dst.owners, p)
		}
	}
	if cfg.HasNow {
		if i, ok := At(stays, cfg.Now); ok {
			dst.Now = stays[i].Event
			for _, p := range stays[i].Places {
				ring(p, 11, 3, th.Selection, true)
			}
		}
	}
	if cfg.Selected >= 0 && int(cfg.Selected) < len(ds.Events) {
		for _, p := range ds.Events[cfg.Selected].PlaceIndex() {
			ring(p, 15, 2, th.Text, true)
		}
	}
	if cfg.Hover >= 0 && int(cfg.Hover) < len(ds.Places) {
		ring(cfg.Hover, 9, 1.5, th.Text, false)
	}

	// Labels: each shown place's name, with the years of its stops on the path, right of
	// its marker, else left of it, above or below it, else not at all; the path's places
	// first.
	for i := range dst.Places {
		x, y := dst.PlacePts[2*i], dst.PlacePts[2*i+1]
		dst.labels = append(dst.labels, [4]float64{x - 6, y - 6, x + 6, y + 6})
		dst.owners = append(dst.owners, dst.Places[i])
	}
	for i, p := range dst.Places {
		pl := &ds.Places[p]
		text := pl.NameIn(cfg.Lang)
		bold, path := false, false
		if ys := onPath[p]; len(ys) > 0 {
			bold, path = stayed[p], true
			parts := make([]string, 0, 4)
			for k, y := range ys {
				if k == 3 {
					parts = append(parts, textmetrics.Ellipsis)
					break
				}
				parts = append(parts, y)
			}
			text += " " + strings.Join(parts, ", ")
		}
		x, y := dst.PlacePts[2*i], dst.PlacePts[2*i+1]
		w := m.Width(text, fs, bold)
		size := fs
		if !bold {
			size = fs * 0.9
			w = m.Width(text, size, false)
		}
		// Right of the marker, left of it, above it, below it (clear of its rings), then
		// diagonally: the first place free.
		for side := 0; side < 8; side++ {
			lx, ly := x+9, y+size*0.35 // the text's anchor and baseline
			st := scene.Style(0)
			x0 := lx
			switch side {
			case 1:
				lx, x0, st = x-9, x-9-w, scene.StyleAlignRight
			case 2:
				lx, ly, x0, st = x, y-13, x-w/2, scene.StyleAlignCenter
			case 3:
				lx, ly, x0, st = x, y+13+size*0.8, x-w/2, scene.StyleAlignCenter
			case 4, 5: // above or below on the right
				lx, x0 = x+6, x+6
				ly = y - 7
				if side == 5 {
					ly = y + 7 + size*0.8
				}
			case 6, 7: // above or below on the left
				lx, x0, st = x-6, x-6-w, scene.StyleAlignRight
				ly = y - 7
				if side == 7 {
					ly = y + 7 + size*0.8
				}
			}
			box := [4]float64{x0 - 2, ly - size*1.1, x0 + w + 2, ly + size*0.25}
			if box[0] < cfg.CoverL || box[2] > v.W-cfg.CoverR || box[1] < 0 || box[3] > v.H || dst.collides(box, p) {
				continue
			}
			dst.labels = append(dst.labels, box)
			dst.owners = append(dst.owners, p)
			if bold {
				st |= scene.StyleBold
			}
			c := th.Text
			if !path {
				c = th.TextMuted
			}
			add(scene.Shape{Type: scene.TextShape, Kind: scene.KindPlaceLabel, Style: st, X: lx, Y: ly, Text: text, Size: size, Fill: c})
			break
		}
	}
}

// collides reports whether box overlaps a marker, ring or label of a place other than own.
func (m *MapScene) collides(box [4]float64, own int32) bool {
	for k, b := range m.labels {
		if m.owners[k] == own {
			continue
		}
		if box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3] {
			return true
		}
	}
	return false
}

// basemap adds the water (the world's outline) and the land, simplified to the zoom and
// clipped to the box.
func (dst *MapScene) basemap(v View, step float64, water, landC, coast color.NRGBA, bx0, by0, bx1, by1 float64, one bool) {
	// The world's outline (the projection's edge), as water.
	outline := make([]float64, 0, 4*37)
	for i := 0; i <= 36; i++ {
		x, y := v.Pixel(180, -90+float64(i)*5)
		outline = append(outline, x, y)
	}
	for i := 0; i <= 36; i++ {
		x, y := v.Pixel(-180, 90-float64(i)*5)
		outline = append(outline, x, y)
	}
	waterSh := scene.Shape{Type: scene.PathShape, Kind: scene.KindBackground, Style: scene.StyleClosed, Fill: water}
	if covers(outline, 0, 0, v.W, v.H) {
		// Zoomed in, the world's outline is beyond every edge: water is a box, a span fill.
		dst.Shapes = append(dst.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindBackground, W: v.W, H: v.H, Fill: water, Event: -1, Lane: -1})
	} else {
		dst.polygon(outline, bx0, by0, bx1, by1, waterSh)
	}

	// The land, simplified to the zoom.
	base, err := Land(LevelFor(v))
	if err != nil {
		return
	}
	land := scene.Shape{Type: scene.PathShape, Kind: scene.KindLand, Style: scene.StyleClosed, Fill: landC, Stroke: coast, StrokeW: 0.6}
	if !one {
		dst.ringBuf = base.Rings(v, step, dst.ringBuf, func(pts []float64) {
			dst.polygon(pts, bx0, by0, bx1, by1, land)
		})
		return
	}
	// One polygon: each ring from the hub and back to it.
	var all []scene.Point
	dst.ringBuf = base.Rings(v, step, dst.ringBuf, func(pts []float64) {
		var c []float64
		c, dst.clipB = clipPolygon(pts, bx0, by0, bx1, by1, dst.clipA, dst.clipB)
		dst.clipA = c
		if len(c) < 6 {
			return
		}
		if all == nil {
			all = dst.landBuf[:0]
			all = append(all, scene.Point{X: c[0], Y: c[1]})
		}
		hub := all[0]
		for i := 0; i+1 < len(c); i += 2 {
			all = append(all, scene.Point{X: c[i], Y: c[i+1]})
		}
		all = append(all, scene.Point{X: c[0], Y: c[1]}, hub)
	})
	dst.landBuf = all
	if len(all) >= 4 {
		land.Points, land.Stroke, land.StrokeW, land.Event, land.Lane = all, color.NRGBA{}, 0, -1, -1
		dst.Shapes = append(dst.Shapes, land)
	}
}

// covers reports whether the polygon pts contains the whole box x0,y0..x1,y1: its four
// corners are inside and no edge crosses the box.
func covers(pts []float64, x0, y0, x1, y1 float64) bool {
	in := func(x, y float64) bool {
		c := false
		n := len(pts) / 2
		for i, j := 0, n-1; i < n; j, i = i, i+1 {
			xi, yi, xj, yj := pts[2*i], pts[2*i+1], pts[2*j], pts[2*j+1]
			if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
				c = !c
			}
		}
		return c
	}
	if !in(x0, y0) || !in(x1, y0) || !in(x0, y1) || !in(x1, y1) {
		return false
	}
	for i := 0; i+1 < len(pts); i += 2 {
		if pts[i] > x0 && pts[i] < x1 && pts[i+1] > y0 && pts[i+1] < y1 {
			return false
		}
	}
	return true
}

// HitPlace returns the place drawn nearest x, y within r pixels.
func (m *MapScene) HitPlace(x, y, r float64) (int32, bool) {
	i := Hit(m.PlacePts, x, y, r)
	if i < 0 {
		return -1, false
	}
	return m.Places[i], true
}

// Years returns "1902–1905, 1907" style text of the spans of the events naming place p
// in from..to: what a hover says of a place.
func (ix *Index) Years(p int32, from, to chrono.Day, lang string) string {
	var parts []string
	for _, e := range ix.EventsAt(p, from, to) {
		ev := &ix.DS.Events[e]
		a, b := ev.Span()
		ya, _, _ := a.Civil()
		yb, _, _ := b.Civil()
		s := chrono.YearText(ya, lang)
		if yb != ya {
			s += "–" + chrono.YearText(yb, lang)
		}
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	if len(parts) > 6 {
		parts = append(parts[:6], textmetrics.Ellipsis+" ("+strconv.Itoa(len(parts))+")")
	}
	return strings.Join(parts, ", ")
}
