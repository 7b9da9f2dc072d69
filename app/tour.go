package app

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
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
	quote    *widget.Label // the stop's excerpt (selectable), or nil (in a kiosk: in the story's text)
	noPlace  bool          // the story leaves out the place line (fitting a small card: fillStop)
	cite     string        // its citation, for Copy citation
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
	t.progress.Truncation = fyne.TextTruncateEllipsis // not under the jump list (a long lane's name)
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
	if t.u.kiosk != nil {
		// A kiosk's card, in its large type, has the room to tell a stop without scrolling
		// at 1024×640 when its buttons take one row: Previous as an arrow, Next, and "n more
		// sources" (the kiosk's bar has "Stop the tour", which is Close).
		t.prevBtn.SetText("")
		t.buttons = container.NewBorder(nil, nil, container.NewHBox(t.prevBtn, t.nextBtn), t.more)
	}
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
	for i := range e.Excerpts() {
		x := &e.Excerpts()[i]
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
	style := widget.RichTextStyleSubHeading
	if u.kiosk != nil {
		// The kiosk's text is already larger than the window's sub-headings (21 px to 18):
		// a title in bold at that size leaves the lead a line more at 1024×640.
		style = widget.RichTextStyleStrong
		style.Inline = false
	}
	t.title.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: e.TitleIn(l)}}
	t.title.Refresh()

	// The lead is the stop's own text, else the event's description; the card shows as
	// much of it as fits (whole sentences, "…" after the last shown) beside the best
	// excerpt, or the shortest one when not even the first sentence fits beside the best,
	// or else the first sentence's first words: the card never scrolls where it can be
	// helped (a kiosk's card is read at a glance).
	lead := ""
	if k := t.stops[p]; k >= 0 && k < len(u.ds.Tour) {
		lead = u.ds.Tour[k].TextIn(l)
	}
	if lead == "" {
		lead = e.DescriptionIn(l)
	}
	sents := sentences(lead)
	xs := []int{bestExcerpt(u.ds, e, l)}
	if s := shortestExcerpt(e); s != xs[0] {
		xs = append(xs, s)
	}
	switch n := len(e.Excerpts()) - 1; {
	case n == 1:
		t.more.SetText(tr(l, "tour.moreone"))
	case n > 1:
		t.more.SetText(fmt.Sprintf(tr(l, "tour.more"), n))
	default:
		t.more.SetText(tr(l, "tour.details"))
	}
	budget := t.bodyBudget()
	try := func(lead string, x int) bool {
		t.setStory(e, lead, x)
		return budget <= 0 || t.bodyHeight() <= budget
	}
	// Whole sentences, as many as fit: beside the best excerpt, then beside the shortest.
	leads := []string{""}
	if len(sents) > 0 {
		leads = leads[:0]
		for n := len(sents); n >= 1; n-- {
			leads = append(leads, cutLead(sents[:n], n < len(sents)))
		}
	}
	t.noPlace = false
	for _, noPlace := range []bool{false, true} {
		// Without the place line (the map and the details show it) before the lead goes.
		t.noPlace = noPlace
		for _, x := range xs {
			for _, lead := range leads {
				if try(lead, x) {
					return
				}
			}
		}
	}
	// Not even the first sentence: as many of its words as fit (at least a few).
	if len(sents) > 0 {
		words := strings.Fields(sents[0])
		for _, x := range xs {
			best := 0
			for lo, hi := 4, len(words)-1; lo <= hi; {
				if mid := (lo + hi) / 2; try(cutWords(words[:mid]), x) {
					best, lo = mid, mid+1
				} else {
					hi = mid - 1
				}
			}
			if best > 0 {
				t.setStory(e, cutWords(words[:best]), x)
				return
			}
		}
	}
	// The quote alone (the card scrolls if even that does not fit).
	for _, x := range xs {
		if try("", x) {
			return
		}
	}
}

// cutLead joins the lead's sentences shown; cut says more follow: the last sentence's full
// stop becomes "…" (the rest is in the details; no space before it, which could wrap it
// onto a line of its own).
func cutLead(sents []string, cut bool) string {
	lead := strings.Join(sents, " ")
	if cut {
		lead = strings.TrimSuffix(lead, ".") + "…"
	}
	return lead
}

