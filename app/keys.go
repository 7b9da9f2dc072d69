package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Esc closes the topmost thing only: a dialog the window opened (a source's text, About,
// the keys, a file's problems) or the lane pop-up, then the search results, then the
// details panel, then the search (its text and its marks on the timeline), and last the
// selection. The timeline, the search field and keys typed with nothing focused (as when
// a dialog is open) all come here.

// shownDialog is a dialog the window opened and the overlay it shows on.
type shownDialog struct {
	d dialog.Dialog
	o fyne.CanvasObject
}

// showDialog shows d and remembers it, so that Esc can close it when it is on top.
func (u *ui) showDialog(d dialog.Dialog) {
	c := u.win.Canvas()
	d.Show()
	sd := shownDialog{d: d, o: c.Overlays().Top()}
	u.dialogs = append(u.dialogs, sd)
	d.SetOnClosed(func() {
		u.readingInput() // a kiosk visitor closing a source's text is still there
		for i := range u.dialogs {
			if u.dialogs[i].d == d {
				u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
				break
			}
		}
	})
}

// escape closes the topmost thing (see above).
func (u *ui) escape() {
	c := u.win.Canvas()
	if top := c.Overlays().Top(); top != nil {
		for i := len(u.dialogs) - 1; i >= 0; i-- {
			if u.dialogs[i].o == top {
				u.dialogs[i].d.Hide()
				return
			}
		}
		if u.lanesPop != nil && u.lanesPop.Visible() { // (an overlay wraps the pop-up)
			u.lanesPop.Hide()
			c.Focus(u.tl)
		}
		return // another overlay (the export dialog, a menu) handles its own keys
	}
	switch {
	case u.tour.running():
		u.tour.user()
		u.tour.end()
	case u.results != nil && u.results.Visible():
		u.results.Hide()
		c.Focus(u.tl)
	case u.open:
		u.closeDetails()
	case u.search != nil && u.search.Text != "":
		u.search.SetText("") // clears the results and the marks (onSearch)
		c.Focus(u.tl)
	default:
		u.tl.Select(-1)
		c.Focus(u.tl)
	}
}

// typedKey gets the keys typed with nothing focused: Esc is escape's, the rest go to the
// timeline.
func (u *ui) typedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		u.escape()
		return
	}
	u.tl.TypedKey(e)
}
