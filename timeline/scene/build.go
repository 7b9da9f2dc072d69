package scene

import (
	"math"
	"strconv"
	"strings"

	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/textmetrics"
)

// Measurer measures text in pixels; textmetrics.Default() measures with the embedded Noto
// Sans that the app and the figure painters draw with.
type Measurer = textmetrics.Measurer

// Config is everything a scene is drawn with besides the data and the view (the "style" of
// a scene; named Config because Style is the committed type of a shape's drawing flags).
type Config struct {
	Theme Theme
	Lang  string // language of titles and axis labels: "en", "it", "pt"
	// FontSize is the size in px of event labels and tick labels.
	FontSize float64
	// RowHeight is the height of one row of events; LaneGap the room between two lanes.
	RowHeight, LaneGap float64
	// AxisHeight is the height of the axis at the top (two rows of labels).
	AxisHeight float64
	// TitleWidth is the width of the lane-title column at the left. The time area starts
	// right of it: the scene is TitleWidth + View.Width wide (see Scene.TimeX0).
	TitleWidth float64
	// HiddenLanes hides lanes by index (nil or short: shown).
	HiddenLanes []bool
	// Selected and Hover are the dataset indices of the selected and hovered events (-1: none).
	Selected, Hover int32
	// Marked, when set, says which events a search matched: each drawn one gets a pale
	// highlight in the selection colour (KindMatch), so the matches stand out among the rest.
	Marked func(ev int32) bool
	// Measurer measures labels; nil means textmetrics.Default().
	Measurer Measurer
	// Layout tunes the packing (rows per lane, label room, density thresholds); its zero
	// fields take layout.DefaultParams. Lang, FontSize, Measurer and HiddenLanes above win.
	Layout layout.Params
	// DensityRows is the height, in rows, of a lane drawn as a density histogram.
	DensityRows int
	// FitHeight, when > 0, is the height the lanes share (the app's window, a figure's
	// body): rows that do not fit fold into "+N" counts that open as the view zooms in, so
	// every lane shows its title and events (layout.Params.RowBudget); at the least a lane
	// is one row of counts, so very many lanes in a short window may still overflow it.
	FitHeight float64
}

// DefaultConfig is the light theme in English at 12 px.
func DefaultConfig() Config {
	t, _ := ThemeByName("light")
	return Config{
		Theme: t, Lang: "en", FontSize: 12, RowHeight: 22, LaneGap: 6, AxisHeight: 44, TitleWidth: 160,
		Selected: -1, Hover: -1, DensityRows: 3,
	}
}

func (st *Config) measurer() Measurer {
	if st.Measurer != nil {
		return st.Measurer
	}
	return textmetrics.Default()
}

// capHeight is the cap height of the measured font in em (Noto Sans' when unknown).
func capHeight(m Measurer) float64 {
	if n, ok := m.(*textmetrics.Noto); ok && n.Regular.CapHeight > 0 {
		return n.Regular.CapHeight
	}
	return 0.714
}

// Build lays out the index for view v and returns its scene.
func Build(ix *layout.Index, v scale.View, st *Config) *Scene {
	s := &Scene{}
	BuildInto(s, ix, v, st)
	return s
}

// BuildInto is Build into dst, reusing the memory of its shapes and layout: call it every
// frame with the same Scene and a frame allocates next to nothing.
func BuildInto(dst *Scene, ix *layout.Index, v scale.View, st *Config) {
	b := builder{s: dst, ix: ix, v: v, st: st, m: st.measurer()}
	b.build()
}

// MaxShapes is the most shapes a scene of Build has, whatever the number of events, with the
// default layout parameters: the layout draws at most layout.Params.MaxDetail events one by
// one and layout.MaxBins density bins, and when the details of the events would pass this
// budget the scene leaves them out (uncertain bands, contested marks, labels) while every
// event keeps its bar or marker. (Only a view so wide that its axis alone has thousands of
// ticks, or a Config.Layout with larger limits, can pass it.)
const MaxShapes = 5000

// room reports whether n more optional shapes fit the budget after the shapes still owed.
func (b *builder) room(n int) bool { return len(b.s.Shapes)+b.must+n <= b.budget }

