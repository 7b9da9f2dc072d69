package timelineview

import (
	"time"

	"fyne.io/fyne/v2"

	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/scene"
)

// This file is the Timeline's API for the window beyond the Fyne interfaces: its listeners,
// its settings, and the state a rebuild or a saved view carries over.

// FrameStats is what a frame cost: the time to build its scene and paint it, its shapes,
// its raster's size in pixels, and the scroll and drag events it shows (more than one:
// the driver coalesced them).
type FrameStats struct {
	Took         time.Duration
	Shapes, W, H int
	Inputs       int
}

// OnSelect registers f to hear each change of the selection (-1: none).
func (t *Timeline) OnSelect(f func(ev int)) { t.onSelect = append(t.onSelect, f) }

// OnActivate registers f to hear Enter pressed on the selection.
func (t *Timeline) OnActivate(f func(ev int)) { t.onActivate = append(t.onActivate, f) }

// OnDismiss registers f to hear Esc.
func (t *Timeline) OnDismiss(f func()) { t.onDismiss = append(t.onDismiss, f) }

// OnViewChanged registers f to hear each move of the view window (zoom, pan, resize).
func (t *Timeline) OnViewChanged(f func(v scale.View)) {
	t.onViewChanged = append(t.onViewChanged, f)
}

// OnFrame registers f to hear what each frame cost.
func (t *Timeline) OnFrame(f func(FrameStats)) { t.onFrame = append(t.onFrame, f) }

// OnInput registers f to hear each input the timeline gets (tap, drag, wheel, key, pointer
// move, touch): kiosk mode's idle watch.
func (t *Timeline) OnInput(f func()) { t.onInput = append(t.onInput, f) }

// SetKeyHandler gives f each typed key before the timeline's own keys; when f returns true
// the timeline does nothing more with it (the guided tour's keys). nil removes it.
func (t *Timeline) SetKeyHandler(f func(e *fyne.KeyEvent) bool) { t.keyHandler = f }

// SetCountText sets the words of a cluster's or density bar's tooltip (how many events it
// stands for, in the window's language); nil: the scene's "+N".
func (t *Timeline) SetCountText(f func(s *scene.Shape) string) { t.countText = f }

// SetHitSlop lets a tap that misses select the nearest event within px pixels (a finger's
// slop in kiosk mode); 0: only what is under the pointer.
func (t *Timeline) SetHitSlop(px float64) { t.hitSlop = px }

// HitSlop is the tap's slop set by SetHitSlop.
func (t *Timeline) HitSlop() float64 { return t.hitSlop }

// input tells the OnInput listeners about an input.
func (t *Timeline) input() {
	t.reveal = false
	for _, f := range t.onInput {
		f()
	}
}

// viewChanged tells the OnViewChanged listeners about the view.
func (t *Timeline) viewChanged() {
	for _, f := range t.onViewChanged {
		f(t.view)
	}
}

// Engine is the engine the timeline draws with.
func (t *Timeline) Engine() *Engine { return t.eng }

// TimeWidth is the width of the time area (the widget less the lane-title column).
func (t *Timeline) TimeWidth() float64 { return t.timeWidth() }

// Limits are how far the view may zoom and pan.
func (t *Timeline) Limits() scale.Limits { return t.limits }

// HiddenLanes is a copy of which lanes are hidden, by lane index.
func (t *Timeline) HiddenLanes() []bool { return append([]bool(nil), t.hidden...) }

// Tooltip is the tooltip's text shown now: the hovered event's title and dates, or a
// cluster's count and days; empty when none.
func (t *Timeline) Tooltip() [2]string { return t.hoverTip }

// State is what a rebuild of the window carries over from one timeline to the next.
type State struct {
	View     scale.View
	ScrollY  float64
	Hidden   []bool // by lane index
	Selected int    // -1: none
}

// State returns the timeline's view, scroll, hidden lanes and selection.
func (t *Timeline) State() State {
	return State{View: t.view, ScrollY: t.scroll(), Hidden: t.HiddenLanes(), Selected: t.selected}
}

// RestoreState puts back a state taken from a timeline of the same dataset, before its
// first frame, without telling the listeners (nothing was chosen by the user).
func (t *Timeline) RestoreState(st State) {
	t.RestoreView(st.View, st.ScrollY)
	copy(t.hidden, st.Hidden)
	if st.Selected >= -1 && st.Selected < len(t.eng.ds.Events) {
		t.selected = st.Selected
	}
	t.Refresh()
}

// RestoreView shows the view window v (kept within the limits) scrolled down scrollY px,
// instead of the whole span at the first frame, without telling the listeners.
func (t *Timeline) RestoreView(v scale.View, scrollY float64) {
	t.view, t.fitted = v.Clamp(t.limits), true
	t.scrollY = max(0, scrollY)
	t.Refresh()
}

// ScrollTo scrolls the lanes to y px from the top (kept within the content).
func (t *Timeline) ScrollTo(y float64) {
	t.hovered, t.hoverTip = -1, [2]string{}
	t.scrollY = y
	t.clampScroll()
	t.Refresh()
}

// ScrollBy scrolls the lanes vertically by dy pixels (down when positive).
func (t *Timeline) ScrollBy(dy float64) { t.scrollBy(dy) }

// RevealSelection scrolls the lanes to show the selected event in the current view (set
// the view first).
func (t *Timeline) RevealSelection() {
	t.revealSelection()
	t.Refresh()
}

// DrawsEvent reports whether the scene of the current view draws event ev itself (its bar
// or marker), rather than within a cluster or density bar.
func (t *Timeline) DrawsEvent(ev int) bool {
	t.buildScene()
	sc := t.sc
	for i := range sc.Shapes {
		sh := &sc.Shapes[i]
		if int(sh.Event) == ev && (sh.Kind == scene.KindBar || sh.Kind == scene.KindPoint) {
			return true
		}
	}
	return false
}

// Highlight marks the events marked says (search results, a place's events) and repaints;
// nil marks none.
func (t *Timeline) Highlight(marked func(ev int32) bool) {
	t.eng.SetMarked(marked)
	t.Refresh()
}

// SetLinear draws the time axis linear (true) or with its sparse stretches compressed,
// keeping the days in view.
func (t *Timeline) SetLinear(linear bool) {
	t.eng.SetLinear(linear)
	t.SetView(t.view)
}

// Magnify makes the labels, rows, axis and lane titles k times larger (kiosk mode's large
// type) and shows the whole timeline.
func (t *Timeline) Magnify(k float64) {
	t.eng.Magnify(k)
	t.FitAll()
}
