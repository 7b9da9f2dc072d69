// Package timelineview is the zoomable swim-lane timeline widget of the desktop app, its
// overview strip and the engine they draw with (the app's one door to timeline/scene).
// Each frame the Timeline builds the scene of its view window (scene.BuildInto, reusing
// memory) and rasterises every shape and label into one canvas.Raster with paint.Raster,
// the screen's painter of timeline/paint's one walker: the screen shows what an exported
// figure shows. Fyne objects cost time per object per frame; one raster costs the same for
// 100 or 10,000 shapes. A few canvas objects remain for the tooltip, the focus outline and
// the scroll indicator.
//
// The widget's state (view window, scroll, selection, hidden lanes, hover) changes only
// through its methods; what it tells the window (a selection, a view change, an input) goes
// to listeners registered with its On methods. It depends on timeline/... and Fyne, never on
// package app.
package timelineview

import (
	"image"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/app/internal/trace"
	"trotskytimeline/app/pointertip"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/scene"
)

// Timeline is the zoomable swim-lane timeline: it paints the scene that timeline/scene
// builds for its view window (the same scene an exported figure paints), into one raster.
// The wheel zooms about the pointer, a drag or the arrow keys pan, a click selects.
// Its fields are private: the window changes it through its methods and hears from it
// through the listeners it registers.
type Timeline struct {
	widget.BaseWidget

	eng    *Engine
	view   scale.View
	limits scale.Limits
	// scrollY is how far the content is scrolled up, in pixels, when it is taller than the widget.
	scrollY float64
	// barDrag says what the current drag does: 0 not decided yet, 1 it grabbed the scroll
	// bar (it scrolls the lanes), -1 it pans.
	barDrag int8

	selected int // index in Dataset.Events, or -1
	hovered  int
	hoverAt  fyne.Position
	// hoverTip is the tooltip's text: the hovered event's, or a cluster's count and days.
	hoverTip [2]string
	rend     *timelineRenderer
	hidden   []bool  // by lane index
	order    []int32 // event indices sorted by start day, for Tab navigation (built on first use)

	focused bool
	shift   bool // Shift held (tracked through desktop.Keyable)
	// reveal: the selection was asked to be in view (RevealSelection, CentreOn); scrolled to
	// at once, and again when the size changes before the next input (the details opening
	// beside the timeline folds its rows differently).
	reveal bool

	sc     *scene.Scene // the last scene built
	sized  fyne.Size    // size the view was last fitted to
	fitted bool

	// Listeners (registered with the On methods, called in order of registration).
	onSelect      []func(ev int)            // the selection changed (-1: none)
	onActivate    []func(ev int)            // Enter pressed on the selection
	onDismiss     []func()                  // Esc pressed
	onViewChanged []func(v scale.View)      // the view window moved (zoom, pan, resize)
	onFrame       []func(f FrameStats)      // a frame was built and painted
	onInput       []func()                  // an input: tap, drag, wheel, key, pointer move, touch
	keyHandler    func(*fyne.KeyEvent) bool // sees each typed key first; true: it used it
	countText     func(s *scene.Shape) string

	// hitSlop, when > 0, lets a tap that misses select the nearest event within hitSlop px.
	hitSlop float64
	pinch   pinch // fingers down, for pinch-to-zoom on drivers with touch events
}

var (
	_ fyne.Widget         = (*Timeline)(nil)
	_ fyne.Scrollable     = (*Timeline)(nil)
	_ fyne.Draggable      = (*Timeline)(nil)
	_ fyne.Tappable       = (*Timeline)(nil)
	_ fyne.DoubleTappable = (*Timeline)(nil)
	_ fyne.Focusable      = (*Timeline)(nil)
	_ fyne.Tabbable       = (*Timeline)(nil)
	_ desktop.Hoverable   = (*Timeline)(nil)
	_ desktop.Keyable     = (*Timeline)(nil)
)

