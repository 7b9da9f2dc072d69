package layout

import (
	"math"
	"slices"
	"sort"

	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/textmetrics"
)

// Params are the sizes and limits a Frame lays out with. Zero fields take the defaults of
// DefaultParams.
type Params struct {
	Lang     string               // language of event titles
	Measurer textmetrics.Measurer // measures labels; nil: textmetrics.Default()
	FontSize float64              // label font size, px
	Hidden   []bool               // lanes not laid out (by lane index); nil: none hidden

	MaxRows      int     // rows of events per lane; the rest go to "+N" clusters in one more row
	MaxDetail    int     // events laid out one by one per frame in all lanes together
	MaxPerPx     float64 // events per pixel of width above which a lane is drawn as density
	MarkerW      float64 // width of a point marker, px
	MinBarW      float64 // least width of a bar, px
	Gap          float64 // least room between two boxes (bar or label) of a row, px
	LabelPad     float64 // room between a box and its label, and inside a bar, px
	LabelReserve float64 // most width a label beside a box takes from its row, px
	MinLabelW    float64 // a label cut shorter than this is omitted, px (default two ems: 24 at FontSize 12)
	BinPx        float64 // width of a density bin, px
	ClusterPx    float64 // width of a "+N" cluster or a density count group, px
	// RowBudget, when > 0, is the most rows the lanes laid out one by one may take together,
	// counting their "+N" rows (a figure passes what its height holds): the rows go to the
	// lanes that need them, the fullest lanes get fewer than MaxRows, and when even one row
	// of events a lane does not fit, a lane shows a row of "+N" counts alone. Lanes drawn as
	// density take DensityRows each.
	RowBudget int
	// DensityRows is the rows of RowBudget a lane drawn as density takes; when it is set, a
	// lane with nothing in view takes one row of it too (a scene draws it a row tall).
	DensityRows int
	// Pin are events that must get a row when their lane is laid out one by one (the
	// selection: a search result in a dense lane). One that finds no row in start order is
	// laid out first and its lane packed again; nil pins nothing.
	Pin []int32
}

// FadePx is the widest fade at an uncertain end of a bar (scene draws a fade of
// min(FadePx, width/3)); a label inside a bar keeps clear of it.
const FadePx = 12

// labelSide is one place for a label beside its box: the item then spans l..r of its row.
type labelSide struct {
	l, r  float64
	left  bool
	w     float64 // the room for the label
	whole bool    // the whole label fits in the view on this side
}

// MaxBins is the most density bins a frame has in all its lanes together: past it, bins
// widen beyond Params.BinPx.
const MaxBins = 2400

// DefaultParams are the sizes used when a Params field is zero.
var DefaultParams = Params{
	Lang: "en", FontSize: 12,
	MaxRows: 12, MaxDetail: 1500, MaxPerPx: 0.5,
	MarkerW: 10, MinBarW: 3, Gap: 4, LabelPad: 4, LabelReserve: 220, MinLabelW: 24,
	BinPx: 4, ClusterPx: 56,
}

func (p *Params) withDefaults() Params {
	q := *p
	d := &DefaultParams
	if q.Lang == "" {
		q.Lang = d.Lang
	}
	if q.Measurer == nil {
		q.Measurer = textmetrics.Default()
	}
	if q.FontSize <= 0 {
		q.FontSize = d.FontSize
	}
	if q.MaxRows <= 0 {
		q.MaxRows = d.MaxRows
	}
	if q.MaxDetail <= 0 {
		q.MaxDetail = d.MaxDetail
	}
	if q.MaxPerPx <= 0 {
		q.MaxPerPx = d.MaxPerPx
	}
	if q.MarkerW <= 0 {
		q.MarkerW = d.MarkerW
	}
	if q.MinBarW <= 0 {
		q.MinBarW = d.MinBarW
	}
	if q.Gap <= 0 {
		q.Gap = d.Gap
	}
	if q.LabelPad <= 0 {
		q.LabelPad = d.LabelPad
	}
	if q.LabelReserve <= 0 {
		q.LabelReserve = d.LabelReserve
	}
	if q.MinLabelW <= 0 {
		// Two ems: a label cut shorter says nothing ("J…"), in large type too (the kiosk's).
		q.MinLabelW = d.MinLabelW * q.FontSize / d.FontSize
	}
	if q.BinPx <= 0 {
		q.BinPx = d.BinPx
	}
	if q.ClusterPx <= 0 {
		q.ClusterPx = d.ClusterPx
	}
	return q
}

