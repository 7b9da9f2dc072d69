package app

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/app/timelineview"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/scale"
)

// KioskTourDelay is how long a tour card stays in kiosk mode before the tour moves on by
// itself. Outside kiosk mode the tour only moves when asked (Next, the arrow keys, Space):
// a teacher talks over it.
const KioskTourDelay = 12 * time.Second

// tourFlight is how long the view takes to fly from one stop of the tour to the next.
const tourFlight = 900 * time.Millisecond

// tour is the guided tour ("story mode"): it steps through the dataset's Tour, one event at
// a time. At each stop the view flies to the event at a readable zoom (the event and its
// neighbours, beside the card), the event is selected (outlined on the timeline), and a
// story card tells it: the title; the date, with the Old Style date where it applied; the
// place; one lead text (the stop's own text from the dataset's tour, else the event's
// description, in the visitor's language); the single best excerpt with its source; and
// "n more sources", which leaves the tour for the event's details. The card is as tall as
// its tallest stop, so its buttons (Previous, Next, Close) never move between steps; its
// head says "3 / 15" and jumps to any stop. Left / Right / Space and Esc work too.
//
// Auto (kiosk mode) moves on after delay; loop (the kiosk's attract loop, started after
// idle) starts again after the last stop instead of ending.
type tour struct {
	u      *ui
	tl     *timelineview.Timeline // the timeline the tour started on
	events []int                  // dataset indices of the stops
	stops  []int                  // for each stop, its index in Dataset.Tour (its own text)
	pos    int

	auto  bool
	loop  bool
	delay time.Duration
	timer *time.Timer
	gen   int // counts steps and ends, so a timer of an earlier stop does nothing

	// animate flies between stops (false in tests and for the first stop of a test).
	animate   bool
	anim      *fyne.Animation
	moving    bool // the tour itself is moving the view or the selection
	abandoned bool // the visitor left the tour for another event
	// cardLeft puts the card at the left of the stage: for an event near the end of the
	// dataset, which the view cannot bring left of a card at the right.
	cardLeft bool

	// do runs f on the UI goroutine (fyne.Do; tests collect them).
	do func(f func())

	layer    *fyne.Container // over the timeline area: holds the card
	card     *fyne.Container
	head     *fyne.Container
	body     *fyne.Container
	scroll   *container.Scroll
	progress *widget.Label
	jump     *widget.Select
	jumping  bool // the card itself sets jump's selection
	title    *widget.RichText
	more     *widget.Button
	prevBtn  *widget.Button
	nextBtn  *widget.Button
	closeBtn *widget.Button
	buttons  *fyne.Container
	// cardH is the card's height for cardW: the tallest stop's, so nothing moves between
	// stops.
	cardW, cardH float32
	// baseW and maxH are the width and height cardW and cardH were found for.
	baseW, maxH float32

	// onEnd is called after the tour ends (the kiosk restarts its idle wait).
	onEnd func()
	// onUser is called when the visitor uses the card's buttons (the kiosk counts it as input).
	onUser func()
}

// tourEvents resolves the dataset's tour to event indices, leaving out unknown ids, and
// gives for each its stop's index in Dataset.Tour.
func (u *ui) tourEvents() (events, stops []int) {
	if len(u.ds.Tour) == 0 {
		return nil, nil
	}
	byID := make(map[string]int, len(u.ds.Events))
	for i := range u.ds.Events {
		byID[u.ds.Events[i].ID] = i
	}
	for k, st := range u.ds.Tour {
		if i, ok := byID[st.Event]; ok {
			events = append(events, i)
			stops = append(stops, k)
		}
	}
	return events, stops
}

// tourItem is View ▸ Guided tour: disabled, and saying why, when the dataset has no tour.
func (u *ui) tourItem() *fyne.MenuItem {
	if evs, _ := u.tourEvents(); len(evs) == 0 {
		it := fyne.NewMenuItem(tr(u.lang, "notour"), nil)
		it.Disabled = true
		return it
	}
	return fyne.NewMenuItem(tr(u.lang, "tour"), func() { u.startTour(false, false) })
}

