package app

import (
	"image"
	"math"
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/app/pointertip"
	"trotskytimeline/app/timelineview"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/paint"
)

// MapView is the map beside the timeline: the places of the events in the timeline's view,
// the path of the subject's moves between them, and where he was at the timeline's centre
// date. It builds a geo.MapScene for its view and paints it into one raster, as the timeline
// does. The wheel zooms about the pointer, a drag pans, a double tap fits the map to the
// timeline's range again; a tap on a place selects its events.
type MapView struct {
	widget.BaseWidget

	ix   *geo.Index
	eng  *timelineview.Engine
	view geo.View
	// follow: the map fits itself to the places of the timeline's range as it moves, until
	// the user zooms or pans the map (a double tap gives it back).
	follow bool

	// coverL and coverR are how much of the map's width something covers at its left and
	// right (the tour's card): fitting and bringing places into view use the rest.
	coverL, coverR float64

	from, to chrono.Day // the timeline's range
	now      chrono.Day // the timeline's centre day
	selected int32
	hovered  int32
	hoverAt  fyne.Position
	tip      [2]string

	ms   geo.MapScene
	rend *mapRenderer

	// OnPlace is called when a place is tapped.
	OnPlace func(place int32)
	// OnInput is called at each input the map gets.
	OnInput func()
	// OnFrame is called after each frame with how long it took to build and paint.
	OnFrame func(d time.Duration)
}

var (
	_ fyne.Widget         = (*MapView)(nil)
	_ fyne.Scrollable     = (*MapView)(nil)
	_ fyne.Draggable      = (*MapView)(nil)
	_ fyne.Tappable       = (*MapView)(nil)
	_ fyne.DoubleTappable = (*MapView)(nil)
	_ desktop.Hoverable   = (*MapView)(nil)
)

// newMapView returns the map of eng's dataset, or nil when no event names a place: then
// the window shows no map at all.
func newMapView(eng *timelineview.Engine) *MapView {
	ix := geo.NewIndex(eng.Dataset())
	if !ix.HasMap() {
		return nil
	}
	m := &MapView{ix: ix, eng: eng, follow: true, selected: -1, hovered: -1}
	m.from, m.to = chrono.MinDay, chrono.MaxDay
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer returns the renderer that paints the map.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{m: m, p: paint.NewRaster()}
	m.rend = r
	r.raster = canvas.NewRaster(r.frame)
	r.raster.ScaleMode = canvas.ImageScalePixels
	r.Tip = pointertip.New()
	r.objects = append([]fyne.CanvasObject{r.raster}, r.Tip.Objects()...)
	return r
}

// MinSize lets the split give the map little room.
func (m *MapView) MinSize() fyne.Size { return fyne.NewSize(160, 100) }

// View returns the map's view.
func (m *MapView) View() geo.View { return m.view }

// Scene returns the last map scene built.
func (m *MapView) Scene() *geo.MapScene { return &m.ms }

// SetRange follows the timeline: its range from..to (the places shown, the path) and its
// centre day (the place highlighted). While following, the map fits the range's places.
func (m *MapView) SetRange(from, to, now chrono.Day) {
	if from == m.from && to == m.to && now == m.now {
		return
	}
	prev := m.view
	m.from, m.to, m.now = from, to, now
	if m.follow {
		m.fit()
	}
	if m.view == prev && m.rend != nil && m.rend.sameOverlay() {
		return // the range moved within the same places, moves and stay: nothing to draw
	}
	m.Refresh()
}

// LanesChanged redraws the map after lanes were hidden or shown on the timeline (the
// index reads the timeline's hidden lanes), fitting it again while it follows.
func (m *MapView) LanesChanged() {
	if m.follow {
		m.fit()
	}
	m.Refresh()
}

// SetCover says how much of the map's width is covered at its left and right (the tour's
// card), so that the map fits its places, and brings a selected one, into the rest.
func (m *MapView) SetCover(left, right float32) {
	l, r := math.Max(0, float64(left)), math.Max(0, float64(right))
	if l == m.coverL && r == m.coverR {
		return
	}
	m.coverL, m.coverR = l, r
	if m.follow {
		m.fit()
	}
	m.Refresh()
}

