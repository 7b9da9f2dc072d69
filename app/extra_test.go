package app

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"trotskytimeline/app/timelineview"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/render"
	"trotskytimeline/timeline/scene"
)

func TestExportOptionsFollowTheView(t *testing.T) {
	ds := testDataset(t)
	tests := []struct {
		name   string
		path   string
		lanes  []string
		format render.Format
		nilLn  bool
	}{
		{"png, all lanes", "/tmp/a.png", []string{"posts", "exile"}, render.PNG, true},
		{"svg by extension, one lane", "/tmp/a.SVG", []string{"exile"}, render.SVG, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, last := float64(chrono.FromCivil(1920, 1, 1))+0.4, float64(chrono.FromCivil(1930, 1, 1))+0.6
			o := exportOptions(tc.path, ds, first, last, tc.lanes, "it", "light")
			if o.Format != tc.format || !o.HasRange || o.Lang != "it" {
				t.Errorf("options %+v: want format %v, a range, lang it", o, tc.format)
			}
			if o.From != chrono.FromCivil(1920, 1, 1) || o.To != chrono.FromCivil(1930, 1, 1) {
				t.Errorf("range %d..%d, want the days in view", o.From, o.To)
			}
			if (o.Lanes == nil) != tc.nilLn {
				t.Errorf("lanes %v, want nil=%v", o.Lanes, tc.nilLn)
			}
			if err := o.Validate(ds); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			var b bytes.Buffer
			if err := render.Render(&b, ds, o); err != nil {
				t.Fatalf("Render: %v", err)
			}
			if b.Len() == 0 {
				t.Errorf("empty figure")
			}
		})
	}
}

// crowdedDataset has more events on one day than a lane can show, so the scene clusters them.
func crowdedDataset(t *testing.T) *timeline.Dataset {
	ds := &timeline.Dataset{Format: timeline.FormatV1, Title: "Crowded",
		Lanes: []timeline.Lane{{ID: "a", Title: "A", Color: "#335577"}}}
	for i := 0; i < 400; i++ {
		d := chrono.FromCivil(1920, 1, 1) + chrono.Day(i%40)
		y, m, dd := d.Civil()
		s := fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
		e := timeline.Event{ID: fmt.Sprint(i), Lane: "a", Title: fmt.Sprintf("Event number %d", i), More: &timeline.EventMore{RawStart: s}}
		e.StartDate, _ = chrono.Parse(s)
		ds.Events = append(ds.Events, e)
	}
	ds.Events = append(ds.Events, timeline.Event{ID: "late", Lane: "a", Title: "Late", More: &timeline.EventMore{RawStart: "1940"}})
	ds.Events[len(ds.Events)-1].StartDate, _ = chrono.Parse("1940")
	return ds
}

func TestTapOnClusterZoomsIntoIt(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	u := newUI(win, crowdedDataset(t), Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1000, 600))
	win.Canvas().Capture()
	var cl *scene.Shape
	for i := range u.tl.Scene().Shapes {
		if s := &u.tl.Scene().Shapes[i]; (s.Kind == scene.KindCluster || s.Kind == scene.KindDensity) && s.Type == scene.RectShape {
			cl = s
			break
		}
	}
	if cl == nil {
		t.Fatal("the crowded lane has no cluster or density shape")
	}
	before := u.tl.View()
	p := fyne.NewPos(float32(cl.X+cl.W/2), float32(cl.Y+cl.H/2))
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(p)
	test.TapCanvas(win.Canvas(), abs)
	after := u.tl.View()
	if !(after.Span() < before.Span()/2) {
		t.Errorf("tap on a cluster (days %d..%d): span %.0f -> %.0f, want it zoomed in", cl.From, cl.To, before.Span(), after.Span())
	}
	if mid := float64(cl.From+cl.To) / 2; mid < after.Start || mid > after.End {
		t.Errorf("view %.0f..%.0f does not show the cluster's days %d..%d", after.Start, after.End, cl.From, cl.To)
	}
}

func TestOverviewDragMovesView(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	u.tl.ZoomCentre(8)
	before := u.tl.View()
	ovPos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.ov)
	x := u.ov.Size().Width * 0.25
	test.Drag(win.Canvas(), ovPos.Add(fyne.NewPos(x, 10)), 0, 0)
	after := u.tl.View()
	want := u.ov.FullView().Day(float64(x))
	if !near((after.Start+after.End)/2, want, 1) || !near(after.Span(), before.Span(), 1e-6) {
		t.Errorf("drag on the overview at 25%%: view centre %.1f span %.1f, want centre %.1f span %.1f",
			(after.Start+after.End)/2, after.Span(), want, before.Span())
	}
}

