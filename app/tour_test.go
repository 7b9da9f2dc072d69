package app

import (
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/scale"
)

// newTourUI is newTestUI on the test dataset with the given tour, options and window size.
func newTourUI(t *testing.T, tour []string, opts Options, w, h float32) (*ui, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	ds := testDataset(t)
	ds.Tour = stops(tour...)
	if opts.Lang == "" {
		opts.Lang = "en"
	}
	opts.Theme = "light"
	u := newUI(win, ds, opts)
	u.wire(opts)
	win.Resize(fyne.NewSize(w, h))
	win.Canvas().Capture()
	t.Cleanup(func() {
		if u.tour != nil {
			u.tour.end()
		}
		if u.kiosk != nil && u.kiosk.timer != nil {
			u.kiosk.timer.Stop()
		}
		win.Close()
	})
	return u, win
}

// stops is a tour of the events with these ids, without texts of their own.
func stops(ids ...string) []timeline.TourStop {
	var out []timeline.TourStop
	for _, id := range ids {
		out = append(out, timeline.TourStop{Event: id})
	}
	return out
}

// eventIndex is the dataset index of the event with id.
func eventIndex(t *testing.T, u *ui, id string) int {
	t.Helper()
	for i := range u.ds.Events {
		if u.ds.Events[i].ID == id {
			return i
		}
	}
	t.Fatalf("no event %q", id)
	return -1
}

// tourMenuItem finds View ▸ Guided tour (or its disabled stand-in).
func tourMenuItem(t *testing.T, win fyne.Window) *fyne.MenuItem {
	t.Helper()
	for _, m := range win.MainMenu().Items {
		for _, it := range m.Items {
			if strings.Contains(it.Label, tr("en", "tour")) || it.Label == tr("en", "notour") {
				return it
			}
		}
	}
	t.Fatal("no guided tour item in the menus")
	return nil
}

func TestTourMenuItem(t *testing.T) {
	tests := []struct {
		name     string
		tour     []string
		disabled bool
	}{
		{"dataset with a tour", []string{"birth", "war"}, false},
		{"dataset without a tour", nil, true},
		{"tour of unknown ids only", []string{"nope"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, win := newTourUI(t, tc.tour, Options{}, 1000, 600)
			it := tourMenuItem(t, win)
			if it.Disabled != tc.disabled {
				t.Fatalf("item %q disabled=%v, want %v", it.Label, it.Disabled, tc.disabled)
			}
			if tc.disabled {
				if it.Label != tr("en", "notour") {
					t.Errorf("disabled item says %q, want the explanation %q", it.Label, tr("en", "notour"))
				}
				return
			}
			it.Action()
			if u.tour == nil {
				t.Fatal("the menu item did not start the tour")
			}
			if u.tour.auto {
				t.Error("the tour from the menu moves on by itself; it should wait for Next")
			}
		})
	}
}