// fit fits the view to the places of the range, in the part of the map not covered.
func (m *MapView) fit() {
	sz := m.Size()
	w, h := float64(sz.Width), float64(sz.Height)
	free := w - m.coverL - m.coverR
	if w <= 0 || h <= 0 {
		return
	}
	if free < w/3 { // covered too much to fit into: fit the whole width
		m.view = m.ix.Fit(w, h, 36, m.from, m.to)
		return
	}
	v := m.ix.Fit(free, h, 36, m.from, m.to)
	// The same scale and centre in the free part: shift the centre by half the cover's
	// difference.
	v.W = w
	v.CX += (m.coverR - m.coverL) / 2 / v.Scale
	m.view = v
}

// SetSelected rings the places of event ev (-1: none), and brings them into view.
func (m *MapView) SetSelected(ev int) {
	if int32(ev) == m.selected {
		return
	}
	m.selected = int32(ev)
	if ev >= 0 && ev < len(m.ix.DS.Events) {
		for _, p := range m.ix.DS.Events[ev].PlaceIndex() {
			pl := &m.ix.DS.Places[p]
			x, y := m.view.Pixel(pl.Lon, pl.Lat)
			if x < m.coverL+20 || y < 20 || x > m.view.W-m.coverR-20 || y > m.view.H-20 {
				px, py := geo.Project(pl.Lon, pl.Lat)
				m.view.CX, m.view.CY = px+(m.coverR-m.coverL)/2/m.view.Scale, py
				m.view = m.view.Clamp()
			}
		}
	}
	m.Refresh()
}

func (m *MapView) input() {
	if m.OnInput != nil {
		m.OnInput()
	}
}

// Scrolled zooms about the pointer.
func (m *MapView) Scrolled(e *fyne.ScrollEvent) {
	m.input()
	dy := float64(e.Scrolled.DY)
	if dy == 0 {
		return
	}
	m.follow = false
	m.view = m.view.Zoom(math.Pow(1.0025, dy), float64(e.Position.X), float64(e.Position.Y))
	m.hovered, m.tip = -1, [2]string{}
	m.Refresh()
}

// Dragged pans.
func (m *MapView) Dragged(e *fyne.DragEvent) {
	m.input()
	m.follow = false
	m.view = m.view.Pan(float64(e.Dragged.DX), float64(e.Dragged.DY))
	m.hovered, m.tip = -1, [2]string{}
	m.Refresh()
}

// DragEnd implements fyne.Draggable.
func (m *MapView) DragEnd() {}

// DoubleTapped fits the map to the timeline's range again and follows it.
func (m *MapView) DoubleTapped(*fyne.PointEvent) {
	m.input()
	m.follow = true
	m.fit()
	m.Refresh()
}

// Tapped selects the events of the place under the pointer.
func (m *MapView) Tapped(e *fyne.PointEvent) {
	m.input()
	if p, ok := m.ms.HitPlace(float64(e.Position.X), float64(e.Position.Y), m.slop()); ok && m.OnPlace != nil {
		m.OnPlace(p)
	}
}

// slop is how near a place a pointer must be to hit it: larger on a kiosk's touch screen.
func (m *MapView) slop() float64 {
	if m.eng.Config().FontSize > 16 {
		return 22
	}
	return 10
}

// MouseIn implements desktop.Hoverable.
func (m *MapView) MouseIn(e *desktop.MouseEvent) { m.MouseMoved(e) }

// MouseMoved shows the hovered place's name and the years of its events.
func (m *MapView) MouseMoved(e *desktop.MouseEvent) {
	p, ok := m.ms.HitPlace(float64(e.Position.X), float64(e.Position.Y), m.slop())
	if !ok {
		p = -1
	}
	m.hoverAt = e.Position
	if p == m.hovered {
		if p >= 0 {
			m.rend.layoutTip()
		}
		return
	}
	m.hovered = p
	m.tip = [2]string{}
	if p >= 0 {
		m.tip = [2]string{m.ix.DS.Places[p].NameIn(m.eng.Lang()), m.ix.Years(p, m.from, m.to, m.eng.Lang())}
	}
	m.Refresh()
}

// MouseOut clears the hover.
func (m *MapView) MouseOut() {
	if m.hovered >= 0 {
		m.hovered, m.tip = -1, [2]string{}
		m.Refresh()
	}
}

type mapRenderer struct {
	m       *MapView
	p       *paint.Raster
	raster  *canvas.Raster
	bufs    [2]*image.RGBA
	flip    int
	objects []fyne.CanvasObject
	sized   fyne.Size

	pointertip.Tip

	// base is the basemap (water and land) painted for baseKey: the timeline's pans and
	// the pointer's moves leave the map's view as it is, so a frame copies it and paints
	// only the path, places and labels over it.
	base    *image.RGBA
	baseKey baseKey
	br      geo.BaseRaster

	// s is the pixel scale of the last frame (0 before the first); probe is a scene built
	// to tell whether a new range changes anything drawn (sameOverlay).
	s     float64
	probe geo.MapScene
}

