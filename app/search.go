package app

import (
	"fmt"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/search"
)

// searchLimit is how many results a query lists (and marks on the timeline).
const searchLimit = 200

// searchIndex is timeline/search's index of the dataset, built in a goroutine of its own
// (half a second for a million events; no Fyne calls there); the first query waits for it.
// It is the last of a dataset's structures to be built, so the goroutine then gives the
// memory that opening it left free back to the system (debug.FreeOSMemory): the loader's
// file and the builders' scratch, which the Go runtime would otherwise keep resident
// until the heap had grown to twice what the dataset keeps (BENCHMARKS.md, memory).
type searchIndex struct {
	ready chan struct{}
	ix    *search.Index
}

func newSearchIndex(ds *timeline.Dataset) *searchIndex {
	s := &searchIndex{ready: make(chan struct{})}
	go func() {
		defer close(s.ready)
		s.ix = search.New(ds)
		debug.FreeOSMemory()
	}()
	return s
}

// find is search.Index.Find once the index is built; an empty query does not wait.
func (s *searchIndex) find(q string, limit int) []int {
	if len(search.Words(q)) == 0 {
		return nil
	}
	<-s.ready
	return s.ix.Find(q, limit)
}

// explain is search.Index.Explain once the index is built.
func (s *searchIndex) explain(ev int, q, lang string) (search.Result, bool) {
	<-s.ready
	return s.ix.Explain(ev, q, lang)
}

// searchEntry is the search field: Up and Down move through the results while the typing
// goes on, Enter opens the result chosen (the first when none is), Esc closes the results
// and returns to the timeline.
type searchEntry struct {
	widget.Entry
	onEscape func()
	onMove   func(dir int)
}

func newSearchEntry(onEscape func(), onMove func(int)) *searchEntry {
	e := &searchEntry{onEscape: onEscape, onMove: onMove}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Esc, Up and Down and passes other keys to the Entry.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	case k.Name == fyne.KeyDown && e.onMove != nil:
		e.onMove(1)
	case k.Name == fyne.KeyUp && e.onMove != nil:
		e.onMove(-1)
	default:
		e.Entry.TypedKey(k)
	}
}

// searchUI is the search field's dropdown: the results, each a line of date, title and lane
// and a snippet of why it matched with the match in bold, or "No results".
type searchUI struct {
	u       *ui
	found   []int
	cursor  int // the result Up/Down chose (-1: none)
	marked  map[int32]bool
	list    *widget.List
	none    *widget.Label
	card    *fyne.Container
	results *fyne.Container
	keyNav  bool // the list's selection moves by keys: it does not open the result
}

// buildSearch makes the search field and its dropdown (u.search, u.results).
func (u *ui) buildSearch() {
	s := &searchUI{u: u, cursor: -1}
	u.sr = s
	u.search = newSearchEntry(u.escape, s.move)
	u.search.SetPlaceHolder(tr(u.lang, "search"))
	u.search.OnChanged = u.onSearch
	u.search.OnSubmitted = func(string) {
		switch {
		case s.cursor >= 0 && s.cursor < len(s.found):
			u.choose(s.found[s.cursor])
		case len(s.found) > 0:
			u.choose(s.found[0])
		}
	}
	s.list = widget.NewList(
		func() int { return len(s.found) },
		func() fyne.CanvasObject {
			head := widget.NewLabel("")
			head.Truncation = fyne.TextTruncateEllipsis // a narrow list (details open) ends a long line with "…"
			snip := widget.NewRichText()
			snip.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(head, snip)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(u.resultText(s.found[i]))
			rt := box.Objects[1].(*widget.RichText)
			rt.Segments = s.snippet(s.found[i])
			rt.Refresh()
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if s.keyNav {
			return
		}
		if i >= 0 && i < len(s.found) {
			u.choose(s.found[i])
		}
		s.list.UnselectAll()
	}
	s.none = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameMenuBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = 4
	s.card = container.NewStack(bg, s.list, s.none)
	s.results = container.NewWithoutLayout(s.card)
	s.results.Hide()
	u.results = s.results
}

// snippet is why result ev matched: a piece of the field holding the query's first word,
// the match in bold, quotes in quotation marks.
func (s *searchUI) snippet(ev int) []widget.RichTextSegment {
	r, ok := s.u.sx.explain(ev, s.u.search.Text, s.u.lang)
	if !ok {
		return nil
	}
	before, after := r.Before, r.After
	if r.Field == search.Quote {
		before, after = "“"+before, after+"”"
	}
	// Foreground for both (a placeholder grey is 3.2:1 in the light theme); the match in bold.
	plain := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameCaptionText}
	mark := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameCaptionText,
		TextStyle: fyne.TextStyle{Bold: true}}
	return []widget.RichTextSegment{
		&widget.TextSegment{Style: plain, Text: before},
		&widget.TextSegment{Style: mark, Text: r.Match},
		&widget.TextSegment{Style: plain, Text: after},
	}
}

