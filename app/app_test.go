package app

import (
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
)

// loadBuiltin loads the dataset the program ships.
func loadBuiltin(tb testing.TB) *timeline.Dataset {
	ds, err := format.LoadFS(data.FS, data.Name)
	if err != nil {
		tb.Fatalf("built-in dataset: %v", err)
	}
	return ds
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testDataset is a small timeline with periods, points, a contested date, accented places and
// titles in other languages.
func testDataset(t testing.TB) *timeline.Dataset {
	ds := &timeline.Dataset{
		Format: timeline.FormatV1,
		Title:  "Test timeline",
		Lanes: []timeline.Lane{
			{ID: "posts", Title: "Posts", Color: "#a0312b"},
			{ID: "exile", Title: "Exile", Color: "#2b5ca0"},
		},
		Sources: []timeline.Source{
			{ID: "a", Title: "Source A", Publisher: "Pub A", Lang: "en",
				Text: "Intro line.\nHe became People's Commissar for War in March 1918.\nHe was killed in Coyoacán in August 1940.\n"},
			{ID: "b", Title: "Fonte B", Lang: "it", Text: "Fu espulso nel 1929.\nMorì a Città del Messico il 21 agosto 1940.\n"},
			{ID: "c", Title: "[Untitled C]", Lang: "en", Text: "The last words of Trotsky.\n"},
		},
		Events: []timeline.Event{
			{ID: "war", Lane: "posts", Title: "People's Commissar for War", More: &timeline.EventMore{RawStart: "1918-03-13", RawEnd: "1925-01", Titles: map[string]string{"it": "Commissario del popolo alla guerra"}, Place: "Moscow", Excerpts: []timeline.Excerpt{{Source: "a", Quote: "He became People's Commissar for War in March 1918."}}}},
			{ID: "birth", Lane: "posts", Title: "Born in Yanovka", More: &timeline.EventMore{RawStart: "1879-11-07", Place: "Yanovka, Kherson Province", Calendar: timeline.CalendarJulian}},
			{ID: "expelled", Lane: "exile", Title: "Expelled from the USSR", More: &timeline.EventMore{RawStart: "1929-02-12", Excerpts: []timeline.Excerpt{{Source: "b", Quote: "Fu espulso nel 1929.", Date: "1929"}}}},
			{ID: "mexico", Lane: "exile", Title: "Exile in Mexico", More: &timeline.EventMore{RawStart: "1937-01-09", RawEnd: "1940-08-21", Place: "Coyoacán, Città del Messico"}},
			{ID: "death", Lane: "exile", Title: "Assassinated", More: &timeline.EventMore{RawStart: "1940-08-21", Titles: map[string]string{"pt": "Assassinado"}, Place: "Coyoacán", Excerpts: []timeline.Excerpt{
				{Source: "a", Quote: "He was killed in Coyoacán in August 1940.", Date: "1940-08-20"},
				{Source: "b", Quote: "Morì a Città del Messico il 21 agosto 1940.", Date: "1940-08-21"},
				{Source: "c", Quote: "The last words of Trotsky."},
			}}},
		},
	}
	for i := range ds.Events {
		e := &ds.Events[i]
		var err error
		if e.StartDate, err = chrono.Parse(e.Start()); err != nil {
			t.Fatalf("events[%d].start: %v", i, err)
		}
		if !e.IsPoint() {
			if e.EndDate, err = chrono.Parse(e.End()); err != nil {
				t.Fatalf("events[%d].end: %v", i, err)
			}
		}
		for li, l := range ds.Lanes {
			if l.ID == e.Lane {
				e.LaneIndex = li
			}
		}
		for j := range e.Excerpts() {
			x := &e.Excerpts()[j]
			if x.Date != "" {
				x.DateParsed, _ = chrono.Parse(x.Date)
			}
			src, _ := ds.Source(x.Source)
			x.Offset = strings.Index(src.Text, x.Quote)
		}
	}
	return ds
}

// newTestUI opens the UI on Fyne's test driver in a w×h window and paints a first frame.
func newTestUI(t *testing.T, w, h float32) (*ui, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	u := newUI(win, testDataset(t), Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(w, h))
	win.Canvas().Capture() // paint: builds the scene
	t.Cleanup(win.Close)
	return u, win
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestSearchFieldChoosesResult(t *testing.T) {
	u, _ := newTestUI(t, 1000, 600)
	test.Type(u.search, "Citta del Messico")
	if len(u.sr.found) != 2 || u.ds.Events[u.sr.found[0]].ID != "mexico" {
		t.Fatalf("results for %q = %v, want mexico then death", u.search.Text, u.sr.found)
	}
	u.search.OnSubmitted(u.search.Text)
	if sel := u.tl.Selected(); sel < 0 || u.ds.Events[sel].ID != "mexico" {
		t.Fatalf("after choosing the first result, selected = %d, want mexico", sel)
	}
	if !u.open || u.det.current != u.tl.Selected() {
		t.Errorf("details open=%v showing %d, want the chosen event", u.open, u.det.current)
	}
	a, b := u.ds.Events[u.tl.Selected()].Span()
	v := u.tl.View()
	if mid := float64(a+b) / 2; mid < v.Start || mid > v.End {
		t.Errorf("view %.0f..%.0f does not contain the chosen event's middle %.0f", v.Start, v.End, mid)
	}
}

func TestWheelZoomsAboutPointer(t *testing.T) {
	tests := []struct {
		name   string
		dy     float32
		zoomIn bool
	}{
		{"wheel up zooms in", 10, true},
		{"wheel down zooms out", -10, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newTestUI(t, 1000, 600)
			u.tl.ZoomCentre(4) // room to zoom out too
			before := u.tl.View()
			x := float32(u.eng.TitleWidth() + 300)
			dayUnder := before.Day(300)
			u.tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, 100)}, Scrolled: fyne.Delta{DY: tc.dy}})
			after := u.tl.View()
			if (after.Span() < before.Span()) != tc.zoomIn {
				t.Errorf("span %.1f -> %.1f days, want zoom in = %v", before.Span(), after.Span(), tc.zoomIn)
			}
			if got := after.Day(300); !near(got, dayUnder, before.Span()*1e-6) {
				t.Errorf("day under the pointer moved: %.3f -> %.3f", dayUnder, got)
			}
		})
	}
}