// Item is one event drawn in a row. X values are pixels in the time area (scale.View.X).
type Item struct {
	Pos   int32 // position in the lane's arrays
	Event int32 // index in Dataset.Events
	Row   int32 // 0 is the top row of the lane
	// X0, X1 are the event's box: the bar (at least MinBarW wide), or the marker of a point
	// together with the uncertain band of a coarse point. Not clipped to the view.
	X0, X1 float64
	// Label is the label drawn ("" for none), possibly cut short with an ellipsis; it starts
	// at LabelX and is LabelW wide. Inside says it sits inside the bar.
	Label          string
	LabelX, LabelW float64
	Inside         bool
	Left           bool // the label sits left of the box (no room at its right)
	// Soft says the box has no sure day: it is only the band of the days an imprecise date
	// may mean (a point known to the month or year, or a period whose coarse start and end
	// overlap). A scene draws it soft, with no marker, and a label inside it in text colour.
	Soft bool
}

// findRow is the first row whose last box ends at least gap before x, or -1.
func (f *Frame) findRow(x, gap float64) int {
	for r, re := range f.rowEnd {
		if re+gap <= x {
			return r
		}
	}
	return -1
}

// Cluster is a group of events that did not fit the rows of a lane, drawn as a "+Count" box
// in the row below them (Row). From and To are the days its events cover (To inclusive).
// An Ongoing cluster spans the view in row 0 and counts the events that started before it;
// its From..To covers those events, so it is wider than the view: a list, not a zoom, opens it.
type Cluster struct {
	X0, X1   float64
	Row      int32
	Count    int
	From, To int64
	Ongoing  bool
	pos      int32 // the lane position of its first event (a count of one: that event)
}

// Bin is one bar of a density lane: Count events meet the days [From, To] (inclusive).
type Bin struct {
	X0, X1   float64
	Count    int
	From, To int64
}

// LaneFrame is one lane laid out for a frame.
type LaneFrame struct {
	Lane    int
	Visible int  // events of the lane meeting the view
	Density bool // drawn as Bins and count Clusters instead of Items
	// Ongoing says the lane was too dense to draw whole, but the events starting in the view
	// are few: they are laid out one by one below one Ongoing cluster that counts the events
	// which started before the view and still run (as with long events zoomed in on).
	Ongoing bool
	// Rows is the number of rows used, counting the cluster row: 0 for an empty lane.
	// A density lane reports 0 here; its height is the painter's choice.
	Rows     int
	Items    []Item
	Clusters []Cluster
	Bins     []Bin
	MaxBin   int // the largest Bin count
}

// Frame is the layout of all lanes for one view; reuse one Frame across frames so that its
// memory is reused.
type Frame struct {
	View  scale.View
	Lanes []LaneFrame // one per laid-out (not hidden) lane, in lane order

	// rows remembers each drawn event's row of the last frame (prev) and this one (cur), so
	// that an event keeps its row while the view pans or zooms a little when it can.
	prevRows, curRows map[int32]int32

	vis     []int32
	rowEnd  []float64
	rowLast []int32
	order   []int
	counts  []int
	sides   []labelSide
	need    []int
	buckets []Cluster
}

