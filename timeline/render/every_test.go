package render

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	goldenfile "trotskytimeline/timeline/internal/golden"
	"trotskytimeline/timeline/scene"
)

// denseDataset crowds 120 events of every precision into 1917 in two lanes: more than a
// 1920×1080 figure holds in rows at its nominal size.
func denseDataset(t testing.TB) *timeline.Dataset {
	var evs []ev
	for i := 0; i < 120; i++ {
		m, d := 1+i%12, 1+(i*7)%28
		e := ev{id: fmt.Sprint("e", i), lane: []string{"a", "b"}[i%2], title: fmt.Sprintf("Event number %d of the dense year", i), sources: []string{"s"}}
		switch i % 4 {
		case 0: // a day
			e.start = fmt.Sprintf("1917-%02d-%02d", m, d)
		case 1: // a month
			e.start = fmt.Sprintf("1917-%02d", m)
		case 2: // a period of days
			e.start, e.end = fmt.Sprintf("1917-%02d-%02d", m, d), fmt.Sprintf("1917-%02d-%02d", min(m+2, 12), d)
		default: // an approximate period
			e.start, e.end = fmt.Sprintf("1917-%02d~", m), fmt.Sprintf("1917-%02d", min(m+1, 12))
		}
		evs = append(evs, e)
	}
	return makeDataset(t, "Dense", []timeline.Lane{{ID: "a", Title: "Lane A"}, {ID: "b", Title: "Lane B"}},
		[]timeline.Source{{ID: "s", Title: "Source", Lang: "en"}}, evs)
}

// everyEvent checks that fig draws each of ds's events in [from, to] one by one, with a mark
// and its whole title as a label, and no "+N" chip.
func everyEvent(t *testing.T, name string, ds *timeline.Dataset, fig *scene.Scene, from, to chrono.Day) {
	t.Helper()
	marks, labels := map[int32]bool{}, map[int32]string{}
	for _, sh := range fig.Shapes {
		switch sh.Kind {
		case scene.KindBar, scene.KindPoint, scene.KindUncertain:
			marks[sh.Event] = true
		case scene.KindLabel:
			labels[sh.Event] = sh.Text
		case scene.KindCluster:
			t.Errorf("%s: a chip %q in a figure", name, sh.Text)
		}
	}
	n := 0
	for i := range ds.Events {
		a, b := ds.Events[i].Span()
		if b < from || a > to {
			continue
		}
		n++
		title := ds.Events[i].TitleIn("en")
		if !marks[int32(i)] {
			t.Errorf("%s: %q has no mark", name, title)
		}
		if labels[int32(i)] != title {
			t.Errorf("%s: %q labelled %q", name, title, labels[int32(i)])
		}
	}
	if n == 0 {
		t.Fatalf("%s: no event in range", name)
	}
}

// TestFigureEveryEvent: a figure of a dense range draws every event with its whole label,
// growing taller than 1080 px (golden scene of the dense year); with a fixed height it shrinks
// its type, and only where it cannot fit says how many it leaves out, in its footer and to Warn.
func TestFigureEveryEvent(t *testing.T) {
	ds := denseDataset(t)
	from, to := chrono.FromCivil(1917, 1, 1), chrono.FromCivil(1917, 12, 31)
	o := Options{Format: SVG, Grow: true}.withDefaults()
	fig, err := figure(ds, o, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fig.H <= DefaultHeight {
		t.Errorf("the dense figure stayed %.0f px tall", fig.H)
	}
	everyEvent(t, "dense", ds, fig, from, to)
	var buf bytes.Buffer
	if err := fig.Dump(&buf); err != nil {
		t.Fatal(err)
	}
	goldenfile.Check(t, filepath.Join("testdata", "dense-every-event.txt"), buf.Bytes())
	keep(t, "dense-every-event.png", render(t, ds, Options{Format: PNG, Grow: true}))
	keep(t, "dense-fixed-400.png", render(t, ds, Options{Format: PNG, Height: 400}))

	// The built-in dataset's densest years.
	b := builtinDataset(t)
	from, to = chrono.FromCivil(1917, 1, 1), chrono.FromCivil(1922, 12, 31)
	ob := Options{Format: PNG, Grow: true, HasRange: true, From: from, To: to}.withDefaults()
	fb, err := figure(b, ob, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	everyEvent(t, "built-in 1917-1922", b, fb, from, to)

	// A fixed height too small for them: the type shrinks, then the footer and Warn say how
	// many are left out, and no chip is drawn.
	var warned []string
	of := Options{Format: PNG, Height: 400, Warn: func(m string) { warned = append(warned, m) }}.withDefaults()
	ff, err := figure(ds, of, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ff.H != 400 {
		t.Errorf("a fixed-height figure is %.0f px tall", ff.H)
	}
	foot := ""
	for _, sh := range ff.Shapes {
		if sh.Kind == scene.KindFooter {
			foot += sh.Text + " "
		}
		if sh.Kind == scene.KindCluster {
			t.Errorf("a chip %q in a fixed-height figure", sh.Text)
		}
	}
	if len(warned) != 1 || !strings.Contains(foot, strings.TrimSuffix(warned[0], ".")[:20]) || !strings.Contains(warned[0], "left out") {
		t.Errorf("warned %q, footer %q", warned, foot)
	}
}

// TestPDFTypeFloor: a PDF page too small for the whole career sets its labels no smaller
// than MinPDFLabelPt and says how many events it leaves out, rather than print them all
// too small to read (an A4 portrait page held them all at 3 pt).
func TestPDFTypeFloor(t *testing.T) {
	ds := builtinDataset(t)
	var warned []string
	o := Options{Format: PDF, Page: "a4", Warn: func(m string) { warned = append(warned, m) }}.withDefaults()
	o.Landscape = false
	fig, err := figure(ds, o, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	pg := pageOf(o)
	pg.place(fig.W, fig.H)
	smallest := math.Inf(1)
	for _, sh := range fig.Shapes {
		if sh.Kind == scene.KindLabel {
			smallest = math.Min(smallest, sh.Size*pg.k)
		}
	}
	if smallest < MinPDFLabelPt-0.01 {
		t.Errorf("labels at %.2f pt on an A4 page, below %v pt", smallest, float64(MinPDFLabelPt))
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "left out") {
		t.Errorf("warnings %q, want one saying how many events are left out", warned)
	}
}