// New returns a timeline of eng's dataset showing all of it.
func New(eng *Engine) *Timeline {
	t := &Timeline{eng: eng, selected: -1, hovered: -1}
	t.hidden = make([]bool, len(eng.ds.Lanes))
	first, last := eng.Domain()
	t.limits = scale.NewLimits(first, last)
	t.view = eng.Fit(first, last, 1000)
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer returns the renderer that paints the scene.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t, p: paint.NewRaster()}
	t.rend = r
	r.raster = canvas.NewRaster(r.frame)
	r.raster.ScaleMode = canvas.ImageScalePixels
	r.Tip = pointertip.New()
	for i := range r.focus {
		r.focus[i] = canvas.NewRectangle(color.Transparent)
	}
	r.scrollTrack = canvas.NewRectangle(color.NRGBA{128, 128, 128, 40})
	r.scrollTrack.CornerRadius = ScrollBarW / 2
	r.scrollbar = canvas.NewRectangle(color.NRGBA{128, 128, 128, 200})
	r.scrollbar.CornerRadius = ScrollBarW / 2
	r.scrollbar.StrokeWidth = 1
	r.scrollbar.StrokeColor = color.NRGBA{255, 255, 255, 160}
	r.objects = []fyne.CanvasObject{r.raster, r.scrollTrack, r.scrollbar, r.focus[0], r.focus[1], r.focus[2], r.focus[3]}
	r.objects = append(r.objects, r.Tip.Objects()...)
	return r
}

// View returns the current view window.
func (t *Timeline) View() scale.View { return t.view }

// Selected returns the selected event's index, or -1.
func (t *Timeline) Selected() int { return t.selected }

// Scene returns the scene of the last frame (nil before the first).
func (t *Timeline) Scene() *scene.Scene { return t.sc }

// ScrollY returns how far the content is scrolled vertically.
func (t *Timeline) ScrollY() float64 { return t.scroll() }

// timeWidth is the width of the time area (the widget less the lane-title column).
func (t *Timeline) timeWidth() float64 {
	return math.Max(1, float64(t.Size().Width)-t.eng.TitleWidth())
}

// SetView moves the view window (within the limits) and repaints.
func (t *Timeline) SetView(v scale.View) {
	v.Width = t.timeWidth()
	v.Axis = t.eng.Axis() // a view made of days alone (a tour step, a saved view) takes the axis
	t.view = v.Clamp(t.limits)
	t.scrollY = t.scroll()                  // within the last frame's content, as that frame showed it
	t.hovered, t.hoverTip = -1, [2]string{} // what was under the pointer has moved; the next mouse move tells
	t.Refresh()
	t.viewChanged()
}

// FitAll shows the whole timeline.
func (t *Timeline) FitAll() {
	first, last := t.eng.Domain()
	t.SetView(t.eng.Fit(first, last, t.timeWidth()))
}

// ZoomAt zooms by factor (>1 zooms in) keeping the day under the widget x position x still.
func (t *Timeline) ZoomAt(factor float64, x float32) {
	v := t.view
	v.Width = t.timeWidth()
	t.SetView(v.Zoom(factor, float64(x)-t.eng.TitleWidth()))
}

// ZoomCentre zooms by factor about the centre of the time area.
func (t *Timeline) ZoomCentre(factor float64) {
	t.ZoomAt(factor, float32(t.eng.TitleWidth()+t.timeWidth()/2))
}

// Pan moves the content by dx pixels (dx > 0 shows earlier days).
func (t *Timeline) Pan(dx float64) {
	v := t.view
	v.Width = t.timeWidth()
	t.SetView(v.Pan(dx))
}

// ShowRange zooms to the days from..to (inclusive) with a little room on each side.
func (t *Timeline) ShowRange(from, to float64) {
	t.SetView(t.eng.Fit(from, to+1, t.timeWidth()))
}

// CentreOn moves the view, keeping its zoom, so that the event is in view, and selects it.
func (t *Timeline) CentreOn(ev int) {
	if ev < 0 || ev >= len(t.eng.ds.Events) {
		return
	}
	a, b := t.eng.Span(ev)
	from, to := float64(a), float64(b)+1
	v := t.view
	if to-from > v.Span()*0.9 { // longer than the window: fit it
		t.ShowRange(from, to-1)
	} else {
		t.SetView(v.CentredOn((from + to) / 2))
	}
	t.Select(ev)
	t.revealSelection()
	t.Refresh()
}

// Select selects an event (-1 clears) and repaints.
func (t *Timeline) Select(ev int) {
	if ev == t.selected {
		return
	}
	t.selected = ev
	t.Refresh()
	for _, f := range t.onSelect {
		f(ev)
	}
}