// config is the map scene's configuration for the map's state at pixel scale s.
func (r *mapRenderer) config(s float64) geo.MapConfig {
	m := r.m
	style := m.eng.Config() // the timeline's theme, language and type
	return geo.MapConfig{
		Theme: style.Theme, Lang: m.eng.Lang(), FontSize: style.FontSize, Measurer: style.Measurer,
		From: m.from, To: m.to, Now: m.now, HasNow: true, Selected: m.selected, Hover: m.hovered,
		MinStep: 0.75 / s, OneLand: true, CoverL: m.coverL, CoverR: m.coverR,
	}
}

// sameOverlay reports whether the map's state now draws the same path, places, rings and
// labels as the last frame did (its view unchanged), keeping the new scene for hit-testing.
// The timeline's drag moves the range at every step, but most steps leave the map's picture
// as it was; without a GPU, refreshing it anyway cost ~3 ms of CPU a frame (painting it and
// uploading its texture again).
func (r *mapRenderer) sameOverlay() bool {
	m := r.m
	if r.s == 0 || r.base == nil {
		return false
	}
	cfg := r.config(r.s)
	cfg.NoBasemap = true
	geo.BuildMap(&r.probe, m.ix, m.view, &cfg)
	if !reflect.DeepEqual(r.probe.Shapes, m.ms.Shapes) {
		return false
	}
	m.ms, r.probe = r.probe, m.ms
	return true
}

// baseKey is what the basemap's pixels depend on.
type baseKey struct {
	v     geo.View
	w, h  int
	theme string
}

func (r *mapRenderer) Destroy()                     {}
func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *mapRenderer) MinSize() fyne.Size           { return r.m.MinSize() }

func (r *mapRenderer) Layout(size fyne.Size) {
	m := r.m
	r.raster.Resize(size)
	r.raster.Move(fyne.NewPos(0, 0))
	if size != r.sized {
		first := r.sized.Width == 0
		r.sized = size
		if m.follow || first {
			m.fit()
		} else {
			m.view = m.view.Resize(float64(size.Width), float64(size.Height))
		}
	}
	r.layoutTip()
}

func (r *mapRenderer) Refresh() {
	r.layoutTip()
	canvas.Refresh(r.raster)
	for _, o := range r.objects[1:] {
		o.Refresh()
	}
}

// layoutTip places the hovered place's tooltip beside the pointer, inside the map.
func (r *mapRenderer) layoutTip() {
	r.Place(r.m.tip, r.m.hoverAt, r.m.Size())
}

// frame builds the map scene for the view and paints it into a w×h pixel image.
func (r *mapRenderer) frame(w, h int) image.Image {
	m := r.m
	t0 := time.Now()
	size := m.Size()
	if w <= 0 || h <= 0 || size.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	s := float64(w) / float64(size.Width)
	m.view.W, m.view.H = float64(size.Width), float64(size.Height)
	r.s = s
	cfg := r.config(s)
	key := baseKey{v: m.view, w: w, h: h, theme: cfg.Theme.Name}
	if r.base == nil || r.baseKey != key {
		// The view moved: paint the basemap again (the map's own zoom and pan, a fit).
		if r.base == nil || r.base.Rect.Dx() != w || r.base.Rect.Dy() != h {
			r.base = image.NewRGBA(image.Rect(0, 0, w, h))
		}
		r.br.Paint(r.base, m.view, s, &cfg.Theme, 0.75)
		r.baseKey = key
	}
	cfg.NoBasemap = true
	geo.BuildMap(&m.ms, m.ix, m.view, &cfg)
	img := r.bufs[r.flip]
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		r.bufs[r.flip] = img
	}
	r.flip ^= 1
	copy(img.Pix, r.base.Pix)
	r.p.Paint(img, m.ms.Shapes, paint.Transform{S: s}, nil)
	d := time.Since(t0)
	if tracing {
		tracef("map frame %.1f ms (%d shapes, %dx%d px)", float64(d.Microseconds())/1000, len(m.ms.Shapes), w, h)
	}
	if m.OnFrame != nil {
		m.OnFrame(d)
	}
	return img
}