// startTour starts the guided tour at its first stop (restarting it if it runs). auto moves
// on after KioskTourDelay; loop starts again after the last stop. It returns nil when the
// dataset has no tour.
func (u *ui) startTour(auto, loop bool) *tour {
	if u.tour != nil {
		u.tour.end()
	}
	evs, stops := u.tourEvents()
	if len(evs) == 0 {
		return nil
	}
	t := &tour{u: u, tl: u.tl, events: evs, stops: stops, auto: auto, loop: loop, delay: KioskTourDelay, animate: true, do: fyne.Do}
	if u.kiosk != nil {
		t.do = u.kiosk.do
		t.animate = u.kiosk.animate
	}
	u.tour = t
	t.build()
	u.closeDetails()
	if u.results != nil {
		u.results.Hide()
	}
	// While the tour runs, the selection is the tour's: the details panel stays shut (the
	// card says it all). A visitor choosing another event on the timeline leaves the tour
	// for that event's details (mode.go).
	u.mode = modeTour
	u.stage.Add(t.layer)
	u.stage.Refresh()
	t.show(0)
	if u.kiosk != nil {
		u.kiosk.sync()
	}
	return t
}

// build makes the card: progress, the jump list and the title at the top, the story in the
// middle, the buttons at the bottom.
func (t *tour) build() {
	l := t.u.lang
	t.progress = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var opts []string
	for i, ev := range t.events {
		opts = append(opts, fmt.Sprintf("%d. %s", i+1, t.u.ds.Events[ev].TitleIn(l)))
	}
	t.jump = widget.NewSelect(opts, func(s string) {
		if t.jumping || s == "" {
			return
		}
		for i, o := range opts {
			if o == s {
				t.user()
				t.show(i)
				return
			}
		}
	})
	t.jump.PlaceHolder = tr(l, "tour.jump")
	t.title = widget.NewRichText()
	t.title.Wrapping = fyne.TextWrapWord
	t.head = container.NewVBox(container.NewBorder(nil, nil, nil, t.jump, t.progress), t.title)
	t.body = container.NewVBox()
	t.scroll = container.NewVScroll(t.body)
	t.more = widget.NewButtonWithIcon("", theme.DocumentIcon(), func() { t.user(); t.openDetails() })
	t.prevBtn = widget.NewButtonWithIcon(tr(l, "prev"), theme.NavigateBackIcon(), func() { t.user(); t.step(-1) })
	t.nextBtn = widget.NewButtonWithIcon(tr(l, "next"), theme.NavigateNextIcon(), func() { t.user(); t.step(1) })
	t.nextBtn.IconPlacement = widget.ButtonIconTrailingText
	t.nextBtn.Importance = widget.HighImportance
	t.closeBtn = widget.NewButtonWithIcon(tr(l, "close"), theme.CancelIcon(), func() { t.user(); t.end() })
	t.buttons = container.NewBorder(nil, nil, container.NewHBox(t.prevBtn, t.nextBtn), t.closeBtn)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = 8
	inner := container.NewBorder(t.head, t.buttons, nil, nil, t.scroll)
	t.card = container.NewStack(bg, container.NewPadded(inner))
	t.layer = container.New(&cardLayout{t: t}, t.card)
}

// current is the event of the current stop.
func (t *tour) current() int { return t.events[t.pos] }

// running reports whether the tour is the window's tour (and the window has not rebuilt its
// widgets since it started: a new timeline has no card).
func (t *tour) running() bool { return t != nil && t.u.tour == t && t.tl == t.u.tl }

// user tells the kiosk that the visitor used the card; in the attract loop it makes the
// tour the visitor's: it no longer loops.
func (t *tour) user() {
	t.loop = false
	if t.onUser != nil {
		t.onUser()
	}
}

// step moves to the next (dir > 0) or previous stop. Past the last stop the tour ends, or
// starts again when it loops.
func (t *tour) step(dir int) {
	if !t.running() {
		return
	}
	p := t.pos + dir
	switch {
	case p < 0:
		p = 0
	case p >= len(t.events) && t.loop:
		p = 0
	case p >= len(t.events):
		t.end()
		return
	}
	t.show(p)
}

// show goes to stop p: the view moves to the event, the event is selected, the card shows it.
func (t *tour) show(p int) {
	t.pos = p
	t.gen++
	u := t.u
	ev := t.current()
	e := &u.ds.Events[ev]
	if u.tl.LaneHidden(e.LaneIndex) {
		u.setLane(e.LaneIndex, true)
	}
	t.fill()
	t.moving = true
	u.tl.Select(ev)
	t.moving = false
	t.fly(t.target(ev))
	t.arm()
}

// openDetails leaves the tour for the current event's details ("n more sources").
func (t *tour) openDetails() {
	ev := t.current()
	t.abandoned = true
	t.end()
	t.u.openDetails(ev)
}

