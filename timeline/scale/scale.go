// Package scale is the view window of a timeline: the mapping between days and pixels, zoom
// and pan with limits, and axis ticks that adapt to the zoom, chosen from a table of candidate
// steps by the room their labels need.
package scale

import "math"

// DaysPerYear is the mean length of a Gregorian year in days.
const DaysPerYear = 365.2425

// View is the time window shown across the time area of a timeline.
//
// Start and End are days since 1970-01-01 on the proleptic Gregorian calendar (chrono.Day as
// float64, fractional): Start is at the left edge of the time area, End at its right edge.
// Width is the width in pixels of the time area only: a lane-title column, when a scene has
// one, is not part of it (see scene.Config.TitleWidth). X(Start) is 0 and X(End) is Width.
//
// Axis, when not nil, is the broken axis the view shows: long empty stretches take little
// width (see Axis). Every position, zoom and pan goes through it; nil is a linear axis.
type View struct {
	Start, End float64
	Width      float64
	Axis       *Axis
}

// Span is the number of days across the view.
func (v View) Span() float64 { return v.End - v.Start }

// USpan is the view's span in axis units: Span less what its breaks squeeze out.
func (v View) USpan() float64 { return v.Axis.U(v.End) - v.Axis.U(v.Start) }

// PxPerDay is the number of pixels a day takes (outside a break).
func (v View) PxPerDay() float64 {
	if v.End <= v.Start {
		return 0
	}
	if v.Axis == nil {
		return v.Width / (v.End - v.Start)
	}
	return v.Width / v.USpan()
}

// X is the pixel position, from the left edge of the time area, of a day.
func (v View) X(day float64) float64 {
	if v.Axis == nil {
		return (day - v.Start) * v.PxPerDay()
	}
	u0 := v.Axis.U(v.Start)
	return (v.Axis.U(day) - u0) * v.Width / (v.Axis.U(v.End) - u0)
}

// Day is the day at pixel position x from the left edge of the time area; the inverse of X.
func (v View) Day(x float64) float64 {
	if v.Width <= 0 {
		return v.Start
	}
	if v.Axis == nil {
		return v.Start + x*(v.End-v.Start)/v.Width
	}
	u0 := v.Axis.U(v.Start)
	return v.Axis.Day(u0 + x*(v.Axis.U(v.End)-u0)/v.Width)
}

// fromU is the view of the axis units u0..u0+uspan.
func (v View) fromU(u0, uspan float64) View {
	return View{Start: v.Axis.Day(u0), End: v.Axis.Day(u0 + uspan), Width: v.Width, Axis: v.Axis}
}

// Zoom returns the view zoomed by factor about the pixel anchorX: factor 2 halves the span
// (zooms in), 0.5 doubles it (zooms out), and the day under anchorX stays under anchorX.
// A factor that is not positive and finite leaves the view as it is. Zoom does not apply
// limits: chain Clamp.
func (v View) Zoom(factor, anchorX float64) View {
	if !(factor > 0) || math.IsInf(factor, 0) || v.Width <= 0 {
		return v
	}
	a := v.Axis.U(v.Day(anchorX))
	span := v.USpan() / factor
	return v.fromU(a-anchorX/v.Width*span, span)
}

// Pan returns the view moved by dx pixels the way a drag moves the content: dx > 0 (a drag to
// the right) shows earlier days, dx < 0 later ones. Pan does not apply limits: chain Clamp.
func (v View) Pan(dx float64) View {
	span := v.USpan()
	d := dx * span / math.Max(v.Width, 1e-9)
	return v.fromU(v.Axis.U(v.Start)-d, span)
}

// CentredOn is the view at the same zoom (the same span in axis units) centred on day.
func (v View) CentredOn(day float64) View {
	span := v.USpan()
	return v.fromU(v.Axis.U(day)-span/2, span)
}

// WithWidth returns the view with the same days across a new pixel width (a window resize).
func (v View) WithWidth(w float64) View { v.Width = w; return v }

// Limits bound where a view may go: its days within [Min, Max] (when the span allows) and its
// span within [MinSpan, MaxSpan] days.
type Limits struct {
	Min, Max         float64
	MinSpan, MaxSpan float64
}

// The default zoom limits: about a week to about two centuries across the window.
const (
	DefaultMinSpan = 7
	DefaultMaxSpan = 200 * DaysPerYear
)

// NewLimits returns the limits for a dataset whose events cover the days first..last
// (last exclusive or inclusive, it hardly matters): the domain padded by 5% of its length
// (at least 30 days) on each side, spans from a week to 200 years (or the padded domain
// when it is longer).
func NewLimits(first, last float64) Limits {
	if last < first {
		first, last = last, first
	}
	pad := math.Max(0.05*(last-first), 30)
	l := Limits{Min: first - pad, Max: last + pad, MinSpan: DefaultMinSpan, MaxSpan: DefaultMaxSpan}
	if d := l.Max - l.Min; d > l.MaxSpan {
		l.MaxSpan = d
	}
	return l
}

// Clamp returns the view brought within the limits: its span clamped to [MinSpan, MaxSpan]
// about its centre, then moved inside [Min, Max], or centred on the domain when the span is
// wider than the domain. A zero Limits leaves the view unchanged. On a broken axis, spans
// and positions are measured in axis units.
func (v View) Clamp(l Limits) View {
	if l == (Limits{}) {
		return v
	}
	a := v.Axis
	l.Min, l.Max = a.U(l.Min), a.U(l.Max)
	span := v.USpan()
	if !(span > 0) || math.IsNaN(span) || math.IsInf(span, 0) {
		span = l.MaxSpan
	}
	c := (a.U(v.Start) + a.U(v.End)) / 2
	if math.IsNaN(c) || math.IsInf(c, 0) {
		c = (l.Min + l.Max) / 2
	}
	if l.MinSpan > 0 && span < l.MinSpan {
		span = l.MinSpan
	}
	if l.MaxSpan > 0 && span > l.MaxSpan {
		span = l.MaxSpan
	}
	start := c - span/2
	if l.Max > l.Min {
		if span >= l.Max-l.Min {
			start = (l.Min+l.Max)/2 - span/2
		} else if start < l.Min {
			start = l.Min
		} else if start+span > l.Max {
			start = l.Max - span
		}
	}
	return v.fromU(start, span)
}

// Fit returns a view of the given pixel width showing first..last with 2% of room on each side.
func Fit(first, last, width float64) View {
	if last <= first {
		last = first + 1
	}
	m := 0.02 * (last - first)
	return View{Start: first - m, End: last + m, Width: width}
}