// SetLaneHidden hides or shows a lane.
func (t *Timeline) SetLaneHidden(lane int, hidden bool) {
	if lane < 0 || lane >= len(t.hidden) {
		return
	}
	t.hidden[lane] = hidden
	if hidden && t.selected >= 0 && t.eng.ds.Events[t.selected].LaneIndex == lane {
		t.Select(-1)
	}
	t.Refresh()
}

// LaneHidden reports whether a lane is hidden.
func (t *Timeline) LaneHidden(lane int) bool {
	return lane >= 0 && lane < len(t.hidden) && t.hidden[lane]
}

// Step selects the next (dir > 0) or previous event in time among the visible lanes and
// brings it into view.
func (t *Timeline) Step(dir int) {
	if t.order == nil {
		t.order = t.eng.timeOrder()
	}
	n := len(t.order)
	if n == 0 {
		return
	}
	pos := -1
	for i, ev := range t.order {
		if int(ev) == t.selected {
			pos = i
			break
		}
	}
	if pos < 0 { // nothing selected: start from the left edge of the view
		pos = -1
		if dir < 0 {
			pos = n
		}
		for i, ev := range t.order {
			a, _ := t.eng.Span(int(ev))
			if float64(a) >= t.view.Start {
				if dir > 0 {
					pos = i - 1
				} else {
					pos = i
				}
				break
			}
		}
	}
	for k := 1; k <= n; k++ {
		i := pos + dir*k
		if i < 0 || i >= n {
			return
		}
		if ev := int(t.order[i]); !t.hidden[t.eng.ds.Events[ev].LaneIndex] {
			t.CentreOn(ev)
			return
		}
	}
}

// hit returns the shape under the widget position p, or nil.
func (t *Timeline) hit(p fyne.Position) *scene.Shape {
	if t.sc == nil || float64(p.Y) < t.sc.AxisH { // the pinned axis covers the lanes there
		return nil
	}
	if t.hitSlop > 0 {
		return t.hitNear(float64(p.X), float64(p.Y)+t.scroll())
	}
	return t.eng.hit(t.sc, float64(p.X), float64(p.Y)+t.scroll())
}

// Tapped selects the event under the pointer, zooms into a cluster, or clears the selection.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	t.input()
	t.requestFocus()
	s := t.hit(e.Position)
	switch {
	case s == nil:
		t.Select(-1)
	case s.Kind == scene.KindCluster || s.Kind == scene.KindDensity:
		t.ShowRange(float64(s.From), float64(s.To))
	case s.Event >= 0:
		t.Select(int(s.Event))
	default:
		t.Select(-1)
	}
}

// DoubleTapped zooms in about the pointer.
func (t *Timeline) DoubleTapped(e *fyne.PointEvent) {
	t.input()
	t.ZoomAt(2, e.Position.X)
}

func (t *Timeline) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

// modifiers returns the keyboard modifiers held now, when the driver can tell.
func (t *Timeline) modifiers() fyne.KeyModifier {
	var m fyne.KeyModifier
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		m = d.CurrentKeyModifiers()
	}
	if t.shift {
		m |= fyne.KeyModifierShift
	}
	return m
}

// Scrolled zooms about the pointer with the vertical wheel and pans with horizontal
// scrolling (a trackpad, or Shift+wheel); Ctrl+wheel scrolls the lanes vertically.
func (t *Timeline) Scrolled(e *fyne.ScrollEvent) {
	t.input()
	t.countInput()
	dx, dy := float64(e.Scrolled.DX), float64(e.Scrolled.DY)
	m := t.modifiers()
	switch {
	case m&fyne.KeyModifierControl != 0:
		t.scrollBy(-dy)
	case m&fyne.KeyModifierShift != 0:
		t.Pan(dy + dx)
	default:
		if dx != 0 {
			t.Pan(dx)
		}
		if dy != 0 {
			t.ZoomAt(math.Exp(dy*0.02), e.Position.X)
		}
	}
}

// scrollBy scrolls the lanes vertically by dy pixels (down when positive).
func (t *Timeline) scrollBy(dy float64) {
	t.hovered, t.hoverTip = -1, [2]string{}
	t.scrollY = t.scroll() + dy
	t.clampScroll()
	t.Refresh()
}

// clampScroll keeps scrollY within the content of the last scene.
func (t *Timeline) clampScroll() {
	max := 0.0
	if t.sc != nil {
		max = math.Max(0, t.sc.H-float64(t.Size().Height))
	}
	t.scrollY = math.Max(0, math.Min(t.scrollY, max))
}