// barHeight is the height of a bar (and the size of a point's diamond) in a row.
func barHeight(rowH float64) float64 { return math.Max(rowH-6, 4) }

// minorIn reports whether a minor tick lies in [x0, x1) of the time area.
func (b *builder) minorIn(x0, x1 float64) bool {
	for _, t := range b.s.minor {
		if t.X >= x0 && t.X < x1 {
			return true
		}
	}
	return false
}

// breakSigns are the time-area x of the break signs in view.
func (b *builder) breakSigns() []float64 {
	v := b.v
	if v.Axis == nil {
		return nil
	}
	var xs []float64
	for _, bk := range v.Axis.Breaks {
		if cx := (v.X(bk.From) + v.X(bk.To)) / 2; cx >= 0 && cx <= v.Width {
			xs = append(xs, cx)
		}
	}
	return xs
}

// onMajor reports whether minor tick i falls on a context tick (which draws the line).
func (b *builder) onMajor(i int) bool {
	d := b.s.minor[i].Day
	for _, t := range b.s.major {
		if t.Day == d {
			return true
		}
	}
	return false
}

type builder struct {
	s  *Scene
	ix *layout.Index
	v  scale.View
	st *Config
	m  Measurer

	ox, fs, ch float64 // time-area left, font size, cap height in px
	gap        float64 // the room between two lanes (Config.LaneGap, less in a tight FitHeight)

	// must counts the shapes still owed to events, clusters and bins (one per event, two per
	// cluster, one per bin); budget is what the events may take in all (see MaxShapes).
	must, budget int
}

func (b *builder) add(sh Shape) { b.s.Shapes = append(b.s.Shapes, sh) }

func rect(kind Kind, x, y, w, h float64, fill colorNRGBA) Shape {
	return Shape{Type: RectShape, Kind: kind, X: x, Y: y, W: w, H: h, Fill: fill, Event: -1, Lane: -1}
}

func (b *builder) text(kind Kind, x, baseline float64, s string, w float64, c colorNRGBA, style Style) Shape {
	return Shape{Type: TextShape, Kind: kind, X: x, Y: baseline, W: w, Size: b.fs, Text: s, Fill: c, Style: style, Event: -1, Lane: -1}
}

