package render

import (
	"image/color"

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

// Paint is how a closed shape is filled and outlined. A zero colour (alpha 0) is not drawn;
// StrokeW 0 means no outline.
type Paint struct {
	Fill    color.NRGBA
	Stroke  color.NRGBA
	StrokeW float64
	Dash    []float64 // on/off lengths in px; nil is a solid line
}

// Point is a point in layout pixels.
type Point struct{ X, Y float64 }

// Painter is the small canvas a scene is painted on, in layout pixels with y down (like
// gonum/plot's vg.Canvas): a PNG painter and an SVG painter implement it, and paint drives
// either with the same calls, so the two formats show the same figure.
type Painter interface {
	// Rect fills and outlines the box x,y,w,h with corners rounded by r.
	Rect(x, y, w, h, r float64, p Paint)
	// FadeRect fills the box with c, its alpha ramping from 0 over fadeL px at the left
	// and back to 0 over fadeR px at the right (an uncertain start or end).
	FadeRect(x, y, w, h float64, c color.NRGBA, fadeL, fadeR float64)
	// Hatch draws diagonal lines of colour c, gap px apart, inside the box.
	Hatch(x, y, w, h float64, c color.NRGBA, gap float64)
	// Line strokes the segment from (x1,y1) to (x2,y2).
	Line(x1, y1, x2, y2, width float64, c color.NRGBA, dash []float64)
	// Polygon fills and outlines a closed polygon (the diamond marker).
	Polygon(pts []Point, p Paint)
	// Circle fills and outlines a circle.
	Circle(cx, cy, r float64, p Paint)
	// Text draws s in Noto Sans with its baseline at y, anchored at x. fitted says the layout
	// fitted s into a box of its Noto Sans width: a format whose viewer may lack the font
	// (SVG) then holds it to that width.
	Text(x, y float64, s string, size float64, bold bool, c color.NRGBA, a Anchor, fitted bool)
}

// dashFor is the dash pattern of a dashed stroke of width w.
func dashFor(w float64) []float64 {
	if w <= 0 {
		w = 1
	}
	return []float64{4 * w, 3 * w}
}

// visible reports whether a colour would leave a mark.
func visible(c color.NRGBA) bool { return c.A != 0 }

// paint walks the scene in order and draws each shape on p. It paints the background first.
func paint(p Painter, s *scene.Scene) {
	if visible(s.Background) {
		p.Rect(0, 0, s.W, s.H, 0, Paint{Fill: s.Background})
	}
	for i := range s.Shapes {
		paintShape(p, &s.Shapes[i])
	}
}

// paintShape draws one shape; see scene.Shape for what each field means per type.
func paintShape(p Painter, sh *scene.Shape) {
	switch sh.Type {
	case scene.RectShape:
		paintRect(p, sh)
	case scene.LineShape:
		c := sh.Stroke
		if !visible(c) {
			c = sh.Fill
		}
		w := sh.StrokeW
		if w <= 0 {
			w = 1
		}
		var dash []float64
		if sh.Style&scene.StyleDashed != 0 {
			dash = dashFor(w)
		}
		p.Line(sh.X, sh.Y, sh.X+sh.W, sh.Y+sh.H, w, c, dash)
	case scene.MarkerShape:
		pt := Paint{Fill: sh.Fill, Stroke: sh.Stroke, StrokeW: sh.StrokeW}
		if sh.Style&scene.StyleDashed != 0 {
			pt.Dash = dashFor(sh.StrokeW)
		}
		r := sh.W / 2
		if sh.Style&scene.StyleCircle != 0 {
			p.Circle(sh.X, sh.Y, r, pt)
			return
		}
		h := r
		if sh.H > 0 {
			h = sh.H / 2
		}
		p.Polygon([]Point{{sh.X, sh.Y - h}, {sh.X + r, sh.Y}, {sh.X, sh.Y + h}, {sh.X - r, sh.Y}}, pt)
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
		if !visible(c) {
			c = sh.Stroke
		}
		size := sh.Size
		if size <= 0 {
			size = 12
		}
		p.Text(sh.X, sh.Y, sh.Text, size, sh.Style&scene.StyleBold != 0, c, a, sh.W > 0)
	}
}

// paintRect draws a box: a plain or rounded fill, a faded fill for uncertain ends, a hatch
// for approximate dates, then the outline on top.
func paintRect(p Painter, sh *scene.Shape) {
	if sh.W <= 0 || sh.H <= 0 {
		return
	}
	outline := Paint{Stroke: sh.Stroke, StrokeW: sh.StrokeW}
	if sh.Style&scene.StyleDashed != 0 {
		outline.Dash = dashFor(sh.StrokeW)
	}
	fadeL, fadeR := sh.Fades()
	switch {
	case !visible(sh.Fill):
	case fadeL > 0 || fadeR > 0:
		p.FadeRect(sh.X, sh.Y, sh.W, sh.H, sh.Fill, fadeL, fadeR)
	default:
		p.Rect(sh.X, sh.Y, sh.W, sh.H, sh.Radius, Paint{Fill: sh.Fill})
	}
	if sh.Style&scene.StyleHatch != 0 {
		c := sh.Stroke
		if !visible(c) {
			c = sh.Fill
			c.A = 255
		}
		p.Hatch(sh.X, sh.Y, sh.W, sh.H, c, 6)
	}
	if visible(outline.Stroke) && outline.StrokeW > 0 && fadeL == 0 && fadeR == 0 {
		p.Rect(sh.X, sh.Y, sh.W, sh.H, sh.Radius, outline)
	}
}

// hatchSegments returns the 45° segments (going up to the right) gap px apart that cross
// the box, clipped to it, so that neither painter needs a clip path.
func hatchSegments(x, y, w, h, gap float64, emit func(x1, y1, x2, y2 float64)) {
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