// arm starts the wait before the next stop when the tour moves on by itself.
func (t *tour) arm() {
	if !t.auto {
		return
	}
	gen := t.gen
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = time.AfterFunc(t.delay, func() {
		t.do(func() {
			if t.running() && t.gen == gen {
				t.step(1)
			}
		})
	})
}

// end closes the card and gives the timeline back (the event stays selected).
func (t *tour) end() {
	if t == nil || t.u.tour != t {
		return
	}
	u := t.u
	t.gen++
	u.mode = modeBrowse
	if t.tl != u.tl { // the window rebuilt its widgets: the card went with them
		u.tour = nil
		return
	}
	if t.timer != nil {
		t.timer.Stop()
	}
	if t.anim != nil {
		t.anim.Stop()
	}
	u.tour = nil
	if u.mapv != nil {
		u.mapv.SetCover(0, 0) // the card goes: the map has its whole width again
	}
	u.stage.Remove(t.layer)
	u.stage.Refresh()
	u.win.Canvas().Focus(u.tl)
	if u.kiosk != nil {
		u.kiosk.sync()
	}
	if t.onEnd != nil {
		t.onEnd()
	}
}

// key steps with Left / Right / Space (and Page Up / Page Down, which presenters' remotes
// send) and ends the tour with Esc; the timeline keeps the other keys.
func (t *tour) key(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeyRight, fyne.KeySpace, fyne.KeyPageDown:
		t.user()
		t.step(1)
	case fyne.KeyLeft, fyne.KeyPageUp:
		t.user()
		t.step(-1)
	case fyne.KeyEscape:
		t.user()
		t.end()
	default:
		return false
	}
	return true
}

