package render

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/internal/golden"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
)

// outDir is where tests also write their figures for a person to look at (RENDER_OUT), or "".
var outDir = os.Getenv("RENDER_OUT")

func keep(t *testing.T, name string, b []byte) {
	if outDir != "" {
		if err := os.WriteFile(filepath.Join(outDir, name), b, 0o644); err != nil {
			t.Log(err)
		}
	}
}

func render(t testing.TB, ds *timeline.Dataset, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, ds, o); err != nil {
		t.Fatalf("Render(%+v): %v", o, err)
	}
	return b.Bytes()
}

func TestGoldenSVG(t *testing.T) {
	ds := smallDataset(t)
	tests := []struct {
		name string
		o    Options
	}{
		{"small-light", Options{Format: SVG}},
		{"small-dark", Options{Format: SVG, Theme: "dark"}},
		{"small-print-1917-1930-it", Options{Format: SVG, Theme: "print", Lang: "it", HasRange: true,
			From: chrono.FromCivil(1917, 1, 1), To: chrono.FromCivil(1930, 12, 31)}},
		{"small-exile-800x450", Options{Format: SVG, Lanes: []string{"exile"}, Width: 800, Height: 450, Title: "Exile"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, ds, tc.o)
			wellFormed(t, got)
			keep(t, tc.name+".svg", got)
			golden.Check(t, filepath.Join("testdata", tc.name+".svg"), got)
		})
	}
}

func TestSVGAdversarialText(t *testing.T) {
	ds := adversarialDataset(t)
	for _, theme := range Themes {
		t.Run(theme, func(t *testing.T) {
			got := render(t, ds, Options{Format: SVG, Theme: theme})
			keep(t, "adversarial-"+theme+".svg", got)
			texts := strings.Join(wellFormed(t, got), "\n")
			for _, want := range []string{`<b>&"' Лев Троцкий & Città del Messico`, "Лев Троцкий", "Città del Messico", "Exílio", `<lane>&"'`, "Editora & Filhos <Lisboa>"} {
				if !strings.Contains(texts, want) {
					t.Errorf("no <text> holds %q; texts:\n%s", want, texts)
				}
			}
			if !bytes.Contains(got, []byte(`<use xlink:href="#d`)) || bytes.Contains(got, []byte("Noto Sans")) {
				t.Error("the SVG's text is not drawn with the embedded glyphs, or names a font")
			}
		})
	}
}

// laneColours returns the fill of the first bar or marker of each lane in the figure's scene.
func laneColours(t *testing.T, ds *timeline.Dataset, o Options) map[int16]color.NRGBA {
	t.Helper()
	fig, err := figure(ds, o.withDefaults(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[int16]color.NRGBA{}
	for _, sh := range fig.Shapes {
		if (sh.Kind == scene.KindBar || sh.Kind == scene.KindPoint) && sh.Lane >= 0 && sh.Fill.A == 255 {
			if _, ok := cols[sh.Lane]; !ok {
				cols[sh.Lane] = sh.Fill
			}
		}
	}
	return cols
}

// hasColour reports whether some pixel of img is within tol of c on every channel.
func hasColour(img image.Image, c color.NRGBA, tol int) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if abs(int(p.R)-int(c.R)) <= tol && abs(int(p.G)-int(c.G)) <= tol && abs(int(p.B)-int(c.B)) <= tol {
				return true
			}
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestPNG(t *testing.T) {
	ds := smallDataset(t)
	tests := []struct {
		name string
		o    Options
		w, h int
	}{
		{"default", Options{Format: PNG}, 1920, 1080},
		{"scale 2", Options{Format: PNG, Scale: 2}, 3840, 2160},
		{"800x600 dark", Options{Format: PNG, Width: 800, Height: 600, Theme: "dark"}, 800, 600},
		{"1280x720 scale 1.5 print", Options{Format: PNG, Width: 1280, Height: 720, Scale: 1.5, Theme: "print"}, 1920, 1080},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := render(t, ds, tc.o)
			keep(t, strings.ReplaceAll(tc.name, " ", "-")+".png", b)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != tc.w || got.Y != tc.h {
				t.Fatalf("size %v, want %dx%d", got, tc.w, tc.h)
			}
			// Not blank: many distinct colours.
			seen := map[color.RGBA]bool{}
			for y := 0; y < tc.h; y += 7 {
				for x := 0; x < tc.w; x += 7 {
					seen[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)] = true
				}
			}
			if len(seen) < 20 {
				t.Errorf("only %d colours: the figure looks blank", len(seen))
			}
			cols := laneColours(t, ds, tc.o)
			if len(cols) != len(ds.Lanes) {
				t.Errorf("scene has bars of %d lanes, want %d", len(cols), len(ds.Lanes))
			}
			for lane, c := range cols {
				if !hasColour(img, c, 6) {
					t.Errorf("lane %d colour %v not in the pixels", lane, c)
				}
			}
		})
	}
}