func TestScrollThroughCanvas(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	before := u.tl.View()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(fyne.NewPos(400, 100))
	test.Scroll(win.Canvas(), pos, 0, 20)
	if after := u.tl.View(); !(after.Span() < before.Span()) {
		t.Errorf("test.Scroll over the timeline: span %.1f -> %.1f, want smaller", before.Span(), after.Span())
	}
}

func TestDragPans(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	u.tl.ZoomCentre(4)
	before := u.tl.View()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(fyne.NewPos(400, 100))
	test.Drag(win.Canvas(), pos, 100, 0)
	after := u.tl.View()
	wantShift := 100 * before.Span() / before.Width
	if !near(before.Start-after.Start, wantShift, 1e-6*before.Span()) || !near(after.Span(), before.Span(), 1e-9) {
		t.Errorf("drag right 100px: view %.2f..%.2f -> %.2f..%.2f, want start earlier by %.2f days, same span",
			before.Start, before.End, after.Start, after.End, wantShift)
	}
}

func TestZoomLimits(t *testing.T) {
	u, _ := newTestUI(t, 1000, 600)
	for i := 0; i < 40; i++ {
		u.tl.ZoomCentre(2)
	}
	if s := u.tl.View().Span(); s < 6.9 {
		t.Errorf("zoomed in 40 times: span %.2f days, want at least a week", s)
	}
	for i := 0; i < 40; i++ {
		u.tl.ZoomCentre(0.5)
	}
	if s := u.tl.View().Span(); s > 200*365.25+1 {
		t.Errorf("zoomed out 40 times: span %.0f days, want at most about 200 years", s)
	}
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	first, last := u.eng.Domain()
	if v := u.tl.View(); v.Start > first || v.End < last {
		t.Errorf("Home: view %.0f..%.0f does not show the whole %.0f..%.0f", v.Start, v.End, first, last)
	}
}

