// Package paint is the one place a scene.Scene becomes drawing calls. Walk goes over the
// scene's shapes in order and turns each into calls on a Painter, a small canvas in layout
// pixels with y down, in the spirit of gonum/plot's vg.Canvas (whose back ends draw PNG, SVG,
// PDF and EPS from the same calls). The screen's raster (Raster, here), the PNG painter
// (go-chart's rasteriser, timeline/render), the SVG painter and the PDF painter all implement
// Painter, so a figure and the window draw the same shapes the same way.
//
// Adding a kind of shape: give it a scene.ShapeType and a case in Shape below, made of the
// Painter's primitives (a scene.PathShape already draws any polyline or polygon); every
// format then draws it. Only a new primitive needs code in each painter.
package paint

import (
	"image/color"
	"strings"

	"trotskytimeline/timeline/scene"
)

// Anchor says which point of a text its x coordinate is.
type Anchor uint8

// The text anchors.
const (
	AnchorStart  Anchor = iota // x is the left edge
	AnchorMiddle               // x is the centre
	AnchorEnd                  // x is the right edge
)

// Ink is how a shape is filled and outlined. A zero colour (alpha 0) is not drawn; StrokeW 0
// means no outline. An outline is centred on the shape's edge, as in SVG and PDF.
type Ink struct {
	Fill    color.NRGBA
	Stroke  color.NRGBA
	StrokeW float64
	Dash    []float64 // on/off lengths in px; nil is a solid line
}

// Point is a point in layout pixels.
type Point = scene.Point

// Painter is the canvas a scene is painted on, in layout pixels with y down.
type Painter interface {
	// Rect fills and outlines the box x,y,w,h with corners rounded by r.
	Rect(x, y, w, h, r float64, ink Ink)
	// FadeRect fills the box with c, its alpha ramping from 0 over fadeL px at the left
	// and back to 0 over fadeR px at the right (an uncertain start or end).
	FadeRect(x, y, w, h float64, c color.NRGBA, fadeL, fadeR float64)
	// Hatch draws 1 px diagonal lines (going up to the right) of colour c, gap px apart,
	// inside the box (HatchSegments computes them).
	Hatch(x, y, w, h float64, c color.NRGBA, gap float64)
	// Line strokes the segment from (x1,y1) to (x2,y2).
	Line(x1, y1, x2, y2, width float64, c color.NRGBA, dash []float64)
	// Path draws the polyline through pts (its stroke only) or, closed, the polygon they
	// bound (filled and outlined): diamonds, break marks, coastlines.
	Path(pts []Point, closed bool, ink Ink)
	// Circle fills and outlines a circle.
	Circle(cx, cy, r float64, ink Ink)
	// Text draws s in Noto Sans with its baseline at y, anchored at x. fitted says the layout
	// fitted s into a box of its Noto Sans width: a format whose viewer may lack the font
	// (SVG without an embedded font) then holds it to that width.
	Text(x, y float64, s string, size float64, bold bool, c color.NRGBA, a Anchor, fitted bool)
}

// Grouper is implemented by painters of formats that keep a figure's structure (SVG): Walk
// tells them where the shapes of a lane's events, and of each event, begin and end. Groups
// nest: an event's group is inside its lane's.
type Grouper interface {
	BeginLane(lane int)
	EndLane()
	BeginEvent(event int)
	EndEvent()
}

// DashFor is the dash pattern of a dashed stroke of width w.
func DashFor(w float64) []float64 {
	if w <= 0 {
		w = 1
	}
	return []float64{4 * w, 3 * w}
}

// Visible reports whether a colour would leave a mark.
func Visible(c color.NRGBA) bool { return c.A != 0 }

// Walk paints the background and then every shape of s, in order, on p.
func Walk(p Painter, s *scene.Scene) {
	if Visible(s.Background) {
		p.Rect(0, 0, s.W, s.H, 0, Ink{Fill: s.Background})
	}
	Shapes(p, s.Shapes, nil)
}

// Shapes paints the shapes keep accepts (nil: all) in order on p. A Grouper hears where the
// runs of shapes of each lane's events and of each event begin and end.
func Shapes(p Painter, shapes []scene.Shape, keep func(*scene.Shape) bool) {
	g, _ := p.(Grouper)
	lane, event := -1, -1
	for i := range shapes {
		sh := &shapes[i]
		if keep != nil && !keep(sh) {
			continue
		}
		if g != nil {
			l, e := groupOf(sh)
			if e != event && event >= 0 {
				g.EndEvent()
				event = -1
			}
			if l != lane {
				if lane >= 0 {
					g.EndLane()
				}
				if lane = l; lane >= 0 {
					g.BeginLane(lane)
				}
			}
			if e != event && e >= 0 && lane >= 0 {
				event = e
				g.BeginEvent(event)
			}
		}
		Shape(p, sh)
	}
	if g != nil {
		if event >= 0 {
			g.EndEvent()
		}
		if lane >= 0 {
			g.EndLane()
		}
	}
}

// groupOf is the lane and event a shape is grouped under: the marks of events, clusters and
// density bins belong to their lane; the rest (bands, grid, titles, legend) to none.
func groupOf(sh *scene.Shape) (lane, event int) {
	switch sh.Kind {
	case scene.KindBar, scene.KindUncertain, scene.KindPoint, scene.KindLabel, scene.KindContested,
		scene.KindCluster, scene.KindDensity, scene.KindSelection:
		if sh.Lane < 0 {
			return -1, -1
		}
		return int(sh.Lane), int(sh.Event)
	}
	return -1, -1
}

