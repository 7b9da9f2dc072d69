package app

import (
	"math"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/mobile"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/app/timelineview"
	"trotskytimeline/timeline"
)

// kioskWindow is a test window that remembers what kiosk mode asks of the real one.
type kioskWindow struct {
	fyne.Window
	intercept func()
	full      bool
	closed    int
}

func (w *kioskWindow) SetCloseIntercept(f func()) { w.intercept = f; w.Window.SetCloseIntercept(f) }
func (w *kioskWindow) SetFullScreen(b bool)       { w.full = b; w.Window.SetFullScreen(b) }
func (w *kioskWindow) Close()                     { w.closed++; w.Window.Close() }

// newKioskUI opens the test dataset (with a tour) in kiosk mode on a 1280×800 test window;
// the UI-goroutine calls of its timers go to calls instead of fyne.Do, and quit counts.
func newKioskUI(t *testing.T, idle time.Duration) (*ui, *kioskWindow, chan func(), *int) {
	t.Helper()
	return newKioskUIWith(t, idle, testDataset(t))
}

// newKioskUIWith is newKioskUI with dataset ds (given a tour of three stops).
func newKioskUIWith(t *testing.T, idle time.Duration, ds *timeline.Dataset) (*ui, *kioskWindow, chan func(), *int) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := &kioskWindow{Window: a.NewWindow("")}
	ds.Tour = stops("birth", "war", "death")
	opts := Options{Lang: "en", Theme: "light", Kiosk: true, Idle: idle}
	u := newUI(win, ds, opts)
	u.wire(opts)
	quits := 0
	calls := make(chan func(), 16)
	k := u.startKiosk(func() { quits++ })
	k.do = func(f func()) { calls <- f }
	k.animate = false
	k.second = time.Millisecond
	win.Resize(fyne.NewSize(1280, 800))
	win.Canvas().Capture()
	t.Cleanup(func() {
		if u.tour != nil {
			u.tour.end()
		}
		k.timer.Stop()
		win.Window.Close()
	})
	return u, win, calls, &quits
}

// typeShortcut hands a shortcut to the canvas as the desktop driver does (the test canvas
// does not say it handles shortcuts; the canvas inside it does).
func typeShortcut(t *testing.T, c fyne.Canvas, s fyne.Shortcut) {
	t.Helper()
	v := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas")
	h, ok := v.Interface().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("the test canvas has no shortcut handler")
	}
	h.TypedShortcut(s)
}

func TestKioskWindow(t *testing.T) {
	u, win, _, quits := newKioskUI(t, time.Minute)
	if win.MainMenu() != nil {
		t.Error("kiosk mode has a main menu")
	}
	if !win.full {
		t.Error("kiosk mode is not full screen")
	}
	if win.intercept == nil {
		t.Fatal("kiosk mode does not intercept closing the window")
	}
	win.intercept() // the close button, Alt+F4
	if win.closed != 0 || *quits != 0 {
		t.Error("closing the kiosk's window closed it")
	}
	exported := 0
	u.export = func(fyne.Window, *timeline.Dataset, float64, float64, []string) { exported++ }
	c := win.Canvas()
	typeShortcut(t, c, &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	if exported != 0 {
		t.Error("Ctrl+E exports in kiosk mode")
	}
	typeShortcut(t, c, &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl})
	if *quits != 0 {
		t.Error("Ctrl+Q (without Shift) quit the kiosk")
	}
	typeShortcut(t, c, &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	if *quits != 1 {
		t.Errorf("Ctrl+Shift+Q quit %d times, want once", *quits)
	}

	def := timelineview.NewEngine(u.ds, "en", "light").Config()
	cfg := u.eng.Config()
	if cfg.FontSize < def.FontSize*1.4 || cfg.RowHeight < def.RowHeight*1.4 || cfg.TitleWidth < def.TitleWidth*1.4 {
		t.Errorf("kiosk scene font %.0f, rows %.0f, titles %.0f; want 1.5 times %.0f, %.0f, %.0f",
			cfg.FontSize, cfg.RowHeight, cfg.TitleWidth, def.FontSize, def.RowHeight, def.TitleWidth)
	}
	if u.tl.HitSlop() < 20 {
		t.Errorf("hit slop %.0f px, want a finger's", u.tl.HitSlop())
	}
	// Every button on screen is at least 44 px high (Apple's and WCAG's touch target).
	n := 0
	walkObjects(win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			n++
			if h := b.Size().Height; h < 44 {
				t.Errorf("button %q is %.0f px high, want at least 44", b.Text, h)
			}
		}
	})
	if n < 4 {
		t.Errorf("%d buttons on the kiosk's screen, want the zoom buttons and Start tour", n)
	}
	if !u.kiosk.tourBtn.Visible() {
		t.Error("no Start tour button for a dataset with a tour")
	}
	// The legend is one tap away, on a target a finger can hit.
	if b := u.legendBtn; b == nil || !b.Visible() {
		t.Error("no Legend button in the kiosk")
	} else {
		if sz := b.Size(); sz.Height < 44 || sz.Width < 44 {
			t.Errorf("Legend button %v, want at least 44×44", sz)
		}
		test.Tap(b)
		if u.legendPop == nil || !u.legendPop.Visible() {
			t.Error("tapping Legend in the kiosk shows no legend")
		} else {
			u.legendPop.Hide()
		}
	}
}

