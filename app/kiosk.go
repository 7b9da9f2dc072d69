package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Kiosk mode (--kiosk) is the program on a museum's touch screen: full screen, large type,
// touch-sized buttons, no menus and no file dialogs, and no way out but the key chord
// Ctrl+Shift+Q (the window's close button and Alt+F4 are ignored).
//
// Touch: a tap selects (hit testing forgives a finger's KioskHitSlop px), a drag pans, a
// double tap zooms in, and the on-screen buttons zoom out, zoom in and fit all. Pinch to
// zoom needs per-finger touch events, which Fyne 2.8.1 delivers only on its mobile driver
// (mobile.Touchable and mobile.Movable, each finger with its ID); the desktop driver (GLFW,
// on X11, Wayland, Windows and macOS) delivers no touch events at all: on X11 a touch
// screen's first finger arrives as the mouse pointer and the other fingers are lost, and a
// touchpad's pinch is not passed on. The timeline (app/timelineview, touch.go) implements the mobile
// interfaces, so the same code pinches on a phone or tablet build; on the desktop the
// buttons and the double tap zoom.
//
// The first screen is the whole timeline under a bar with the title, one line saying what
// to do, in the visitor's language, and the language switch (each language by its own
// name) with the legend button, then the zoom, fit, lanes and tour buttons. Every target is at least 44 px; nothing
// needs a keyboard or a right-click. "Start the tour" becomes "Stop the tour" while the
// tour plays.
//
// Idle, in two steps: after Options.Idle (default DefaultIdle) with no input, a "Still
// there?" card counts down KioskCountdown; a touch anywhere keeps the visitor's place, and
// at zero the kiosk returns to the opening view (fit all, no selection, panels, dialogs and
// the tour closed, the kiosk's own language) and starts the guided tour as an attract
// loop: each stop stays KioskTourDelay, and after the last it starts again. While a source's
// text is open the wait is KioskReadingFactor times longer: a visitor reading a source
// does not touch the screen, and the loop must not interrupt them. A touch on the timeline
// during the attract loop ends it and leaves the visitor at its event with the details
// open; a touch on the card's buttons makes it the visitor's tour (it no longer loops, and
// ends after its last stop). Idle waiting is one time.Timer, reset on each input; nothing
// runs while nobody touches the screen but the countdown's one-second steps.

// KioskCountdown is how long the "Still there?" card counts down before the kiosk resets.
const KioskCountdown = 20 * time.Second

// KioskReadingFactor multiplies the idle wait while a source's text is open.
const KioskReadingFactor = 4

// DefaultIdle is how long a kiosk waits without input before it returns to the opening view.
const DefaultIdle = 3 * time.Minute

// KioskHitSlop is how far, in px, from an event a finger's tap still selects it in kiosk mode.
const KioskHitSlop = 22

// kioskScale is how much larger the kiosk's type, paddings and icons are than the theme's.
const kioskScale = 1.5

// kioskQuitChord is the only way to leave kiosk mode.
var kioskQuitChord = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}

// kiosk is kiosk mode's state: the idle timer and the quit chord.
type kiosk struct {
	u    *ui
	idle time.Duration
	quit func()

	timer *time.Timer
	now   func() time.Time
	last  time.Time // the last input
	// do runs f on the UI goroutine (fyne.Do; tests collect them instead).
	do func(f func())
	// animate flies the tour between stops (false in tests).
	animate bool
	// resetting is set while the kiosk itself moves the view, which is not input.
	resetting bool

	tourBtn *widget.Button
	hint    *widget.Label
	langs   []*widget.Button // the language switch
	lang0   string           // the kiosk's own language, which idle returns to

	// The "Still there?" step: the card, on an overlay over everything (a source's text
	// too) that takes any touch as the answer; the seconds left (0: not shown) and the
	// timer of the next second.
	still      *fyne.Container
	stillLayer *inputSensor
	stillText  *widget.Label
	left       int
	tick       *time.Timer
	second     time.Duration // a countdown step: time.Second (shorter in tests)
}