func TestTapSelectsEventUnderIt(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	for _, id := range []string{"war", "death", "mexico"} {
		t.Run(id, func(t *testing.T) {
			ev := -1
			for i := range u.ds.Events {
				if u.ds.Events[i].ID == id {
					ev = i
				}
			}
			u.tl.CentreOn(ev)
			u.tl.Select(-1)
			win.Canvas().Capture()
			p, ok := u.tl.EventPos(ev)
			if !ok {
				t.Fatalf("event %s is not in the scene", id)
			}
			abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(p)
			test.TapCanvas(win.Canvas(), abs)
			if got := u.tl.Selected(); got != ev {
				t.Fatalf("tap at %v selected %d, want %d (%s)", p, got, ev, id)
			}
			if !u.open || u.det.current != ev {
				t.Errorf("details open=%v current=%d, want open on %d", u.open, u.det.current, ev)
			}
		})
	}
}

func TestKeyboardNavigation(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	u.tl.FitAll()
	win.Canvas().Focus(u.tl)
	id := func() string {
		if s := u.tl.Selected(); s >= 0 {
			return u.ds.Events[s].ID
		}
		return "-"
	}
	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"tab from nothing", func() { u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab}) }, "birth"},
		{"tab", func() { u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab}) }, "war"},
		{"period", func() { u.tl.TypedRune('.') }, "expelled"},
		{"shift+tab", func() {
			u.tl.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
			u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
			u.tl.KeyUp(&fyne.KeyEvent{Name: "LeftShift"})
		}, "war"},
		{"comma", func() { u.tl.TypedRune(',') }, "birth"},
		{"comma at the start stays", func() { u.tl.TypedRune(',') }, "birth"},
	}
	for _, s := range steps {
		s.do()
		if got := id(); got != s.want {
			t.Fatalf("%s: selected %s, want %s", s.name, got, s.want)
		}
	}
	u.closeDetails()
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !u.open {
		t.Errorf("Enter did not open the details")
	}
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.open {
		t.Errorf("Esc did not close the details")
	}
}

func TestTabScrollsEventIntoView(t *testing.T) {
	u, _ := newTestUI(t, 1000, 600)
	u.tl.ZoomCentre(64) // a few months across
	for i := 0; i < 5; i++ {
		u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		ev := u.tl.Selected()
		a, b := u.ds.Events[ev].Span()
		v := u.tl.View()
		if float64(b)+1 < v.Start || float64(a) > v.End {
			t.Errorf("step %d: %s (%d..%d) outside the view %.0f..%.0f", i, u.ds.Events[ev].ID, a, b, v.Start, v.End)
		}
	}
}

func TestLaneToggleHidesEvents(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	u.setLane(1, false)
	win.Canvas().Capture()
	for _, s := range u.tl.Scene().Shapes {
		if s.Event >= 0 && u.ds.Events[s.Event].LaneIndex == 1 {
			t.Fatalf("lane 1 hidden but the scene draws %s", u.ds.Events[s.Event].ID)
		}
	}
	u.tl.FitAll()
	u.tl.Select(-1)
	for i := 0; i < 5; i++ {
		u.tl.Step(1)
		if s := u.tl.Selected(); s >= 0 && u.ds.Events[s].LaneIndex == 1 {
			t.Fatalf("Tab reached %s in a hidden lane", u.ds.Events[s].ID)
		}
	}
}