func (b *builder) build() {
	s, st, v := b.s, b.st, b.v
	th := &st.Theme
	b.fs = st.FontSize
	if b.fs <= 0 {
		b.fs = 12
	}
	b.ch = capHeight(b.m) * b.fs
	rowH := st.RowHeight
	if rowH <= 0 {
		rowH = b.fs * 1.8
	}
	densRows := st.DensityRows
	if densRows <= 0 {
		densRows = 3
	}
	b.ox = st.TitleWidth
	W := v.Width
	s.Shapes = s.Shapes[:0]
	s.Lanes = s.Lanes[:0]
	s.Folded = 0
	s.W = st.TitleWidth + W
	s.TimeX0 = st.TitleWidth
	s.AxisH = st.AxisHeight
	s.Background = th.Background

	p := st.Layout
	p.Lang, p.FontSize, p.Measurer, p.Hidden = st.Lang, b.fs, b.m, st.HiddenLanes
	if st.Selected >= 0 { // the selection gets a row even in a dense lane
		s.pin[0] = st.Selected
		p.Pin = s.pin[:]
	}
	if p.MarkerW <= 0 {
		p.MarkerW = barHeight(rowH) // the diamond is as tall as a bar, and as wide
	}
	pad, gap := math.Round(rowH*0.25), st.LaneGap
	if st.FitHeight > 0 {
		shown := 0
		for li := range b.ix.Lanes {
			if li >= len(st.HiddenLanes) || !st.HiddenLanes[li] {
				shown++
			}
		}
		if st.FitHeight < st.AxisHeight+gap+float64(shown)*(2*rowH+2*pad+gap) {
			// Too short for a row of events and one of counts a lane with the usual room
			// around lanes: the lanes close up, so that all of them stay in sight.
			pad, gap = 1, 2
		}
		free := st.FitHeight - st.AxisHeight - gap - float64(shown)*(2*pad+gap)
		rb := max(int(free/rowH), 1)
		if p.RowBudget <= 0 || rb < p.RowBudget {
			p.RowBudget = rb
		}
		p.DensityRows = densRows
	}
	f := &s.frame
	f.Layout(b.ix, v, &p)

	// Lane boxes, top to bottom.
	b.gap = gap
	y := st.AxisHeight + gap
	for i := range f.Lanes {
		lf := &f.Lanes[i]
		h := float64(max(lf.Rows, 1))*rowH + 2*pad
		if lf.Density {
			h = float64(densRows)*rowH + 2*pad
		}
		s.Lanes = append(s.Lanes, LaneBox{Lane: lf.Lane, Y: y, H: h, Rows: lf.Rows, Density: lf.Density, Visible: lf.Visible})
		y += h + gap
	}
	s.H = y

	s.Shapes = append(s.Shapes, rect(KindBackground, 0, 0, s.W, s.H, th.Background))
	// Lane bands.
	for i, lb := range s.Lanes {
		c := b.laneColor(lb.Lane)
		fill := withAlpha(c, th.BandAlpha)
		if len(th.BandFill) > 0 {
			fill = th.BandFill[i%len(th.BandFill)]
		}
		r := rect(KindLaneBand, b.ox, lb.Y, W, lb.H, fill)
		r.Lane = int16(lb.Lane)
		b.add(r)
	}
	// Grid.
	s.major, s.minor = scale.AppendTicks(s.major[:0], s.minor[:0], v, st.Lang, b.m, b.fs)
	for i, t := range s.minor {
		if b.onMajor(i) {
			continue
		}
		b.add(Shape{Type: LineShape, Kind: KindGrid, X: b.ox + t.X, Y: st.AxisHeight, H: s.H - st.AxisHeight, StrokeW: 1, Stroke: th.Grid, Event: -1, Lane: -1})
	}
	for _, t := range s.major {
		if t.X >= 0 {
			b.add(Shape{Type: LineShape, Kind: KindGrid, X: b.ox + t.X, Y: st.AxisHeight, H: s.H - st.AxisHeight, StrokeW: 1, Stroke: th.GridMajor, Event: -1, Lane: -1})
		}
	}
	// The breaks of the axis, across the lanes (their sign is drawn on the axis).
	breakMarks(s, v, b.ox, st.AxisHeight, s.H, 0, 0, KindBreak, th)
	// Events. Every event drawn one by one gets its bar or marker, and every cluster and bin
	// its box; the details (bands, marks, labels) only while the shape budget lasts.
	b.must = 0
	for i := range f.Lanes {
		lf := &f.Lanes[i]
		b.must += len(lf.Items) + 2*len(lf.Clusters) + len(lf.Bins)
	}
	b.budget = MaxShapes - 2*(len(s.major)+len(s.minor)) - 4*len(s.Lanes) - 8
	for i := range f.Lanes {
		b.lane(&f.Lanes[i], s.Lanes[i], rowH, pad)
	}
	b.axis()
	b.titles()
}

func (b *builder) laneColor(lane int) colorNRGBA {
	spec := ""
	if lane >= 0 && lane < len(b.ix.DS.Lanes) {
		spec = b.ix.DS.Lanes[lane].Color
	}
	return b.st.Theme.laneColor(lane, spec)
}

// clipX clips [x0, x1) in time-area px to the view, and reports whether anything is left.
func (b *builder) clipX(x0, x1 float64) (float64, float64, bool) {
	x0 = math.Max(x0, 0)
	x1 = math.Min(x1, b.v.Width)
	return x0, x1, x1 > x0
}