// Layout lays out the index for view v. It keeps the memory of earlier calls, and the rows
// events had in the last call: an event takes its old row again when it still has room there,
// so rows do not reshuffle as the view pans or zooms (a fresh Frame packs first-fit).
func (f *Frame) Layout(ix *Index, v scale.View, p *Params) {
	q := p.withDefaults()
	if f.curRows == nil {
		f.prevRows, f.curRows = map[int32]int32{}, map[int32]int32{}
	}
	f.prevRows, f.curRows = f.curRows, f.prevRows
	clear(f.curRows)
	if !smallStep(f.View, v) {
		// Rows stay put only across small steps (a pan, a zoom step): after a jump (a fit,
		// Home, a search result, a new width) the lanes pack compactly afresh.
		clear(f.prevRows)
	}
	f.View = v
	nl := len(ix.Lanes)
	if cap(f.Lanes) < nl {
		old := f.Lanes
		f.Lanes = make([]LaneFrame, nl)
		copy(f.Lanes, old[:cap(old)])
	}
	f.Lanes = f.Lanes[:0]
	f.counts = f.counts[:0]
	for li := 0; li < nl; li++ {
		if li < len(q.Hidden) && q.Hidden[li] {
			continue
		}
		lf := f.Lanes[:len(f.Lanes)+1][len(f.Lanes)]
		lf = LaneFrame{Lane: li, Items: lf.Items[:0], Clusters: lf.Clusters[:0], Bins: lf.Bins[:0]}
		lf.Visible = ix.Lanes[li].Count(v.Start, v.End)
		f.Lanes = append(f.Lanes, lf)
	}
	// Decide the lanes drawn in detail: not denser than MaxPerPx, the sparsest first, while
	// the total stays within MaxDetail.
	f.order = f.order[:0]
	for i := range f.Lanes {
		f.order = append(f.order, i)
	}
	sort.SliceStable(f.order, func(a, b int) bool { return f.Lanes[f.order[a]].Visible < f.Lanes[f.order[b]].Visible })
	budget := q.MaxDetail
	for _, i := range f.order {
		lf := &f.Lanes[i]
		if float64(lf.Visible) > q.MaxPerPx*math.Max(v.Width, 1) || lf.Visible > budget {
			lf.Density = true
			continue
		}
		budget -= lf.Visible
	}
	// A dense lane whose events mostly started before the view (long ones, zoomed in on)
	// shows the few that start in the view one by one, and counts the rest in one cluster.
	for _, i := range f.order {
		lf := &f.Lanes[i]
		if !lf.Density || lf.Visible == 0 {
			continue
		}
		l := &ix.Lanes[lf.Lane]
		starts := l.searchStart(v.End) - l.searchStart(v.Start)
		if starts < lf.Visible && float64(starts) <= q.MaxPerPx*math.Max(v.Width, 1) && starts <= budget {
			lf.Density, lf.Ongoing = false, true
			budget -= starts
		}
	}
	// Density lanes share MaxBins bins (and a tenth as many count groups), so that the shapes
	// of a frame stay bounded however wide the view and however many the lanes.
	nd := 0
	for i := range f.Lanes {
		if f.Lanes[i].Density && f.Lanes[i].Visible > 0 {
			nd++
		}
	}
	dq := q
	if nd > 0 {
		dq.BinPx = math.Max(q.BinPx, v.Width*float64(nd)/MaxBins)
		dq.ClusterPx = math.Max(q.ClusterPx, v.Width*float64(nd)*10/MaxBins)
	}
	for i := range f.Lanes {
		lf := &f.Lanes[i]
		if lf.Visible == 0 {
			continue
		}
		if lf.Density {
			f.density(ix, lf, v, &dq)
		} else {
			f.pack(ix, lf, v, &q, q.MaxRows)
		}
	}
	if q.RowBudget > 0 {
		f.budgetRows(ix, v, &q)
	}
}

// smallStep reports whether view b is a small step from view a: the same width, a span
// within a third of a's, and most of a still in sight.
func smallStep(a, b scale.View) bool {
	sa, sb := a.End-a.Start, b.End-b.Start
	if math.Abs(a.Width-b.Width) > 0.5 || sa <= 0 || sb <= 0 || sb > sa*1.35 || sa > sb*1.35 {
		return false
	}
	return math.Abs(b.Start-a.Start) <= 0.5*sa
}