// move moves the chosen result down (dir > 0) or up, opening the dropdown when it is shut.
func (s *searchUI) move(dir int) {
	if len(s.found) == 0 {
		return
	}
	if !s.results.Visible() {
		s.u.onSearch(s.u.search.Text)
	}
	s.cursor = max(0, min(len(s.found)-1, s.cursor+dir))
	s.keyNav = true
	s.list.Select(s.cursor)
	s.list.ScrollTo(s.cursor)
	s.keyNav = false
}

// onSearch updates the results dropdown and the matches marked on the timeline as the
// query is typed.
func (u *ui) onSearch(q string) {
	s := u.sr
	s.found = u.sx.find(q, searchLimit)
	s.cursor = -1
	s.keyNav = true
	s.list.UnselectAll()
	s.keyNav = false
	s.list.Refresh()
	s.mark()
	if len(search.Words(q)) == 0 {
		u.results.Hide()
		return
	}
	rowH := s.list.MinSize().Height
	if rowH < 10 {
		rowH = 2*theme.TextSize() + 4*theme.Padding()
	}
	rows := len(s.found)
	if rows == 0 {
		s.list.Hide()
		s.none.SetText(fmt.Sprintf(tr(u.lang, "search.none"), q))
		s.none.Show()
		rows = 1
		rowH = s.none.MinSize().Height
	} else {
		s.none.Hide()
		s.list.Show()
		rows = min(rows, 8)
	}
	// As wide as the search field, but never over the details panel (its title and close
	// button sit at the top, right under the field) when it is open.
	w := max(u.search.Size().Width, 420)
	if u.open {
		w = min(w, u.tlArea.Size().Width-theme.Padding())
	}
	// At most 8 rows, and no taller than the room under the field (large text, small window).
	h := min(float32(rows)*(rowH+theme.SeparatorThicknessSize())+2, u.stage.Size().Height-theme.Padding())
	s.card.Resize(fyne.NewSize(w, h))
	s.card.Move(fyne.NewPos(theme.Padding(), 0))
	s.list.ScrollToTop()
	u.results.Show()
}

// mark highlights the results on the timeline (none when the query is empty).
func (s *searchUI) mark() {
	if len(s.found) == 0 {
		s.marked = nil
		s.u.tl.Highlight(nil)
	} else {
		s.marked = make(map[int32]bool, len(s.found))
		for _, ev := range s.found {
			s.marked[int32(ev)] = true
		}
		m := s.marked
		s.u.tl.Highlight(func(ev int32) bool { return m[ev] })
	}
}

// resultText is one line of the search results: date, title and lane.
func (u *ui) resultText(ev int) string {
	e := &u.ds.Events[ev]
	lane := ""
	if e.LaneIndex >= 0 && e.LaneIndex < len(u.ds.Lanes) {
		lane = " · " + u.ds.Lanes[e.LaneIndex].TitleIn(u.lang)
	}
	return fmt.Sprintf("%s — %s%s", dateLine(e, u.lang), e.TitleIn(u.lang), lane)
}

// choose shows a search result: its lane shown, the view zoomed in around it until the
// event itself is drawn (not a count among dense neighbours), the event selected and its
// details open.
func (u *ui) choose(ev int) {
	u.results.Hide()
	if u.tl.LaneHidden(u.ds.Events[ev].LaneIndex) {
		u.setLane(u.ds.Events[ev].LaneIndex, true)
	}
	// Zoom in when the whole view is far wider than the event, so the result stands out
	// among its neighbours: about three times the event's length, at least two years.
	a, b := u.eng.Span(ev)
	length := float64(b-a) + 1
	if want := max(3*length, 2*365.2425); u.tl.View().Span() > 2*want {
		mid := (float64(a) + float64(b) + 1) / 2
		u.tl.ShowRange(mid-want/2, mid+want/2)
	}
	u.tl.CentreOn(ev)
	// In a dense timeline the event may still be one of a count: of the events that began
	// before the view, or of those that found no row. A view that begins just before the
	// event's start, narrower each time, has fewer events starting in it, and the event
	// among the first: it gets a row (at most to a few days).
	span := u.tl.View().Span()
	for i := 0; i < 24 && !u.tl.DrawsEvent(ev); i++ {
		u.tl.SetView(scale.View{Start: float64(a) - span*0.3, End: float64(a) + span*0.7})
		if span < 4 {
			break
		}
		span /= 2
	}
	u.tl.RevealSelection()
	u.openDetails(ev)
	u.win.Canvas().Focus(u.tl)
}