func (b *builder) lane(lf *layout.LaneFrame, lb LaneBox, rowH, pad float64) {
	th := &b.st.Theme
	c := b.laneColor(lf.Lane)
	lane := int16(lf.Lane)
	if lf.Density {
		b.density(lf, lb, c, pad)
		return
	}
	l := &b.ix.Lanes[lf.Lane]
	v := b.v
	barH := barHeight(rowH)
	sel, hov := b.st.Selected, b.st.Hover
	for k := range lf.Items {
		it := &lf.Items[k]
		pos := it.Pos
		fl := l.Flags[pos]
		rowY := lb.Y + pad + float64(it.Row)*rowH
		by := rowY + (rowH-barH)/2
		cy := rowY + rowH/2
		start, startLate := float64(l.Start[pos]), float64(l.StartLate[pos])
		endEarly, end := float64(l.EndEarly[pos]), float64(l.End[pos])
		b.must-- // this event's bar or marker, drawn below
		// Pale hatched bands over the days an imprecise date may mean (SoftBand): optional
		// (the budget) when a bar is drawn too.
		band := func(d0, d1 float64, optional bool) {
			if optional && !b.room(2) {
				return
			}
			x0, x1 := v.X(d0), v.X(d1)
			if x1-x0 < 3 {
				x1 = x0 + 3 // a month at a century's zoom still shows
			}
			if x0, x1, ok := b.clipX(x0, x1); ok {
				r := SoftBand(b.ox+x0, by, x1-x0, barH, c, th)
				r.Event, r.Lane = it.Event, lane
				r.From, r.To = chronoDay(d0), chronoDay(d1-1)
				b.add(r)
			}
		}
		var boxX0, boxX1 float64 // the drawn box, for the selection outline
		if fl&layout.FlagPoint != 0 && fl&layout.FlagStartCoarse == 0 {
			// Only a day-precise point is a diamond: a point known to the month or year is
			// drawn below as a band over all its days, with no marker inside.
			cx := v.X((start + end) / 2)
			mk := Shape{Type: MarkerShape, Kind: KindPoint, X: b.ox + cx, Y: cy, W: barH, H: barH, Fill: c,
				StrokeW: 1, Stroke: th.Background, Event: it.Event, Lane: lane}
			if fl&layout.FlagStartUncertain != 0 {
				mk.Style |= StyleDashed
				mk.Fill = withAlpha(c, 160)
				mk.Stroke = c
			}
			b.add(mk)
			boxX0, boxX1 = cx-barH/2, cx+barH/2
		} else {
			s0, e0 := start, end
			if fl&layout.FlagStartCoarse != 0 {
				s0 = startLate + 1
			}
			if fl&layout.FlagEndCoarse != 0 {
				e0 = endEarly
			}
			x0, x1 := v.X(s0), v.X(e0)
			if fl&(layout.FlagStartCoarse|layout.FlagEndCoarse) == 0 && x1-x0 < 3 {
				x1 = x0 + 3
			}
			_, _, solid := b.clipX(x0, x1)
			switch {
			case !solid && x1 <= x0:
				// No day is sure (a start and an end of coarse precision that overlap, or
				// a bar out of view with only its band in it): one band over the whole span.
				band(start, end, false)
			default:
				if fl&layout.FlagStartCoarse != 0 {
					band(start, startLate+1, solid)
				}
				if fl&layout.FlagEndCoarse != 0 {
					band(endEarly, end, solid)
				}
			}
			boxX0, boxX1 = it.X0, it.X1
			if cx0, cx1, ok := b.clipX(x0, x1); ok {
				r := rect(KindBar, b.ox+cx0, by, cx1-cx0, barH, c)
				r.Radius = math.Min(4, math.Min(barH/2, (cx1-cx0)/2))
				r.Event, r.Lane = it.Event, lane
				fade := math.Min(layout.FadePx, (cx1-cx0)/3)
				if fl&layout.FlagStartUncertain != 0 && x0 >= 0 {
					r.Style |= StyleFadeLeft
					r.Fade = fade
				}
				if fl&layout.FlagEndUncertain != 0 && x1 <= v.Width {
					r.Style |= StyleFadeRight
					r.Fade = fade
				}
				if fl&layout.FlagOpenEnd != 0 {
					r.Style |= StyleOpenEnd | StyleFadeRight
					r.Fade = fade
				}
				r.From, r.To = chronoDay(start), chronoDay(end-1)
				b.add(r)
			}
		}
		if fl&layout.FlagContested != 0 && b.room(1) {
			// Seen at a glance: a dot two thirds of the bar's height (11 px in a 22 px row, was
			// a fixed 7 px), on the box's top right corner, ringed in the background colour so it
			// stands out of the bar and of the hatched bands.
			dm := math.Max(8, math.Round(barH*0.66))
			cx := math.Min(math.Max(boxX1, dm/2+1), v.Width-dm/2-1)
			b.add(Shape{Type: MarkerShape, Kind: KindContested, Style: StyleCircle, X: b.ox + cx, Y: by + 1, W: dm, H: dm,
				Fill: th.Contested, StrokeW: 1.5, Stroke: th.Background, Event: it.Event, Lane: lane})
		}
		if it.Label != "" && b.room(1) {
			tc := th.Text
			if it.Inside && !it.Soft {
				tc = onColor(c)
			}
			t := b.text(KindLabel, b.ox+it.LabelX, cy+b.ch/2, it.Label, it.LabelW, tc, 0)
			t.Event, t.Lane = it.Event, lane
			b.add(t)
		}
		if it.Event == sel || it.Event == hov {
			x0, x1, _ := b.clipX(boxX0-2, boxX1+2)
			o := Shape{Type: RectShape, Kind: KindSelection, X: b.ox + x0, Y: by - 2, W: x1 - x0, H: barH + 4, Radius: 5,
				StrokeW: 2, Stroke: th.Selection, Event: it.Event, Lane: lane}
			if it.Event != sel {
				o.StrokeW = 1
				o.Style |= StyleDashed
			}
			b.add(o)
		} else if b.st.Marked != nil && b.st.Marked(it.Event) && b.room(1) {
			x0, x1, _ := b.clipX(boxX0-2, boxX1+2)
			b.add(Shape{Type: RectShape, Kind: KindMatch, X: b.ox + x0, Y: by - 2, W: x1 - x0, H: barH + 4, Radius: 5,
				StrokeW: 2, Stroke: th.Selection, Fill: withAlpha(th.Selection, 70), Event: it.Event, Lane: lane})
		}
	}
	for _, cl := range lf.Clusters {
		b.must -= 2
		b.s.Folded += cl.Count
		rowY := lb.Y + pad + float64(cl.Row)*rowH
		by := rowY + (rowH-barH)/2
		r := rect(KindCluster, b.ox+cl.X0+1, by, cl.X1-cl.X0-2, barH, th.Cluster)
		r.Radius = 3
		r.Lane = lane
		r.From, r.To = chronoDay(float64(cl.From)), chronoDay(float64(cl.To))
		r.Text = countLabel(cl.Count, true)
		x, align := b.ox+(cl.X0+cl.X1)/2, StyleAlignCenter
		if cl.Ongoing {
			// The events that began before the view: a band across it, "« +N" at its left.
			r.Fill = withAlpha(th.Cluster, 210)
			r.Style |= StyleFadeLeft
			r.Fade = 24
			r.Text = "« " + r.Text
			x, align = b.ox+cl.X0+8, 0
		}
		b.add(r)
		t := b.text(KindCluster, x, rowY+rowH/2+b.ch/2, r.Text, b.m.Width(r.Text, b.fs, false), th.ClusterTxt, align)
		t.Lane = lane
		b.add(t)
	}
}

