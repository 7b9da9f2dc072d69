package app

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/gen"
	"trotskytimeline/timeline/scene"
)

// pressKey types a key as the desktop driver does: to the focused object, or to the
// canvas's handler when nothing is focused (as when a dialog is open).
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func eventID(ds *timeline.Dataset, id string) int {
	for i := range ds.Events {
		if ds.Events[i].ID == id {
			return i
		}
	}
	return -1
}

// Esc closes the topmost thing only: the source dialog, then the search results, then the
// details, then the search, then the selection.
func TestEscClosesTopmostOnly(t *testing.T) {
	u, win := newTestUI(t, 1200, 700)
	c := win.Canvas()
	test.Type(u.search, "coyoacan")
	u.search.OnSubmitted(u.search.Text) // opens mexico's details
	death := eventID(u.ds, "death")
	u.openDetails(death)
	u.onSearch(u.search.Text) // the results again, over the timeline
	src, _ := u.ds.Source("a")
	u.showSource(src, u.ds.Events[death].Excerpts()[0])
	if c.Overlays().Top() == nil || !u.results.Visible() || !u.open {
		t.Fatalf("setup: dialog %v, results %v, details %v; want all open", c.Overlays().Top() != nil, u.results.Visible(), u.open)
	}
	steps := []struct {
		name                     string
		dialog, results, details bool
		query                    string
		selected                 int
	}{
		{"the source dialog", false, true, true, "coyoacan", death},
		{"the search results", false, false, true, "coyoacan", death},
		{"the details", false, false, false, "coyoacan", death},
		{"the search", false, false, false, "", death},
		{"the selection", false, false, false, "", -1},
	}
	for i, st := range steps {
		pressKey(c, fyne.KeyEscape)
		got := []bool{c.Overlays().Top() != nil, u.results.Visible(), u.open}
		if got[0] != st.dialog || got[1] != st.results || got[2] != st.details || u.search.Text != st.query || u.tl.Selected() != st.selected {
			t.Fatalf("Esc %d should close %s only: dialog %v, results %v, details %v, query %q, selected %d",
				i+1, st.name, got[0], got[1], got[2], u.search.Text, u.tl.Selected())
		}
	}
	if u.eng.Config().Marked != nil {
		t.Error("closing the search left its matches marked on the timeline")
	}
}

// Esc in the search field follows the same rule: the results first, then the details.
func TestEscInSearchFieldClosesResultsThenDetails(t *testing.T) {
	u, win := newTestUI(t, 1200, 700)
	u.openDetails(0)
	win.Canvas().Focus(u.search)
	test.Type(u.search, "mexico")
	if !u.results.Visible() {
		t.Fatal("no results shown")
	}
	u.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.results.Visible() || !u.open {
		t.Fatalf("first Esc: results %v details %v, want the results closed only", u.results.Visible(), u.open)
	}
	pressKey(win.Canvas(), fyne.KeyEscape)
	if u.open {
		t.Error("second Esc left the details open")
	}
}

// Up and Down move through the results without leaving the field; Enter opens the one
// chosen, or the first when none is.
func TestSearchUpDownEnter(t *testing.T) {
	u, win := newTestUI(t, 1200, 700)
	win.Canvas().Focus(u.search)
	test.Type(u.search, "e")
	if len(u.sr.found) < 3 {
		t.Fatalf("want at least 3 results for e, got %d", len(u.sr.found))
	}
	down := &fyne.KeyEvent{Name: fyne.KeyDown}
	up := &fyne.KeyEvent{Name: fyne.KeyUp}
	u.search.TypedKey(down)
	u.search.TypedKey(down)
	u.search.TypedKey(down)
	u.search.TypedKey(up)
	if u.sr.cursor != 1 {
		t.Fatalf("Down Down Down Up: cursor %d, want 1", u.sr.cursor)
	}
	if u.tl.Selected() >= 0 || !u.results.Visible() {
		t.Fatalf("moving through the results opened one (selected %d) or closed them", u.tl.Selected())
	}
	want := u.sr.found[1]
	u.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.tl.Selected() != want || !u.open {
		t.Errorf("Enter: selected %d (details %v), want result 2 = %d", u.tl.Selected(), u.open, want)
	}
	// A new query starts again at no choice: Enter takes the first.
	win.Canvas().Focus(u.search)
	u.search.SetText("")
	test.Type(u.search, "assassin")
	u.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.tl.Selected() != eventID(u.ds, "death") {
		t.Errorf("Enter with no choice: selected %d, want death", u.tl.Selected())
	}
}

// Each result says why it matched: the match in bold in a snippet of its field; a query
// with no result says so.
func TestSearchResultsShowSnippetAndNoResults(t *testing.T) {
	u, _ := newTestUI(t, 1200, 700)
	test.Type(u.search, "killed")
	if len(u.sr.found) != 1 {
		t.Fatalf("results for killed: %v", u.sr.found)
	}
	segs := u.sr.snippet(u.sr.found[0])
	if len(segs) != 3 {
		t.Fatalf("snippet has %d segments, want before, match, after", len(segs))
	}
	m := segs[1].(*widget.TextSegment)
	if m.Text != "killed" || !m.Style.TextStyle.Bold {
		t.Errorf("marked segment %q bold=%v, want killed in bold", m.Text, m.Style.TextStyle.Bold)
	}
	if all := segs[0].Textual() + m.Text + segs[2].Textual(); !strings.Contains(all, "He was killed in Coyoacán") {
		t.Errorf("snippet %q is not the quote", all)
	}
	u.search.SetText("")
	test.Type(u.search, "zzz")
	if !u.results.Visible() || !u.sr.none.Visible() || !strings.Contains(u.sr.none.Text, "No results") {
		t.Errorf("no results: dropdown %v, label %v %q", u.results.Visible(), u.sr.none.Visible(), u.sr.none.Text)
	}
}