// budgetRows shares q.RowBudget rows among the lanes laid out one by one: when the rows they
// took (with MaxRows each) pass the budget, every lane gets the same largest cap of rows that
// fits, the rows left over go to the lanes that need the most, and the capped lanes are
// packed again with their caps (their other events counted in "+N" clusters).
func (f *Frame) budgetRows(ix *Index, v scale.View, q *Params) {
	f.need = f.need[:0]
	total, budget := 0, q.RowBudget
	for i := range f.Lanes {
		lf := &f.Lanes[i]
		n := 0
		if !lf.Density && lf.Visible > 0 {
			n = lf.Rows
		}
		switch {
		case lf.Density && lf.Visible > 0:
			budget -= q.DensityRows
		case lf.Visible == 0 && q.DensityRows > 0:
			budget-- // an empty lane still takes a row's height in a scene
		}
		f.need = append(f.need, n)
		total += n
	}
	if total <= budget {
		return
	}
	base := func(i int) int {
		if f.Lanes[i].Ongoing && len(f.Lanes[i].Clusters) > 0 && f.Lanes[i].Clusters[0].Ongoing {
			return 1
		}
		return 0
	}
	// A lane holding a pinned event (the selection) keeps a row of events at the least,
	// since pack gives the pin a row there anyway: counted here, so that its row comes out
	// of the other lanes' share rather than pushing the last lanes below the budget.
	pinLane := -1
	if len(q.Pin) > 0 {
		for i := range f.Lanes {
			if slices.ContainsFunc(f.Lanes[i].Items, func(it Item) bool { return slices.Contains(q.Pin, it.Event) }) {
				pinLane = i
				break
			}
		}
	}
	capOf := func(i, c int) int {
		if i == pinLane {
			return max(c, 1)
		}
		return c
	}
	// rows is what lane i takes when capped at c rows of events.
	rows := func(i, c int) int {
		c = capOf(i, c)
		n := f.need[i]
		if n == 0 || n-base(i) <= c {
			return n
		}
		return base(i) + c + 1
	}
	used := func(c int) int {
		u := 0
		for i := range f.need {
			u += rows(i, c)
		}
		return u
	}
	c := q.MaxRows
	for c > 0 && used(c) > budget { // down to a lane of "+N" counts alone
		c--
	}
	if pinLane >= 0 && used(c) > budget {
		// Not even the pin's row fits beside every other lane's counts (a window at its
		// least height): every lane in sight comes first, the pinned event is counted too.
		pinLane, q.Pin = -1, nil
	}
	left := budget - used(c)
	// The rows left over go to the lanes that need the most first.
	f.order = f.order[:0]
	for i := range f.Lanes {
		f.order = append(f.order, i)
	}
	sort.SliceStable(f.order, func(a, b int) bool { return f.need[f.order[a]] > f.need[f.order[b]] })
	for _, i := range f.order {
		ci := c
		if extra := rows(i, c+1) - rows(i, c); extra <= left && c < q.MaxRows {
			ci, left = c+1, left-extra
		}
		if lf := &f.Lanes[i]; f.need[i] > 0 && f.need[i]-base(i) > capOf(i, ci) {
			f.pack(ix, lf, v, q, capOf(i, ci))
		}
	}
}

