package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline"
)

// The card's buttons never move between stops, however long each stop's story: the card
// is as tall as its tallest stop.
func TestTourCardButtonsNeverMove(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1600, Height: 900}, {Width: 1024, Height: 640}} {
		u, win := newTourUI(t, []string{"birth", "war", "expelled", "death"}, Options{}, size.Width, size.Height)
		tu := u.startTour(false, false)
		d := fyne.CurrentApp().Driver()
		type where struct{ prev, next, close, card fyne.Position }
		var first where
		var firstSize fyne.Size
		for p := range tu.events {
			tu.show(p)
			win.Canvas().Capture()
			w := where{d.AbsolutePositionForObject(tu.prevBtn), d.AbsolutePositionForObject(tu.nextBtn),
				d.AbsolutePositionForObject(tu.closeBtn), tu.card.Position()}
			if p == 0 {
				first, firstSize = w, tu.card.Size()
				continue
			}
			if w != first || tu.card.Size() != firstSize {
				t.Errorf("%v, stop %d: buttons at %v, card %v; at the first stop %v, %v", size, p+1, w, tu.card.Size(), first, firstSize)
			}
			if tu.scroll.Content.MinSize().Height > tu.scroll.Size().Height+1 {
				t.Errorf("%v, stop %d: the card scrolls (%v of %v)", size, p+1, tu.scroll.Content.MinSize().Height, tu.scroll.Size().Height)
			}
		}
		tu.end()
	}
}

// Progress says where the tour is, and any stop is one choice away.
func TestTourJumpToAnyStop(t *testing.T) {
	u, _ := newTourUI(t, []string{"birth", "war", "expelled", "death"}, Options{}, 1200, 700)
	tu := u.startTour(false, false)
	if !strings.HasPrefix(tu.progress.Text, "1 / 4") {
		t.Errorf("progress %q, want 1 / 4", tu.progress.Text)
	}
	if len(tu.jump.Options) != 4 || !strings.Contains(tu.jump.Options[2], "Expelled") {
		t.Fatalf("jump list %q", tu.jump.Options)
	}
	tu.jump.SetSelectedIndex(2)
	if tu.pos != 2 || u.tl.Selected() != eventIndex(t, u, "expelled") || !strings.HasPrefix(tu.progress.Text, "3 / 4") {
		t.Errorf("after jumping to stop 3: pos %d, selected %d, progress %q", tu.pos, u.tl.Selected(), tu.progress.Text)
	}
	if tu.jump.Selected != "" {
		t.Errorf("the jump list keeps %q chosen: it should offer the choice again", tu.jump.Selected)
	}
}

// A stop's own text from the dataset's tour is the lead, in the visitor's language; the
// card gives the date with the Old Style one where it applied, the place, the best
// excerpt, and "n more sources" opens the details.
func TestTourStoryCard(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	for _, tc := range []struct{ lang, lead, date, more string }{
		{"en", "The story begins in a village.", "7 November 1879 (O.S. 26 October)", "Details"},
		{"it", "La storia comincia in un villaggio.", "7 novembre 1879", "Dettagli"},
	} {
		win := a.NewWindow("")
		ds := testDataset(t)
		ds.Tour = []timeline.TourStop{
			{Event: "birth", Text: map[string]string{"en": "The story begins in a village.", "it": "La storia comincia in un villaggio."}},
			{Event: "death"},
		}
		opts := Options{Lang: tc.lang, Theme: "light"}
		u := newUI(win, ds, opts)
		win.Resize(fyne.NewSize(1400, 800))
		tu := u.startTour(false, false)
		text := tu.cardText()
		for _, want := range []string{tc.lead, tc.date, "Yanovka, Kherson Province", tc.more} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: card lacks %q:\n%s", tc.lang, want, text)
			}
		}
		tu.step(1)
		if text := tu.cardText(); strings.Count(text, "“") != 1 {
			t.Errorf("%s: the card quotes %d excerpts, want the single best:\n%s", tc.lang, strings.Count(text, "“"), text)
		}
		test.Tap(tu.more)
		death := eventIndex(t, u, "death")
		if u.tour != nil || !u.open || u.det.current != death {
			t.Errorf("%s: 'more sources' left tour=%v, details open=%v on %d; want the details of %d", tc.lang, u.tour != nil, u.open, u.det.current, death)
		}
		win.Close()
	}
}

// kioskTargets checks every visible button and select under o is a finger's target.
func kioskTargets(t *testing.T, where string, o fyne.CanvasObject) int {
	t.Helper()
	n := 0
	walkObjects(o, func(o fyne.CanvasObject) {
		var size fyne.Size
		var name string
		switch v := o.(type) {
		case *widget.Button:
			size, name = v.Size(), v.Text
		case *tipButton:
			size, name = v.Size(), v.tip
		case *widget.Select:
			size, name = v.Size(), "select "+v.PlaceHolder
		default:
			return
		}
		if !o.Visible() {
			return
		}
		n++
		if size.Height < 44 || size.Width < 44 {
			t.Errorf("%s: %q is %.0f×%.0f px, want at least 44×44", where, name, size.Width, size.Height)
		}
	})
	return n
}