// scroll is the vertical scroll a frame paints and hit tests use: scrollY kept within the
// content of the last scene built (the lanes' rows fold differently as the view moves, so
// the content may have shrunk under a scroll set before). Before the first frame, scrollY.
func (t *Timeline) scroll() float64 {
	if t.sc == nil {
		return math.Max(0, t.scrollY)
	}
	return math.Max(0, math.Min(t.scrollY, t.sc.H-float64(t.Size().Height)))
}

// countInput counts a scroll or drag event for the trace of the frame that shows it.
func (t *Timeline) countInput() {
	if t.rend != nil {
		t.rend.inputs++
	}
}

// Dragged pans horizontally and scrolls vertically with the pointer.
func (t *Timeline) Dragged(e *fyne.DragEvent) {
	t.input()
	t.countInput()
	if t.pinch.active() {
		return // two fingers zoom (TouchMoved); the first one's drag does not pan as well
	}
	if t.barDrag == 0 {
		// A drag that starts on the scroll bar's column, when the lanes overflow, moves
		// the bar; any other drag pans and scrolls the content.
		t.barDrag = -1
		x0 := float64(e.Position.X - e.Dragged.DX)
		if t.sc != nil && t.sc.H > float64(t.Size().Height)+0.5 && x0 >= float64(t.Size().Width)-ScrollBarW-6 {
			t.barDrag = 1
		}
	}
	if t.barDrag == 1 {
		h, top := float64(t.Size().Height), t.sc.AxisH
		bh := scrollThumb(h-top, t.sc.H-top)
		t.scrollY = t.scroll() + float64(e.Dragged.DY)*(t.sc.H-h)/math.Max(h-top-bh, 1)
		t.clampScroll()
		t.Refresh()
		return
	}
	if e.Dragged.DY != 0 {
		t.scrollY = t.scroll() - float64(e.Dragged.DY)
		t.clampScroll()
	}
	t.Pan(float64(e.Dragged.DX))
}

// ScrollBarW is the width of the vertical scroll bar, wide enough to see and to grab.
const ScrollBarW = 10

// scrollThumb is the height of the scroll bar's thumb for a widget h tall showing content
// contentH tall.
func scrollThumb(h, contentH float64) float64 { return math.Max(32, h*h/contentH) }

// DragEnd ends a drag.
func (t *Timeline) DragEnd() { t.barDrag = 0 }

// MouseIn starts hovering.
func (t *Timeline) MouseIn(e *desktop.MouseEvent) { t.MouseMoved(e) }

// MouseMoved updates the hover tooltip: an event's title and dates, or a cluster's count and
// days. Moving within the same event only moves the tooltip; the raster is left alone.
func (t *Timeline) MouseMoved(e *desktop.MouseEvent) {
	t.input()
	ev, tip := -1, [2]string{}
	if s := t.hit(e.Position); s != nil {
		switch {
		case s.Event >= 0:
			ev = int(s.Event)
			x := &t.eng.ds.Events[ev]
			tip = [2]string{x.TitleIn(t.eng.lang), x.DatesText(t.eng.lang)}
		case s.Kind == scene.KindCluster || s.Kind == scene.KindDensity:
			tip = [2]string{t.clusterText(s), chrono.FormatDay(s.From, t.eng.lang) + " – " + chrono.FormatDay(s.To, t.eng.lang)}
		}
	}
	t.hoverAt = e.Position
	if ev == t.hovered && tip == t.hoverTip {
		if tip[0] != "" && t.rend != nil {
			t.rend.layoutOverlays()
			t.rend.Bg.Refresh()
		}
		return
	}
	changed := ev != t.hovered
	t.hovered, t.hoverTip = ev, tip
	if changed {
		t.Refresh() // the scene outlines the hovered event
	} else if t.rend != nil {
		t.rend.layoutOverlays()
		for _, o := range t.rend.Tip.Objects() {
			o.Refresh()
		}
	}
}

// clusterText says how many events a cluster or density bar stands for: in the words of
// the listener set with SetCountText, else the scene's "+N".
func (t *Timeline) clusterText(s *scene.Shape) string {
	if t.countText != nil {
		return t.countText(s)
	}
	return s.Text
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	if t.hovered >= 0 || t.hoverTip[0] != "" {
		t.hovered, t.hoverTip = -1, [2]string{}
		t.Refresh()
	}
}