// cutWords is the first words of a sentence too long for the card, and "…".
func cutWords(words []string) string {
	return strings.TrimRight(strings.Join(words, " "), ",;:(–-— ") + "…"
}

// setStory writes the card's body: the date, place and lead, then excerpt x with its source.
func (t *tour) setStory(e *timeline.Event, lead string, x int) {
	u := t.u
	l := u.lang
	t.body.RemoveAll()
	// One RichText of paragraphs: a label each cost a label's padding, and the kiosk's
	// large type must fit the tallest stop without scrolling.
	story := widget.NewRichText()
	story.Wrapping = fyne.TextWrapWord
	add := func(rt *widget.RichText, text string, style fyne.TextStyle) {
		rt.Segments = append(rt.Segments, &widget.TextSegment{
			Style: widget.RichTextStyle{ColorName: theme.ColorNameForeground, TextStyle: style}, Text: text})
	}
	// The date (saying "contested" as the details do), with the Old Style one where it
	// applied: "7 November 1879 (O.S. 26 October)" for a day; otherwise on a line of its own.
	date, os := datesContested(e, l), oldStyleLine(e, l)
	if os != "" && e.IsPoint() && !e.Contested() {
		date, os = os, ""
	}
	// The date and the place on one line: "7 Nov. 1879 · Yanovka, Kherson Province"; not
	// the place when the title names it ("Chairman of the St Petersburg Soviet").
	place := e.PlaceIn(l)
	bare := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), ".", "") } // "St. Petersburg" in "St Petersburg"
	if t.noPlace || strings.Contains(bare(e.TitleIn(l)), bare(place)) {
		place = ""
	}
	if place != "" {
		story.Segments = append(story.Segments, &widget.TextSegment{Text: date,
			Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground, TextStyle: fyne.TextStyle{Bold: true}}})
		add(story, "  ·  "+place, fyne.TextStyle{})
	} else {
		add(story, date, fyne.TextStyle{Bold: true})
	}
	if os != "" { // "7 November 1879 (O.S. 26 October)" says what it is without "Old Style:"
		add(story, os, fyne.TextStyle{})
	}
	if lead != "" {
		add(story, lead, fyne.TextStyle{})
	}
	t.body.Add(story)
	t.quote, t.cite = nil, ""
	if x >= 0 && x < len(e.Excerpts()) {
		ex := &e.Excerpts()[x]
		line := ex.Source
		src, ok := u.ds.Source(ex.Source)
		switch {
		case !ok:
			src = nil
		case u.kiosk != nil:
			line = src.Title // at a glance: the publisher and language are in the details
		default:
			line = sourceLine(src, l)
		}
		if e.Contested() && (ex.Date != "" || ex.End != "") {
			// Each source's own dates, as the details panel's table gives them; an excerpt
			// without a date gets no "no date" padding, as the table gives it none.
			line += " · " + excerptDate(ex, l)
		}
		quote := "“" + ex.Quote + "”"
		if u.kiosk != nil {
			// A kiosk's quote is not selected (no keyboard, no clipboard a visitor could
			// use): it stays in the story's text, which saves the padding of two more
			// widgets in the large type.
			story.Segments = append(story.Segments, &widget.SeparatorSegment{})
			add(story, quote, fyne.TextStyle{Italic: true})
			add(story, "— "+line, fyne.TextStyle{})
		} else {
			// The quote can be selected and copied, as the details' quotes can.
			t.body.Add(widget.NewSeparator())
			q := widget.NewLabelWithStyle(quote, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
			q.Wrapping = fyne.TextWrapWord
			q.Selectable = true
			t.quote = q
			t.body.Add(q)
			from := widget.NewRichText()
			from.Wrapping = fyne.TextWrapWord
			add(from, "— "+line, fyne.TextStyle{})
			t.body.Add(from)
			t.cite = citation(src, *ex)
		}
	}
	if u.kiosk == nil { // a kiosk's card has "more" among its buttons, and no Copy (no clipboard a visitor could use)
		row := container.NewHBox(t.more)
		if t.quote != nil {
			row.Add(widget.NewButtonWithIcon(tr(l, "copycitation"), theme.ContentCopyIcon(), func() { u.copyCitation(t.cite) }))
		}
		t.body.Add(row)
	}
}