// Shape paints one shape on p; see scene.Shape for what each field means per type.
func Shape(p Painter, sh *scene.Shape) {
	switch sh.Type {
	case scene.RectShape:
		rect(p, sh)
	case scene.LineShape:
		c := sh.Stroke
		if !Visible(c) {
			c = sh.Fill
		}
		w := sh.StrokeW
		if w <= 0 {
			w = 1
		}
		var dash []float64
		if sh.Style&scene.StyleDashed != 0 {
			dash = DashFor(w)
		}
		p.Line(sh.X, sh.Y, sh.X+sh.W, sh.Y+sh.H, w, c, dash)
	case scene.MarkerShape:
		ink := Ink{Fill: sh.Fill, Stroke: sh.Stroke, StrokeW: sh.StrokeW}
		if sh.Style&scene.StyleDashed != 0 {
			ink.Dash = DashFor(sh.StrokeW)
		}
		r := sh.W / 2
		if sh.Style&scene.StyleCircle != 0 {
			p.Circle(sh.X, sh.Y, r, ink)
			return
		}
		h := r
		if sh.H > 0 {
			h = sh.H / 2
		}
		p.Path([]Point{{X: sh.X, Y: sh.Y - h}, {X: sh.X + r, Y: sh.Y}, {X: sh.X, Y: sh.Y + h}, {X: sh.X - r, Y: sh.Y}}, true, ink)
	case scene.PathShape:
		if len(sh.Points) < 2 {
			return
		}
		ink := Ink{Fill: sh.Fill, Stroke: sh.Stroke, StrokeW: sh.StrokeW}
		closed := sh.Style&scene.StyleClosed != 0
		if !closed {
			// A polyline is a stroke: of its Stroke colour, else of its Fill, 1 px by default.
			ink.Fill = color.NRGBA{}
			if !Visible(ink.Stroke) {
				ink.Stroke = sh.Fill
			}
			if ink.StrokeW <= 0 {
				ink.StrokeW = 1
			}
		}
		if sh.Style&scene.StyleDashed != 0 {
			ink.Dash = DashFor(ink.StrokeW)
		}
		p.Path(sh.Points, closed, ink)
	case scene.TextShape:
		if sh.Text == "" {
			return
		}
		a := AnchorStart
		switch {
		case sh.Style&scene.StyleAlignCenter != 0:
			a = AnchorMiddle
		case sh.Style&scene.StyleAlignRight != 0:
			a = AnchorEnd
		}
		c := sh.Fill
		if !Visible(c) {
			c = sh.Stroke
		}
		size := sh.Size
		if size <= 0 {
			size = 12
		}
		p.Text(sh.X, sh.Y, StripBidi(sh.Text), size, sh.Style&scene.StyleBold != 0, c, a, sh.W > 0)
	}
}

// StripBidi removes the bidirectional embedding, override and isolate controls (U+202A-E,
// U+2066-9) from a text about to be drawn. A dataset's title with an unbalanced
// right-to-left override reversed the rest of its label in SVG and PDF viewers (which
// apply the bidi algorithm), while our PNG and screen painters (which do not) drew it as
// written; without the controls every format draws the same text. Marks (LRM, RLM) stay.
func StripBidi(s string) string {
	if !strings.ContainsAny(s, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 {
			return -1
		}
		return r
	}, s)
}

// rect paints a box: a plain or rounded fill, a faded fill for uncertain ends, a hatch for
// approximate dates, then the outline on top.
func rect(p Painter, sh *scene.Shape) {
	if sh.W <= 0 || sh.H <= 0 {
		return
	}
	outline := Ink{Stroke: sh.Stroke, StrokeW: sh.StrokeW}
	if sh.Style&scene.StyleDashed != 0 {
		outline.Dash = DashFor(sh.StrokeW)
	}
	fadeL, fadeR := sh.Fades()
	switch {
	case !Visible(sh.Fill):
	case fadeL > 0 || fadeR > 0:
		p.FadeRect(sh.X, sh.Y, sh.W, sh.H, sh.Fill, fadeL, fadeR)
	default:
		p.Rect(sh.X, sh.Y, sh.W, sh.H, sh.Radius, Ink{Fill: sh.Fill})
	}
	if sh.Style&scene.StyleHatch != 0 {
		c := sh.Stroke
		if !Visible(c) {
			c = sh.Fill
			c.A = 255
		}
		p.Hatch(sh.X, sh.Y, sh.W, sh.H, c, HatchGap)
	}
	if Visible(outline.Stroke) && outline.StrokeW > 0 && fadeL == 0 && fadeR == 0 {
		p.Rect(sh.X, sh.Y, sh.W, sh.H, sh.Radius, outline)
	}
}

// HatchGap is the distance in px between the lines of a hatch.
const HatchGap = 6

// HatchSegments calls emit with the 45° segments (going up to the right) gap px apart that
// cross the box, clipped to it, so that no painter needs a clip path.
func HatchSegments(x, y, w, h, gap float64, emit func(x1, y1, x2, y2 float64)) {
	if gap <= 0 || w <= 0 || h <= 0 {
		return
	}
	// Lines x' + y' = c in box coordinates (origin at the box's top-left corner), c in (0, w+h).
	for c := gap / 2; c < w+h; c += gap {
		// Point where the line enters at the left or bottom edge, and leaves at the top or right.
		x1, y1 := 0.0, c
		if c > h {
			x1, y1 = c-h, h
		}
		x2, y2 := c, 0.0
		if c > w {
			x2, y2 = w, c-w
		}
		emit(x+x1, y+y1, x+x2, y+y2)
	}
}