// pack lays out a lane's visible events in rows, greedily in start order, each box taking
// its label's room when the label sits beside it.
func (f *Frame) pack(ix *Index, lf *LaneFrame, v scale.View, q *Params, rowCap int) {
	l := &ix.Lanes[lf.Lane]
	lf.Items, lf.Clusters, lf.Rows = lf.Items[:0], lf.Clusters[:0], 0
	f.rowEnd = f.rowEnd[:0]
	f.rowLast = f.rowLast[:0]
	f.buckets = f.buckets[:0]
	m := q.Measurer
	W := v.Width
	base := int32(0) // the first row of events: 1 below an Ongoing cluster
	if lf.Ongoing {
		// The events that started before the view and run into it, counted in row 0; the
		// ones starting in the view, contiguous in start order, laid out below.
		lo, hi := l.searchStart(v.Start), l.searchStart(v.End)
		f.vis = l.collect(1, 0, l.size, lo, v.Start, f.vis[:0])
		if n := len(f.vis); n > 0 {
			c := Cluster{X0: 0, X1: W, Row: 0, Count: n, From: int64(l.Start[f.vis[0]]), Ongoing: true}
			for _, p := range f.vis {
				c.To = max(c.To, int64(l.End[p])-1)
			}
			lf.Clusters = append(lf.Clusters, c)
			base = 1
		}
		f.vis = f.vis[:0]
		for p := lo; p < hi; p++ {
			f.vis = append(f.vis, int32(p))
		}
	} else {
		f.vis = l.Visible(v.Start, v.End, f.vis[:0])
	}
	if rowCap < 1 && len(q.Pin) > 0 && slices.ContainsFunc(f.vis, func(p int32) bool { return slices.Contains(q.Pin, l.Event[p]) }) {
		rowCap = 1 // a pinned event is drawn even where the row budget left its lane only counts
	}
	ds := ix.DS
	pinned, repacked, nClusters := -1, false, len(lf.Clusters)
pack:
	for _, pos := range f.vis {
		it := Item{Pos: pos, Event: l.Event[pos], Row: -1}
		x0, x1, sx0, sx1, point, soft := itemBox(l, pos, v, q)
		it.X0, it.X1, it.Soft = x0, x1, soft
		title := eventTitle(&ds.Events[it.Event], q.Lang)
		tw := m.Width(title, q.FontSize, false)
		// The label goes inside a bar whose visible solid part, clear of faded ends, holds
		// it; else beside: at the right, or at the left when only the left has room for the
		// whole label (an event at the view's end), or at the side with more room, cut.
		vx0, vx1 := math.Max(sx0, 0), math.Min(sx1, W)
		if !point && !it.Soft { // a soft band has no faded ends
			fade := math.Min(FadePx, (vx1-vx0)/3)
			if l.Flags[pos]&FlagStartUncertain != 0 && sx0 >= 0 {
				vx0 += fade
			}
			if l.Flags[pos]&(FlagEndUncertain|FlagOpenEnd) != 0 && sx1 <= W {
				vx1 -= fade
			}
		}
		if !point && !it.Soft && sx1 <= 0 && x1 > 0 {
			// Only the soft band of a coarse end is in view (the sure days are all left of
			// it): the band is the box its label sticks to.
			vx0, vx1, it.Soft = 0, math.Min(x1, W), true
		}
		lw := math.Min(tw, q.LabelReserve)
		inside := !point && vx1-vx0 >= tw+2*q.LabelPad
		sides := f.sides[:0]
		if !inside && title != "" {
			roomR, roomL := W-x1-q.LabelPad, x0-q.LabelPad
			right := labelSide{x0, x1 + q.LabelPad + lw, false, lw, roomR >= lw}
			left := labelSide{x0 - q.LabelPad - math.Min(lw, roomL), x1, true, math.Min(lw, roomL), roomL >= lw}
			switch {
			case roomR >= lw:
				sides = append(sides, right)
				if roomL >= lw {
					sides = append(sides, left)
				}
			case roomL >= lw:
				sides = append(sides, left)
				if roomR >= q.MinLabelW {
					sides = append(sides, right)
				}
			case roomR >= roomL && roomR >= q.MinLabelW:
				sides = append(sides, right)
				if roomL >= q.MinLabelW {
					sides = append(sides, left)
				}
			case roomL >= q.MinLabelW:
				sides = append(sides, left)
				if roomR >= q.MinLabelW {
					sides = append(sides, right)
				}
			}
			f.sides = sides
		}
		extL, ext, left, lwSide := x0, x1, false, 0.0 // what the item takes from its row
		if len(sides) > 0 {
			extL, ext, left, lwSide = sides[0].l, sides[0].r, sides[0].left, sides[0].w
		}
		row := -1
		if r, ok := f.prevRows[it.Event]; ok && int(r) < rowCap {
			for len(f.rowEnd) <= int(r) {
				f.rowEnd = append(f.rowEnd, math.Inf(-1))
				f.rowLast = append(f.rowLast, -1)
			}
			if f.rowEnd[r]+q.Gap <= extL {
				row = int(r) // the row it had last frame
			}
		}
		if row < 0 {
			row = f.findRow(extL, q.Gap)
		}
		if row < 0 && len(sides) > 1 && sides[1].whole {
			// No row has room with the label on its side: the other side, where the whole
			// label fits, in a row there is, before a new row.
			if r := f.findRow(sides[1].l, q.Gap); r >= 0 {
				row = r
				extL, ext, left, lwSide = sides[1].l, sides[1].r, sides[1].left, sides[1].w
			}
		}
		if row < 0 && len(f.rowEnd) < rowCap {
			row = len(f.rowEnd)
			f.rowEnd = append(f.rowEnd, math.Inf(-1))
			f.rowLast = append(f.rowLast, -1)
		}
		if row < 0 && len(sides) > 1 && sides[0].left && !sides[1].left {
			// No new row either, for a label that would go left whole (an event near the
			// view's right end): left, cut, in a row whose last box leaves it more room than
			// the right would, so that as much of it shows as can.
			if w := math.Max(q.MinLabelW, math.Min(sides[1].w, W-x1-q.LabelPad)+1); x0-q.LabelPad-w >= 0 {
				if r := f.findRow(x0-q.LabelPad-w, q.Gap); r >= 0 {
					row = r
					extL, ext, left, lwSide = x0-q.LabelPad-w, x1, true, w
				}
			}
		}
		if row < 0 && len(sides) > 1 {
			// No new row either: the other side, even cut.
			if r := f.findRow(sides[1].l, q.Gap); r >= 0 {
				row = r
				extL, ext, left, lwSide = sides[1].l, sides[1].r, sides[1].left, sides[1].w
			}
		}
		if row < 0 && (ext > x1 || extL < x0) {
			// No row has room with the label: drop the label and try again.
			extL, ext, left = x0, x1, false
			row = f.findRow(x0, q.Gap)
			title = ""
		}
		if row < 0 {
			if !repacked && pinned < 0 && len(q.Pin) > 0 && slices.Contains(q.Pin, it.Event) {
				pinned = int(pos)
			}
			f.overflow(l, pos, x0, v, q)
			continue
		}
		it.Row = base + int32(row)
		f.curRows[it.Event] = int32(row)
		prevEnd := f.rowEnd[row]
		f.rowEnd[row] = ext
		switch {
		case title == "":
		case inside:
			it.Label, it.LabelW, it.Inside = title, tw, true
			it.LabelX = vx0 + q.LabelPad
			// Keep a bar's label within the bar when the bar ends in view.
			if it.LabelX+tw > vx1-q.LabelPad {
				it.LabelX = vx1 - q.LabelPad - tw
			}
		case left:
			// A label at the left may take all the room back to the row's last box.
			room := math.Max(lwSide, math.Min(x0-q.LabelPad-prevEnd-q.Gap, x0-q.LabelPad))
			it.Label, it.LabelW = textmetrics.Fit(m, title, q.FontSize, false, math.Min(tw, room))
			it.LabelX, it.Left = x0-q.LabelPad-it.LabelW, true
			extL = math.Min(extL, it.LabelX)
		case ext > x1:
			it.LabelX = x1 + q.LabelPad
			it.Label, it.LabelW = title, tw // fitted to its room after packing
		case !point:
			// A bar without room beside it (one running out of view on the right): a cut
			// label inside its solid part, if any fits.
			if room := vx1 - vx0 - 2*q.LabelPad; room >= q.MinLabelW {
				it.Label, it.LabelW = textmetrics.Fit(m, title, q.FontSize, false, room)
				it.LabelX, it.Inside = vx0+q.LabelPad, true
			}
		}
		if prev := f.rowLast[row]; prev >= 0 {
			f.fitLabel(&lf.Items[prev], extL, q)
		}
		f.rowLast[row] = int32(len(lf.Items))
		lf.Items = append(lf.Items, it)
	}
	if pinned >= 0 && !repacked {
		// A pinned event found no row: lay it out first and pack the lane again (once).
		i := slices.Index(f.vis, int32(pinned))
		copy(f.vis[1:i+1], f.vis[:i])
		f.vis[0] = int32(pinned)
		repacked = true
		lf.Items, lf.Clusters = lf.Items[:0], lf.Clusters[:nClusters]
		f.rowEnd, f.rowLast, f.buckets = f.rowEnd[:0], f.rowLast[:0], f.buckets[:0]
		goto pack
	}
	for _, last := range f.rowLast {
		if last >= 0 {
			f.fitLabel(&lf.Items[last], math.Inf(1), q)
		}
	}
	lf.Rows = int(base) + len(f.rowEnd)
	if len(f.buckets) > 0 {
		f.countRow(ix, l, lf, int32(lf.Rows), v, q)
		lf.Rows++
	}
}

