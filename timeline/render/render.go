package render

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

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
	// The index and the events' spans, made when validation gets that far (a refused
	// figure of a large dataset costs neither), once for both validation and the figure.
	var tab *spanTable
	spans := func() *spanTable {
		if tab == nil {
			if ix == nil {
				ix = layout.NewIndex(ds)
			}
			tab = spanTableOf(ix)
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
			return e.TitleIn(o.Lang) + " (" + chrono.FormatRange(e.StartDate, e.EndDate, o.Lang) + ")"
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
	"en": {"route": "Moves, in time order (dashed: uncertain)", "place": "Place", "approx": "Approximate place (a region)", "basemap": "Map: Natural Earth (public domain)", "coords": "coordinates:", "events": "events", "event": "event", "period": "Period", "point": "Event", "uncertain": "Uncertain or approximate dates", "contested": "Sources disagree on the date", "sources": "Sources:", "density": "Events per interval (too many to draw one by one)", "cluster": "Events without room to draw"},
	"it": {"route": "Spostamenti, in ordine di tempo (tratteggio: incerti)", "place": "Luogo", "approx": "Luogo approssimativo (una regione)", "basemap": "Mappa: Natural Earth (pubblico dominio)", "coords": "coordinate:", "events": "eventi", "event": "evento", "period": "Periodo", "point": "Evento", "uncertain": "Date incerte o approssimate", "contested": "Le fonti discordano sulla data", "sources": "Fonti:", "density": "Eventi per intervallo (troppi da disegnare uno per uno)", "cluster": "Eventi senza spazio per disegnarli"},
	"pt": {"route": "Deslocações, por ordem no tempo (tracejado: incertas)", "place": "Lugar", "approx": "Lugar aproximado (uma região)", "basemap": "Mapa: Natural Earth (domínio público)", "coords": "coordenadas:", "events": "eventos", "event": "evento", "period": "Período", "point": "Evento", "uncertain": "Datas incertas ou aproximadas", "contested": "As fontes divergem quanto à data", "sources": "Fontes:", "density": "Eventos por intervalo (demasiados para desenhar um a um)", "cluster": "Eventos sem espaço para os desenhar"},
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
// tab holds the events' spans (newSpanTable) and ix indexes ds; either may be nil, and is
// then made here.
func figure(ds *timeline.Dataset, o Options, tab *spanTable, ix *layout.Index) (*scene.Scene, error) {
	if tab == nil {
		tab = newSpanTable(ds)
	}
	if ix == nil {
		ix = layout.NewIndex(ds)
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
		footer = append(footer, wrapItems(m, word(o.Lang, "basemap")+"; "+word(o.Lang, "coords"), mapCredits(gix, from, to), sz.foot, free)...)
	}
	footTop := H - sz.margin*0.8 - float64(len(footer))*lineH

	// The body is built before the legend, whose colours and marks it supplies; the legend's
	// height does not depend on the body (its rows depend on the lane titles only).
	legend := legendItems(ds, o, theme)
	if o.View == "map" {
		legend = nil
	}
	if gix != nil {
		legend = append(legend, mapLegendItems(ds, o, theme)...)
	}
	legRows := legendRows(m, legend, sz, free)
	legH := float64(legRows) * sz.legend * 1.9
	legTop := footTop - sz.gap*0.5 - legH
	bodyBottom := legTop - sz.gap
	room := bodyBottom - bodyTop
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
		for _, sh := range body.Shapes {
			if sh.Kind == scene.KindBackground {
				continue
			}
			sh.X += sz.margin
			sh.Y += bodyTop
			add(sh)
		}
		mapTop = bodyTop + body.H + sz.gap*0.5
		mapH = bodyBottom - mapTop
	}
	if gix != nil {
		ms := mapBody(gix, theme, o.Lang, m, from, to, inner, mapH, sz.legend)
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
	markLegend(legend, body)
	// The legend sits right under the body; what room is left stays above the footer.
	legFS := sz.legend
	for _, sh := range body.Shapes {
		if sh.Kind == scene.KindLaneTitle && sh.Type == scene.TextShape {
			legFS = math.Min(legFS, math.Max(sh.Size*1.15, 11))
			break
		}
	}
	drawLegend(fig, m, legend, legFS, sz.margin, bodyTop+body.H+sz.gap, free, theme)

	for i, line := range footer {
		add(textShape(scene.KindFooter, sz.margin, footTop+float64(i)*lineH+sz.foot, line, sz.foot, 0, theme.TextMuted))
	}
	return fig, nil
}

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
				longest = math.Max(longest, m.Width(l.TitleIn(o.Lang), cfg.FontSize, true))
			}
		}
		cfg.TitleWidth = math.Round(math.Min(longest+cfg.FontSize*1.8, width*0.22))
		cfg.HiddenLanes = hidden
		cfg.Selected, cfg.Hover = -1, -1
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
		// the first or last day is whole and the last events have room for their labels;
		// measured in units of the (broken) axis.
		start, end := ax.U(float64(from)), ax.U(float64(to)+1)
		span := end - start
		if !o.HasRange || o.From <= chrono.MinDay {
			start -= math.Max(span*0.015, 1)
		}
		if !o.HasRange || o.To >= chrono.MaxDay {
			end += math.Max(span*150*u/math.Max(vw-150*u, 1), 1)
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

// legendItem is one entry of the legend: a lane's swatch or a mark's key.
type legendItem struct {
	label string
	kind  scene.Kind // KindLaneTitle for a lane, else the mark it explains
	lane  int
	c     color.NRGBA
	show  bool
	// mapKey marks the map's keys (route, place, approximate place), shown whenever the
	// figure has a map; approx is the approximate place's key.
	mapKey, approx bool
}

// legendItems lists the legend: the lanes shown, then the marks (period, point, uncertain
// dates, contested dates); markLegend keeps the marks the body uses.
func legendItems(ds *timeline.Dataset, o Options, th scene.Theme) []legendItem {
	var items []legendItem
	on := o.laneSet(ds)
	for i, l := range ds.Lanes {
		if on[i] {
			items = append(items, legendItem{label: l.TitleIn(o.Lang), kind: scene.KindLaneTitle, lane: i, show: true})
		}
	}
	items = append(items,
		legendItem{label: word(o.Lang, "period"), kind: scene.KindBar, lane: -1, c: th.TextMuted},
		legendItem{label: word(o.Lang, "point"), kind: scene.KindPoint, lane: -1, c: th.TextMuted},
		legendItem{label: word(o.Lang, "uncertain"), kind: scene.KindUncertain, lane: -1, c: th.TextMuted},
		legendItem{label: word(o.Lang, "contested"), kind: scene.KindContested, lane: -1, c: th.Contested},
		legendItem{label: word(o.Lang, "density"), kind: scene.KindDensity, lane: -1, c: th.TextMuted},
		legendItem{label: word(o.Lang, "cluster"), kind: scene.KindCluster, lane: -1, c: th.Cluster},
	)
	return items
}

// markLegend takes the lanes' colours from the body (so the legend matches it whatever the
// theme does to colours), keeps only the marks the body draws, and drops the lane swatches
// when two lanes share a colour.
func markLegend(items []legendItem, body *scene.Scene) {
	laneCol := map[int]color.NRGBA{}
	kinds := map[scene.Kind]bool{}
	for _, sh := range body.Shapes {
		kinds[sh.Kind] = true
		if sh.Kind == scene.KindLaneTitle && sh.Type == scene.RectShape && sh.Lane >= 0 {
			laneCol[int(sh.Lane)] = sh.Fill
		}
		if (sh.Kind == scene.KindBar || sh.Kind == scene.KindUncertain) && sh.Style&(scene.StyleFadeLeft|scene.StyleFadeRight) != 0 {
			kinds[scene.KindUncertain] = true
		}
	}
	// Swatches that do not tell lanes apart (the print theme alternates two greys) would
	// mislead: then the lane titles in the body are the key, and the legend shows marks only.
	distinct := map[color.NRGBA]bool{}
	nLanes := 0
	for _, it := range items {
		if it.kind == scene.KindLaneTitle {
			nLanes++
			distinct[laneCol[it.lane]] = true
		}
	}
	for i := range items {
		it := &items[i]
		if it.mapKey {
			continue
		}
		if it.kind == scene.KindLaneTitle && len(distinct) < nLanes {
			it.show = false
			continue
		}
		if it.kind == scene.KindLaneTitle {
			if c, ok := laneCol[it.lane]; ok {
				it.c = c
			} else {
				it.c = color.NRGBA{128, 128, 128, 255}
			}
			continue
		}
		it.show = kinds[it.kind]
	}
}

// legendRows is the number of rows the legend takes at most: every item (shown or not, which
// is known only once the body is built) flowed into rows of width w at the nominal size.
func legendRows(m scene.Measurer, items []legendItem, sz sizes, w float64) int {
	sw := sz.legend * 1.6 // swatch and its gap
	x, row := 0.0, 0
	for i := range items {
		it := &items[i]
		lw := sw + math.Min(m.Width(it.label, sz.legend, false), w-sw) + sz.legend*1.6
		if x > 0 && x+lw > w {
			x, row = 0, row+1
		}
		x += lw
	}
	if len(items) == 0 {
		return 0
	}
	return row + 1
}

// drawLegend adds the legend's shown items to fig, flowed into rows of width w at font size
// fs (no larger than the size its room was reserved for, so it takes no more rows).
func drawLegend(fig *scene.Scene, m scene.Measurer, items []legendItem, fs, x0, y0, w float64, th scene.Theme) {
	rowH := fs * 1.9
	x, row := 0.0, 0.0
	for _, it := range items {
		if !it.show {
			continue
		}
		label := it.label
		lw := m.Width(label, fs, false)
		if x > 0 && x+fs*1.6+lw > w {
			x, row = 0, row+1
		}
		label, lw = textmetrics.Fit(m, label, fs, false, w-x-fs*1.6)
		cy := y0 + row*rowH + rowH/2
		sx := x0 + x
		var sh scene.Shape
		switch it.kind {
		case scene.KindPoint:
			sh = scene.Shape{Type: scene.MarkerShape, X: sx + fs*0.5, Y: cy, W: fs * 0.8, H: fs * 0.8, Fill: it.c}
		case scene.KindContested:
			sh = scene.Shape{Type: scene.MarkerShape, Style: scene.StyleCircle, X: sx + fs*0.5, Y: cy, W: fs * 0.5, Fill: it.c}
		case scene.KindUncertain:
			sh = scene.Shape{Type: scene.RectShape, X: sx, Y: cy - fs*0.35, W: fs * 1.1, H: fs * 0.7, Fill: it.c,
				Style: scene.StyleFadeLeft | scene.StyleFadeRight, Fade: fs * 0.4}
		case scene.KindBar:
			sh = scene.Shape{Type: scene.RectShape, X: sx, Y: cy - fs*0.35, W: fs * 1.1, H: fs * 0.7, Radius: 3, Fill: it.c}
		case scene.KindDensity:
			for j, h := range []float64{0.45, 0.8, 0.6} {
				bar := scene.Shape{Type: scene.RectShape, Kind: scene.KindLegend, X: sx + float64(j)*fs*0.37, Y: cy + fs*0.4 - fs*h, W: fs * 0.33, H: fs * h, Fill: it.c, Event: -1, Lane: -1}
				fig.Shapes = append(fig.Shapes, bar)
			}
			sh = scene.Shape{Type: scene.RectShape}
		case scene.KindCluster:
			sh = scene.Shape{Type: scene.RectShape, X: sx, Y: cy - fs*0.4, W: fs * 1.1, H: fs * 0.8, Radius: 3, Fill: it.c}
		case scene.KindRoute:
			sh = scene.Shape{Type: scene.PathShape, Points: []scene.Point{{X: sx, Y: cy + fs*0.3}, {X: sx + fs*0.5, Y: cy - fs*0.1}, {X: sx + fs*1.1, Y: cy - fs*0.3}}, Stroke: it.c, StrokeW: 2}
		case scene.KindPlace:
			if it.approx {
				// A dashed halo under a dot, as the map draws a region.
				halo := it.c
				halo.A = 40
				fig.Shapes = append(fig.Shapes, scene.Shape{Type: scene.MarkerShape, Kind: scene.KindLegend, Style: scene.StyleCircle | scene.StyleDashed,
					X: sx + fs*0.5, Y: cy, W: fs * 1.1, Fill: halo, Stroke: it.c, StrokeW: 1, Event: -1, Lane: -1})
				sh = scene.Shape{Type: scene.MarkerShape, Style: scene.StyleCircle, X: sx + fs*0.5, Y: cy, W: fs * 0.4, Fill: it.c}
			} else {
				sh = scene.Shape{Type: scene.MarkerShape, Style: scene.StyleCircle, X: sx + fs*0.5, Y: cy, W: fs * 0.6, Fill: it.c}
			}
		default: // a lane
			sh = scene.Shape{Type: scene.RectShape, X: sx, Y: cy - fs*0.5, W: fs, H: fs, Radius: 3, Fill: it.c}
		}
		sh.Kind, sh.Event, sh.Lane = scene.KindLegend, -1, int16(it.lane)
		fig.Shapes = append(fig.Shapes, sh)
		t := textShape(scene.KindLegend, sx+fs*1.6, cy+fs*0.36, label, fs, 0, th.Text)
		t.Lane = int16(it.lane)
		fig.Shapes = append(fig.Shapes, t)
		x += fs*1.6 + lw + fs*1.6
	}
}
