package render

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
)

// Render draws the figure o describes of ds and writes it to w as PNG, SVG or PDF. It validates o
// and lays the whole figure out first, so a refused or impossible figure writes nothing; the
// file is then written in one Write.
func Render(w io.Writer, ds *timeline.Dataset, o Options) error {
	return renderIndexed(w, ds, nil, o)
}

// RenderIndex is Render of the dataset ix indexes (ix.DS), reusing ix instead of indexing the
// dataset again: a caller that holds the index (the app) saves that work, a third of a
// million-event export. ix must be layout.NewIndex of the dataset as it is now.
func RenderIndex(w io.Writer, ix *layout.Index, o Options) error {
	if ix == nil {
		return Render(w, nil, o)
	}
	return renderIndexed(w, ix.DS, ix, o)
}

func renderIndexed(w io.Writer, ds *timeline.Dataset, ix *layout.Index, o Options) error {
	// The index and its span table, made when validation gets that far (a refused figure
	// of a large dataset costs neither), once for both validation and the figure.
	var tab *timeline.Spans
	spans := func() *timeline.Spans {
		if tab == nil {
			if ix == nil {
				ix = layout.NewIndex(ds)
			}
			tab = ix.Spans
		}
		return tab
	}
	if err := o.validate(ds, spans); err != nil {
		return err
	}
	spans()
	o = o.withDefaults()
	fig, err := figure(ds, o, tab, ix)
	if err != nil {
		return err
	}
	switch o.Format {
	case PDF:
		pg := pageOf(o)
		pg.place(fig.W, fig.H)
		title := o.Title
		if title == "" && ds != nil {
			title = ds.Title
		}
		p := newPDFPainter(pg, title)
		// The margins take the figure's background, so a dark figure is a dark page.
		p.Rect(-pg.x/pg.k, -pg.y/pg.k, pg.w/pg.k, pg.h/pg.k, 0, paint.Ink{Fill: fig.Background})
		paint.Walk(p, fig)
		return p.finish(w)
	case SVG:
		p := newSVGPainter(fig.W, fig.H)
		p.text = o.SVGText
		p.laneID = func(l int) string { return ds.Lanes[l].ID }
		p.title = func(ev int) string {
			e := &ds.Events[ev]
			return e.TitleIn(o.Lang) + " (" + e.DatesText(o.Lang) + ")"
		}
		paint.Walk(p, fig)
		return p.finish(w)
	default: // PNG; Validate refused the rest
		p, err := newPNGPainter(fig.W, fig.H, o.Scale)
		if err != nil {
			return err
		}
		paint.Walk(p, fig)
		return p.finish(w)
	}
}

// labelPx is the event labels' size in layout px that o asks for (0: from the figure's size).
// A PDF's FontSize is in pt on the page, which shows the layout scaled to its printable area.
func labelPx(o Options) float64 {
	if o.FontSize <= 0 {
		return 0
	}
	if o.Format == PDF {
		pg := pageOf(o)
		pg.place(float64(o.Width), float64(o.Height))
		if pg.k > 0 {
			return o.FontSize / pg.k
		}
	}
	return o.FontSize
}

// sizes are the figure's measurements in layout px at a given size unit.
type sizes struct {
	margin, gap                   float64
	title, subtitle, legend, foot float64 // font sizes
}

func sizesFor(u float64) sizes {
	return sizes{margin: 40 * u, gap: 18 * u, title: 40 * u, subtitle: 22 * u, legend: 17 * u, foot: 15 * u}
}