// countRow puts the counts of the events that found no row into row: a "+N" box a pixel
// bucket, except that a count of one would hide its one event behind "+1", so that event
// is drawn itself where its box stays clear of the boxes beside it, with its label at its
// right cut to the room there (or none, its title then shown on hover).
func (f *Frame) countRow(ix *Index, l *Lane, lf *LaneFrame, row int32, v scale.View, q *Params) {
	end := math.Inf(-1) // the right edge of what the row holds so far
	for i := range f.buckets {
		c := f.buckets[i]
		if c.Count == 0 {
			continue
		}
		if c.Count == 1 {
			next := math.Inf(1) // the left edge of the next count
			for j := i + 1; j < len(f.buckets); j++ {
				if f.buckets[j].Count > 0 {
					next = f.buckets[j].X0
					break
				}
			}
			x0, x1, _, _, _, soft := itemBox(l, c.pos, v, q)
			if x0 >= end+q.Gap && x1+q.Gap <= next {
				it := Item{Pos: c.pos, Event: l.Event[c.pos], Row: row, X0: x0, X1: x1, Soft: soft}
				end = x1
				title := eventTitle(&ix.DS.Events[it.Event], q.Lang)
				if room := math.Min(next-q.Gap, v.Width) - (x1 + q.LabelPad); title != "" && room >= q.MinLabelW {
					tw := q.Measurer.Width(title, q.FontSize, false)
					it.Label, it.LabelW = textmetrics.Fit(q.Measurer, title, q.FontSize, false, math.Min(tw, room))
					if it.Label != "" {
						it.LabelX = x1 + q.LabelPad
						end = it.LabelX + it.LabelW
					}
				}
				lf.Items = append(lf.Items, it)
				continue
			}
		}
		c.Row = row
		lf.Clusters = append(lf.Clusters, c)
		end = c.X1
	}
}

