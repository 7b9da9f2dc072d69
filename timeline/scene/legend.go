package scene

import (
	"image/color"
	"math"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/textmetrics"
)

// Mark is what a legend entry explains: a lane's colour or one of the marks a scene draws.
type Mark uint8

// The legend's marks, in the order a legend lists them after the lanes.
const (
	MarkLane      Mark = iota // a lane's colour
	MarkPeriod                // a bar: a period
	MarkPoint                 // a diamond: an event on a known day
	MarkImprecise             // a hatched band: a date known only to the month or year, or a day whose calendar is not stated (all its possible days)
	MarkUncertain             // a faded end: an uncertain or approximate date
	MarkContested             // the red dot: the sources disagree on the date
	MarkBreak                 // the break sign: a compressed stretch with no event
	MarkDensity               // density bars: too many events to draw one by one
	MarkCluster               // a grey "+N" count: events without room to draw

	// The map's keys (a figure with a map supplies their labels); always shown.
	MarkRoute       // a move between places
	MarkPlace       // a place
	MarkApproxPlace // an approximate place (a region)
)

// legendWords are the marks' keys in each language.
var legendWords = map[string][MarkCluster + 1]string{
	"en": {"", "Period", "Event on a known day", "Date known only to the month or year, or a day in an unstated calendar", "Uncertain or approximate date", "Sources disagree on the date", "Years with few or no events, compressed", "Events per interval (too many to draw one by one)", "Events without room to draw (zoom in)"},
	"it": {"", "Periodo", "Evento in un giorno noto", "Data nota solo al mese o all'anno, o giorno in un calendario non indicato", "Data incerta o approssimata", "Le fonti discordano sulla data", "Anni con pochi o nessun evento, compressi", "Eventi per intervallo (troppi da disegnare uno per uno)", "Eventi senza spazio per disegnarli (ingrandire)"},
	"pt": {"", "Período", "Evento num dia conhecido", "Data conhecida só até ao mês ou ano, ou dia num calendário não indicado", "Data incerta ou aproximada", "As fontes divergem quanto à data", "Anos com poucos ou nenhuns eventos, comprimidos", "Eventos por intervalo (demasiados para desenhar um a um)", "Eventos sem espaço para os desenhar (ampliar)"},
}

// LegendItem is one entry of a legend: a lane's swatch or a mark's key. The app's legend and
// the figures' legend are lists of these, drawn by DrawLegend: one definition of both.
type LegendItem struct {
	Mark  Mark
	Label string
	Lane  int // the lane of a MarkLane entry, else -1
	Color color.NRGBA
	Show  bool
}

// LegendItems lists a legend in lang: the lanes shown (shown[i], nil: all), then every mark.
// MarkLegend then keeps the marks a scene draws; a legend for a view that changes keeps all.
func LegendItems(ds *timeline.Dataset, shown []bool, lang string, th *Theme) []LegendItem {
	words, ok := legendWords[lang]
	if !ok {
		words = legendWords["en"]
	}
	var items []LegendItem
	for i, l := range ds.Lanes {
		if shown == nil || i < len(shown) && shown[i] {
			items = append(items, LegendItem{Mark: MarkLane, Label: l.TitleIn(lang), Lane: i, Color: th.LaneColor(i, l.Color), Show: true})
		}
	}
	for m := MarkPeriod; m <= MarkCluster; m++ {
		c := th.TextMuted
		switch m {
		case MarkContested:
			c = th.Contested
		case MarkCluster:
			c = th.Cluster
		case MarkBreak:
			c = th.AxisText
		}
		items = append(items, LegendItem{Mark: m, Label: words[m], Lane: -1, Color: c, Show: true})
	}
	return items
}

// MarkLegend takes the lanes' colours from body (so the legend matches it whatever the theme
// does to colours), keeps only the marks body draws, and drops the lane swatches when two
// lanes share a colour (the print theme's greys): then the lane titles are the key.
func MarkLegend(items []LegendItem, body *Scene) {
	laneCol := map[int]color.NRGBA{}
	used := map[Mark]bool{}
	for i := range body.Shapes {
		sh := &body.Shapes[i]
		switch sh.Kind {
		case KindLaneTitle:
			if sh.Type == RectShape && sh.Lane >= 0 {
				laneCol[int(sh.Lane)] = sh.Fill
			}
		case KindBar:
			used[MarkPeriod] = true
		case KindPoint:
			used[MarkPoint] = true
		case KindUncertain:
			used[MarkImprecise] = true
		case KindContested:
			used[MarkContested] = true
		case KindBreak:
			used[MarkBreak] = true
		case KindDensity:
			used[MarkDensity] = true
		case KindCluster:
			used[MarkCluster] = true
		}
		if (sh.Kind == KindBar || sh.Kind == KindPoint) && (sh.Style&(StyleFadeLeft|StyleFadeRight) != 0 && sh.Style&StyleOpenEnd == 0 || sh.Style&StyleDashed != 0) {
			used[MarkUncertain] = true
		}
	}
	distinct := map[color.NRGBA]bool{}
	nLanes := 0
	for _, it := range items {
		if it.Mark == MarkLane {
			nLanes++
			distinct[laneCol[it.Lane]] = true
		}
	}
	for i := range items {
		it := &items[i]
		switch {
		case it.Mark == MarkLane && len(distinct) < nLanes:
			it.Show = false
		case it.Mark == MarkLane:
			if c, ok := laneCol[it.Lane]; ok {
				it.Color = c
			}
		case it.Mark >= MarkRoute:
		default:
			it.Show = used[it.Mark]
		}
	}
}