// words of the figure in its languages.
var words = map[string]map[string]string{
	"en": {"route": "Moves, in time order (dashed: uncertain)", "place": "Place", "approx": "Approximate place (a region)", "basemap": "Map: Natural Earth (public domain)", "coords": "coordinates:", "events": "events", "event": "event", "period": "Period", "point": "Event", "uncertain": "Uncertain or approximate dates", "contested": "Sources disagree on the date", "sources": "Sources:", "density": "Events per interval (too many to draw one by one)", "cluster": "Events without room to draw", "omitted": "%d events of this range are left out for want of room: make the figure taller, or narrow its range or lanes", "omitted1": "1 event of this range is left out for want of room: make the figure taller, or narrow its range or lanes"},
	"it": {"route": "Spostamenti, in ordine di tempo (tratteggio: incerti)", "place": "Luogo", "approx": "Luogo approssimativo (una regione)", "basemap": "Mappa: Natural Earth (pubblico dominio)", "coords": "coordinate:", "events": "eventi", "event": "evento", "period": "Periodo", "point": "Evento", "uncertain": "Date incerte o approssimate", "contested": "Le fonti discordano sulla data", "sources": "Fonti:", "density": "Eventi per intervallo (troppi da disegnare uno per uno)", "cluster": "Eventi senza spazio per disegnarli", "omitted": "%d eventi di questo intervallo sono omessi per mancanza di spazio: rendere la figura più alta, o restringere l'intervallo o le corsie", "omitted1": "1 evento di questo intervallo è omesso per mancanza di spazio: rendere la figura più alta, o restringere l'intervallo o le corsie"},
	"pt": {"route": "Deslocações, por ordem no tempo (tracejado: incertas)", "place": "Lugar", "approx": "Lugar aproximado (uma região)", "basemap": "Mapa: Natural Earth (domínio público)", "coords": "coordenadas:", "events": "eventos", "event": "evento", "period": "Período", "point": "Evento", "uncertain": "Datas incertas ou aproximadas", "contested": "As fontes divergem quanto à data", "sources": "Fontes:", "density": "Eventos por intervalo (demasiados para desenhar um a um)", "cluster": "Eventos sem espaço para os desenhar", "omitted": "%d eventos deste intervalo ficam de fora por falta de espaço: torne a figura mais alta, ou reduza o intervalo ou as faixas", "omitted1": "1 evento deste intervalo fica de fora por falta de espaço: torne a figura mais alta, ou reduza o intervalo ou as faixas"},
}

func word(lang, key string) string {
	if w, ok := words[lang][key]; ok {
		return w
	}
	return words["en"][key]
}

