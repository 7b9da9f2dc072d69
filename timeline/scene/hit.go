package scene

import (
	"math"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
)

// HitTolerance is the room in px around small shapes (markers, thin bars) that still hits them.
const HitTolerance = 3

// Hit returns the topmost shape at scene point (x, y) that stands for something a user can
// open: an event's bar, marker, uncertain band, label or contested mark (Event >= 0), or a
// cluster or density bar (Event -1, From..To the days to zoom into). Markers and bars narrower
// than 2·HitTolerance are hit within HitTolerance px. Points on the axis hit nothing.
// The shape points into s.Shapes: it is valid until the scene is built again.
func (s *Scene) Hit(x, y float64) (*Shape, bool) {
	if y < s.AxisH {
		return nil, false
	}
	var best *Shape
	bestD := math.Inf(1)
	for i := len(s.Shapes) - 1; i >= 0; i-- {
		sh := &s.Shapes[i]
		switch sh.Kind {
		case KindBar, KindPoint, KindUncertain, KindLabel, KindContested, KindCluster, KindDensity:
		default:
			continue
		}
		if sh.Kind == KindCluster && sh.Type == TextShape {
			continue // the box behind it answers
		}
		if sh.Type == MarkerShape {
			// Diamonds by their outline, circles by their radius.
			dx, dy := math.Abs(x-sh.X), math.Abs(y-sh.Y)
			d := dx + dy - sh.W/2
			if sh.Style&StyleCircle != 0 {
				d = math.Hypot(dx, dy) - sh.W/2
			}
			if d <= 0 {
				return sh, true
			}
			if d <= HitTolerance && d < bestD {
				best, bestD = sh, d
			}
			continue
		}
		x0, y0, x1, y1 := sh.bounds()
		if x >= x0 && x <= x1 && y >= y0 && y <= y1 {
			return sh, true
		}
		// Near misses of thin bars.
		if sh.Kind == KindBar && x1-x0 < 2*HitTolerance {
			dx := math.Max(0, math.Max(x0-x, x-x1))
			dy := math.Max(0, math.Max(y0-y, y-y1))
			if d := math.Max(dx, dy); d <= HitTolerance && d < bestD {
				best, bestD = sh, d
			}
		}
	}
	return best, best != nil
}

// bounds is the shape's box.
func (sh *Shape) bounds() (x0, y0, x1, y1 float64) {
	switch sh.Type {
	case MarkerShape:
		return sh.X - sh.W/2, sh.Y - sh.W/2, sh.X + sh.W/2, sh.Y + sh.W/2
	case TextShape:
		x0 = sh.X
		switch {
		case sh.Style&StyleAlignCenter != 0:
			x0 -= sh.W / 2
		case sh.Style&StyleAlignRight != 0:
			x0 -= sh.W
		}
		return x0, sh.Y - sh.Size*0.8, x0 + sh.W, sh.Y + sh.Size*0.25
	case LineShape:
		return math.Min(sh.X, sh.X+sh.W), math.Min(sh.Y, sh.Y+sh.H), math.Max(sh.X, sh.X+sh.W), math.Max(sh.Y, sh.Y+sh.H)
	}
	return sh.X, sh.Y, sh.X + sh.W, sh.Y + sh.H
}

func chronoDay(d float64) chrono.Day { return chrono.Day(math.Floor(d)) }

// BuildOverview returns a strip height px high showing the whole span of full (its Width is
// the strip's width; the strip has no title column) with, per lane, a band shaded by how
// many events meet each few pixels, and the box of window (KindOverviewWindow). It costs
// O(width·lanes·log n), whatever the number of events.
func BuildOverview(ix *layout.Index, full, window scale.View, height float64, st *Config) *Scene {
	s := &Scene{}
	BuildOverviewInto(s, ix, full, window, height, st)
	return s
}

// BuildOverviewInto is BuildOverview into dst, reusing its memory. When only the window
// changed since the last call with dst (same index, full view, height, hidden lanes and
// theme), it only moves the window box: a pan costs nothing.
func BuildOverviewInto(dst *Scene, ix *layout.Index, full, window scale.View, height float64, st *Config) {
	th := &st.Theme
	s := dst
	key := overviewKey{ix: ix, full: full, height: height, theme: th.Name}
	if s.ovKey != key || !sameHidden(s.ovHidden, st.HiddenLanes) || len(s.Shapes) == 0 || s.Shapes[len(s.Shapes)-1].Kind != KindOverviewWindow {
		s.ovKey = key
		s.ovHidden = append(s.ovHidden[:0], st.HiddenLanes...)
		s.ovGen++
		overviewDensity(s, ix, full, height, st)
	} else {
		s.Shapes = s.Shapes[:len(s.Shapes)-1]
	}
	x0 := full.X(window.Start)
	x1 := full.X(window.End)
	if x1-x0 < 4 {
		m := (x0 + x1) / 2
		x0, x1 = m-2, m+2
	}
	w := Shape{Type: RectShape, Kind: KindOverviewWindow, X: x0, Y: 1, W: x1 - x0, H: height - 2, Radius: 2,
		Fill: withAlpha(th.Window, 36), StrokeW: 2, Stroke: th.Window, Event: -1, Lane: -1,
		From: chronoDay(window.Start), To: chronoDay(window.End)}
	s.Shapes = append(s.Shapes, w)
}