// FocusGained shows the focus outline.
func (t *Timeline) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost hides the focus outline.
func (t *Timeline) FocusLost() { t.focused = false; t.shift = false; t.Refresh() }

// AcceptsTab keeps Tab for moving between events instead of between widgets.
func (t *Timeline) AcceptsTab() bool { return true }

// KeyDown tracks Shift for Shift+Tab.
func (t *Timeline) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		t.shift = true
	}
}

// KeyUp tracks Shift for Shift+Tab.
func (t *Timeline) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		t.shift = false
	}
}

// TypedKey handles navigation keys: arrows pan and scroll, Home fits all, Tab and Shift+Tab
// step through events in time, Enter opens the details, Esc closes them.
func (t *Timeline) TypedKey(e *fyne.KeyEvent) {
	t.input()
	if t.keyHandler != nil && t.keyHandler(e) {
		return
	}
	step := t.timeWidth() / 8
	switch e.Name {
	case fyne.KeyLeft:
		t.Pan(step)
	case fyne.KeyRight:
		t.Pan(-step)
	case fyne.KeyUp:
		t.scrollBy(-40)
	case fyne.KeyDown:
		t.scrollBy(40)
	case fyne.KeyPageUp:
		t.scrollBy(-float64(t.Size().Height) * 0.8)
	case fyne.KeyPageDown:
		t.scrollBy(float64(t.Size().Height) * 0.8)
	case fyne.KeyHome:
		t.FitAll()
	case fyne.KeyTab:
		if t.modifiers()&fyne.KeyModifierShift != 0 {
			t.Step(-1)
		} else {
			t.Step(1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.selected >= 0 {
			for _, f := range t.onActivate {
				f(t.selected)
			}
		}
	case fyne.KeyEscape:
		for _, f := range t.onDismiss {
			f()
		}
	}
}

// TypedRune handles + and - (zoom about the centre), 0 (fit all), . and , (next and
// previous event).
func (t *Timeline) TypedRune(r rune) {
	t.input()
	switch r {
	case '+', '=':
		t.ZoomCentre(2)
	case '-', '_':
		t.ZoomCentre(0.5)
	case '0':
		t.FitAll()
	case '.', '>':
		t.Step(1)
	case ',', '<':
		t.Step(-1)
	}
}

// MinSize is narrow, and as tall as every shown lane needs for one row (the lanes closed
// up, scene.Config.MinFitHeight): the timeline takes whatever room the window gives it
// beyond that, and a split with the map or a small kiosk screen cannot hide a lane.
func (t *Timeline) MinSize() fyne.Size {
	shown := 0
	for _, h := range t.hidden {
		if !h {
			shown++
		}
	}
	return fyne.NewSize(200, max(120, float32(t.eng.cfg.MinFitHeight(shown))))
}

// timelineRenderer paints the Timeline: one raster for every shape and label of the
// scene, plus a handful of objects for the tooltip, focus outline and scroll bar.
type timelineRenderer struct {
	t       *Timeline
	p       *paint.Raster
	raster  *canvas.Raster
	bufs    [2]*image.RGBA
	flip    int
	objects []fyne.CanvasObject

	pointertip.Tip
	// focus is the focus outline, focusW wide: four thin rectangles along the edges, not
	// one stroked rectangle the size of the widget. Fyne's GL painter runs its rectangle
	// shader over every pixel of a rectangle's area even when only the stroke shows, so
	// without a GPU (Mesa's llvmpipe under Xvfb, a virtual machine, a remote desktop) a
	// stroked outline round the timeline cost about as much CPU a frame as drawing the
	// timeline's picture itself: ~13 ms of 44 at 1600x900. Same pixels.
	focus       [4]*canvas.Rectangle
	scrollbar   *canvas.Rectangle
	scrollTrack *canvas.Rectangle
	frames      int
	// inputs counts the Scrolled and Dragged events since the last frame (counted by the widget's countInput): the trace logs
	// how many the driver's events were coalesced into each frame.
	inputs int
}

func (r *timelineRenderer) Destroy() {}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *timelineRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *timelineRenderer) Layout(size fyne.Size) {
	t := r.t
	r.raster.Resize(size)
	r.raster.Move(fyne.NewPos(0, 0))
	r.layoutFocus(size)
	if !t.fitted && size.Width > 0 {
		t.fitted = true
		first, last := t.eng.Domain()
		t.view = t.eng.Fit(first, last, t.timeWidth()).Clamp(t.limits)
	} else {
		t.view.Width = t.timeWidth()
	}
	if size != t.sized {
		t.sized = size
		if t.reveal {
			t.revealSelection()
			t.reveal = false
		}
		t.viewChanged()
	}
	r.layoutOverlays()
}

func (r *timelineRenderer) Refresh() {
	r.layoutOverlays()
	canvas.Refresh(r.raster)
	for _, o := range r.objects[1:] {
		o.Refresh()
	}
}

// focusW is the width of the focus outline, inside the widget's edges.
const focusW = 2

// layoutFocus puts the outline's four sides along the edges of a widget of size: the top and
// bottom the whole width, the left and right between them, so no pixel is painted twice
// (the colour is translucent).
func (r *timelineRenderer) layoutFocus(size fyne.Size) {
	w, h := size.Width, size.Height
	side := fyne.NewSize(focusW, max(0, h-2*focusW))
	r.focus[0].Move(fyne.NewPos(0, 0))
	r.focus[0].Resize(fyne.NewSize(w, focusW))
	r.focus[1].Move(fyne.NewPos(0, h-focusW))
	r.focus[1].Resize(fyne.NewSize(w, focusW))
	r.focus[2].Move(fyne.NewPos(0, focusW))
	r.focus[2].Resize(side)
	r.focus[3].Move(fyne.NewPos(w-focusW, focusW))
	r.focus[3].Resize(side)
}

// layoutOverlays places the focus outline, scroll bar and tooltip.
func (r *timelineRenderer) layoutOverlays() {
	t := r.t
	size := t.Size()
	var fc color.Color = color.Transparent // the painter skips a transparent rectangle
	if t.focused {
		fc = theme.Color(theme.ColorNameFocus)
	}
	for _, f := range r.focus {
		f.FillColor = fc
	}
	// Scroll bar when the lanes are taller than the widget.
	if t.sc != nil && t.sc.H > float64(size.Height)+0.5 {
		h := float64(size.Height)
		top := t.sc.AxisH // the bar runs beside the lanes, under the pinned axis
		bh := scrollThumb(h-top, t.sc.H-top)
		by := top + (h-top-bh)*t.scroll()/(t.sc.H-h)
		r.scrollTrack.Resize(fyne.NewSize(ScrollBarW, float32(h-top)))
		r.scrollTrack.Move(fyne.NewPos(size.Width-ScrollBarW-2, float32(top)))
		r.scrollbar.Resize(fyne.NewSize(ScrollBarW, float32(bh)))
		r.scrollbar.Move(fyne.NewPos(size.Width-ScrollBarW-2, float32(by)))
		r.scrollTrack.Show()
		r.scrollbar.Show()
	} else {
		r.scrollTrack.Hide()
		r.scrollbar.Hide()
	}
	// Tooltip: title and dates of the hovered event, beside the pointer, kept inside.
	r.Place(t.hoverTip, t.hoverAt, size)
}

// frame builds the scene for the current view and paints it into a w×h pixel image.
func (r *timelineRenderer) frame(w, h int) image.Image {
	t := r.t
	t0 := time.Now()
	size := t.Size()
	if w <= 0 || h <= 0 || size.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	s := float64(w) / float64(size.Width)
	// The frame reads the timeline's state and changes none of it: the scene it builds is
	// the picture of that state (kept for hit tests), and the scroll it paints is scrollY
	// kept within that scene (scroll), worked out, not written back.
	t.buildScene()
	y := t.scroll()
	if y > 0 {
		stickTitles(t.sc, y)
	}

	img := r.bufs[r.flip]
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		r.bufs[r.flip] = img
	}
	r.flip ^= 1
	// The lanes scroll vertically; the axis and the lane-title column do not move with a pan
	// (the scene already keeps titles at the left), and the axis stays at the top.
	axisH := t.sc.AxisH
	sticky := func(sh *scene.Shape) bool {
		return sh.Kind == scene.KindAxis || sh.Kind == scene.KindTickLabel || sh.Kind == scene.KindGrid && sh.Y < axisH
	}
	// PaintOn: the background first, then the shapes; knowing the raster is one colour
	// lets the scene's background and lane bands cost a copy each instead of a blend.
	r.p.PaintOn(img, t.sc.Background, t.sc.Shapes, paint.Transform{S: s, DY: -y * s}, func(sh *scene.Shape) bool { return !sticky(sh) })
	r.p.Paint(img, t.sc.Shapes, paint.Transform{S: s}, sticky)
	d := time.Since(t0)
	r.frames++
	inputs := r.inputs
	r.inputs = 0
	switch {
	case !trace.On: // the arguments would be boxed even when Printf drops them
	case r.frames == 1:
		trace.Printf("first frame after %d ms (frame %.1f ms, %d shapes, %dx%d px)", time.Since(trace.Started).Milliseconds(), float64(d.Microseconds())/1000, len(t.sc.Shapes), w, h)
	default:
		// inputs: the scroll and drag events this frame shows (more than one: coalesced).
		trace.Printf("frame %.1f ms (%d shapes, %dx%d px, %d inputs)", float64(d.Microseconds())/1000, len(t.sc.Shapes), w, h, inputs)
	}
	if len(t.onFrame) > 0 {
		st := FrameStats{Took: d, Shapes: len(t.sc.Shapes), W: w, H: h, Inputs: inputs}
		for _, f := range t.onFrame {
			f(st)
		}
	}
	return img
}

