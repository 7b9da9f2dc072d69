package timelineview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// state is the Timeline's state as its fields hold it (not as its getters derive it).
func state(t *Timeline) string {
	return fmt.Sprint(t.view, t.scrollY, t.selected, t.hovered, t.hidden, t.reveal, t.fitted, t.barDrag, t.hoverTip, t.focused)
}

// TestFrameChangesNoState: the raster callback paints the state; it changes none of it.
// A scroll set beyond the content (as a zoom that folds the rows leaves it) is painted
// within the content, but not written back, and a pending reveal stays pending.
func TestFrameChangesNoState(t *testing.T) {
	test.NewTempApp(t)
	tl := New(NewEngine(loadBuiltin(t), "en", "light"))
	// Shorter than its MinSize (a window would not allow it): the lanes scroll.
	tl.Resize(fyne.NewSize(1000, 150))
	r := test.WidgetRenderer(tl).(*timelineRenderer)
	size := tl.Size()
	r.frame(int(size.Width), int(size.Height))
	sc := tl.Scene()
	if sc == nil || sc.H <= float64(size.Height) {
		t.Fatalf("the lanes do not overflow %v px", size.Height)
	}
	tl.Select(0)
	tl.scrollY = sc.H * 10 // beyond the content
	tl.reveal = true
	before := state(tl)
	r.frame(int(size.Width), int(size.Height))
	if after := state(tl); after != before {
		t.Errorf("a frame changed the timeline's state:\n before %s\n after  %s", before, after)
	}
	if y, max := tl.ScrollY(), tl.Scene().H-float64(size.Height); y > max+0.5 || y < max-0.5 {
		t.Errorf("painted scroll %.1f, want the content's end %.1f", y, max)
	}
}

// TestListeners: every registered listener hears, in order, and nothing is swapped out.
func TestListeners(t *testing.T) {
	test.NewTempApp(t)
	tl := New(NewEngine(loadBuiltin(t), "en", "light"))
	var got []string
	tl.OnSelect(func(ev int) { got = append(got, fmt.Sprint("a", ev)) })
	tl.OnSelect(func(ev int) { got = append(got, fmt.Sprint("b", ev)) })
	tl.OnActivate(func(ev int) { got = append(got, fmt.Sprint("enter", ev)) })
	tl.OnDismiss(func() { got = append(got, "esc") })
	tl.OnInput(func() { got = append(got, "in") })
	tl.SetKeyHandler(func(e *fyne.KeyEvent) bool { return e.Name == fyne.KeyF1 })
	tl.Select(3)
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1}) // the handler used it
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	want := "[a3 b3 in enter3 in in esc]"
	if fmt.Sprint(got) != want {
		t.Errorf("listeners heard %v, want %s", got, want)
	}
}
