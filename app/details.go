package app

import (
	"fmt"
	"image/color"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/scene"
)

// dateLine is the event's dates in lang: "17 Jan. 1928 – Jan. 1929", and a day whose
// source names no calendar in both readings (timeline.Event.DatesText).
func dateLine(e *timeline.Event, lang string) string { return e.DatesText(lang) }

// datesContested is dateLine followed by "(contested)" in lang when the sources disagree:
// the Dates line of the details and the tour card's date say it alike.
// A date the file writes for people (DisplayDate, TimelineJS's display_date) comes first,
// as written: "Spring 1917 — 1917".
func datesContested(e *timeline.Event, lang string) string {
	d := dateLine(e, lang)
	if e.DisplayDate() != "" && e.DisplayDate() != d {
		d = e.DisplayDate() + " — " + d
	}
	if e.Contested() {
		return d + " (" + tr(lang, "contestedshort") + ")"
	}
	return d
}

// oldStyleLine is the event's dates with their Old Style equivalents, where the dataset
// says the Julian calendar applied (timeline.Event.OldStyle), or "".
func oldStyleLine(e *timeline.Event, lang string) string {
	var parts []string
	if e.OldStyle(e.StartDate) {
		parts = append(parts, chrono.FormatOldStyle(e.StartDate.Earliest(), lang))
	}
	if !e.IsPoint() && e.OldStyle(e.EndDate) {
		parts = append(parts, chrono.FormatOldStyle(e.EndDate.Earliest(), lang))
	}
	return strings.Join(parts, " – ")
}

// details is the right-hand panel: the selected event's title, dates, place, lane, the
// sources' dates side by side when they disagree, and each excerpt with its source.
type details struct {
	ui      *ui
	box     *fyne.Container
	scroll  *container.Scroll
	current int
}

func newDetails(u *ui) *details {
	d := &details{ui: u, current: -1}
	d.box = container.NewVBox()
	// A kiosk visitor scrolling or touching the details is reading: the idle wait starts
	// again (kiosk.go).
	d.scroll = container.NewVScroll(newInputSensor(d.box, u.readingInput))
	u.watchScroll(d.scroll)
	d.show(-1)
	return d
}