// startKiosk turns the window into a kiosk; quit is what the key chord calls (the app's Quit).
func (u *ui) startKiosk(quit func()) *kiosk {
	idle := u.opts.Idle
	if idle <= 0 {
		idle = DefaultIdle
	}
	k := &kiosk{u: u, idle: idle, quit: quit, now: time.Now, do: fyne.Do, animate: true, second: time.Second}
	u.kiosk = k
	k.resetting = true // setting up is not input: the idle wait starts at the end
	defer func() { k.resetting = false }()
	w := u.win
	c := w.Canvas()

	// Large type: the widgets' theme (the app's, scaled, before the kiosk's widgets are made;
	// a theme override of the content would miss pop-ups, dialogs and later panels) and the
	// scene's labels, rows and axis.
	if s := fyne.CurrentApp().Settings(); s != nil {
		if _, ok := s.Theme().(kioskTheme); !ok {
			s.SetTheme(kioskTheme{base: s.Theme()})
		}
	}
	u.tl.Magnify(kioskScale)

	w.SetCloseIntercept(func() {})

	k.lang0 = u.lang
	k.layout()
	w.SetFullScreen(true)
	c.Focus(u.tl)
	k.touch()
	return k
}

// layout puts the kiosk's bar over the stage: the window's widgets are made again after a
// language switch (build calls it), so this runs again too.
func (k *kiosk) layout() {
	u := k.u
	l := u.lang
	// No menus, no export or open, no leaving but by the chord (build put them back).
	w, c := u.win, u.win.Canvas()
	w.SetMainMenu(nil)
	for _, key := range []fyne.KeyName{fyne.KeyE, fyne.KeyF, fyne.KeyO} {
		c.RemoveShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
	}
	c.AddShortcut(kioskQuitChord, func(fyne.Shortcut) { k.quit() })
	u.tl.SetHitSlop(KioskHitSlop)
	zoomOut := newTipButton("", theme.ContentRemoveIcon(), tr(l, "zoomout.tip"), u.tips, func() { k.input(); u.tl.ZoomCentre(0.5) })
	zoomIn := newTipButton("", theme.ContentAddIcon(), tr(l, "zoomin.tip"), u.tips, func() { k.input(); u.tl.ZoomCentre(2) })
	// Fit all is an icon beside − and +, as in the window: its words made the Italian and
	// Portuguese instructions wrap onto three lines at 1024 px, and the window taller than
	// the screen (its title row pushed out of it; seen under Xvfb).
	fit := newTipButton("", theme.ZoomFitIcon(), tr(l, "fit.tip"), u.tips, func() { k.input(); u.tl.FitAll() })
	lanes := widget.NewButtonWithIcon(tr(l, "lanes"), theme.ListIcon(), func() { k.input(); u.showLanes() })
	u.lanesBtn = lanes
	// The legend, as in the window: what the colours, bands and marks mean.
	legend := widget.NewButtonWithIcon(tr(l, "legend"), theme.InfoIcon(), func() { k.input(); u.showLegend() })
	u.legendBtn = legend
	k.tourBtn = widget.NewButtonWithIcon(tr(l, "starttour"), theme.MediaPlayIcon(), func() {
		k.input()
		if u.mode == modeTour {
			u.tour.user()
			u.tour.end()
			return
		}
		k.startTour(false)
	})
	k.tourBtn.Importance = widget.HighImportance
	if evs, _ := u.tourEvents(); len(evs) == 0 {
		k.tourBtn.Hide()
	}
	k.sync()
	k.langs = k.langs[:0]
	langBox := container.NewHBox()
	for _, lg := range uiLanguages {
		b := widget.NewButton(lg.Name, func() { k.input(); k.setLang(lg.Tag) })
		if lg.Tag == u.lang {
			b.Importance = widget.HighImportance
		}
		k.langs = append(k.langs, b)
		langBox.Add(b)
	}
	title := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: u.ds.Title})
	title.Truncation = fyne.TextTruncateEllipsis
	k.hint = widget.NewLabel(tr(l, "kioskhint"))
	k.hint.Wrapping = fyne.TextWrapWord // whole on a narrow screen (cut to "Tocca un evento per leggern…" at 1024 px)
	k.hint.TextStyle.Bold = true
	// The legend sits by the language switch: in the row of buttons below it would wrap
	// the instruction onto a third line at 1024x640 and push the title out of the window.
	row1 := container.NewBorder(nil, nil, nil, container.NewHBox(legend, langBox), title)
	// The buttons keep their height when the instruction wraps (centred, not stretched).
	row2 := container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(zoomOut, zoomIn, fit, lanes, k.tourBtn)), k.hint)
	bar := container.NewVBox(row1, row2)
	k.buildStill()
	w.SetContent(container.NewStack(container.NewBorder(container.NewPadded(bar), nil, nil, nil, u.stage), u.tips.layer))
	c.Focus(u.tl)
}