func TestHoverShowsTooltip(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	ev := 0 // "war", a period
	p, ok := u.tl.EventPos(ev)
	if !ok {
		t.Fatal("event not drawn")
	}
	u.tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	win.Canvas().Capture()
	// The tooltip's texts are the only texts among the renderer's objects (pointertip.Tip).
	var texts []*canvas.Text
	for _, o := range test.WidgetRenderer(u.tl).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			texts = append(texts, tx)
		}
	}
	if len(texts) != 2 {
		t.Fatalf("%d texts over the timeline's raster, want the tooltip's 2", len(texts))
	}
	title, date := texts[0], texts[1]
	if !title.Visible() || title.Text != "People's Commissar for War" || !strings.Contains(date.Text, "1918") {
		t.Errorf("tooltip visible=%v %q / %q, want the event's title and dates", title.Visible(), title.Text, date.Text)
	}
	u.tl.MouseOut()
	win.Canvas().Capture()
	if title.Visible() {
		t.Errorf("tooltip still shown after the mouse left")
	}
}

func TestItalianUI(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("")
	u := newUI(win, testDataset(t), Options{Lang: "it", Theme: "light"})
	win.Resize(fyne.NewSize(1000, 600))
	u.openDetails(0)
	text := labelsText(u.det.box)
	for _, want := range []string{"Commissario del popolo alla guerra", "Date:", "Luogo:", "Mostra nella fonte", "marzo 1918"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("Italian details lack %q:\n%s", want, text)
		}
	}
}

func TestVerticalScroll(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	u := newUI(win, loadBuiltin(t), Options{Lang: "en", Theme: "light"})
	// The lanes share the height (rows fold into "+N" counts), but each keeps a row of
	// events and its count row: five lanes overflow a window this short.
	win.Resize(fyne.NewSize(1000, 330))
	win.Canvas().Capture()
	sc := u.tl.Scene()
	if sc.H <= float64(u.tl.Size().Height)+60 {
		t.Fatalf("content %.0f px is not taller than the view %.0f px", sc.H, u.tl.Size().Height)
	}
	y0 := u.tl.ScrollY()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(fyne.NewPos(500, 100))
	test.Drag(win.Canvas(), pos, 0, -50)
	if got := u.tl.ScrollY(); !near(got, y0+50, 0.5) {
		t.Errorf("drag up 50 px: scrollY %.1f -> %.1f, want %.1f", y0, got, y0+50)
	}
	// A drag on the scroll bar moves the bar with the pointer: the content goes the other way.
	y1 := u.tl.ScrollY()
	bar := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tl).Add(fyne.NewPos(u.tl.Size().Width-timelineview.ScrollBarW/2-2, float32(sc.AxisH)+8))
	test.Drag(win.Canvas(), bar, 0, -10)
	if got := u.tl.ScrollY(); got >= y1 {
		t.Errorf("drag the scroll bar up: scrollY %.1f -> %.1f, want less", y1, got)
	}
	u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if u.tl.ScrollY() <= 0 {
		t.Fatalf("PageDown did not scroll")
	}
	for i := 0; i < 100; i++ {
		u.tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	win.Canvas().Capture()
	if max := u.tl.Scene().H - float64(u.tl.Size().Height); u.tl.ScrollY() > max+0.5 {
		t.Errorf("scrolled %.0f px, past the end (%.0f)", u.tl.ScrollY(), max)
	}
	// Every lane title drawn lies below the pinned axis, inside its lane.
	sc = u.tl.Scene()
	for _, s := range sc.Shapes {
		if s.Kind != scene.KindLaneTitle || s.Type != scene.TextShape {
			continue
		}
		for _, lb := range sc.Lanes {
			if lb.Lane == int(s.Lane) && lb.Y+lb.H > sc.AxisH+u.tl.ScrollY()+20 && s.Y-u.tl.ScrollY() < sc.AxisH {
				t.Errorf("title %q at %.0f is hidden under the axis although its lane shows", s.Text, s.Y-u.tl.ScrollY())
			}
		}
	}
}

