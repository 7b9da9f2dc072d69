package timelineview

import (
	"image/color"
	"math"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
)

// Engine is the app's one door to timeline/scene: it holds the dataset's index and style and
// builds the scene of a view, the overview strip's scene and the legend, and answers hit
// tests. Everything the screen paints comes from here, so the screen shows what an exported
// figure shows. Its style changes only through its Set methods; a timeline showing it
// repaints after its Refresh.
type Engine struct {
	ds          *timeline.Dataset
	ix          *layout.Index
	cfg         scene.Config
	ovCfg       scene.Config
	lang        string
	first, last float64 // the dataset's days
	sc, ov      *scene.Scene
	// linear turns the broken axis off: empty stretches drawn at full width.
	linear bool
}

// Axis is the time axis views are made on: the dataset's broken axis (layout.Index.Axis),
// or nil (linear) when the breaks are off or there are none.
func (e *Engine) Axis() *scale.Axis {
	if e.linear {
		return nil
	}
	return e.ix.Axis
}

// Legend is the scene of the app's legend, w px wide: the same entries as an exported
// figure's legend (scene.LegendItems, drawn by scene.DrawLegend), for the lanes shown and
// every mark the timeline may draw as one zooms (the break sign only with breaks).
func (e *Engine) Legend(w float64, hidden []bool) *scene.Scene {
	shown := make([]bool, len(e.ds.Lanes))
	for i := range shown {
		shown[i] = i >= len(hidden) || !hidden[i]
	}
	th := &e.cfg.Theme
	items := scene.LegendItems(e.ds, shown, e.lang, th)
	for i := range items {
		if items[i].Mark == scene.MarkBreak {
			items[i].Show = e.Axis() != nil
		}
	}
	fs := e.cfg.FontSize
	m := e.cfg.Measurer
	if m == nil {
		m = textmetrics.Default()
	}
	s := &scene.Scene{W: w, Background: th.Background}
	pad := fs
	s.H = scene.DrawLegend(s, m, items, fs, pad, pad*0.5, w-2*pad, th) + pad
	s.Shapes = append([]scene.Shape{{Type: scene.RectShape, Kind: scene.KindBackground, W: w, H: s.H, Fill: th.Background, Event: -1, Lane: -1}}, s.Shapes...)
	return s
}

// Fit is the view of width w showing the days first..last on the engine's axis.
func (e *Engine) Fit(first, last, w float64) scale.View { return e.Axis().Fit(first, last, w) }

// NewEngine indexes ds once. themeName is a scene theme ("light", "dark", "contrast").
func NewEngine(ds *timeline.Dataset, lang, themeName string) *Engine {
	e := &Engine{ds: ds, lang: lang, ix: layout.NewIndex(ds), sc: &scene.Scene{}, ov: &scene.Scene{}}
	e.cfg = scene.DefaultConfig()
	e.cfg.Lang = lang
	if th, ok := scene.ThemeByName(themeName); ok {
		e.cfg.Theme = th
	}
	e.ovCfg = e.cfg
	e.ovCfg.Selected, e.ovCfg.Hover = -1, -1
	e.first, e.last = float64(e.ix.First), float64(e.ix.Last)
	if e.ix.N == 0 {
		e.first, e.last = 0, 365
	}
	return e
}

// Domain is the first and last day (exclusive) of the dataset.
func (e *Engine) Domain() (float64, float64) { return e.first, e.last }

// TitleWidth is the width of the lane-title column at the left of the scene.
func (e *Engine) TitleWidth() float64 { return e.cfg.TitleWidth }

// AxisHeight is the height of the axis band at the top of the scene.
func (e *Engine) AxisHeight() float64 { return e.cfg.AxisHeight }

// LaneColor is lane i's colour in the scene's theme (for the lane toggles' swatches): the
// very colour the timeline draws the lane in, lightening on dark themes included.
func (e *Engine) LaneColor(i int) color.Color {
	return e.cfg.Theme.LaneColor(i, e.ds.Lanes[i].Color)
}

// build returns the scene of view v with the hidden lanes left out and the selected and
// hovered events marked, its lanes sharing fitHeight px (0: each lane as tall as its rows). The scene's memory is reused from frame to frame.
func (e *Engine) build(v scale.View, hidden []bool, selected, hover int, fitHeight float64) *scene.Scene {
	e.cfg.FitHeight = fitHeight
	e.cfg.HiddenLanes = hidden
	e.cfg.Selected, e.cfg.Hover = int32(selected), int32(hover)
	scene.BuildInto(e.sc, e.ix, v, &e.cfg)
	return e.sc
}

