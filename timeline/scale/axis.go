package scale

import (
	"math"
	"slices"
)

// Break is a stretch of days [From, To) with no event, drawn compressed: it takes the width
// Len days take elsewhere on the axis.
type Break struct {
	From, To float64
	Len      float64
}

// Axis is a broken time axis: a piecewise-linear map from days to axis units ("u"), equal
// to days outside its breaks, each break squeezed to its Len. A View with an Axis places days
// by their u (View.X), zooms and pans linearly in u, and so stays exact on both sides of a
// break: X and Day are inverses everywhere, and hit-testing, zoom and pan need nothing more.
// The nil *Axis is the linear axis. One Axis is made per dataset (layout.Index.Axis) and
// shared by the scene, the hit tests, the overview strip and the figures.
type Axis struct {
	Breaks []Break // sorted, not overlapping
}

// U is day's position in axis units.
func (a *Axis) U(day float64) float64 {
	if a == nil {
		return day
	}
	off := 0.0
	for _, b := range a.Breaks {
		if day <= b.From {
			break
		}
		if day < b.To {
			return b.From - off + (day-b.From)*b.Len/(b.To-b.From)
		}
		off += b.To - b.From - b.Len
	}
	return day - off
}

// Day is the day at axis position u: the inverse of U.
func (a *Axis) Day(u float64) float64 {
	if a == nil {
		return u
	}
	off := 0.0
	for _, b := range a.Breaks {
		uf := b.From - off
		if u <= uf {
			break
		}
		if u < uf+b.Len {
			return b.From + (u-uf)*(b.To-b.From)/b.Len
		}
		off += b.To - b.From - b.Len
	}
	return u + off
}

// In reports whether day falls strictly inside a break.
func (a *Axis) In(day float64) bool {
	_, ok := a.breakAt(day)
	return ok
}

// breakAt is the break day falls strictly inside.
func (a *Axis) breakAt(day float64) (Break, bool) {
	if a == nil {
		return Break{}, false
	}
	for _, b := range a.Breaks {
		if day > b.From && day < b.To {
			return b, true
		}
	}
	return Break{}, false
}

// View is a view of this axis showing the days start..end across width px.
func (a *Axis) View(start, end, width float64) View {
	return View{Start: start, End: end, Width: width, Axis: a}
}

// Fit is Fit on this axis: first..last with 2% of room on each side, measured in axis units
// (so that a break near an end does not widen the margin).
func (a *Axis) Fit(first, last, width float64) View {
	if last <= first {
		last = first + 1
	}
	u0, u1 := a.U(first), a.U(last)
	m := 0.02 * (u1 - u0)
	return View{Start: a.Day(u0 - m), End: a.Day(u1 + m), Width: width, Axis: a}
}

// Gap is a stretch of days [From, To) that no event covers.
type Gap struct{ From, To float64 }

// Break rules. An empty stretch is compressed when it is longer than BreakMinShare of the
// whole span and BreakMinMean times the mean room per event (span / events), so a sparse
// but even dataset keeps a linear axis. A sparse stretch is compressed too, events and
// all: one at least SparseMinShare of the span long, every day of which has, in the window
// around it of SparseWindow of the span (or wider, so that it would hold SparseMinStarts
// starts at the mean density: a dataset of few events has no sparse stretch), fewer event
// starts than 1/BreakMinMean of the mean for its width (so, again, an even dataset keeps
// a linear axis); a sparse stretch that begins or ends
// in an empty one takes it whole. Each compressed stretch takes BreakShare of the span left
// once they are cut out (about 2% of the width at Fit), and as much again for each event
// starting in it past the first, so that its events keep room, but never more than half
// its own length.
const (
	BreakMinShare   = 1.0 / 10
	BreakMinMean    = 4
	BreakShare      = 0.02
	SparseMinShare  = 1.0 / 12
	SparseWindow    = 1.0 / 20
	SparseMinStarts = 16
	// HistBins is the number of equal bins of the span that a histogram of event starts
	// given to NewAxis has.
	HistBins = 240
)

