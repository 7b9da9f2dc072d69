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

// Break rules: an empty stretch is compressed when it is longer than BreakMinShare of the
// whole span and BreakMinMean times the mean room per event (span / events), so a sparse
// but even dataset keeps a linear axis; each break takes BreakShare of the span left once
// the breaks are cut out (about 2% of the width at Fit).
const (
	BreakMinShare = 1.0 / 10
	BreakMinMean  = 4
	BreakShare    = 0.02
)

// NewAxis chooses the breaks of a dataset whose n events cover first..last with the empty
// stretches gaps (sorted or not). It returns nil (a linear axis) when no stretch qualifies.
func NewAxis(first, last float64, n int, gaps []Gap) *Axis {
	span := last - first
	if span <= 0 || n < 2 {
		return nil
	}
	least := math.Max(span*BreakMinShare, BreakMinMean*span/float64(n))
	var bs []Break
	cut := 0.0
	for _, g := range gaps {
		if g.To-g.From > least && g.From > first && g.To < last {
			bs = append(bs, Break{From: g.From, To: g.To})
			cut += g.To - g.From
		}
	}
	if len(bs) == 0 {
		return nil
	}
	slices.SortFunc(bs, func(a, b Break) int { return int(math.Copysign(1, a.From-b.From)) })
	l := BreakShare * (span - cut)
	for i := range bs {
		bs[i].Len = math.Min(l, (bs[i].To-bs[i].From)/2)
	}
	return &Axis{Breaks: bs}
}