// failWriter fails the test on any write.
type failWriter struct{ t *testing.T }

func (w failWriter) Write(p []byte) (int, error) {
	w.t.Errorf("Render wrote %d bytes for a refused figure", len(p))
	return 0, errors.New("unexpected write")
}

func TestRenderRefusesBeforeWriting(t *testing.T) {
	ds := smallDataset(t)
	for _, o := range []Options{
		{Format: PNG, Width: 20000},
		{Format: PNG, Width: 9000, Scale: 2},
		{Format: SVG, Height: -1},
		{Format: SVG, Theme: "neon"},
		{Format: PNG, Lanes: []string{"nope"}},
		{Format: PNG, HasRange: true, From: 10, To: 5},
		{Format: SVG, HasRange: true, From: chrono.FromCivil(1990, 1, 1), To: chrono.FromCivil(1991, 1, 1)},
		{Format: 7},
	} {
		if err := Render(failWriter{t}, ds, o); err == nil {
			t.Errorf("Render(%+v) accepted it", o)
		} else if !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("error %q does not say where it comes from", err)
		}
	}
}

// TestFigureInsideBounds checks that nothing of a figure lies outside it: every box, line,
// marker and text (measured in Noto Sans as the PNG draws it) is within W×H. A figure that
// cannot hold its lanes is refused instead (TestTooManyLanes).
func TestFigureInsideBounds(t *testing.T) {
	m := textmetrics.Default()
	tests := []struct {
		name string
		ds   *timeline.Dataset
		o    Options
	}{
		{"small", smallDataset(t), Options{Format: PNG}},
		{"small 640x360", smallDataset(t), Options{Format: PNG, Width: 640, Height: 360}},
		{"small 3000x500", smallDataset(t), Options{Format: PNG, Width: 3000, Height: 500}},
		{"adversarial dark", adversarialDataset(t), Options{Format: SVG, Theme: "dark"}},
		{"builtin", builtinDataset(t), Options{Format: PNG}},
		{"builtin 1024x768 pt", builtinDataset(t), Options{Format: SVG, Width: 1024, Height: 768, Lang: "pt"}},
		{"synth 2000", synthDataset(t, 2000), Options{Format: PNG}},
		{"long title", smallDataset(t), Options{Format: PNG, Width: 700, Height: 400, Title: strings.Repeat("A very long title ", 20)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.o.withDefaults()
			if err := o.Validate(tc.ds); err != nil {
				t.Fatal(err)
			}
			fig, err := figure(tc.ds, o, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			W, H := float64(o.Width), float64(o.Height)
			if fig.W != W || fig.H != H {
				t.Fatalf("figure is %v×%v, want %v×%v", fig.W, fig.H, W, H)
			}
			const eps = 0.5
			for i, sh := range fig.Shapes {
				x0, x1, y0, y1 := sh.X, sh.X+sh.W, sh.Y, sh.Y+sh.H
				switch sh.Type {
				case scene.MarkerShape:
					x0, x1, y0, y1 = sh.X-sh.W/2, sh.X+sh.W/2, sh.Y-sh.W/2, sh.Y+sh.W/2
				case scene.TextShape:
					w := m.Width(sh.Text, sh.Size, sh.Style&scene.StyleBold != 0)
					switch {
					case sh.Style&scene.StyleAlignCenter != 0:
						x0 = sh.X - w/2
					case sh.Style&scene.StyleAlignRight != 0:
						x0 = sh.X - w
					}
					x1, y0, y1 = x0+w, sh.Y-sh.Size*0.8, sh.Y+sh.Size*0.25
				}
				if x0 < -eps || y0 < -eps || x1 > W+eps || y1 > H+eps {
					t.Errorf("shape %d (kind %d, %q) spans x %.1f..%.1f y %.1f..%.1f outside %v×%v", i, sh.Kind, sh.Text, x0, x1, y0, y1, W, H)
				}
			}
		})
	}
}

// TestTooManyLanes: lanes that cannot fit the height are refused with a message, not clipped.
func TestTooManyLanes(t *testing.T) {
	var lanes []timeline.Lane
	var evs []ev
	for i := 0; i < 40; i++ {
		id := fmt.Sprintf("l%d", i)
		lanes = append(lanes, timeline.Lane{ID: id, Title: "Lane " + id})
		evs = append(evs, ev{"e" + id, id, "Event " + id, "1900", "1910", nil})
	}
	ds := makeDataset(t, "Forty lanes", lanes, nil, evs)
	var b bytes.Buffer
	err := Render(&b, ds, Options{Format: PNG, Width: 800, Height: 400})
	if err == nil || !strings.Contains(err.Error(), "make it taller or show fewer lanes") {
		t.Fatalf("Render: %v, want a refusal saying the lanes do not fit", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %d bytes for a refused figure", b.Len())
	}
	if err := Render(&b, ds, Options{Format: PNG, Width: 800, Height: 2000}); err != nil {
		t.Errorf("a tall enough figure was refused: %v", err)
	}
}

// TestOpenRange: a range open on one side (ParseRange("1917", "")) ends at the last event shown.
func TestOpenRange(t *testing.T) {
	ds := smallDataset(t)
	from, to, err := ParseRange("1917", "")
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Format: SVG, HasRange: true, From: from, To: to}
	texts := strings.Join(wellFormed(t, render(t, ds, o)), "\n")
	if !strings.Contains(texts, "1 January 1917 – 21 August 1940 · 7 events") {
		t.Errorf("subtitle not found; texts:\n%s", texts)
	}
}

// TestRenderIndexSameFigure: rendering through an index the caller holds writes the very
// file Render writes, for all lanes and for some, and refuses what Render refuses.
func TestRenderIndexSameFigure(t *testing.T) {
	ds := builtinDataset(t)
	ix := layout.NewIndex(ds)
	tests := []struct {
		name string
		o    Options
	}{
		{"svg, all lanes", Options{Format: SVG}},
		{"svg, two lanes, a range", Options{Format: SVG, Lanes: []string{ds.Lanes[0].ID, ds.Lanes[2].ID}, HasRange: true, From: chrono.FromCivil(1917, 1, 1), To: chrono.FromCivil(1924, 12, 31)}},
		{"png", Options{Format: PNG, Width: 1280, Height: 720}},
		{"refused", Options{Format: SVG, Lanes: []string{"no-such-lane"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			errA := Render(&a, ds, tc.o)
			errB := RenderIndex(&b, ix, tc.o)
			if (errA == nil) != (errB == nil) {
				t.Fatalf("Render: %v, RenderIndex: %v", errA, errB)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("RenderIndex wrote %d bytes that differ from Render's %d", b.Len(), a.Len())
			}
		})
	}
}

// TestSpansOfIndex: the spans the figure counts, ranges and credits by (its index's span
// table) are those Event.Span computes from the dates, for every kind of event, whether or
// not the events' LaneIndex is set, and the index's lanes hold the same days.
func TestSpansOfIndex(t *testing.T) {
	mustDate := func(s string) chrono.Date {
		if s == "" {
			return chrono.Date{}
		}
		d, err := chrono.Parse(s)
		if err != nil {
			t.Fatalf("date %q: %v", s, err)
		}
		return d
	}
	odd := &timeline.Dataset{Lanes: []timeline.Lane{{ID: "a"}, {ID: "b"}}}
	for _, e := range []struct{ lane, start, end string }{
		{"a", "1917-10-25", ""},           // a point
		{"a", "1917", "1921~"},            // coarse and uncertain
		{"b", "1905-01", ".."},            // open end
		{"b", "..", "1905-06-01"},         // open start
		{"a", "1920-05-01", "1919-01-01"}, // end before start (the loader refuses it)
		{"b", "1917", "1917"},             // same coarse start and end
		{"a", "1940-08-20", "1940-08-21"},
		{"c", "1930", ""}, // no such lane
	} {
		odd.Events = append(odd.Events, timeline.Event{Lane: e.lane, StartDate: mustDate(e.start), EndDate: mustDate(e.end)})
	}
	withLaneIndex := func(ds *timeline.Dataset) *timeline.Dataset {
		c := *ds
		c.Events = slices.Clone(ds.Events)
		for i := range c.Events {
			c.Events[i].LaneIndex = -1
			for li, l := range c.Lanes {
				if l.ID == c.Events[i].Lane {
					c.Events[i].LaneIndex = li
				}
			}
		}
		return &c
	}
	tests := []struct {
		name string
		ds   *timeline.Dataset
	}{
		{"built-in as decoded", builtinDataset(t)},
		{"built-in with lane indexes", withLaneIndex(builtinDataset(t))},
		{"odd events", odd},
		{"odd events with lane indexes", withLaneIndex(odd)},
		{"synthetic", withLaneIndex(synthDataset(t, 3000))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.ds.BuildSpans() // the loaders' step: Event.Span then runs open ends to the dataset's end
			ix := layout.NewIndex(tc.ds)
			shown := map[int][2]chrono.Day{}
			Options{}.shown(tc.ds, ix.Spans, chrono.MinDay, chrono.MaxDay, func(i int, lo, hi chrono.Day) {
				shown[i] = [2]chrono.Day{lo, hi}
			})
			for i := range tc.ds.Events {
				e := &tc.ds.Events[i]
				li := e.LaneIndex
				lane, pos, ok := ix.Find(int32(i))
				if li < 0 || li >= len(tc.ds.Lanes) {
					if _, in := shown[i]; in || ok {
						t.Errorf("event %d without a lane: shown %v, in the index %v", i, in, ok)
					}
					continue
				}
				first, last := e.Span()
				if got, in := shown[i]; !in || got != [2]chrono.Day{first, last} {
					t.Errorf("event %d (%s – %s): days %v in the figure (shown %v), Span %d–%d", i, e.StartDate, e.EndDate, got, in, first, last)
				}
				if !ok || lane != li {
					t.Fatalf("event %d: lane %d, %v in the index; want lane %d", i, lane, ok, li)
				}
				l := &ix.Lanes[lane]
				if l.Event[pos] != int32(i) || chrono.Day(l.Start[pos]) != first || chrono.Day(max(l.End[pos]-1, l.Start[pos])) != last {
					t.Errorf("event %d: index days %d–%d, Span %d–%d", i, l.Start[pos], l.End[pos]-1, first, last)
				}
			}
		})
	}
}

// TestOpenEndShown: an event with an open end ("..") runs, in the figure as in the window,
// to the dataset's last day; a range after its start shows it (counted, and valid), where
// the figure once took it to end at its start and refused the range as empty.
func TestOpenEndShown(t *testing.T) {
	ds, err := format.Parse("open.json", []byte(`{"format": "timeline/1", "title": "Open",
		"lanes": [{"id": "a", "title": "A"}],
		"events": [{"id": "x", "lane": "a", "start": "1900", "end": "..", "title": "Long"},
			{"id": "y", "lane": "a", "start": "1940", "title": "Later"}]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Format: SVG, HasRange: true, From: chrono.FromCivil(1935, 1, 1), To: chrono.FromCivil(1939, 12, 31)}
	if err := o.Validate(ds); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	texts := strings.Join(wellFormed(t, render(t, ds, o)), "\n")
	if !strings.Contains(texts, "1 event") {
		t.Errorf("the open-ended event is not counted; texts:\n%s", texts)
	}
}

// TestPDF exports the built-in dataset as PDF on every page size and orientation: a
// well-formed one-page PDF of that size with Noto Sans embedded (as a subset).
func TestPDF(t *testing.T) {
	ds := builtinDataset(t)
	for _, page := range Pages {
		for _, land := range []bool{false, true} {
			o := Options{Format: PDF, Page: page, Landscape: land, Title: "Trotsky"}
			var b bytes.Buffer
			if err := Render(&b, ds, o); err != nil {
				t.Fatalf("%s landscape=%v: %v", page, land, err)
			}
			doc := b.String()
			if !strings.HasPrefix(doc, "%PDF-") || !strings.Contains(doc, "%%EOF") {
				t.Fatalf("%s: not a PDF", page)
			}
			if strings.Count(doc, "/FontFile2") != 2 || !strings.Contains(strings.ToLower(doc), "notosans") {
				t.Errorf("%s: Noto Sans regular and bold are not both embedded", page)
			}
			w, h, _ := pageSize(page)
			if page != "slide" && land == (w < h) {
				w, h = h, w
			}
			box := fmt.Sprintf("/MediaBox [0 0 %.2f %.2f]", w, h)
			if !strings.Contains(doc, box) {
				t.Errorf("%s landscape=%v: no %s", page, land, box)
			}
		}
	}
}

func TestParseLength(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{{"10mm", 28.3465, true}, {"36pt", 36, true}, {"1in", 72, true}, {"2.54 cm", 72, true}, {"12", 12, true}, {"-3mm", 0, false}, {"ten mm", 0, false}, {"", 0, false}} {
		got, err := ParseLength(tc.in)
		if (err == nil) != tc.ok || math.Abs(got-tc.want) > 0.01 {
			t.Errorf("ParseLength(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

// TestSVGText checks the three ways an SVG carries its text: glyphs with the text invisible
// (the default: no visible <text>, nothing visible naming a font), <text> with the subset of
// Noto Sans it uses embedded (decoding to a font with those glyphs), or outlines with no
// <text> at all; each way the marks of each lane's events are grouped (unique ids) with a
// <title> per event.
func TestSVGText(t *testing.T) {
	ds := builtinDataset(t)
	for _, mode := range []SVGText{SVGGlyphs, SVGFont, SVGOutlines} {
		var b bytes.Buffer
		if err := Render(&b, ds, Options{Format: SVG, SVGText: mode, HasRange: true, From: chrono.FromCivil(1917, 1, 1), To: chrono.FromCivil(1930, 12, 31)}); err != nil {
			t.Fatal(err)
		}
		doc := b.String()
		texts := wellFormed(t, b.Bytes())
		ids := regexp.MustCompile(`<g id="(lane-[^"]+)"`).FindAllStringSubmatch(doc, -1)
		seen := map[string]bool{}
		for _, m := range ids {
			if seen[m[1]] {
				t.Errorf("%v: id %s twice", mode, m[1])
			}
			seen[m[1]] = true
		}
		if !seen["lane-posts"] || !seen["lane-exile"] {
			t.Errorf("%v: lane groups %v", mode, ids)
		}
		if n := strings.Count(doc, "<g><title>"); n < 20 {
			t.Errorf("%v: %d event titles", mode, n)
		}
		if !strings.Contains(doc, "<title>Chairman of the Revvoensovet (") {
			t.Errorf("%v: no title for the Revvoensovet", mode)
		}
		switch mode {
		case SVGGlyphs:
			// Every <text> is invisible and sized to its glyphs; the glyphs come from <defs>.
			tags := regexp.MustCompile(`<text[^>]*>`).FindAllString(doc, -1)
			if len(tags) < 50 || len(tags) != len(texts) {
				t.Errorf("glyphs: %d <text> tags for %d texts", len(tags), len(texts))
			}
			for _, tag := range tags {
				if !strings.Contains(tag, ` fill-opacity="0"`) || !strings.Contains(tag, ` textLength="`) || strings.Contains(tag, ` fill="`) {
					t.Fatalf("glyphs: a visible or unsized text: %s", tag)
				}
			}
			if strings.Contains(doc, "Noto") || strings.Contains(doc, "@font-face") {
				t.Error("glyphs: the document names a font")
			}
			if !strings.Contains(doc, `>Chairman of the Revvoensovet</text>`) || !strings.Contains(doc, `<g aria-hidden="true"`) ||
				!strings.Contains(doc, `<use xlink:href="#d`) || !strings.Contains(doc, `<defs><path id="d`) {
				t.Error("glyphs: no invisible text beside the glyph group")
			}
			if a, b := strings.Count(doc, `<g aria-hidden="true"`), len(tags); a != b {
				t.Errorf("glyphs: %d glyph groups for %d texts", a, b)
			}
		case SVGFont:
			m := regexp.MustCompile(`font-weight:400;font-style:normal;src:url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)`).FindStringSubmatch(doc)
			if m == nil {
				t.Fatal("no embedded regular font")
			}
			font, err := base64.StdEncoding.DecodeString(m[1])
			if err != nil {
				t.Fatal(err)
			}
			f, err := sfnt.Parse(font)
			if err != nil {
				t.Fatalf("embedded font: %v", err)
			}
			var buf sfnt.Buffer
			for _, r := range strings.Join(texts, "") {
				if g, err := f.GlyphIndex(&buf, r); (err != nil || g == 0) && r != ' ' && r != '\u00a0' {
					t.Errorf("embedded font lacks %q", r)
				}
			}
			if len(font) > 60_000 {
				t.Errorf("embedded regular font is %d bytes", len(font))
			}
		case SVGOutlines:
			if len(texts) != 0 {
				t.Errorf("outlines: %d <text> elements", len(texts))
			}
			if !strings.Contains(doc, `aria-label="Chairman of the Revvoensovet"`) || !strings.Contains(doc, `<use xlink:href="#d`) {
				t.Error("outlines: no labelled glyph group")
			}
		}
	}
}