// LegendRows is the number of rows the legend takes at most at font size fs in width w:
// every item, shown or not (known only once the body is built), flowed into rows.
func LegendRows(m Measurer, items []LegendItem, fs, w float64) int {
	sw := fs * 1.6 // swatch and its gap
	x, row := 0.0, 0
	for i := range items {
		lw := sw + math.Min(m.Width(items[i].Label, fs, false), w-sw) + fs*1.6
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

// DrawLegend adds the shown items to dst, flowed into rows of width w at font size fs from
// (x0, y0), each a swatch drawn as the scene draws its mark and a label; it returns the
// height used.
func DrawLegend(dst *Scene, m Measurer, items []LegendItem, fs, x0, y0, w float64, th *Theme) float64 {
	rowH := fs * 1.9
	x, row := 0.0, 0.0
	add := func(sh Shape) {
		sh.Kind, sh.Event = KindLegend, -1
		dst.Shapes = append(dst.Shapes, sh)
	}
	drawn := false
	for _, it := range items {
		if !it.Show {
			continue
		}
		drawn = true
		label := it.Label
		lw := m.Width(label, fs, false)
		if x > 0 && x+fs*1.6+lw > w {
			x, row = 0, row+1
		}
		label, lw = textmetrics.Fit(m, label, fs, false, w-x-fs*1.6)
		cy := y0 + row*rowH + rowH/2
		sx := x0 + x
		lane := int16(it.Lane)
		bar := func(s Style, fade float64) Shape {
			return Shape{Type: RectShape, X: sx, Y: cy - fs*0.35, W: fs * 1.1, H: fs * 0.7, Radius: 3, Fill: it.Color, Style: s, Fade: fade, Lane: lane}
		}
		switch it.Mark {
		case MarkPoint:
			add(Shape{Type: MarkerShape, X: sx + fs*0.5, Y: cy, W: fs * 0.8, H: fs * 0.8, Fill: it.Color, Lane: lane})
		case MarkContested:
			add(Shape{Type: MarkerShape, Style: StyleCircle, X: sx + fs*0.5, Y: cy, W: fs * 0.6, H: fs * 0.6, Fill: it.Color, Lane: lane})
		case MarkImprecise:
			sb := SoftBand(sx, cy-fs*0.35, fs*1.1, fs*0.7, it.Color, th)
			sb.Lane = lane
			add(sb)
		case MarkUncertain:
			add(bar(StyleFadeLeft|StyleFadeRight, fs*0.4))
		case MarkPeriod:
			add(bar(0, 0))
		case MarkBreak:
			for _, dx := range [2]float64{-2.5, 2.5} {
				add(Shape{Type: LineShape, X: sx + fs*0.55 + dx - fs*0.2, Y: cy + fs*0.45, W: fs * 0.4, H: -fs * 0.9, StrokeW: 1.5, Stroke: it.Color, Lane: lane})
			}
		case MarkDensity:
			for j, h := range []float64{0.45, 0.8, 0.6} {
				add(Shape{Type: RectShape, X: sx + float64(j)*fs*0.37, Y: cy + fs*0.4 - fs*h, W: fs * 0.33, H: fs * h, Fill: it.Color, Lane: lane})
			}
		case MarkCluster:
			add(Shape{Type: RectShape, X: sx, Y: cy - fs*0.4, W: fs * 1.1, H: fs * 0.8, Radius: 3, Fill: it.Color, Lane: lane})
		case MarkRoute:
			add(Shape{Type: PathShape, Points: []Point{{X: sx, Y: cy + fs*0.3}, {X: sx + fs*0.5, Y: cy - fs*0.1}, {X: sx + fs*1.1, Y: cy - fs*0.3}}, Stroke: it.Color, StrokeW: 2, Lane: lane})
		case MarkPlace:
			add(Shape{Type: MarkerShape, Style: StyleCircle, X: sx + fs*0.5, Y: cy, W: fs * 0.6, Fill: it.Color, Lane: lane})
		case MarkApproxPlace:
			// A dashed halo under a dot, as the map draws a region.
			halo := it.Color
			halo.A = 40
			add(Shape{Type: MarkerShape, Style: StyleCircle | StyleDashed, X: sx + fs*0.5, Y: cy, W: fs * 1.1, Fill: halo, Stroke: it.Color, StrokeW: 1, Lane: lane})
			add(Shape{Type: MarkerShape, Style: StyleCircle, X: sx + fs*0.5, Y: cy, W: fs * 0.4, Fill: it.Color, Lane: lane})
		default: // a lane
			add(Shape{Type: RectShape, X: sx, Y: cy - fs*0.5, W: fs, H: fs, Radius: 3, Fill: it.Color, Lane: lane})
		}
		add(Shape{Type: TextShape, X: sx + fs*1.6, Y: cy + fs*0.36, Size: fs, Text: label, Fill: th.Text, Lane: lane})
		x += fs*1.6 + lw + fs*1.6
	}
	if !drawn {
		return 0
	}
	return (row + 1) * rowH
}