// bodyBudget is the height the card's body may take at the current stop without the card
// growing past the stage (cardRect's maxH), or 0 before the card is laid out.
func (t *tour) bodyBudget() float32 {
	if t.maxH <= 0 || t.scroll.Size().Width <= 0 {
		return 0
	}
	t.title.Refresh()
	return t.maxH - t.head.MinSize().Height - t.buttons.MinSize().Height - cardPads*theme.Padding()
}

// bodyHeight is the height the card's body needs at the card's width.
func (t *tour) bodyHeight() float32 {
	w := t.scroll.Size().Width
	// Each text wraps at w first: a RichText's height asked before it had a width (as the
	// box's layout asks) came out short at times (87 px for a story of 277).
	for _, o := range t.body.Objects {
		o.Resize(fyne.NewSize(w, 1))
	}
	t.body.Layout.Layout(t.body.Objects, fyne.NewSize(w, 10000))
	return t.body.MinSize().Height
}

// shortestExcerpt is the event's excerpt with the shortest quote (-1 when it has none).
func shortestExcerpt(e *timeline.Event) int {
	best := -1
	for i := range e.Excerpts() {
		if best < 0 || utf8.RuneCountInString(e.Excerpts()[i].Quote) < utf8.RuneCountInString(e.Excerpts()[best].Quote) {
			best = i
		}
	}
	return best
}

// sentences splits a text into its sentences: each ends at ".", "!" or "?" (closing
// quotes or brackets may follow) before a space and a capital letter, an opening quote or
// bracket, or a digit. A word of one or two letters before a full stop is taken for an
// initial or an abbreviation ("L. Trotsky", "St. Petersburg"), not a sentence's end.
func sentences(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i
		for end < len(s) {
			c, n := utf8.DecodeRuneInString(s[end:])
			if !strings.ContainsRune(")]\"'”’»", c) {
				break
			}
			end += n
		}
		if end >= len(s) || s[end] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[end+1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("(\"“‘«¿¡", next) {
			continue
		}
		if r == '.' {
			word := s[start : i-size]
			if k := strings.LastIndexAny(word, " (\"“"); k >= 0 {
				word = word[k+1:]
			}
			if abbreviation(word) {
				continue
			}
		}
		out = append(out, strings.TrimSpace(s[start:end]))
		start = end + 1
		i = start
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// abbreviation reports whether a word before a full stop is an initial or an abbreviation:
// one or two letters, the first a capital ("L.", "St.", "Dr."), or a short lowercase one
// ("c.", "cf.", "pp.").
func abbreviation(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if n := utf8.RuneCountInString(word); n >= 1 && n <= 2 && unicode.IsUpper(r) {
		return true
	}
	switch word {
	case "c", "ca", "cf", "vs", "p", "pp", "no", "nos", "vol", "ed", "eds", "sec", "ecc", "pag":
		return true
	}
	return false
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
	m := theme.Padding() * 2
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

// cardPads is how many paddings the card's height has beside its head, body and buttons:
// the padding around the card's content and those between the three.
const cardPads = 4

// tallest is the height the card needs at width w for its tallest stop: each stop is laid
// out at that width in turn, then the current one again.
func (t *tour) tallest(w, maxH float32) float32 {
	t.card.Resize(fyne.NewSize(w, maxH)) // so the wrapped labels know their width
	var h float32
	for p := range t.events {
		t.fillStop(p)
		t.scroll.Refresh()
		t.card.Resize(fyne.NewSize(w, maxH))
		h = max(h, t.head.MinSize().Height+t.body.MinSize().Height+t.buttons.MinSize().Height+cardPads*theme.Padding())
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
	a, b := u.eng.Span(ev)
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
	// No room beside the card only when the free part cannot hold a mark and the start of
	// its label (its title is on the card): a third of the time area was the rule, but the
	// kiosk's card at 1024 px, widened so that no stop scrolls, leaves a quarter, and the
	// event then sat under the card.
	if hi-lo < math.Min(tw*0.3, float64(100*theme.TextSize()/14)) {
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