// OverviewGen changes each time BuildOverviewInto rebuilds the densities of the overview
// in s, and only then: while it stays, every shape of s but the last (the window's box) is
// as it was, so a screen that keeps the strip's picture needs to redraw only the box.
func (s *Scene) OverviewGen() uint64 { return s.ovGen }

// overviewKey is what the density part of an overview depends on, with the hidden lanes
// (Scene.ovHidden), which a slice holds for any number of lanes.
type overviewKey struct {
	ix     *layout.Index
	full   scale.View
	height float64
	theme  string
}

// sameHidden reports whether two hidden-lane lists hide the same lanes (a missing entry is
// a shown lane).
func sameHidden(a, b []bool) bool {
	for i := range max(len(a), len(b)) {
		if (i < len(a) && a[i]) != (i < len(b) && b[i]) {
			return false
		}
	}
	return true
}

// overviewDensity fills s with the overview's background and lane densities.
func overviewDensity(s *Scene, ix *layout.Index, full scale.View, height float64, st *Config) {
	th := &st.Theme
	s.Shapes = s.Shapes[:0]
	s.Lanes = s.Lanes[:0]
	s.W, s.H, s.Background, s.TimeX0, s.AxisH = full.Width, height, th.Background, 0, 0
	s.Shapes = append(s.Shapes, rect(KindBackground, 0, 0, s.W, s.H, th.Background))
	n := 0
	for li := range ix.Lanes {
		if li >= len(st.HiddenLanes) || !st.HiddenLanes[li] {
			n++
		}
	}
	if n == 0 {
		return
	}
	const binPx = 2
	lh := height / float64(n)
	k := 0
	for li := range ix.Lanes {
		if li < len(st.HiddenLanes) && st.HiddenLanes[li] {
			continue
		}
		l := &ix.Lanes[li]
		c := th.laneColor(li, ix.DS.Lanes[li].Color)
		y := float64(k) * lh
		k++
		s.Lanes = append(s.Lanes, LaneBox{Lane: li, Y: y, H: lh, Density: true, Visible: l.Len()})
		// The densest stretch sets the scale; shades are quantised so neighbours merge.
		maxc := 1
		cnt := l.NewCounter()
		for x := 0.0; x < full.Width; x += binPx * 8 {
			maxc = max(maxc, cnt.Count(full.Day(x), full.Day(x+binPx*8)))
		}
		runX, runA := 0.0, -1
		flush := func(x float64) {
			if runA > 0 {
				r := rect(KindDensity, runX, y+1, x-runX, lh-2, withAlpha(c, uint8(runA)))
				r.Lane = int16(li)
				r.From, r.To = chronoDay(full.Day(runX)), chronoDay(full.Day(x))
				s.Shapes = append(s.Shapes, r)
			}
		}
		cnt = l.NewCounter()
		for x := 0.0; x < full.Width; x += binPx {
			n := cnt.Count(full.Day(x), full.Day(x+binPx))
			a := 0
			if n > 0 {
				q := math.Ceil(8 * math.Sqrt(math.Min(1, float64(n)/float64(maxc))))
				a = int(40 + 215*q/8)
			}
			if a != runA {
				flush(x)
				runX, runA = x, a
			}
		}
		flush(full.Width)
	}
	// The axis' breaks across the strip, with their sign, as on the timeline.
	breakMarks(s, full, 0, 0, height, height*0.15, height*0.85, KindBreak, th)
}

// EventBounds is the box around what the scene draws of an event (its bar, marker, uncertain
// bands and label), for scrolling it into view; ok is false when the event is not drawn one
// by one (out of the view, hidden, or counted in a cluster or density bar).
func (s *Scene) EventBounds(ev int32) (x0, y0, x1, y1 float64, ok bool) {
	for i := range s.Shapes {
		sh := &s.Shapes[i]
		if sh.Event != ev {
			continue
		}
		switch sh.Kind {
		case KindBar, KindPoint, KindUncertain, KindLabel:
		default:
			continue
		}
		a, b, c, d := sh.bounds()
		if !ok {
			x0, y0, x1, y1, ok = a, b, c, d, true
			continue
		}
		x0, y0, x1, y1 = math.Min(x0, a), math.Min(y0, b), math.Max(x1, c), math.Max(y1, d)
	}
	return x0, y0, x1, y1, ok
}