// density draws a lane too dense to read: a bar per bin, height by the square root of its
// count, and the count of each group above.
func (b *builder) density(lf *layout.LaneFrame, lb LaneBox, c colorNRGBA, pad float64) {
	th := &b.st.Theme
	lane := int16(lf.Lane)
	top := lb.Y + pad + b.fs + 4
	bottom := lb.Y + lb.H - pad
	hmax := bottom - top
	for _, bn := range lf.Bins {
		b.must--
		h := math.Max(1, hmax*math.Sqrt(float64(bn.Count)/float64(max(lf.MaxBin, 1))))
		r := rect(KindDensity, b.ox+bn.X0, bottom-h, bn.X1-bn.X0, h, c)
		r.Lane = lane
		r.From, r.To = chronoDay(float64(bn.From)), chronoDay(float64(bn.To))
		b.add(r)
	}
	for _, cl := range lf.Clusters {
		b.must -= 2
		r := rect(KindCluster, b.ox+cl.X0, lb.Y, cl.X1-cl.X0, lb.H, colorNRGBA{})
		r.Lane = lane
		r.From, r.To = chronoDay(float64(cl.From)), chronoDay(float64(cl.To))
		r.Text = countLabel(cl.Count, false)
		b.add(r)
		w := b.m.Width(r.Text, b.fs*0.85, false)
		if w <= cl.X1-cl.X0-4 {
			t := b.text(KindCluster, b.ox+(cl.X0+cl.X1)/2, lb.Y+pad+b.ch, r.Text, w, th.Text, StyleAlignCenter)
			t.Size = b.fs * 0.85
			t.Lane = lane
			b.add(t)
		}
	}
}