func TestOldStyleRule(t *testing.T) {
	ds := testDataset(t)
	tests := []struct {
		id   string
		want bool
	}{
		{"birth", true},     // 1879, Yanovka (Russian Empire)
		{"war", false},      // 1918-03-13: after the switch
		{"expelled", false}, // 1929
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			for i := range ds.Events {
				if e := &ds.Events[i]; e.ID == tc.id {
					if got := oldStyleLine(e, "en") != ""; got != tc.want {
						t.Errorf("Old Style shown = %v (%q), want %v", got, oldStyleLine(e, "en"), tc.want)
					}
				}
			}
		})
	}
	// The dataset declares the calendar; the app guesses nothing from place names.
	undeclared := &timeline.Event{More: &timeline.EventMore{RawStart: "1905-10-13", Place: "St. Petersburg"}}
	undeclared.StartDate, _ = chrono.Parse("1905-10-13")
	if oldStyleLine(undeclared, "en") != "" {
		t.Errorf("an event whose calendar the dataset does not declare got an Old Style date")
	}
	declared := &timeline.Event{More: &timeline.EventMore{RawStart: "1905-10-13", Calendar: timeline.CalendarJulian}}
	declared.StartDate, _ = chrono.Parse("1905-10-13")
	if got := oldStyleLine(declared, "en"); got != "13 October 1905 (O.S. 30 September)" {
		t.Errorf("a julian event of 1905: Old Style line %q", got)
	}
	declared.StartDate, _ = chrono.Parse("1905-10-13?")
	if got := oldStyleLine(declared, "en"); got != "" {
		t.Errorf("an uncertain day (it may be Old Style already) got an Old Style line %q", got)
	}
}

func TestDetailsShowContestedDates(t *testing.T) {
	u, _ := newTestUI(t, 1000, 600)
	for i := range u.ds.Events {
		if u.ds.Events[i].ID == "death" {
			u.openDetails(i)
		}
	}
	text := labelsText(u.det.box)
	for _, want := range []string{"Assassinated", "The sources disagree on the date", "Source A", "20 Aug. 1940", "21 Aug. 1940", "Show in source", "Pub A",
		"Dates: 21 Aug. 1940 (contested)",                // the Dates line says so
		"Pub A\n20 Aug. 1940\n",                          // a row: the source named by its publisher, its date
		"Fonte B\n21 Aug. 1940\n",                        // no publisher: its title
		"Also attest it, without a date: [Untitled C]\n", // no padding row for a source without a date
	} {
		if !strings.Contains(text, want) {
			t.Errorf("details lack %q; they read:\n%s", want, text)
		}
	}
	if strings.Contains(text, "no date given") {
		t.Errorf("a source without a date has a row of its own:\n%s", text)
	}
}

func TestSourceViewHighlightsPassage(t *testing.T) {
	ds := testDataset(t)
	x := ds.Events[4].Excerpts()[1]
	src, _ := ds.Source(x.Source)
	scroll, target := sourceView(src, x)
	if target == nil {
		t.Fatal("no highlighted paragraph")
	}
	if !strings.Contains(labelsText(target), x.Quote) {
		t.Errorf("highlighted paragraph %q lacks the quote %q", labelsText(target), x.Quote)
	}
	if !strings.Contains(labelsText(scroll.Content), "Fu espulso") {
		t.Errorf("the whole text is not shown")
	}
}

// labelsText gathers the text of every label, button and rich text under o.
func labelsText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *container.Scroll:
			walk(w.Content)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// goldenImage compares img with testdata/name (regenerated with -update), allowing small
// differences from font rasterisation across platforms.
func goldenImage(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run go test -update)", path, err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatalf("golden %s: %v", path, err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, want %v", path, img.Bounds(), want.Bounds())
	}
	diff := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := img.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if absd(r1, r2) > 0x1800 || absd(g1, g2) > 0x1800 || absd(b1, b2) > 0x1800 {
				diff++
			}
		}
	}
	if frac := float64(diff) / float64(b.Dx()*b.Dy()); frac > 0.002 {
		fail := filepath.Join("testdata", "failed", name)
		os.MkdirAll(filepath.Dir(fail), 0o755)
		if f, err := os.Create(fail); err == nil {
			png.Encode(f, img)
			f.Close()
		}
		t.Errorf("%s: %.2f%% of pixels differ (written to %s)", path, 100*frac, fail)
	}
}

func absd(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestGoldenWindow(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	goldenImage(t, "window.png", win.Canvas().Capture())
	for i := range u.ds.Events {
		if u.ds.Events[i].ID == "death" {
			u.openDetails(i)
		}
	}
	goldenImage(t, "window_details.png", win.Canvas().Capture())
}
