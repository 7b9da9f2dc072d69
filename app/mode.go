package app

import (
	"fyne.io/fyne/v2"

	"trotskytimeline/timeline/scale"
)

// mode is what the window does with the visitor's input: browsing (a selection opens the
// details) or the guided tour (its card has the selection and the arrow keys). A kiosk
// window (u.kiosk) runs the same two modes and also watches for idleness. The timeline's
// listeners are registered once, in build, as the methods below, which ask the mode;
// nothing swaps them out and back.
type mode uint8

const (
	modeBrowse mode = iota
	modeTour
)

// selectEvent hears the timeline's selection (OnSelect).
func (u *ui) selectEvent(ev int) {
	if u.mapv != nil {
		u.mapv.SetSelected(ev) // the tour's stops too
	}
	if u.placeMarks != nil && (ev < 0 || !u.placeMarks[int32(ev)]) {
		// Another event than those of the place tapped on the map: their marks go.
		u.placeMarks = nil
		u.tl.Highlight(nil)
	}
	if u.mode == modeTour {
		t := u.tour
		switch {
		case t.moving || ev < 0:
			return
		case ev == t.current():
			return
		}
		// The visitor chose another event: they leave the tour for its details.
		t.abandoned = true
		t.end()
	}
	if u.results != nil {
		u.results.Hide()
	}
	if ev >= 0 && u.open {
		u.det.show(ev)
	} else if ev >= 0 {
		u.openDetails(ev)
	}
}

// modeKey is the timeline's key handler: the tour's keys while it runs.
func (u *ui) modeKey(e *fyne.KeyEvent) bool {
	if u.mode == modeTour && u.tour.running() {
		return u.tour.key(e)
	}
	return false
}

// onInput hears the timeline's and the map's inputs: in a kiosk, any input restarts the
// idle wait.
func (u *ui) onInput() {
	if u.kiosk != nil {
		u.kiosk.input()
	}
}

// viewChanged hears the timeline's view moves (OnViewChanged).
func (u *ui) viewChanged(scale.View) {
	u.ov.Refresh()
	u.syncMap()
	if u.results != nil {
		u.results.Hide()
	}
	if k := u.kiosk; k != nil && !k.resetting && (u.tour == nil || !u.tour.moving) {
		k.touch() // the overview strip's drags and taps
	}
}