// figure composes the whole figure as one scene: the title band (title and the range shown),
// the timeline body from scene.Build, a legend of lanes and marks, and a footer crediting the
// sources of the events shown. o has its defaults set and is valid.
// ix indexes ds and tab is its span table (ix.Spans); either may be nil, and is then made
// here.
func figure(ds *timeline.Dataset, o Options, tab *timeline.Spans, ix *layout.Index) (*scene.Scene, error) {
	if ix == nil {
		ix = layout.NewIndex(ds)
	}
	if tab == nil {
		tab = ix.Spans
	}
	theme, _ := scene.ThemeByName(o.Theme)
	m := textmetrics.Default()
	W, H := float64(o.Width), float64(o.Height)
	u := math.Max(0.6, math.Min(2, math.Min(W/DefaultWidth, H/DefaultHeight)))
	// An asked-for label size (o.FontSize, in pt on a PDF page) sets the type scale: the
	// title, legend and footer keep their proportion to the labels.
	label := labelPx(o)
	if label > 0 {
		u = label / 15
	}
	sz := sizesFor(u)
	from, to, _ := o.span(ds, tab)
	nShown := 0
	o.shown(ds, tab, from, to, func(int, chrono.Day, chrono.Day) { nShown++ })

	fig := &scene.Scene{W: W, H: H, Background: theme.Background}
	add := func(sh scene.Shape) { fig.Shapes = append(fig.Shapes, sh) }
	inner := W - 2*sz.margin
	// Free text (title, legend, footer) is set in 90% of the width: an SVG viewer without
	// Noto Sans substitutes a font up to ~12% wider (DejaVu Sans), and free text carries no
	// textLength to hold it (see svgPainter.Text), so this keeps it inside the figure.
	free := inner * 0.9

	// Title band: the title, shrunk to fit (then cut with an ellipsis), and the range.
	title := o.Title
	if title == "" {
		title = ds.Title
	}
	tsize := sz.title
	if tw := m.Width(title, tsize, true); tw > free {
		tsize = math.Max(sz.title*0.6, tsize*free/tw)
	}
	title, _ = textmetrics.Fit(m, title, tsize, true, free)
	y := sz.margin + sz.title*0.95
	add(textShape(scene.KindTitle, sz.margin, y, title, tsize, scene.StyleBold, theme.Text))
	sub := rangeText(from, to, o.Lang) + " · " + strconv.Itoa(nShown) + " " + word(o.Lang, "events")
	if nShown == 1 {
		sub = rangeText(from, to, o.Lang) + " · 1 " + word(o.Lang, "event")
	}
	sub, _ = textmetrics.Fit(m, sub, sz.subtitle, false, free)
	y += sz.subtitle * 1.55
	add(textShape(scene.KindTitle, sz.margin, y, sub, sz.subtitle, 0, theme.TextMuted))
	bodyTop := y + sz.subtitle*0.45 + sz.gap

	// Footer, from the bottom up.
	lineH := sz.foot * 1.45
	var footer []string
	if credits := sourceCredits(ds, o, tab, from, to); len(credits) > 0 {
		footer = wrapItems(m, word(o.Lang, "sources"), credits, sz.foot, free)
	}
	var gix *geo.Index
	if o.View != "timeline" {
		gix = geo.NewIndex(ds)
		// The map shows the places and moves of the lanes the figure shows.
		on := o.laneSet(ds)
		gix.Hidden = make([]bool, len(on))
		for i := range on {
			gix.Hidden[i] = !on[i]
		}
		footer = append(footer, wrapItems(m, word(o.Lang, "basemap")+"; "+word(o.Lang, "coords"), mapCredits(gix, from, to, o.Lang), sz.foot, free)...)
	}
	// The body is built before the legend, whose colours and marks it supplies; the legend's
	// height does not depend on the body (its rows depend on the lane titles only).
	var legend []scene.LegendItem
	if o.View != "map" {
		legend = scene.LegendItems(ds, o.laneSet(ds), o.Lang, &theme)
	}
	if gix != nil {
		legend = append(legend, mapLegendItems(ds, o, theme)...)
	}
	legRows := scene.LegendRows(m, legend, sz.legend, free)
	legH := float64(legRows) * sz.legend * 1.9
	// Below the body: the legend, and the footer with a line for the events left out,
	// should there be any (known once the body is built).
	below := sz.gap + legH + sz.gap*0.5 + float64(len(footer)+1)*lineH + sz.margin*0.8
	room := H - below - bodyTop
	var body *scene.Scene
	mapTop, mapH := bodyTop, room
	if o.View != "map" {
		troom := room
		if o.View == "both" {
			troom = math.Round(room * 0.5)
		}
		var err error
		body, err = fitBody(ix, o, theme, m, from, to, inner, troom, u, label)
		if err != nil {
			return nil, err
		}
		if o.Grow && body.H > troom {
			// Every event with its label: the figure grows as tall as its body needs.
			H = math.Ceil(H + body.H - troom)
			fig.H = H
		}
		if !o.Chips && body.Folded > 0 {
			// The rows could not hold every event even at the smallest type: say how many
			// are left out, in the footer and to whoever asked (stderr for the command line).
			msg := word(o.Lang, "omitted1")
			if body.Folded != 1 {
				msg = fmt.Sprintf(word(o.Lang, "omitted"), body.Folded)
			}
			footer = append(wrapItems(m, "", []string{msg}, sz.foot, free), footer...)
			if o.Warn != nil {
				o.Warn(msg)
			}
		}
		dense := map[int16]bool{}
		for _, lb := range body.Lanes {
			dense[int16(lb.Lane)] = lb.Density
		}
		for _, sh := range body.Shapes {
			if sh.Kind == scene.KindBackground {
				continue
			}
			if sh.Kind == scene.KindCluster && !o.Chips && !dense[sh.Lane] {
				continue // no "+N" chip in a figure unless asked for: the footer counts them
			}
			sh.X += sz.margin
			sh.Y += bodyTop
			add(sh)
		}
		mapTop = bodyTop + body.H + sz.gap*0.5
		mapH = H - below - mapTop
	}
	footTop := H - sz.margin*0.8 - float64(len(footer))*lineH
	if gix != nil {
		ms := mapBody(gix, theme, o.Lang, m, from, to, inner, mapH, sz.legend)
		showMapKeys(legend, ms)
		for _, sh := range ms.Shapes {
			sh.X += sz.margin
			sh.Y += mapTop
			if len(sh.Points) > 0 {
				pts := make([]scene.Point, len(sh.Points))
				for i, p := range sh.Points {
					pts[i] = scene.Point{X: p.X + sz.margin, Y: p.Y + mapTop}
				}
				sh.Points = pts
			}
			add(sh)
		}
		if body == nil {
			body = &ms.Scene
		} else {
			body.Shapes = append(body.Shapes, ms.Shapes...)
			body.H = mapTop + mapH - bodyTop
		}
	}
	scene.MarkLegend(legend, body)
	if !o.Chips {
		for i := range legend {
			if legend[i].Mark == scene.MarkCluster {
				legend[i].Show = false // no chip drawn, none to explain
			}
		}
	}
	// The legend sits right under the body; what room is left stays above the footer.
	legFS := sz.legend
	for _, sh := range body.Shapes {
		if sh.Kind == scene.KindLaneTitle && sh.Type == scene.TextShape {
			legFS = math.Min(legFS, math.Max(sh.Size*1.15, 11))
			break
		}
	}
	scene.DrawLegend(fig, m, legend, legFS, sz.margin, bodyTop+body.H+sz.gap, free, &theme)

	for i, line := range footer {
		add(textShape(scene.KindFooter, sz.margin, footTop+float64(i)*lineH+sz.foot, line, sz.foot, 0, theme.TextMuted))
	}
	return fig, nil
}