// walkObjects calls f on o and everything under it.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkObjects(c, f)
		}
	}
}

func TestKioskTapForgivesFinger(t *testing.T) {
	for _, kiosk := range []bool{false, true} {
		name := map[bool]string{false: "window", true: "kiosk"}[kiosk]
		t.Run(name, func(t *testing.T) {
			var u *ui
			var c fyne.Canvas
			if kiosk {
				var w *kioskWindow
				u, w, _, _ = newKioskUI(t, time.Minute)
				c = w.Canvas()
			} else {
				var w fyne.Window
				u, w = newTourUI(t, nil, Options{}, 1280, 800)
				c = w.Canvas()
			}
			ev := eventIndex(t, u, "birth")
			u.tl.CentreOn(ev)
			u.tl.Select(-1)
			c.Capture()
			p, ok := u.tl.EventPos(ev)
			if !ok {
				t.Fatal("birth not drawn")
			}
			off := p.Add(fyne.NewPos(0, 15)) // a fingertip below the diamond
			test.TapCanvas(c, fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(off))
			got := u.tl.Selected() == ev
			if got != kiosk {
				t.Errorf("a tap 15 px off the marker selected it: %v, want %v", got, kiosk)
			}
		})
	}
}

func TestKioskIdleReturnsToOpeningView(t *testing.T) {
	u, win, calls, _ := newKioskUI(t, 50*time.Millisecond)
	k := u.kiosk
	fit := u.tl.View()
	u.tl.ZoomCentre(8)
	u.openDetails(eventIndex(t, u, "war"))
	u.showLanes() // a pop-up
	u.tl.SetLaneHidden(1, true)
	k.input()
	if fit == u.tl.View() || !u.open {
		t.Fatal("setting up: the view did not zoom or the details did not open")
	}
	start := time.Now()
	// Calls queued by earlier waits only wait again: run them until the kiosk resets.
	for u.tour == nil {
		select {
		case f := <-calls:
			f()
		case <-time.After(3 * time.Second):
			t.Fatal("the idle timer did not reset the kiosk")
		}
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("idle after %v, before the idle time", d)
	}
	win.Canvas().Capture()
	if u.open {
		t.Error("details still open after idle")
	}
	if u.tl.LaneHidden(1) {
		t.Error("a hidden lane stays hidden after idle")
	}
	if top := win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a pop-up stays open after idle: %T", top)
	}
	// The attract loop: the tour, from its first stop, moving on by itself and looping.
	tu := u.tour
	if tu == nil || !tu.auto || !tu.loop || tu.pos != 0 {
		t.Fatalf("after idle the tour is %+v, want the attract loop at its first stop", tu)
	}
	if u.tl.Selected() != eventIndex(t, u, "birth") {
		t.Errorf("attract loop selected %d, want the first stop", u.tl.Selected())
	}
	// Idle again during the attract loop changes nothing.
	k.last = time.Time{}
	k.checkIdle()
	if u.tour != tu {
		t.Error("idle during the attract loop restarted it")
	}
	// A touch on the timeline: the visitor takes over at the stop the loop was showing.
	tu.step(1)
	war := eventIndex(t, u, "war")
	u.tl.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: 5}}) // any input
	if u.tour != nil {
		t.Fatal("input did not end the attract loop")
	}
	if !u.open || u.det.current != war {
		t.Errorf("after the attract loop the details are open=%v on %d, want open on %d", u.open, u.det.current, war)
	}
}

func TestKioskIdleWaitsForTheLastInput(t *testing.T) {
	u, _, _, _ := newKioskUI(t, time.Minute)
	k := u.kiosk
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	k.now = func() time.Time { return now }
	k.input()
	u.tl.ZoomCentre(4)
	zoomed := u.tl.View()
	tests := []struct {
		name    string
		after   time.Duration
		resets  bool
		touches bool // an input just before
	}{
		{"half the idle time", 30 * time.Second, false, false},
		{"input, then the timer of the old wait fires", 61 * time.Second, false, true},
		{"the idle time after the last input", 121 * time.Second, true, false},
	}
	base := now
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			now = base.Add(tc.after)
			if tc.touches {
				now = now.Add(-time.Second)
				u.tl.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 10}})
				zoomed = u.tl.View()
				now = now.Add(time.Second)
			}
			k.checkIdle()
			reset := k.left > 0 // idle's first step: "Still there?"
			if reset != tc.resets {
				t.Fatalf("asked whether the visitor is still there: %v, want %v", reset, tc.resets)
			}
			if u.tl.View() != zoomed {
				t.Error("the view moved without an idle reset")
			}
		})
	}
}