// countLabel is a cluster's count: "+12" beside rows, "12" in a density lane; compact past 9,999.
func countLabel(n int, plus bool) string {
	var s string
	switch {
	case n >= 10_000_000:
		s = strconv.Itoa(n/1_000_000) + "M"
	case n >= 1_000_000:
		s = strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + "M"
	case n >= 100_000:
		s = strconv.Itoa(n/1000) + "k"
	case n >= 10_000:
		s = strconv.FormatFloat(float64(n)/1e3, 'f', 1, 64) + "k"
	default:
		s = strconv.Itoa(n)
	}
	if plus {
		return "+" + s
	}
	return s
}

// axis draws the two rows of tick labels at the top, over the lanes.
func (b *builder) axis() {
	s, st, th := b.s, b.st, &b.st.Theme
	W := b.v.Width
	ah := st.AxisHeight
	if ah <= 0 {
		return
	}
	b.add(rect(KindAxis, 0, 0, s.W, ah, th.AxisBg))
	rowH := ah / 2
	breakMarks(s, b.v, b.ox, 0, 0, ah*0.2, ah*0.8, KindAxis, th)
	// Context row: the label of the period the left edge is in is pinned there (as
	// vis-timeline does), but only when a tick of that period is in view (it names the
	// period the ticks belong to, never one before the first tick) and with clear room
	// before the next label: close to it, it would read as a stray tick of its own.
	// Labels keep clear of each other and of the break signs.
	signs := b.breakSigns()
	clearOfSigns := func(x0, x1 float64) bool {
		for _, cx := range signs {
			if x1 > cx-8 && x0 < cx+8 {
				return false
			}
		}
		return true
	}
	prevEnd := math.Inf(-1)
	for i, t := range s.major {
		x := math.Max(t.X, 0) + 4
		w := b.m.Width(t.Label, b.fs, true)
		next := W
		if i+1 < len(s.major) {
			next = s.major[i+1].X
		}
		gap := 2.0
		if t.X < 0 {
			if i+1 < len(s.major) {
				gap = 2 * b.fs
			}
			if !b.minorIn(0, next) {
				continue
			}
		}
		if x+w > next-gap || x+w > W || x < prevEnd+b.fs || !clearOfSigns(x, x+w) {
			continue
		}
		if t.X >= 0 {
			b.add(Shape{Type: LineShape, Kind: KindGrid, X: b.ox + t.X, Y: 0, H: ah, StrokeW: 1, Stroke: th.GridMajor, Event: -1, Lane: -1})
		}
		b.add(b.text(KindTickLabel, b.ox+x, rowH/2+b.ch/2, t.Label, w, th.AxisText, StyleBold))
		prevEnd = x + w
	}
	prevEnd = math.Inf(-1)
	for _, t := range s.minor {
		w := b.m.Width(t.Label, b.fs, false)
		x := t.X + 3
		if x+w > W || x < prevEnd+4 || !clearOfSigns(x, x+w) {
			continue
		}
		b.add(Shape{Type: LineShape, Kind: KindGrid, X: b.ox + t.X, Y: rowH, H: rowH, StrokeW: 1, Stroke: th.Grid, Event: -1, Lane: -1})
		b.add(b.text(KindTickLabel, b.ox+x, rowH+rowH/2+b.ch/2, t.Label, w, th.TextMuted, 0))
		prevEnd = x + w
	}
	b.add(Shape{Type: LineShape, Kind: KindAxis, X: 0, Y: ah, W: s.W, StrokeW: 1, Stroke: th.AxisRule, Event: -1, Lane: -1})
}