// setLang switches the kiosk to the visitor's language (not remembered: idle returns to
// the kiosk's own).
func (k *kiosk) setLang(tag string) {
	if tag == k.u.lang {
		return
	}
	k.u.setLang(tag)
}

// sync makes the tour button say what it will do: start the tour, or stop it.
func (k *kiosk) sync() {
	if k.tourBtn == nil {
		return
	}
	if k.u.mode == modeTour {
		k.tourBtn.SetText(tr(k.u.lang, "stoptour"))
		k.tourBtn.SetIcon(theme.MediaStopIcon())
	} else {
		k.tourBtn.SetText(tr(k.u.lang, "starttour"))
		k.tourBtn.SetIcon(theme.MediaPlayIcon())
	}
}

// buildStill makes the "Still there?" card (hidden): a question, the countdown and a
// button to stay, in the middle of the stage.
func (k *kiosk) buildStill() {
	l := k.u.lang
	if k.stillLayer != nil { // made again after a language switch
		k.u.win.Canvas().Overlays().Remove(k.stillLayer)
	}
	q := widget.NewLabelWithStyle(tr(l, "kiosk.still"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	q.SizeName = theme.SizeNameSubHeadingText
	k.stillText = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	stay := widget.NewButtonWithIcon(tr(l, "kiosk.stay"), theme.ConfirmIcon(), func() { k.input() })
	stay.Importance = widget.HighImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameForeground)
	bg.StrokeWidth = 2
	bg.CornerRadius = 8
	card := container.NewStack(bg, container.NewPadded(container.NewPadded(container.NewVBox(q, k.stillText, container.NewCenter(stay)))))
	k.still = container.NewCenter(card)
	k.stillLayer = newInputSensor(k.still, k.input)
	k.still.Hide()
	if k.left > 0 {
		k.showStill()
	}
}

// showStill shows the "Still there?" card with the seconds left, on top of everything: the
// tour's card, the details and a source's text.
func (k *kiosk) showStill() {
	k.stillText.SetText(fmt.Sprintf(tr(k.u.lang, "kiosk.countdown"), k.left))
	k.still.Show()
	c := k.u.win.Canvas()
	if c.Overlays().Top() != k.stillLayer {
		c.Overlays().Remove(k.stillLayer)
		k.stillLayer.Show()
		c.Overlays().Add(k.stillLayer)
	}
	k.stillLayer.Resize(c.Size())
	k.stillLayer.Refresh()
}

// prompt is idle's first step: the "Still there?" card and its countdown.
func (k *kiosk) prompt() {
	k.left = int(KioskCountdown / time.Second)
	k.showStill()
	k.armTick()
}

// hideStill takes the "Still there?" card away.
func (k *kiosk) hideStill() {
	k.still.Hide()
	k.u.win.Canvas().Overlays().Remove(k.stillLayer)
}

func (k *kiosk) armTick() {
	if k.tick != nil {
		k.tick.Stop()
	}
	k.tick = time.AfterFunc(k.second, func() { k.do(k.countdown) })
}

// countdown is one second of the "Still there?" card: at zero, idle's second step.
func (k *kiosk) countdown() {
	if k.left <= 0 {
		return // a touch answered it
	}
	k.left--
	if k.left > 0 {
		k.showStill()
		k.armTick()
		return
	}
	k.hideStill()
	k.reset()
	k.startTour(true)
}

// stopPrompt hides the "Still there?" card: the visitor answered.
func (k *kiosk) stopPrompt() {
	if k.left <= 0 {
		return
	}
	k.left = 0
	if k.tick != nil {
		k.tick.Stop()
	}
	k.hideStill()
}

// reading reports whether a source's text (or another dialog) is open over the timeline.
func (k *kiosk) reading() bool {
	return len(k.u.dialogs) > 0 && k.u.win.Canvas().Overlays().Top() != nil
}

// wait is how long the kiosk waits for input before asking "Still there?": KioskReadingFactor
// times longer while a source's text is open. (Scrolling, dragging or touching a source's
// text or the details counts as input too: see inputSensor.)
func (k *kiosk) wait() time.Duration {
	if k.reading() {
		return k.idle * KioskReadingFactor
	}
	return k.idle
}

// readingInput is input inside the details panel or a source's text (a scroll, a drag, a
// touch, the pointer moving): the idle wait starts again. It is not the timeline's input,
// so it neither moves nor ends anything. Outside kiosk mode it does nothing.
func (u *ui) readingInput() {
	if k := u.kiosk; k != nil && !k.resetting {
		k.touch()
	}
}

// watchScroll makes a scroll of s (the wheel, the scroll bar) reading input.
func (u *ui) watchScroll(s *container.Scroll) {
	s.OnScrolled = func(fyne.Position) { u.readingInput() }
}

// inputSensor shows its content and tells on() of the input inside it that no widget of
// the content takes: a tap, a drag or the pointer moving over text (a touch screen's
// finger moves the pointer). Buttons and scroll bars inside keep their own input; the
// scroll container around it reports its scrolling itself (watchScroll). It is the kiosk's
// way to see a visitor reading: Fyne has no window-wide hook for pointer input.
type inputSensor struct {
	widget.BaseWidget
	content fyne.CanvasObject
	on      func()
}

func newInputSensor(content fyne.CanvasObject, on func()) *inputSensor {
	s := &inputSensor{content: content, on: on}
	s.ExtendBaseWidget(s)
	return s
}

func (s *inputSensor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

func (s *inputSensor) Tapped(*fyne.PointEvent)        { s.on() }
func (s *inputSensor) Dragged(*fyne.DragEvent)        { s.on() }
func (s *inputSensor) DragEnd()                       {}
func (s *inputSensor) MouseIn(*desktop.MouseEvent)    { s.on() }
func (s *inputSensor) MouseMoved(*desktop.MouseEvent) { s.on() }
func (s *inputSensor) MouseOut()                      {}

var (
	_ fyne.Tappable     = (*inputSensor)(nil)
	_ fyne.Draggable    = (*inputSensor)(nil)
	_ desktop.Hoverable = (*inputSensor)(nil)
)

// input is any input from the visitor: the idle wait starts again, and a touch ends the
// attract loop (the visitor takes over where it was).
func (k *kiosk) input() {
	k.stopPrompt()
	if t := k.u.tour; t.running() && t.loop {
		ev := t.current()
		t.end()
		k.u.openDetails(ev)
	}
	k.touch()
}

// touch restarts the idle wait from now: one timer, reset, never a loop that polls.
func (k *kiosk) touch() {
	k.last = k.now()
	k.stopPrompt()
	if k.timer == nil {
		k.timer = time.AfterFunc(k.idle, k.fired)
		return
	}
	k.timer.Reset(k.idle)
}

// fired runs on the timer's goroutine and hands over to the UI goroutine.
func (k *kiosk) fired() { k.do(k.checkIdle) }

// checkIdle returns to the opening view when the idle time has passed since the last
// input, or waits the rest of it (an input may have come while the timer's call queued).
func (k *kiosk) checkIdle() {
	if rest := k.wait() - k.now().Sub(k.last); rest > 0 {
		if k.timer != nil {
			k.timer.Reset(rest)
		}
		return
	}
	if t := k.u.tour; t.running() && t.loop {
		return // already attracting; the next input restarts the wait
	}
	if k.left > 0 {
		return // already asking
	}
	k.prompt()
}

// reset returns to the opening view: dialogs and pop-ups, the tour, the details and the
// search results closed, nothing selected, every lane shown, the whole timeline in view.
func (k *kiosk) reset() {
	u := k.u
	k.resetting = true
	defer func() { k.resetting = false }()
	c := u.win.Canvas()
	for i := 0; i < 32; i++ { // each pass closes the topmost overlay
		o := c.Overlays().Top()
		if o == nil {
			break
		}
		o.Hide()
		if c.Overlays().Top() == o {
			c.Overlays().Remove(o)
		}
	}
	if u.tour != nil {
		u.tour.end()
	}
	u.closeDetails()
	if u.results != nil {
		u.results.Hide()
	}
	for i := range u.ds.Lanes {
		if u.tl.LaneHidden(i) {
			u.setLane(i, true)
		}
	}
	if u.lang != k.lang0 { // the next visitor starts in the kiosk's own language
		u.setLang(k.lang0)
	}
	u.tl.Select(-1)
	u.tl.ScrollTo(0)
	u.tl.FitAll()
	u.win.Canvas().Focus(u.tl)
}

// startTour starts the guided tour as kiosk mode runs it: moving on by itself, and as an
// attract loop when idle started it.
func (k *kiosk) startTour(attract bool) *tour {
	u := k.u
	k.resetting = true
	t := u.startTour(true, attract)
	k.resetting = false
	if t == nil {
		return nil
	}
	t.onUser = k.touch
	t.onEnd = func() {
		if !k.resetting && !t.loop && !t.abandoned {
			// A visitor's tour that ran to its end (or was closed): back to the whole timeline.
			k.resetting = true
			u.tl.Select(-1)
			u.tl.FitAll()
			k.resetting = false
		}
	}
	return t
}

// kioskTheme is the app's theme (base) with larger type, paddings and icons, for fingers:
// a button is at least 44 px high.
type kioskTheme struct{ base fyne.Theme }

func (k kioskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return k.base.Color(n, v)
}
func (k kioskTheme) Font(s fyne.TextStyle) fyne.Resource     { return k.base.Font(s) }
func (k kioskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return k.base.Icon(n) }
func (k kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	s := k.base.Size(n)
	switch n {
	case theme.SizeNameSeparatorThickness, theme.SizeNameInputBorder, theme.SizeNameInputRadius,
		theme.SizeNameSelectionRadius:
		return s
	}
	return s * kioskScale
}

// kioskMapMin is the least height, in px, of a map worth showing in kiosk mode: a short
// screen (1024x640) left the map about 110 px, too little to see a place on, and took
// those px from the lanes, which then showed nothing but "+N" counts.
const kioskMapMin = 200

// mapFold lays out the kiosk's split of the timeline (above) and the map (below): where
// the split would leave the map less than kioskMapMin px (its share, less what the
// timeline needs for every lane's row and the overview), the map is hidden and the
// timeline has it all. A
// visitor cannot be asked to drag the split, as a desktop user can.
type mapFold struct {
	split *container.Split
	m     fyne.CanvasObject
}

func newMapFold(split *container.Split, m fyne.CanvasObject) *fyne.Container {
	return container.New(&mapFold{split: split, m: m}, split)
}

func (f *mapFold) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// The map's share of the split, less what the timeline needs beyond its own share.
	h := size.Height - theme.Padding() // the split's divider
	mapH := min(h*float32(1-f.split.Offset), h-f.split.Leading.MinSize().Height)
	show := mapH >= kioskMapMin
	if show != f.m.Visible() {
		if show {
			f.m.Show()
		} else {
			f.m.Hide()
		}
	}
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// MinSize is the timeline's alone: the map folds away rather than push the window taller
// than the screen.
func (f *mapFold) MinSize([]fyne.CanvasObject) fyne.Size { return f.split.Leading.MinSize() }