// twoLineWidth is the narrowest width that holds a bold title on at most two lines broken
// at a space (the whole title's width when it has no space).
func twoLineWidth(m scene.Measurer, title string, size float64) float64 {
	best := m.Width(title, size, true)
	for i := 0; i < len(title); i++ {
		if title[i] == ' ' {
			best = math.Min(best, math.Max(m.Width(strings.TrimSpace(title[:i]), size, true), m.Width(strings.TrimSpace(title[i+1:]), size, true)))
		}
	}
	return best
}

// titlesFit reports whether every lane of a body is tall enough for a title of two lines
// (as scene's title column sets them: 1.35 em apart, half an em of room).
func titlesFit(s *scene.Scene) bool {
	fs := 0.0
	for _, sh := range s.Shapes {
		if sh.Kind == scene.KindLaneTitle && sh.Type == scene.TextShape {
			fs = sh.Size
			break
		}
	}
	for _, lb := range s.Lanes {
		if lb.H-fs*0.5 < 2*fs*1.35 {
			return false
		}
	}
	return fs > 0
}

// MinPDFLabelPt is the smallest size, in pt on the page, that a PDF figure sets its event
// labels in when it shrinks its type to fit (unless --font-size asks for a size).
const MinPDFLabelPt = 4

// fitBody builds the timeline body at the largest size (from 1.5× the nominal down to 0.6×,
// sharing the rows the room holds among the lanes once text is at 0.8×, the rest counted in
// "+N" clusters) that fits room.
// When not even that fits it says so: a figure never drops lanes silently. Every attempt
// builds from the one index ix of the whole dataset; the lanes not shown are the scene's
// HiddenLanes.
//
// label > 0 is the labels' size asked for: it holds at the sizes from 0.8× up (rows still grow
// and shrink), and shrinks in proportion only below, where nothing else would fit.
func fitBody(ix *layout.Index, o Options, theme scene.Theme, m scene.Measurer, from, to chrono.Day, width, room, u, label float64) (*scene.Scene, error) {
	ds := ix.DS
	on := o.laneSet(ds)
	hidden := make([]bool, len(on))
	for i := range ds.Lanes {
		hidden[i] = !on[i]
	}
	// build builds the body at size k; with budget it shares the rows the room holds (less
	// trim) among the lanes. It returns the scene and its row height.
	twoLines := false // lane titles wrapped onto two lines (a narrower title column)
	build := func(k float64, budget bool, trim int) (*scene.Scene, float64) {
		cfg := scene.DefaultConfig()
		cfg.Theme = theme
		cfg.Lang = o.Lang
		cfg.Measurer = m
		// Rows grow to fill a tall figure; text grows less, so labels still fit.
		cfg.FontSize = math.Max(8, 15*u*math.Min(k, 1.3))
		if label > 0 {
			cfg.FontSize = label * math.Min(1, k/0.8)
		}
		cfg.RowHeight = math.Round(math.Max(28*u*k, cfg.FontSize*1.6))
		cfg.LaneGap = math.Round(8 * u * k)
		cfg.AxisHeight = math.Round(cfg.FontSize * 3.4)
		longest := 0.0
		for i, l := range ds.Lanes {
			if on[i] {
				w := m.Width(l.TitleIn(o.Lang), cfg.FontSize, true)
				if twoLines { // a title of up to 7 em stays on one line
					w = math.Max(twoLineWidth(m, l.TitleIn(o.Lang), cfg.FontSize), math.Min(w, 7*cfg.FontSize))
				}
				longest = math.Max(longest, w)
			}
		}
		cfg.TitleWidth = math.Round(math.Min(longest+cfg.FontSize*1.8, width*0.22))
		cfg.HiddenLanes = hidden
		cfg.Selected, cfg.Hover = -1, -1
		if !o.Chips {
			// Every event in a row of its own when need be, and every label whole.
			cfg.Layout.MaxRows = 10000
			cfg.Layout.LabelReserve = 1e6
		}
		if budget {
			// The rows the room holds, after the axis and each lane's padding and gap.
			shown := 0
			for i := range ds.Lanes {
				if on[i] {
					shown++
				}
			}
			pad := math.Round(cfg.RowHeight * 0.25)
			free := room - cfg.AxisHeight - cfg.LaneGap - float64(shown)*(2*pad+cfg.LaneGap)
			cfg.Layout.RowBudget = max(int(free/cfg.RowHeight)-trim, 1)
		}
		vw := width - cfg.TitleWidth
		ax := ix.Axis
		if o.Linear {
			ax = nil
		}
		// Room at the ends the events bound (not those the user chose), so that a marker on
		// the first or last day is whole, measured in units of the (broken) axis; the last
		// events' labels that find no room at the right go to the left of their marks.
		start, end := ax.U(float64(from)), ax.U(float64(to)+1)
		span := end - start
		if !o.HasRange || o.From <= chrono.MinDay {
			start -= math.Max(span*0.015, 1)
		}
		if !o.HasRange || o.To >= chrono.MaxDay {
			end += math.Max(span*0.015, 1)
		}
		return scene.Build(ix, ax.View(ax.Day(start), ax.Day(end), vw), &cfg), cfg.RowHeight
	}
	// Text no smaller than 0.8× (12 px at 1920×1080) while sharing the rows the height holds
	// among the lanes (the fullest lanes get fewer, the rest counted in "+N" clusters) can make
	// it fit; only then smaller text.
	steps := []struct {
		k      float64
		budget bool
	}{{1.5, false}, {1.35, false}, {1.2, false}, {1.1, false}, {1, false}, {0.9, false}, {0.8, false},
		{0.8, true}, {0.7, true}, {0.6, true}}
	if o.Grow {
		// A figure that may grow takes the largest size that fits its height, else the
		// smallest comfortable size (0.8×: 12 px labels at 1920 px wide) at whatever height
		// that needs, so that it grows as little as it can (the whole career: 1920×2767,
		// about an A-series portrait page, instead of 1920×3939 at 1×).
		for _, st := range steps {
			if st.budget {
				break
			}
			if s, _ := build(st.k, false, 0); s.H <= room {
				return s, nil
			}
		}
		s, _ := build(0.8, false, 0)
		// Lanes this tall hold their titles on two lines: the time area takes the room
		// a one-line title column would leave empty beside them, if every lane stays tall
		// enough for two lines.
		twoLines = true
		if s2, _ := build(0.8, false, 0); s2.H <= s.H && titlesFit(s2) {
			return s2, nil
		}
		return s, nil
	}
	if !o.Chips && label == 0 {
		// A fixed height shrinks the type further before any event is left out (unless a
		// label size was asked for).
		steps = []struct {
			k      float64
			budget bool
		}{{1.5, false}, {1.35, false}, {1.2, false}, {1.1, false}, {1, false}, {0.9, false}, {0.8, false},
			{0.7, false}, {0.6, false}, {0.6, true}}
	}
	if o.Format == PDF && label == 0 {
		// On paper, labels are never set below MinPDFLabelPt: where the page cannot hold
		// every event at that size, it leaves events out and says so, rather than print
		// them too small to read (the whole career on an A4 portrait page came out at 3 pt).
		pg := pageOf(o)
		pg.place(float64(o.Width), float64(o.Height))
		if pg.k > 0 {
			minK := MinPDFLabelPt / pg.k / (15 * u)
			for i := range steps {
				steps[i].k = math.Max(steps[i].k, minK)
			}
		}
	}
	var s *scene.Scene
	for _, st := range steps {
		// Lanes drawn as density take rows outside the budget: when the scene overruns the
		// room, trim the budget by as many rows and try again.
		trim := 0
		for try := 0; try < 4; try++ {
			var rowH float64
			s, rowH = build(st.k, st.budget, trim)
			if s.H <= room {
				return s, nil
			}
			if !st.budget {
				break
			}
			trim += int(math.Ceil((s.H - room) / rowH))
		}
	}
	return nil, fmt.Errorf("render: the %d lanes shown need %.0f px of height at the smallest size but the %d×%d figure has %.0f px for them: make it taller or show fewer lanes",
		len(s.Lanes), s.H, o.Width, o.Height, room)
}