// titles draws the lane-title column.
func (b *builder) titles() {
	s, st, th := b.s, b.st, &b.st.Theme
	tw := st.TitleWidth
	if tw <= 0 {
		return
	}
	b.add(rect(KindLaneTitle, 0, st.AxisHeight, tw, s.H-st.AxisHeight, th.TitleBg))
	for _, lb := range s.Lanes {
		c := b.laneColor(lb.Lane)
		sw := rect(KindLaneTitle, 0, lb.Y, 4, lb.H, c)
		sw.Lane = int16(lb.Lane)
		b.add(sw)
		// A title that does not fit the column wraps at spaces onto as many lines as the
		// lane's height holds (at most three), and only the last line is elided.
		lineH := b.fs * 1.35
		maxLines := min(3, max(1, int((lb.H-b.fs*0.5)/lineH)))
		y := lb.Y + math.Min(lb.H/2, st.RowHeight*0.75) + b.ch/2
		for i, line := range wrapTitle(b.m, b.ix.DS.Lanes[lb.Lane].TitleIn(st.Lang), b.fs, tw-16, maxLines) {
			t := b.text(KindLaneTitle, 10, y+float64(i)*lineH, line.text, line.w, th.Text, StyleBold)
			t.Lane = int16(lb.Lane)
			b.add(t)
		}
		b.add(Shape{Type: LineShape, Kind: KindLaneTitle, X: 0, Y: lb.Y + lb.H + b.gap/2, W: s.W, StrokeW: 1, Stroke: th.AxisRule, Event: -1, Lane: -1})
	}
	b.add(Shape{Type: LineShape, Kind: KindLaneTitle, X: tw, Y: st.AxisHeight, H: s.H - st.AxisHeight, StrokeW: 1, Stroke: th.AxisRule, Event: -1, Lane: -1})
}

type titleLine struct {
	text string
	w    float64
}

// wrapTitle breaks a bold title into at most maxLines lines of at most room px, at spaces;
// words that do not fit on the last line are elided with "…" (textmetrics.Fit).
func wrapTitle(m textmetrics.Measurer, title string, size, room float64, maxLines int) []titleLine {
	var lines []titleLine
	rest := strings.TrimSpace(title)
	for rest != "" {
		if len(lines) == maxLines-1 {
			txt, w := textmetrics.Fit(m, rest, size, true, room)
			if txt != "" {
				lines = append(lines, titleLine{txt, w})
			}
			break
		}
		// The longest run of whole words that fits; a single word too long for the line is
		// left to the last line's elision.
		cut := -1
		for i := 0; i <= len(rest); i++ {
			if i < len(rest) && rest[i] != ' ' {
				continue
			}
			if m.Width(rest[:i], size, true) > room {
				break
			}
			cut = i
		}
		if cut <= 0 {
			txt, w := textmetrics.Fit(m, rest, size, true, room)
			if txt != "" {
				lines = append(lines, titleLine{txt, w})
			}
			break
		}
		lines = append(lines, titleLine{rest[:cut], m.Width(rest[:cut], size, true)})
		rest = strings.TrimSpace(rest[cut:])
	}
	return lines
}

// MinFitHeight is the least FitHeight at which each of shown lanes keeps one row in sight:
// the lanes closed up as Build closes them in a short FitHeight (1 px above and below a
// row, 2 px between lanes). The app's timeline asks its window for at least this height,
// so that no split or small window hides a lane.
func (c *Config) MinFitHeight(shown int) float64 {
	rowH := c.RowHeight
	if rowH <= 0 {
		fs := c.FontSize
		if fs <= 0 {
			fs = 12
		}
		rowH = fs * 1.8
	}
	return c.AxisHeight + 2 + float64(shown)*(rowH+2+2)
}