// stickTitles keeps each lane's title in sight while its lane is scrolled partly under the
// pinned axis: the title slides down with the top of the lane's visible part, and stops at
// the bottom of the lane. It edits the frame's scene (rebuilt every frame).
func stickTitles(sc *scene.Scene, scrollY float64) {
	top := sc.AxisH + scrollY // the scene y at the bottom of the pinned axis
	for i := range sc.Shapes {
		s := &sc.Shapes[i]
		if s.Kind != scene.KindLaneTitle || s.Type != scene.TextShape || s.Lane < 0 {
			continue
		}
		for _, lb := range sc.Lanes {
			if lb.Lane != int(s.Lane) {
				continue
			}
			if lb.Y < top {
				off := s.Y - lb.Y // baseline below the lane's top
				s.Y = math.Min(top+off, lb.Y+lb.H-4)
			}
			break
		}
	}
}

// buildScene builds the scene of the current state into t.sc: the view at the widget's
// width, the lanes sharing its height (rows that do not fit fold into "+N" counts).
func (t *Timeline) buildScene() {
	v := t.view
	v.Width = t.timeWidth()
	t.sc = t.eng.build(v, t.hidden, t.selected, t.hovered, float64(t.Size().Height))
}

// revealSelection scrolls vertically, now, so that the selected event's shape is in view
// in the scene of the current view.
func (t *Timeline) revealSelection() {
	t.reveal = true
	if t.selected < 0 || t.Size().Height <= 0 {
		return
	}
	t.buildScene()
	t.scrollY = t.scroll()
	defer t.clampScroll()
	h := float64(t.Size().Height)
	for i := range t.sc.Shapes {
		s := &t.sc.Shapes[i]
		if int(s.Event) != t.selected || (s.Kind != scene.KindBar && s.Kind != scene.KindPoint) {
			continue
		}
		top, bot := s.Y, s.Y+s.H
		if s.Type == scene.MarkerShape {
			top, bot = s.Y-s.W/2, s.Y+s.W/2
		}
		axis := t.eng.AxisHeight()
		if top-axis < t.scrollY {
			t.scrollY = top - axis - 8
		} else if bot > t.scrollY+h {
			t.scrollY = bot - h + 8
		}
		return
	}
}

// EventPos returns the centre of the event's bar or marker in widget coordinates, as the
// last frame drew it (tests tap and hover there), or false when it drew none.
func (t *Timeline) EventPos(ev int) (fyne.Position, bool) {
	if t.sc == nil {
		return fyne.Position{}, false
	}
	for i := range t.sc.Shapes {
		s := &t.sc.Shapes[i]
		if int(s.Event) != ev {
			continue
		}
		switch {
		case s.Kind == scene.KindBar && s.Type == scene.RectShape:
			return fyne.NewPos(float32(s.X+s.W/2), float32(s.Y+s.H/2-t.scroll())), true
		case s.Kind == scene.KindPoint:
			return fyne.NewPos(float32(s.X), float32(s.Y-t.scroll())), true
		}
	}
	return fyne.Position{}, false
}