// NewAxis chooses the breaks of a dataset whose n events cover first..last with the empty
// stretches gaps (sorted or not), and whose starts fall hist[i] in bin i of HistBins equal
// bins of first..last (nil: only empty stretches are compressed). It returns nil (a linear
// axis) when no stretch qualifies.
func NewAxis(first, last float64, n int, gaps []Gap, hist []int) *Axis {
	span := last - first
	if span <= 0 || n < 2 {
		return nil
	}
	least := math.Max(span*BreakMinShare, BreakMinMean*span/float64(n))
	var bs []Break
	for _, g := range gaps {
		if g.To-g.From > least && g.From > first && g.To < last {
			bs = append(bs, Break{From: g.From, To: g.To})
		}
	}
	if len(hist) == HistBins {
		bs = append(bs, sparse(first, span, n, gaps, hist)...)
	}
	if len(bs) == 0 {
		return nil
	}
	slices.SortFunc(bs, func(a, b Break) int { return int(math.Copysign(1, a.From-b.From)) })
	// Overlapping stretches (an empty one inside a sparse one) are one.
	merged := bs[:1]
	for _, b := range bs[1:] {
		if last := &merged[len(merged)-1]; b.From <= last.To {
			last.To = math.Max(last.To, b.To)
			continue
		}
		merged = append(merged, b)
	}
	bs = merged
	cut := 0.0
	for _, b := range bs {
		cut += b.To - b.From
	}
	l := BreakShare * (span - cut)
	for i := range bs {
		k := 1.0
		if len(hist) == HistBins {
			k = math.Max(1, float64(histCount(first, span, hist, bs[i].From, bs[i].To)))
		}
		bs[i].Len = math.Min(l*k, (bs[i].To-bs[i].From)/2)
	}
	return &Axis{Breaks: bs}
}

// sparse finds the sparse stretches of the span (see the break rules).
func sparse(first, span float64, n int, gaps []Gap, hist []int) []Break {
	bin := span / HistBins
	pre := make([]int, HistBins+1)
	for i, c := range hist {
		pre[i+1] = pre[i] + c
	}
	half := max(1, int(math.Round(HistBins*math.Max(SparseWindow, SparseMinStarts/float64(n))/2)))
	minRun := int(math.Ceil(HistBins * SparseMinShare))
	if 2*half+1 >= HistBins {
		return nil // the window is the whole span: nothing is sparser than the mean
	}
	isSparse := func(i int) bool {
		// The window keeps its width at the ends of the span (shifted inside it).
		lo := min(max(0, i-half), HistBins-(2*half+1))
		hi := lo + 2*half + 1
		// Fewer starts than 1/BreakMinMean of the mean for the window's width.
		return float64(pre[hi]-pre[lo])*BreakMinMean*HistBins < float64(n)*float64(hi-lo)
	}
	var out []Break
	for i := 0; i < HistBins; {
		if !isSparse(i) {
			i++
			continue
		}
		j := i
		for j < HistBins && isSparse(j) {
			j++
		}
		if j-i >= minRun {
			b := Break{From: first + float64(i)*bin, To: first + float64(j)*bin}
			for _, g := range gaps { // an end inside an empty stretch takes it whole
				if b.From > g.From && b.From < g.To {
					b.From = g.From
				}
				if b.To > g.From && b.To < g.To {
					b.To = g.To
				}
			}
			out = append(out, b)
		}
		i = j
	}
	return out
}

// histCount is about how many starts of hist fall in from..to (the bins it covers, in part
// in proportion).
func histCount(first, span float64, hist []int, from, to float64) int {
	bin := span / HistBins
	c := 0.0
	for i, h := range hist {
		b0 := first + float64(i)*bin
		ov := math.Min(to, b0+bin) - math.Max(from, b0)
		if ov > 0 {
			c += float64(h) * ov / bin
		}
	}
	return int(math.Round(c))
}