// itemBox is the box of the event at pos in view v (Item.X0, X1): the marker of a
// day-precise point, else the bar or band over every day it may mean (at least MinBarW
// wide); sx0..sx1 is its solid part, without the pale bands of imprecise ends, and soft
// says it has none (Item.Soft: the band is the box).
func itemBox(l *Lane, pos int32, v scale.View, q *Params) (x0, x1, sx0, sx1 float64, point, soft bool) {
	x0, x1 = v.X(float64(l.Start[pos])), v.X(float64(l.End[pos]))
	fl := l.Flags[pos]
	// Only a day-precise point is a marker; a point known to the month or year is a
	// box over every day it may mean, like a bar.
	point = fl&FlagPoint != 0 && fl&FlagStartCoarse == 0
	if point {
		c := (x0 + x1) / 2
		x0 = math.Min(x0, c-q.MarkerW/2)
		x1 = math.Max(x1, c+q.MarkerW/2)
	} else if x1-x0 < q.MinBarW {
		x1 = x0 + q.MinBarW
	}
	sx0, sx1 = x0, x1
	if !point {
		if fl&FlagPoint != 0 {
			sx0 = sx1 // an imprecise point has no sure day
		} else {
			if fl&FlagStartCoarse != 0 {
				sx0 = v.X(float64(l.StartLate[pos]) + 1)
			}
			if fl&FlagEndCoarse != 0 {
				sx1 = v.X(float64(l.EndEarly[pos]))
			}
		}
		if sx1 <= sx0 {
			// No sure day: the soft band is the box, and its label may sit inside it.
			sx0, sx1, soft = x0, x1, true
		}
	}
	return x0, x1, sx0, sx1, point, soft
}