// The matches are marked on the timeline while the query stands.
func TestSearchMarksMatchesOnTimeline(t *testing.T) {
	u, win := newTestUI(t, 1200, 700)
	test.Type(u.search, "coyoacan")
	win.Canvas().Capture()
	marked := map[int32]bool{}
	for _, sh := range u.tl.Scene().Shapes {
		if sh.Kind == scene.KindMatch {
			marked[sh.Event] = true
		}
	}
	for _, id := range []string{"mexico", "death"} {
		if !marked[int32(eventID(u.ds, id))] {
			t.Errorf("%s matches coyoacan but is not marked", id)
		}
	}
	if len(marked) != 2 {
		t.Errorf("%d events marked, want 2", len(marked))
	}
}

// In a dense timeline the chosen result is drawn as itself after the jump, not hidden in
// a count among thousands of neighbours.
func TestSearchResultVisibleInDenseTimeline(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 events")
	}
	var buf bytes.Buffer
	if err := gen.Write(&buf, 100000, gen.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	ds, err := format.Parse("100k.json", buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	u := newUI(win, ds, Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1600, 900))
	win.Canvas().Capture()
	t.Cleanup(win.Close)
	for _, n := range []int{0, 50000, 99999} {
		q := ds.Events[n].Title
		test.Type(u.search, q)
		if len(u.sr.found) == 0 || u.sr.found[0] != n {
			t.Fatalf("search %q: first result %v, want %d", q, u.sr.found, n)
		}
		u.search.OnSubmitted(q)
		win.Canvas().Capture()
		if !u.tl.DrawsEvent(n) {
			t.Errorf("after choosing %q the view %.0f days wide does not draw it", q, u.tl.View().Span())
		}
		if u.tl.Selected() != n {
			t.Errorf("selected %d, want %d", u.tl.Selected(), n)
		}
		u.search.SetText("")
	}
}

// Icon-only buttons have tooltips, and zooming out does not look like searching.
func TestIconButtonsHaveTooltips(t *testing.T) {
	u, win := newTestUI(t, 1200, 700)
	var icons []*tipButton
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *tipButton:
			icons = append(icons, v)
		case *widget.Button:
			if v.Text == "" {
				t.Errorf("an icon-only button (%v) without a tooltip", v.Icon.Name())
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(win.Content())
	if len(icons) < 3 {
		t.Fatalf("%d buttons with tooltips, want zoom out, zoom in, fit", len(icons))
	}
	for _, b := range icons {
		if b.tip == "" {
			t.Errorf("button %v has an empty tooltip", b.Icon.Name())
		}
		if b.Icon.Name() == theme.SearchIcon().Name() || b.Icon.Name() == theme.ZoomOutIcon().Name() || b.Icon.Name() == theme.ZoomInIcon().Name() {
			t.Errorf("button %q shows a magnifier (%s), which looks like search", b.tip, b.Icon.Name())
		}
	}
	b := icons[0]
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	test.MoveMouse(win.Canvas(), pos.Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2)))
	if got := u.tips.shown(); got != b.tip {
		t.Errorf("hovering the button shows %q, want %q", got, b.tip)
	}
	test.MoveMouse(win.Canvas(), fyne.NewPos(600, 500))
	if got := u.tips.shown(); got != "" {
		t.Errorf("the tooltip %q stays after the pointer left", got)
	}
}

// A quote can be selected, and Copy citation gives the quote, source, publisher and URL.
func TestCopyCitation(t *testing.T) {
	src := &timeline.Source{ID: "s", Title: "My Life", Author: "Leon Trotsky", Publisher: "Scribner", Date: "1930", URL: "https://example.org/mylife"}
	got := citation(src, timeline.Excerpt{Source: "s", Quote: "I was born"})
	want := "“I was born”\n— My Life, Leon Trotsky, Scribner, 1930. https://example.org/mylife"
	if got != want {
		t.Errorf("citation = %q, want %q", got, want)
	}
	u, win := newTestUI(t, 1200, 700)
	death := eventID(u.ds, "death")
	u.openDetails(death)
	var quote *widget.Label
	var copyBtn *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			if quote == nil && strings.HasPrefix(v.Text, "“He was killed") {
				quote = v
			}
		case *widget.Button:
			if copyBtn == nil && v.Text == tr("en", "copycitation") {
				copyBtn = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(u.det.box)
	if quote == nil || !quote.Selectable {
		t.Fatalf("the quote is missing or cannot be selected (%v)", quote)
	}
	if copyBtn == nil {
		t.Fatal("no Copy citation button")
	}
	test.Tap(copyBtn)
	clip := fyne.CurrentApp().Clipboard().Content()
	if !strings.Contains(clip, "“He was killed in Coyoacán in August 1940.”") || !strings.Contains(clip, "Source A, Pub A") {
		t.Errorf("clipboard after Copy citation = %q", clip)
	}
	_ = win
}