func TestShortcutsZoomAboutCentre(t *testing.T) {
	// Fyne's test canvas does not expose TypedShortcut, so the test calls the handlers that
	// installShortcuts registers.
	u, _ := newTestUI(t, 1000, 600)
	sc := u.shortcuts()
	steps := []struct {
		name   string
		key    fyne.KeyName
		factor float64 // span after / span before
	}{
		{"ctrl+= zooms in", fyne.KeyEqual, 0.5},
		{"ctrl+plus zooms in", fyne.KeyPlus, 0.5},
		{"ctrl+minus zooms out", fyne.KeyMinus, 2},
	}
	for _, s := range steps {
		before := u.tl.View()
		sc[s.key]()
		after := u.tl.View()
		if !near(after.Span()/before.Span(), s.factor, 1e-6) {
			t.Errorf("%s: span %.1f -> %.1f, want ×%.1f", s.name, before.Span(), after.Span(), s.factor)
		}
		if mid := (before.Start + before.End) / 2; !near((after.Start+after.End)/2, mid, 1e-6*before.Span()) {
			t.Errorf("%s: centre moved %.2f -> %.2f", s.name, mid, (after.Start+after.End)/2)
		}
	}
	sc[fyne.Key0]()
	first, last := u.eng.Domain()
	if v := u.tl.View(); v.Start > first || v.End < last {
		t.Errorf("ctrl+0 did not fit all: %.0f..%.0f", v.Start, v.End)
	}
}

func TestHoverClusterShowsCount(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("")
	u := newUI(win, crowdedDataset(t), Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1000, 600))
	win.Canvas().Capture()
	for _, s := range u.tl.Scene().Shapes {
		if s.Kind == scene.KindCluster && s.Type == scene.RectShape {
			u.tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(s.X+s.W/2), float32(s.Y+s.H/2))}})
			if !strings.HasSuffix(u.tl.Tooltip()[0], " events") || !strings.Contains(u.tl.Tooltip()[1], "1920") {
				t.Errorf("cluster %q tooltip = %q, want its count and days", s.Text, u.tl.Tooltip())
			}
			return
		}
	}
	t.Fatal("the crowded lane has no cluster at this zoom")
}

func TestSearchEscapeClosesResults(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	win.Canvas().Focus(u.search)
	test.Type(u.search, "mexico")
	if !u.results.Visible() {
		t.Fatal("no results shown for mexico")
	}
	u.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.results.Visible() {
		t.Errorf("Esc left the results open")
	}
	if win.Canvas().Focused() != u.tl {
		t.Errorf("Esc did not return the focus to the timeline")
	}
}

func TestEscapeClosesLanePopupFirst(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	u.openDetails(0)
	u.showLanes()
	if win.Canvas().Overlays().Top() == nil {
		t.Fatal("the Lanes button opened no pop-up")
	}
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	u.tl.TypedKey(esc)
	if win.Canvas().Overlays().Top() != nil {
		t.Errorf("Esc left the lane pop-up open")
	}
	if !u.open {
		t.Errorf("Esc closed the details under the lane pop-up")
	}
	u.tl.TypedKey(esc)
	if u.open {
		t.Errorf("a second Esc left the details open")
	}
}

func TestCtrlShiftEqualZoomsIn(t *testing.T) {
	// Ctrl + on a keyboard where + is the shifted = arrives as Ctrl+Shift+=.
	for _, k := range []fyne.KeyName{fyne.KeyEqual, fyne.KeyPlus} {
		u, win := newTestUI(t, 1000, 600)
		before := u.tl.View()
		typeShortcut(t, win.Canvas(), &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
		if after := u.tl.View(); !near(after.Span()/before.Span(), 0.5, 1e-6) {
			t.Errorf("ctrl+shift+%s: span %.1f -> %.1f, want halved", k, before.Span(), after.Span())
		}
	}
}

// TestLegend: the Legend button opens the legend, whose entries are the figures' (one
// definition in scene.LegendItems): every lane shown and every mark, in the ui's language.
func TestLegend(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("")
	ds := loadBuiltin(t)
	u := newUI(win, ds, Options{Lang: "it", Theme: "light"})
	win.Resize(fyne.NewSize(1200, 700))
	u.setLane(1, false)
	sc := u.eng.Legend(legendWidth, u.tl.HiddenLanes())
	var texts []string
	for _, sh := range sc.Shapes {
		if sh.Type == scene.TextShape {
			texts = append(texts, sh.Text)
		}
	}
	got := strings.Join(texts, "|")
	th := u.eng.Config().Theme
	for _, it := range scene.LegendItems(ds, []bool{true, false, true, true, true, true, true, true, true}, "it", &th) {
		if it.Show && it.Mark != scene.MarkBreak && !strings.Contains(got, it.Label) {
			t.Errorf("the legend lacks %q: %s", it.Label, got)
		}
	}
	if strings.Contains(got, ds.Lanes[1].TitleIn("it")) {
		t.Errorf("the legend lists the hidden lane %q", ds.Lanes[1].TitleIn("it"))
	}
	test.Tap(u.legendBtn)
	if u.legendPop == nil || !u.legendPop.Visible() {
		t.Fatal("the Legend button opened nothing")
	}
}