// fitLabel cuts a label beside its box to the room before nextX0 (the next box of its row)
// and the right edge of the view, or drops it.
func (f *Frame) fitLabel(it *Item, nextX0 float64, q *Params) {
	if it.Label == "" || it.Inside || it.Left {
		return
	}
	room := math.Min(nextX0-q.Gap, f.View.Width) - it.LabelX
	if it.LabelW <= room {
		return
	}
	if room < q.MinLabelW {
		it.Label, it.LabelW = "", 0
		return
	}
	it.Label, it.LabelW = textmetrics.Fit(q.Measurer, it.Label, q.FontSize, false, room)
}

// overflow counts an event that found no row in the cluster of its pixel bucket.
func (f *Frame) overflow(l *Lane, pos int32, x0 float64, v scale.View, q *Params) {
	n := int(math.Ceil(v.Width / q.ClusterPx))
	if n < 1 {
		n = 1
	}
	if len(f.buckets) == 0 {
		for b := 0; b < n; b++ {
			f.buckets = append(f.buckets, Cluster{X0: float64(b) * q.ClusterPx, X1: math.Min(float64(b+1)*q.ClusterPx, v.Width)})
		}
	}
	b := int(math.Floor(x0 / q.ClusterPx))
	b = max(0, min(b, n-1))
	c := &f.buckets[b]
	s, e := int64(l.Start[pos]), int64(l.End[pos])-1
	if c.Count == 0 {
		c.From, c.To, c.pos = s, e, pos
	} else {
		c.From, c.To = min(c.From, s), max(c.To, e)
	}
	c.Count++
}

// density draws a lane as bins of BinPx, each counting the events meeting its days, and
// count clusters of ClusterPx over them.
func (f *Frame) density(ix *Index, lf *LaneFrame, v scale.View, q *Params) {
	l := &ix.Lanes[lf.Lane]
	W := v.Width
	lf.MaxBin = 0
	countSlices(l, v, W, q.BinPx, func(x0, x1 float64, c int, from, to int64) {
		lf.Bins = append(lf.Bins, Bin{X0: x0, X1: x1, Count: c, From: from, To: to})
		lf.MaxBin = max(lf.MaxBin, c)
	})
	countSlices(l, v, W, q.ClusterPx, func(x0, x1 float64, c int, from, to int64) {
		lf.Clusters = append(lf.Clusters, Cluster{X0: x0, X1: x1, Count: c, From: from, To: to})
	})
}

// countSlices cuts the width W into slices of step px and calls fn with the number of the
// lane's events each slice meets and the days it covers, skipping empty slices.
func countSlices(l *Lane, v scale.View, W, step float64, fn func(x0, x1 float64, c int, from, to int64)) {
	cnt := l.NewCounter()
	for x := 0.0; x < W; x += step {
		x1 := math.Min(x+step, W)
		d0, d1 := v.Day(x), v.Day(x1)
		if c := cnt.Count(d0, d1); c > 0 {
			fn(x, x1, c, int64(math.Floor(d0)), int64(math.Ceil(d1))-1)
		}
	}
}