// TestFontSize checks that an asked-for label size is the labels' size (in px, or in pt on a
// PDF page), that the title scales with it, and that a size out of bounds is refused.
func TestFontSize(t *testing.T) {
	ds := builtinDataset(t)
	from, to := chrono.FromCivil(1917, 1, 1), chrono.FromCivil(1922, 12, 31)
	sizes := func(o Options) (label, title float64) {
		o = o.withDefaults()
		fig, err := figure(ds, o, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range fig.Shapes {
			switch {
			case sh.Kind == scene.KindLabel && label == 0:
				label = sh.Size
			case sh.Kind == scene.KindTitle && title == 0:
				title = sh.Size
			}
		}
		return label, title
	}
	base := Options{Format: PNG, HasRange: true, From: from, To: to, Height: 1600}
	_, title0 := sizes(base)
	for _, fs := range []float64{10, 20} {
		o := base
		o.FontSize = fs
		label, title := sizes(o)
		if label != fs {
			t.Errorf("--font-size %v: labels at %v px", fs, label)
		}
		if want := title0 * fs / 15; math.Abs(title-want) > 0.5 {
			t.Errorf("--font-size %v: title at %v px, want %v (it scales with the labels)", fs, title, want)
		}
	}
	// On an A4 page, 9 pt labels are 9 pt once the layout is scaled to the page.
	o := Options{Format: PDF, HasRange: true, From: from, To: to, FontSize: 9}.withDefaults()
	pg := pageOf(o)
	pg.place(float64(o.Width), float64(o.Height))
	if label, _ := sizes(o); math.Abs(label*pg.k-9) > 0.01 {
		t.Errorf("PDF 9 pt labels are %.2f pt", label*pg.k)
	}
	for _, bad := range []float64{-1, 2, 500, math.NaN()} {
		o := base
		o.FontSize = bad
		if err := o.Validate(ds); err == nil || !strings.Contains(err.Error(), "font size") {
			t.Errorf("font size %v: %v, want a refusal", bad, err)
		}
	}
}