// bestExcerpt is the excerpt the card quotes: one from a source in the visitor's language
// first, then one whose source's text can be opened, then a short one (a card is read at a
// glance); the first of equals. -1 when the event has none.
func bestExcerpt(ds *timeline.Dataset, e *timeline.Event, lang string) int {
	best, bestScore := -1, -1
	for i := range e.Excerpts {
		x := &e.Excerpts[i]
		score := 0
		if src, ok := ds.Source(x.Source); ok {
			if normLang(src.Lang) == lang && strings.HasPrefix(strings.ToLower(src.Lang), lang) {
				score += 4
			}
			if src.Text != "" {
				score += 2
			}
		}
		if utf8.RuneCountInString(x.Quote) <= 280 {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// fillStop writes the card for stop p (the jump list is fill's).
func (t *tour) fillStop(p int) {
	u := t.u
	l := u.lang
	ev := t.events[p]
	e := &u.ds.Events[ev]
	prog := fmt.Sprintf("%d / %d", p+1, len(t.events))
	if e.LaneIndex >= 0 && e.LaneIndex < len(u.ds.Lanes) {
		prog += "  ·  " + u.ds.Lanes[e.LaneIndex].TitleIn(l)
	}
	t.progress.SetText(prog)
	t.title.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: e.TitleIn(l)}}
	t.title.Refresh()

	t.body.RemoveAll()
	// One RichText of paragraphs: a label each cost a label's padding, and the kiosk's
	// large type must fit the tallest stop without scrolling.
	story := widget.NewRichText()
	story.Wrapping = fyne.TextWrapWord
	add := func(text string, style fyne.TextStyle) {
		story.Segments = append(story.Segments, &widget.TextSegment{
			Style: widget.RichTextStyle{ColorName: theme.ColorNameForeground, TextStyle: style}, Text: text})
	}
	// The date (saying "contested" as the details do), with the Old Style one where it
	// applied: "7 November 1879 (O.S. 26 October)" for a day; otherwise on a line of its own.
	date, os := datesContested(e, l), oldStyleLine(e, l)
	if os != "" && e.End == "" && !e.Contested() {
		date, os = os, ""
	}
	add(date, fyne.TextStyle{Bold: true})
	if os != "" {
		add(tr(l, "oldstyle")+": "+os, fyne.TextStyle{})
	}
	if place := e.PlaceIn(l); place != "" {
		add(place, fyne.TextStyle{})
	}
	lead := ""
	if k := t.stops[p]; k >= 0 && k < len(u.ds.Tour) {
		lead = u.ds.Tour[k].TextIn(l)
	}
	if lead == "" {
		lead = e.DescriptionIn(l)
	}
	if lead != "" {
		add(lead, fyne.TextStyle{})
	}
	contested := e.Contested() // the date line says so (datesContested)
	if b := bestExcerpt(u.ds, e, l); b >= 0 {
		x := &e.Excerpts[b]
		story.Segments = append(story.Segments, &widget.SeparatorSegment{})
		add("“"+x.Quote+"”", fyne.TextStyle{Italic: true})
		line := x.Source
		if src, ok := u.ds.Source(x.Source); ok {
			line = sourceLine(src, l)
		}
		if contested && (x.Date != "" || x.End != "") {
			// Each source's own dates, as the details panel's table gives them; an excerpt
			// without a date gets no "no date" padding, as the table gives it none.
			line += " · " + excerptDate(x, l)
		}
		add("— "+line, fyne.TextStyle{})
	}
	switch n := len(e.Excerpts) - 1; {
	case n == 1:
		t.more.SetText(tr(l, "tour.moreone"))
	case n > 1:
		t.more.SetText(fmt.Sprintf(tr(l, "tour.more"), n))
	default:
		t.more.SetText(tr(l, "tour.details"))
	}
	t.body.Add(story)
	t.body.Add(container.NewHBox(t.more))
}

// fill writes the card for the current stop.
func (t *tour) fill() {
	t.fillStop(t.pos)
	t.jumping = true
	t.jump.ClearSelected()
	t.jumping = false
	if t.pos == 0 {
		t.prevBtn.Disable()
	} else {
		t.prevBtn.Enable()
	}
	if t.pos == len(t.events)-1 && !t.loop {
		t.nextBtn.Disable()
	} else {
		t.nextBtn.Enable()
	}
	t.body.Refresh()
	t.scroll.ScrollToTop()
	t.layer.Refresh()
}

// cardText is the card's words, for tests: progress, title and body.
func (t *tour) cardText() string {
	return t.progress.Text + "\n" + t.title.String() + "\n" + labelsOf(t.body)
}

// labelsOf joins the text of the labels and buttons under o, one a line.
func labelsOf(o fyne.CanvasObject) string {
	var s string
	switch v := o.(type) {
	case *widget.Label:
		return v.Text + "\n"
	case *widget.Button:
		return v.Text + "\n"
	case *widget.RichText:
		var b strings.Builder
		for _, sg := range v.Segments {
			if t := sg.Textual(); t != "" {
				b.WriteString(t + "\n")
			}
		}
		return b.String()
	case *fyne.Container:
		for _, c := range v.Objects {
			s += labelsOf(c)
		}
	}
	return s
}

// cardRect is where the card goes in a stage of the given size: at the right, a third of
// the width (380..620 px, scaled by the text size), as tall as its tallest stop needs and
// the stage allows.
func (t *tour) cardRect(size fyne.Size) (fyne.Position, fyne.Size) {
	m := theme.Padding() * 3
	k := theme.TextSize() / 14
	w := float32(math.Max(float64(380*k), math.Min(float64(620*k), float64(size.Width*0.34))))
	w = min(w, size.Width-2*m)
	maxH := size.Height - 2*m
	if w != t.baseW || maxH != t.maxH {
		t.baseW, t.maxH = w, maxH
		t.cardW, t.cardH = w, t.tallest(w, maxH)
		// Too tall for the stage (large kiosk type, a small window): wider, up to half the
		// stage, so that no stop needs scrolling.
		for w2 := w + 60*k; t.cardH > maxH && w2 <= size.Width*0.5; w2 += 60 * k {
			t.cardW, t.cardH = w2, t.tallest(w2, maxH)
		}
	}
	w = t.cardW
	x := size.Width - w - m
	if t.cardLeft {
		x = m
	}
	h := max(min(t.cardH, maxH), min(maxH, 200))
	return fyne.NewPos(x, m), fyne.NewSize(w, h)
}

// tallest is the height the card needs at width w for its tallest stop: each stop is laid
// out at that width in turn, then the current one again.
func (t *tour) tallest(w, maxH float32) float32 {
	t.card.Resize(fyne.NewSize(w, maxH)) // so the wrapped labels know their width
	var h float32
	for p := range t.events {
		t.fillStop(p)
		t.scroll.Refresh()
		t.card.Resize(fyne.NewSize(w, maxH))
		h = max(h, t.head.MinSize().Height+t.body.MinSize().Height+t.buttons.MinSize().Height+6*theme.Padding())
	}
	t.fillStop(t.pos)
	return h
}

// cardLayout places the card in the stage (see tour.cardRect).
type cardLayout struct{ t *tour }

func (l *cardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pos, sz := l.t.cardRect(size)
	if m := l.t.u.mapv; m != nil { // the map fits its places beside the card (mapview.go)
		if l.t.cardLeft {
			m.SetCover(pos.X+sz.Width, 0)
		} else {
			m.SetCover(0, size.Width-pos.X)
		}
	}
	for _, o := range objs {
		o.Resize(sz)
		o.Move(pos)
	}
}

func (l *cardLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// target is the view of a stop: the event and some of its surroundings (twice its length,
// at least three years), a little left of the middle of the part of the time area the card
// leaves free. The card goes to the right, or to the left when the view cannot move far
// enough (an event at the end of the dataset would stay under a card at the right).
func (t *tour) target(ev int) scale.View {
	t.cardLeft = false
	v, ok := t.place(ev)
	if !ok {
		t.cardLeft = true
		if w, ok := t.place(ev); ok {
			v = w
		} else {
			t.cardLeft = false
		}
	}
	t.layer.Refresh() // the card's side
	return v
}

// place is the view of the stop with the card on its current side, and whether the event's
// middle is in the free part once the view is kept within the timeline's limits.
func (t *tour) place(ev int) (scale.View, bool) {
	u := t.u
	a, b := u.ds.Events[ev].Span()
	from, to := float64(a), float64(b)+1
	want := math.Max(2*(to-from), 3*365.2425)
	tw := u.tl.TimeWidth()
	lo, hi := 0.0, tw // the free part of the time area, in time-area x
	if size := u.stage.Size(); size.Width > 0 {
		pos, sz := t.cardRect(size)
		tx := u.eng.TitleWidth()
		if t.cardLeft {
			lo = float64(pos.X+sz.Width+theme.Padding()) - tx
		} else {
			hi = float64(pos.X-theme.Padding()) - tx
		}
	}
	if hi-lo < tw*0.3 { // no room beside the card: use the whole width
		lo, hi = 0, tw
	}
	free := hi - lo
	dpp := want / free
	mid := (from + to) / 2
	// A little left of centre (labels go right of events), in units of the (broken) axis.
	ax := u.eng.Axis()
	u0 := ax.U(mid) - (lo+free*0.42)*dpp
	v := ax.View(ax.Day(u0), ax.Day(u0+tw*dpp), tw).Clamp(u.tl.Limits())
	x := v.X(mid)
	return v, x >= lo && x <= hi
}

// fly moves the view to v: a flight of tourFlight that zooms out on the way when the two
// views are far apart (so the eye can follow), or a jump when animation is off.
func (t *tour) fly(v scale.View) {
	u := t.u
	if t.anim != nil {
		t.anim.Stop()
		t.anim = nil
	}
	u.tl.ScrollTo(0)
	from := u.tl.View()
	if !t.animate || from.Span() <= 0 {
		t.moving = true
		u.tl.SetView(v)
		u.tl.RevealSelection()
		t.moving = false
		return
	}
	path := flightPath(from, v)
	t.anim = fyne.NewAnimation(tourFlight, func(f float32) {
		if !t.running() {
			return
		}
		t.moving = true
		u.tl.SetView(path(float64(f)))
		u.tl.RevealSelection()
		t.moving = false
	})
	t.anim.Curve = fyne.AnimationEaseInOut
	t.anim.Start()
}

// flightPath interpolates between two views: the centre moves linearly, the span
// geometrically, bowed out in the middle so that it covers the distance travelled
// (a simple form of van Wijk and Nuij's smooth zooming).
func flightPath(a, b scale.View) func(f float64) scale.View {
	ca, cb := (a.Start+a.End)/2, (b.Start+b.End)/2
	sa, sb := math.Log(a.Span()), math.Log(b.Span())
	top := math.Max(math.Max(a.Span(), b.Span()), 1.2*math.Abs(cb-ca))
	// A quadratic Bézier in log span through top at f = 0.5.
	sm := 2*math.Log(top) - (sa+sb)/2
	return func(f float64) scale.View {
		c := ca + (cb-ca)*f
		s := math.Exp((1-f)*(1-f)*sa + 2*f*(1-f)*sm + f*f*sb)
		if f >= 1 {
			return b
		}
		return scale.View{Start: c - s/2, End: c + s/2, Width: b.Width}
	}
}