func TestKioskTourButton(t *testing.T) {
	u, _, calls, _ := newKioskUI(t, time.Minute)
	test.Tap(u.kiosk.tourBtn)
	tu := u.tour
	if tu == nil || !tu.auto || tu.loop {
		t.Fatalf("Start tour: %+v, want a visitor's tour moving on by itself, not looping", tu)
	}
	if tu.delay != KioskTourDelay {
		t.Errorf("delay %v, want %v", tu.delay, KioskTourDelay)
	}
	// The visitor's tour ends after its last stop and returns to the whole timeline.
	tu.step(1)
	tu.step(1)
	tu.step(1)
	if u.tour != nil {
		t.Fatal("the visitor's tour did not end after its last stop")
	}
	if u.tl.Selected() != -1 {
		t.Error("after the visitor's tour an event stays selected")
	}
	_ = calls
}

func TestPinchZoomsTheTimeline(t *testing.T) {
	u, _ := newTourUI(t, nil, Options{}, 1200, 700)
	tl := u.tl
	ev := func(id int, x float32) *mobile.TouchEvent {
		e := &mobile.TouchEvent{ID: id}
		e.Position = fyne.NewPos(x, 300)
		return e
	}
	dayAt := func(x float32) float64 { v := tl.View(); return v.Day(float64(x) - u.eng.TitleWidth()) }
	tl.TouchDown(ev(0, 500))
	tl.TouchDown(ev(1, 700))
	before := tl.View()
	mid := dayAt(600)
	tl.TouchMoved(ev(1, 900)) // spread: 200 -> 400 px, midpoint 600 -> 700
	after := tl.View()
	if got := before.Span() / after.Span(); math.Abs(got-2) > 0.01 {
		t.Errorf("spreading the fingers twice as far zoomed %.3f times, want 2", got)
	}
	if got := dayAt(700); math.Abs(got-mid) > 0.5 {
		t.Errorf("the day under the fingers moved: %.1f, want %.1f", got, mid)
	}
	// The first finger's drag does not pan on top of the pinch.
	tl.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 40}})
	if tl.View() != after {
		t.Error("a drag during a pinch panned")
	}
	tl.TouchUp(ev(1, 900))
	tl.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 40}})
	if tl.View() == after {
		t.Error("a drag after the pinch did not pan")
	}
}

func TestGoldenKioskTour(t *testing.T) {
	u, win, _, _ := newKioskUI(t, time.Minute)
	goldenImage(t, "kiosk.png", win.Canvas().Capture())
	test.Tap(u.kiosk.tourBtn)
	u.tour.step(1)
	u.tour.step(1) // the assassination: a contested date, at the end of the dataset
	if !u.tour.cardLeft {
		t.Error("the card stays right of the last event of the dataset, which the view cannot bring left of it")
	}
	goldenImage(t, "kiosk_tour.png", win.Canvas().Capture())
}

// A kiosk screen too short for the lanes and a useful map (1024x640) shows no map, and
// the lanes get its height; a tall one (1920x1080) shows both.
func TestKioskShortScreenFoldsTheMap(t *testing.T) {
	u, win, _, _ := newKioskUIWith(t, time.Minute, placesDataset(t))
	if u.mapv == nil {
		t.Fatal("the dataset with places has no map")
	}
	win.Resize(fyne.NewSize(1024, 640))
	win.Canvas().Capture()
	short := u.tl.Size().Height
	if u.mapv.Visible() {
		t.Errorf("at 1024x640 the kiosk shows a map %.0f px tall beside a timeline %.0f px tall", u.mapv.Size().Height, short)
	}
	win.Resize(fyne.NewSize(1920, 1080))
	win.Canvas().Capture()
	if !u.mapv.Visible() || u.mapv.Size().Height < kioskMapMin {
		t.Errorf("at 1920x1080 the kiosk's map is shown %v, %.0f px tall", u.mapv.Visible(), u.mapv.Size().Height)
	}
	win.Resize(fyne.NewSize(1024, 640))
	win.Canvas().Capture()
	if u.mapv.Visible() || u.tl.Size().Height != short {
		t.Errorf("back at 1024x640: map shown %v, timeline %.0f px tall (was %.0f)", u.mapv.Visible(), u.tl.Size().Height, short)
	}
}