// The kiosk's first screen: the title, one line of instruction in the visitor's language,
// a visible language switch; every target at least 44 px, the tour card's too.
func TestKioskFirstScreenAndLanguageSwitch(t *testing.T) {
	u, win, _, _ := newKioskUI(t, time.Minute)
	k := u.kiosk
	win.Canvas().Capture()
	if k.hint.Text != tr("en", "kioskhint") || !k.hint.Visible() {
		t.Errorf("instruction %q", k.hint.Text)
	}
	if len(k.langs) != 3 || k.langs[1].Text != "Italiano" || !k.langs[1].Visible() {
		t.Fatalf("language switch %v", k.langs)
	}
	if n := kioskTargets(t, "first screen", win.Content()); n < 8 {
		t.Errorf("%d targets on the first screen, want zoom, fit, lanes, tour and three languages", n)
	}
	test.Tap(k.langs[1])
	if u.lang != "it" || k.hint.Text != tr("it", "kioskhint") {
		t.Errorf("after Italiano: lang %q, hint %q", u.lang, k.hint.Text)
	}
	if win.MainMenu() != nil {
		t.Error("switching the language brought the menus back")
	}
	if p := prefs(); p != nil && p.String(prefLang) == "it" {
		t.Error("the kiosk remembered a visitor's language")
	}
	test.Tap(k.tourBtn)
	win.Canvas().Capture()
	kioskTargets(t, "tour", win.Content())
	// Idle returns to the kiosk's own language.
	k.reset()
	if u.lang != "en" {
		t.Errorf("after the reset the kiosk speaks %q, want en", u.lang)
	}
}

// "Start the tour" becomes "Stop the tour" while it plays, and stops it.
func TestKioskStartStopTour(t *testing.T) {
	u, _, _, _ := newKioskUI(t, time.Minute)
	k := u.kiosk
	if k.tourBtn.Text != tr("en", "starttour") {
		t.Fatalf("button %q before the tour", k.tourBtn.Text)
	}
	test.Tap(k.tourBtn)
	if u.mode != modeTour || k.tourBtn.Text != tr("en", "stoptour") {
		t.Fatalf("while touring: mode %d, button %q", u.mode, k.tourBtn.Text)
	}
	test.Tap(k.tourBtn)
	if u.tour != nil || u.mode != modeBrowse || k.tourBtn.Text != tr("en", "starttour") {
		t.Errorf("after Stop: tour %v, mode %d, button %q", u.tour != nil, u.mode, k.tourBtn.Text)
	}
	// The attract loop says Stop too.
	k.startTour(true)
	if k.tourBtn.Text != tr("en", "stoptour") {
		t.Errorf("attract loop: button %q", k.tourBtn.Text)
	}
}

// Idle in two steps: "Still there?" with a countdown (a touch keeps the visitor's place),
// then the reset and the attract loop.
func TestKioskIdleTwoSteps(t *testing.T) {
	u, win, _, _ := newKioskUI(t, time.Minute)
	k := u.kiosk
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	k.now = func() time.Time { return now }
	k.input()
	war := eventIndex(t, u, "war")
	u.openDetails(war)
	now = now.Add(61 * time.Second)
	k.checkIdle()
	if !k.still.Visible() || k.left != int(KioskCountdown/time.Second) || !strings.Contains(k.stillText.Text, "20") {
		t.Fatalf("first step: card visible %v, %d s left, text %q", k.still.Visible(), k.left, k.stillText.Text)
	}
	if !u.open || u.tour != nil {
		t.Fatal("the first step reset the kiosk")
	}
	k.countdown()
	if k.left != int(KioskCountdown/time.Second)-1 || !strings.Contains(k.stillText.Text, "19") {
		t.Errorf("a second later: %d left, %q", k.left, k.stillText.Text)
	}
	// A touch: the visitor stays where they were.
	test.TapCanvas(win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(fyne.NewPos(5, 5)))
	if k.still.Visible() || k.left != 0 || u.tour != nil {
		t.Fatalf("after a touch: card %v, left %d, tour %v", k.still.Visible(), k.left, u.tour != nil)
	}
	// Nobody again: the countdown runs out.
	now = now.Add(61 * time.Second)
	k.checkIdle()
	for i := 0; k.left > 0 && i < 100; i++ {
		k.countdown()
	}
	if k.still.Visible() || u.open || u.tour == nil || !u.tour.loop {
		t.Errorf("second step: card %v, details %v, attract loop %v", k.still.Visible(), u.open, u.tour != nil && u.tour.loop)
	}
}

// The loop never interrupts a visitor reading a source: with a source's text open the
// wait is KioskReadingFactor times the idle time.
func TestKioskIdleSparesASourceReader(t *testing.T) {
	u, _, _, _ := newKioskUI(t, time.Minute)
	k := u.kiosk
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	k.now = func() time.Time { return now }
	death := eventIndex(t, u, "death")
	u.openDetails(death)
	src, _ := u.ds.Source("a")
	u.showSource(src, u.ds.Events[death].Excerpts()[0])
	k.input()
	now = now.Add(KioskReadingFactor*time.Minute - time.Second)
	k.checkIdle()
	if k.left > 0 || u.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("a reader was interrupted after %v", KioskReadingFactor*time.Minute-time.Second)
	}
	now = now.Add(2 * time.Second)
	k.checkIdle()
	if k.left == 0 {
		t.Error("after the reader's wait nobody was asked whether they are still there")
	}
}