func TestTourSteps(t *testing.T) {
	u, win := newTourUI(t, []string{"birth", "war", "missing", "death"}, Options{}, 1200, 700)
	u.openDetails(eventIndex(t, u, "mexico"))
	tu := u.startTour(false, false)
	if tu == nil {
		t.Fatal("no tour")
	}
	if u.open {
		t.Error("the details panel stays open under the tour card")
	}
	type want struct {
		id, progress string
		has          []string
	}
	check := func(step string, w want) {
		t.Helper()
		win.Canvas().Capture()
		if got, ev := u.tl.Selected(), eventIndex(t, u, w.id); got != ev {
			t.Fatalf("%s: selected %d, want %d (%s)", step, got, ev, w.id)
		}
		text := tu.cardText()
		if !strings.HasPrefix(text, w.progress) {
			t.Errorf("%s: card starts %q, want %q", step, firstLine(text), w.progress)
		}
		for _, s := range w.has {
			if !strings.Contains(text, s) {
				t.Errorf("%s: card lacks %q:\n%s", step, s, text)
			}
		}
		if u.open {
			t.Errorf("%s: the details panel opened during the tour", step)
		}
	}
	birth := want{"birth", "1 / 3", []string{"Born in Yanovka", "7 November 1879 (O.S. 26 October)", "Yanovka, Kherson Province"}}
	war := want{"war", "2 / 3", []string{"People's Commissar for War", "“He became People's Commissar for War in March 1918.”", "Source A — Pub A (language: en)"}}
	// The story card quotes one excerpt, the best for an English reader, and offers the rest.
	death := want{"death", "3 / 3", []string{"Assassinated", "“He was killed in Coyoacán in August 1940.”",
		"(" + tr("en", "contestedshort") + ")", "Source A — Pub A (language: en) · 20 Aug. 1940", "2 more sources"}}

	check("start", birth)
	if !tu.prevBtn.Disabled() {
		t.Error("Previous is enabled at the first stop")
	}
	test.Tap(tu.nextBtn)
	check("Next", war)
	test.Tap(tu.prevBtn)
	check("Previous", birth)
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	check("Right", war)
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	check("Space", death)
	if !tu.nextBtn.Disabled() {
		t.Error("Next is enabled at the last stop")
	}
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	check("Left", war)
	// Keys the tour does not use still reach the timeline.
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if u.tl.View().Span() < float64(365*60) {
		t.Errorf("Home during the tour did not fit all (span %.0f days)", u.tl.View().Span())
	}

	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.tour != nil {
		t.Fatal("Esc did not end the tour")
	}
	for _, o := range u.stage.Objects {
		if o == tu.layer {
			t.Fatal("the card is still on the stage after the tour ended")
		}
	}
	// The timeline is the timeline again: Right pans, a selection opens the details.
	v := u.tl.View()
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if u.tl.View() == v {
		t.Error("Right after the tour did not pan")
	}
	u.tl.Select(eventIndex(t, u, "mexico"))
	if !u.open {
		t.Error("selecting after the tour did not open the details")
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func TestTourEndsAfterLastStop(t *testing.T) {
	u, _ := newTourUI(t, []string{"birth", "war"}, Options{}, 1000, 600)
	tu := u.startTour(false, false)
	tu.step(1)
	tu.step(1)
	if u.tour != nil {
		t.Fatal("stepping past the last stop did not end the tour")
	}
	if got := u.tl.Selected(); got != eventIndex(t, u, "war") {
		t.Errorf("after the tour the last stop should stay selected, got %d", got)
	}
}

func TestTourLoops(t *testing.T) {
	u, _ := newTourUI(t, []string{"birth", "war"}, Options{}, 1000, 600)
	tu := u.startTour(true, true)
	tu.step(1)
	tu.step(1)
	if !tu.running() || tu.pos != 0 {
		t.Fatalf("a looping tour after its last stop: running=%v pos=%d, want running at 0", tu.running(), tu.pos)
	}
}

func TestTourTapOnAnotherEventLeavesTheTour(t *testing.T) {
	u, win := newTourUI(t, []string{"birth", "war"}, Options{}, 1200, 700)
	tu := u.startTour(false, false)
	tu.step(1) // war, 1918..1925: the expulsion of 1929 is near
	win.Canvas().Capture()
	ev := eventIndex(t, u, "expelled")
	p, ok := u.tl.EventPos(ev)
	if !ok {
		t.Fatal("the expulsion is not drawn near the war commissariat")
	}
	test.TapCanvas(win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(p))
	if u.tour != nil {
		t.Fatal("tapping another event did not leave the tour")
	}
	if u.tl.Selected() != ev || !u.open || u.det.current != ev {
		t.Errorf("after the tap: selected %d, details open=%v on %d; want %d open", u.tl.Selected(), u.open, u.det.current, ev)
	}
}

func TestTourPlacesEventBesideCard(t *testing.T) {
	u, win := newTourUI(t, []string{"birth", "war", "death"}, Options{}, 1400, 800)
	tu := u.startTour(false, false)
	for i := 0; i < 3; i++ {
		win.Canvas().Capture()
		p := checkBesideCard(t, u, tu, i)
		if p.Y < 0 || p.Y > u.tl.Size().Height {
			t.Errorf("stop %d: event at y=%.0f, outside the timeline (height %.0f)", i, p.Y, u.tl.Size().Height)
		}
		if tu.card.Size().Width < 300 || tu.card.Position().X < 0 || tu.card.Position().X+tu.card.Size().Width > u.stage.Size().Width {
			t.Errorf("stop %d: card %v at %v does not fit the stage %v", i, tu.card.Size(), tu.card.Position(), u.stage.Size())
		}
		tu.step(1)
	}
}

func TestTourCardInItalian(t *testing.T) {
	u, _ := newTourUI(t, []string{"expelled"}, Options{Lang: "it"}, 1000, 600)
	tu := u.startTour(false, false)
	text := tu.cardText()
	for _, s := range []string{"12 febbraio 1929", "“Fu espulso nel 1929.”", "Fonte B (lingua: it)"} {
		if !strings.Contains(text, s) {
			t.Errorf("Italian card lacks %q:\n%s", s, text)
		}
	}
	if tu.nextBtn.Text != "Successivo" || tu.prevBtn.Text != "Precedente" {
		t.Errorf("buttons %q / %q, want Italian", tu.prevBtn.Text, tu.nextBtn.Text)
	}
}

func TestTourAutoAdvance(t *testing.T) {
	u, _ := newTourUI(t, []string{"birth", "war"}, Options{}, 1000, 600)
	calls := make(chan func(), 4)
	u.kiosk = &kiosk{do: func(f func()) { calls <- f }} // the tour takes its do from the kiosk
	tu := u.startTour(true, false)
	u.kiosk = nil
	tu.delay = 30 * time.Millisecond
	tu.arm()
	start := time.Now()
	select {
	case f := <-calls:
		if d := time.Since(start); d < 25*time.Millisecond {
			t.Errorf("moved on after %v, before its delay", d)
		}
		f()
	case <-time.After(2 * time.Second):
		t.Fatal("the tour did not move on by itself")
	}
	if tu.pos != 1 {
		t.Fatalf("after the delay the tour is at %d, want 1", tu.pos)
	}
	// A stop the visitor left early does not move on from the old timer.
	tu.arm()
	tu.auto = false
	tu.step(-1)
	select {
	case f := <-calls:
		f()
		if tu.pos != 0 {
			t.Errorf("a stale timer moved the tour to %d", tu.pos)
		}
	case <-time.After(200 * time.Millisecond):
	}
}

func TestFlightPath(t *testing.T) {
	a := scale.View{Start: 0, End: 1000, Width: 800}
	tests := []struct {
		name string
		b    scale.View
	}{
		{"far away at the same zoom", scale.View{Start: 20000, End: 21000, Width: 800}},
		{"zoom in nearby", scale.View{Start: 400, End: 500, Width: 800}},
		{"zoom out", scale.View{Start: -5000, End: 5000, Width: 800}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := flightPath(a, tc.b)
			if got := path(0); math.Abs(got.Start-a.Start) > 1e-6 || math.Abs(got.End-a.End) > 1e-6 {
				t.Errorf("path(0) = %+v, want %+v", got, a)
			}
			if got := path(1); got != tc.b {
				t.Errorf("path(1) = %+v, want %+v", got, tc.b)
			}
			dist := math.Abs((tc.b.Start+tc.b.End)/2 - (a.Start+a.End)/2)
			mid := path(0.5)
			if mid.Span() < dist || mid.Span() < math.Min(a.Span(), tc.b.Span()) {
				t.Errorf("halfway the view spans %.0f days; want at least the distance %.0f", mid.Span(), dist)
			}
			for f := 0.05; f <= 1; f += 0.05 {
				if cur := path(f); cur.Span() <= 0 || math.IsNaN(cur.Start) {
					t.Fatalf("path(%.2f) = %+v", f, cur)
				}
			}
		})
	}
}

// TestKioskTourPlacesEventBesideCard: at 1024×640 the kiosk's card, widened so that no stop
// scrolls, leaves under a third of the time area free; the stop's event must still be
// drawn in that free part, not under the card (it was, at x 565 under a card from 437).
func TestKioskTourPlacesEventBesideCard(t *testing.T) {
	u, win, _, _ := newKioskUI(t, time.Minute)
	win.Resize(fyne.NewSize(1024, 640))
	win.Canvas().Capture()
	tu := u.kiosk.startTour(false)
	for i := 0; i < 3; i++ {
		win.Canvas().Capture()
		checkBesideCard(t, u, tu, i)
		tu.step(1)
	}
}

// checkBesideCard fails unless stop i's event is drawn in the part of the timeline the
// tour card leaves free, and returns where it is drawn.
func checkBesideCard(t *testing.T, u *ui, tu *tour, i int) fyne.Position {
	t.Helper()
	ev := tu.current()
	id := u.ds.Events[ev].ID
	p, ok := u.tl.EventPos(ev)
	if !ok {
		t.Fatalf("stop %d: event %s not drawn", i, id)
	}
	x0, x1 := float32(u.eng.TitleWidth()), tu.card.Position().X
	if tu.cardLeft {
		x0, x1 = tu.card.Position().X+tu.card.Size().Width, u.tl.Size().Width
	}
	if p.X <= x0 || p.X >= x1 {
		t.Errorf("stop %d (%s): event at x=%.0f, want in the free part %.0f..%.0f beside the card", i, id, p.X, x0, x1)
	}
	return p
}