func wrapped(s string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// show fills the panel for event ev (-1: a hint).
func (d *details) show(ev int) {
	d.current = ev
	lang := d.ui.lang
	d.box.RemoveAll()
	if ev < 0 {
		d.box.Add(wrapped(tr(lang, "noselection"), fyne.TextStyle{Italic: true}))
		d.box.Refresh()
		return
	}
	ds := d.ui.ds
	e := &ds.Events[ev]
	title := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: e.TitleIn(lang)})
	title.Wrapping = fyne.TextWrapWord
	closeBtn := newTipButton("", theme.CancelIcon(), tr(lang, "close.tip"), d.ui.tips, func() { d.ui.closeDetails() })
	closeBtn.Importance = widget.LowImportance
	d.box.Add(container.NewBorder(nil, nil, nil, closeBtn, title))

	// A field is one paragraph, its name in bold, wrapping as a whole: a value in a column
	// beside its name was squeezed to a few letters a line when the name was long (Italian
	// "Calendario giuliano:") and the text large.
	field := func(key, value string) {
		if value == "" {
			return
		}
		p := widget.NewRichText(
			&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: tr(lang, key) + ": "},
			&widget.TextSegment{Style: widget.RichTextStyleInline, Text: value})
		p.Wrapping = fyne.TextWrapWord
		d.box.Add(p)
	}
	field("dates", datesContested(e, lang))
	field("oldstyle", oldStyleLine(e, lang))
	field("place", e.PlaceIn(lang))
	if e.LaneIndex >= 0 && e.LaneIndex < len(ds.Lanes) {
		field("lane", ds.Lanes[e.LaneIndex].TitleIn(lang))
	}
	if desc := e.DescriptionIn(lang); desc != "" {
		d.box.Add(wrapped(desc, fyne.TextStyle{}))
	}
	if e.Contested() {
		d.box.Add(widget.NewSeparator())
		d.box.Add(widget.NewLabelWithStyle(tr(lang, "contested"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		// One two-column row per source that dates the event, named as the excerpts below
		// name it, so each row is as tall as its own text; the sources that attest the event
		// without a date share one line below.
		dated, undated := e.DatesBySource()
		grid := container.NewVBox(container.NewGridWithColumns(2,
			widget.NewLabelWithStyle(tr(lang, "source"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}),
			widget.NewLabelWithStyle(tr(lang, "date"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})))
		for _, r := range dated {
			n := widget.NewLabel(sourceName(ds, r.Source))
			n.Wrapping = fyne.TextWrapWord
			v := widget.NewLabel(sourceDates(r.Start, r.End, lang))
			v.Wrapping = fyne.TextWrapWord
			grid.Add(container.NewGridWithColumns(2, n, v))
		}
		d.box.Add(grid)
		if len(undated) > 0 {
			names := make([]string, len(undated))
			for i, id := range undated {
				names[i] = sourceName(ds, id)
			}
			d.box.Add(wrapped(tr(lang, "undatedsources")+": "+strings.Join(names, "; "), fyne.TextStyle{}))
		}
	}
	if len(e.Excerpts()) > 0 {
		d.box.Add(widget.NewSeparator())
		d.box.Add(widget.NewLabelWithStyle(tr(lang, "sources"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for i := range e.Excerpts() {
		x := e.Excerpts()[i]
		src, ok := ds.Source(x.Source)
		q := wrapped("“"+x.Quote+"”", fyne.TextStyle{Italic: true})
		// A quote can be selected and copied; not in a kiosk, which has no keyboard to copy
		// with, and where a touch on the text is the reading the idle wait must see.
		q.Selectable = d.ui.kiosk == nil
		d.box.Add(q)
		line := x.Source
		if ok {
			line = sourceLine(src, lang)
		}
		meta := widget.NewLabel(line)
		meta.Wrapping = fyne.TextWrapWord
		d.box.Add(meta)
		var row []fyne.CanvasObject
		if ok && src.Text != "" {
			row = append(row, widget.NewButtonWithIcon(tr(lang, "showsource"), theme.DocumentIcon(), func() {
				d.ui.showSource(src, x)
			}))
		}
		cite := citation(src, x)
		row = append(row, widget.NewButtonWithIcon(tr(lang, "copycitation"), theme.ContentCopyIcon(), func() {
			d.ui.copyCitation(cite)
		}))
		d.box.Add(container.NewHBox(row...))
		if ok && src.URL != "" {
			d.box.Add(d.ui.urlObject(src.URL))
		}
	}
	d.box.Refresh()
	d.scroll.ScrollToTop()
}

// excerptDate is the dates an excerpt's source gives (start, and end if it gives one), in
// lang, or "no date" in lang, as the tour's card says it beside each excerpt.
func excerptDate(x *timeline.Excerpt, lang string) string {
	var start, end chrono.Date
	if x.Date != "" {
		start = x.DateParsed
	}
	if x.End != "" {
		end = x.EndParsed
	}
	return sourceDates(start, end, lang)
}

// sourceDates writes the dates one source gives for an event: "17 Jan. 1928",
// "17 Jan. 1928 – Feb. 1929", "… – Feb. 1929" when it gives only the end, or "no date".
func sourceDates(start, end chrono.Date, lang string) string {
	switch {
	case start.IsValid() && end.IsValid():
		return chrono.FormatRange(start, end, lang)
	case start.IsValid():
		return chrono.Format(start, lang)
	case end.IsValid():
		return chrono.OpenText + " – " + chrono.Format(end, lang)
	}
	return tr(lang, "nodate")
}

// sourceName is how the contested-date table names a source: as timeline.Source.Name
// does, or its id when the dataset lacks it.
func sourceName(ds *timeline.Dataset, id string) string {
	if s, ok := ds.Source(id); ok {
		return s.Name()
	}
	return id
}

// sourceLine is "Title — Publisher (language: en)".
func sourceLine(s *timeline.Source, lang string) string {
	parts := []string{s.Title}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	line := strings.Join(parts, " — ")
	if s.Lang != "" {
		line += " (" + tr(lang, "language") + ": " + s.Lang + ")"
	}
	return line
}

// sourceView builds the whole text of a source as paragraphs, the one holding the excerpt
// on a highlighted background with the passage itself in bold, and returns the scroll and
// the highlighted paragraph so the caller can scroll to it once laid out.
func sourceView(src *timeline.Source, x timeline.Excerpt) (*container.Scroll, fyne.CanvasObject) {
	text := src.Text
	off := x.Offset
	if off < 0 || off+len(x.Quote) > len(text) || text[off:off+len(x.Quote)] != x.Quote {
		off = strings.Index(text, x.Quote) // a dataset built in memory may lack offsets
	}
	box := container.NewVBox()
	var target fyne.CanvasObject
	pos := 0
	for _, para := range strings.SplitAfter(text, "\n") {
		start, end := pos, pos+len(para)
		pos = end
		body := strings.TrimRight(para, "\r\n")
		if strings.TrimSpace(body) == "" {
			continue
		}
		if off >= 0 && off < end && off+len(x.Quote) > start {
			// The passage may span paragraphs; each one it touches is highlighted.
			a := max(off-start, 0)
			b := min(off+len(x.Quote)-start, len(body))
			rt := widget.NewRichText(
				&widget.TextSegment{Style: widget.RichTextStyleInline, Text: body[:a]},
				&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}, Text: body[a:b]},
				&widget.TextSegment{Style: widget.RichTextStyleInline, Text: body[b:]},
			)
			rt.Wrapping = fyne.TextWrapWord
			bg := canvas.NewRectangle(highlight())
			bg.CornerRadius = 4
			obj := container.NewStack(bg, rt)
			if target == nil {
				target = obj
			}
			box.Add(obj)
			continue
		}
		l := widget.NewLabel(body)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return container.NewVScroll(box), target
}

// highlight is the background of a highlighted passage.
func highlight() color.Color {
	c := theme.Color(theme.ColorNamePrimary)
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 48}
}

// sourceDialog is a dialog with the source's whole text, the passage highlighted, the
// source's address a link; scroll it to the passage (scrollTo) once shown.
func (u *ui) sourceDialog(src *timeline.Source, x timeline.Excerpt) (dialog.Dialog, *container.Scroll, fyne.CanvasObject) {
	scroll, target := sourceView(src, x)
	head := wrapped(sourceLine(src, u.lang), fyne.TextStyle{Bold: true})
	top := container.NewVBox(head)
	if src.URL != "" {
		top.Add(u.urlObject(src.URL))
	}
	cite := citation(src, x)
	copyBtn := widget.NewButtonWithIcon(tr(u.lang, "copycitation"), theme.ContentCopyIcon(), func() {
		u.copyCitation(cite)
	})
	top.Add(container.NewHBox(copyBtn))
	u.watchScroll(scroll) // a kiosk visitor scrolling the text is reading (kiosk.go)
	content := newInputSensor(container.NewBorder(top, nil, nil, nil, scroll), u.readingInput)
	d := dialog.NewCustom(src.Title, tr(u.lang, "close"), content, u.win)
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(size.Width*0.7, size.Height*0.8))
	return d, scroll, target
}

// urlObject shows a source's address: a link that opens in the browser, or, in kiosk mode
// (where a browser would take the visitor out of the exhibit), the address as text.
func (u *ui) urlObject(addr string) fyne.CanvasObject {
	if parsed, err := url.Parse(addr); err == nil && u.kiosk == nil && (parsed.Scheme == "http" || parsed.Scheme == "https") {
		h := widget.NewHyperlink(addr, parsed)
		h.Wrapping = fyne.TextWrapBreak
		return h
	}
	l := widget.NewLabel(addr)
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = u.kiosk == nil // as the quotes (details.show)
	return l
}

// copyCitation puts a citation on the clipboard (a kiosk counts it as reading input).
func (u *ui) copyCitation(cite string) {
	fyne.CurrentApp().Clipboard().SetContent(cite)
	u.readingInput()
}

// citation is what Copy citation puts on the clipboard: the quote, then the source's
// title, author, publisher and date, then its address, as far as the dataset gives them.
func citation(src *timeline.Source, x timeline.Excerpt) string {
	var b strings.Builder
	b.WriteString("“" + x.Quote + "”\n— ")
	if src == nil {
		b.WriteString(x.Source)
		return b.String()
	}
	parts := []string{src.Title}
	for _, p := range []string{src.Author, src.Publisher, src.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	b.WriteString(strings.Join(parts, ", "))
	if src.URL != "" {
		b.WriteString(". " + src.URL)
	}
	return b.String()
}

// scrollTo scrolls so that target (a child of the scroll's VBox) sits near the top third.
func scrollTo(scroll *container.Scroll, target fyne.CanvasObject) {
	if target == nil {
		return
	}
	y := target.Position().Y - scroll.Size().Height/3 + target.Size().Height/2
	if max := scroll.Content.MinSize().Height - scroll.Size().Height; y > max {
		y = max
	}
	if y < 0 {
		y = 0
	}
	scroll.ScrollToOffset(fyne.NewPos(0, y))
}

// clusterText says how many events a cluster or density bar stands for, in lang: the
// timeline's tooltip over one (its SetCountText).
func clusterText(s *scene.Shape, lang string) string {
	n := strings.TrimPrefix(s.Text, "+")
	switch n {
	case "":
		return tr(lang, "manyevents")
	case "1":
		return tr(lang, "oneevent") // not "1 events"
	}
	return fmt.Sprintf(tr(lang, "nevents"), n)
}