// overview returns the strip's scene: the whole span (full, whose Width is the strip's) with
// the current view's box.
func (e *Engine) overview(full, cur scale.View, h float64, hidden []bool) *scene.Scene {
	e.ovCfg.HiddenLanes = hidden
	scene.BuildOverviewInto(e.ov, e.ix, full, cur, h, &e.ovCfg)
	return e.ov
}

// hit returns the topmost shape standing for an event or cluster at scene position (x, y).
func (e *Engine) hit(sc *scene.Scene, x, y float64) *scene.Shape {
	s, ok := sc.Hit(x, y)
	if !ok {
		return nil
	}
	return s
}

// timeOrder returns every indexed event in order of its earliest start day (ties in lane
// order), merging the index's lanes, which are already sorted: O(n·lanes), no sort.
func (e *Engine) timeOrder() []int32 {
	out := make([]int32, 0, e.ix.N)
	pos := make([]int, len(e.ix.Lanes))
	for {
		best := -1
		var bestStart int32
		for li := range e.ix.Lanes {
			l := &e.ix.Lanes[li]
			if pos[li] < l.Len() && (best < 0 || l.Start[pos[li]] < bestStart) {
				best, bestStart = li, l.Start[pos[li]]
			}
		}
		if best < 0 {
			return out
		}
		out = append(out, e.ix.Lanes[best].Event[pos[best]])
		pos[best]++
	}
}

// Dataset is the dataset the engine indexes.
func (e *Engine) Dataset() *timeline.Dataset { return e.ds }

// Span is the first and last day (inclusive) of dataset event ev: its row of the index's
// span table (timeline.Spans), the days the timeline draws; Event.Span (the same rule) for
// an event the index does not hold (no lane).
func (e *Engine) Span(ev int) (first, last chrono.Day) {
	if a, b, ok := e.ix.Span(ev); ok {
		return a, b
	}
	return e.ds.Events[ev].Span()
}

// Index is the dataset's index (immutable once built: an export may share it).
func (e *Engine) Index() *layout.Index { return e.ix }

// Lang is the language of the scene's labels.
func (e *Engine) Lang() string { return e.lang }

// Config is a copy of the scene's style (theme, language, sizes, marks), for those that
// draw beside the timeline in the same style (the map) and for tests.
func (e *Engine) Config() scene.Config { return e.cfg }

// Linear reports whether the broken axis is off.
func (e *Engine) Linear() bool { return e.linear }

// SetLinear turns the broken axis off (true) or on.
func (e *Engine) SetLinear(on bool) { e.linear = on }

// SetLang sets the language of the scene's labels (the axis, the strip, the legend).
func (e *Engine) SetLang(lang string) {
	e.lang, e.cfg.Lang, e.ovCfg.Lang = lang, lang, lang
}

// SetTheme sets the scene's colours, of the timeline and the overview strip.
func (e *Engine) SetTheme(th scene.Theme) { e.cfg.Theme, e.ovCfg.Theme = th, th }

// SetMarked sets which events are marked (search results, a place's events); nil: none.
func (e *Engine) SetMarked(marked func(ev int32) bool) { e.cfg.Marked = marked }

// SetTextScale sets the scene's label size, row height, axis height and lane-title column
// for text scale f, from the scene's defaults, so the timeline grows with the panels.
func (e *Engine) SetTextScale(f float64) {
	d := scene.DefaultConfig()
	cfg := &e.cfg
	cfg.FontSize = math.Round(d.FontSize*f*2) / 2
	cfg.RowHeight = math.Round(d.RowHeight * f)
	cfg.LaneGap = math.Round(d.LaneGap * f)
	cfg.AxisHeight = math.Round(d.AxisHeight * f)
	cfg.TitleWidth = math.Round(d.TitleWidth * math.Max(1, f))
}

// Magnify makes the scene's labels, rows, axis and lane-title column k times larger than
// they are now (kiosk mode's large type).
func (e *Engine) Magnify(k float64) {
	cfg := &e.cfg
	cfg.FontSize *= k
	cfg.RowHeight = math.Round(cfg.RowHeight * k)
	cfg.LaneGap = math.Round(cfg.LaneGap * k)
	cfg.AxisHeight = math.Round(cfg.AxisHeight * k)
	cfg.TitleWidth = math.Round(cfg.TitleWidth * k)
}
