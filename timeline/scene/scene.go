// Package scene turns a model and a view window into a Scene: a flat, ordered list of shapes
// (rectangles, lines, markers, text) in pixel coordinates, each tagged with the event it
// stands for. The screen (app/) and exported figures (timeline/render) paint the same Scene,
// so a figure looks like the app. Nothing here draws: painters do.
package scene

import (
	"image/color"
	"math"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
)

// ShapeType says which fields of a Shape are used.
type ShapeType uint8

// The shape types.
const (
	// RectShape is the box X,Y,W,H (Radius rounds its corners).
	RectShape ShapeType = iota + 1
	// LineShape goes from (X,Y) to (X+W,Y+H).
	LineShape
	// MarkerShape is a point marker centred on (X,Y), W across (a diamond unless StyleCircle).
	MarkerShape
	// TextShape is Text at font Size with its baseline at Y; X is its left edge, centre or
	// right edge by StyleAlignCenter/StyleAlignRight. W > 0 is the width it was fitted to.
	TextShape
	// PathShape is the polyline through Points, or with StyleClosed the polygon they bound
	// (filled with Fill, outlined with Stroke at StrokeW, dashed with StyleDashed): coastlines,
	// break marks, any outline. X,Y,W,H may hold its bounding box (painters do not need it).
	// Every painter draws it through timeline/paint's walker: a new kind of shape built from
	// Points needs no painter change.
	PathShape
)

// Point is a point of a PathShape, in scene pixels.
type Point struct{ X, Y float64 }

// Kind says what a shape means, so a painter or a test can find it; painters need not care.
type Kind uint8

// The kinds of shape.
const (
	KindBackground     Kind = iota
	KindLaneBand            // a lane's background band
	KindLaneTitle           // a lane's title at the left edge
	KindGrid                // a vertical grid line at a tick
	KindAxis                // axis background and rule
	KindTickLabel           // a tick label (major or minor row)
	KindBar                 // an event's period bar
	KindUncertain           // the pale band from an event's earliest to latest possible day
	KindPoint               // an event's point marker
	KindLabel               // an event's label
	KindContested           // the mark on a contested event
	KindCluster             // an aggregate of events too dense to draw (its Text is the count)
	KindDensity             // a density bar of a lane at full range
	KindSelection           // the outline of the selected event
	KindTitle               // a figure's title
	KindLegend              // a figure's legend
	KindFooter              // a figure's footer (source credits)
	KindOverviewWindow      // the current window's box in an overview strip
	KindMatch               // the highlight of an event a search matched (Config.Marked)
	KindBreak               // a break of the time axis: a compressed stretch with no event
	KindLand                // the map's land (a polygon of the basemap)
	KindRoute               // the map's path of moves between places, and its arrowheads
	KindPlace               // a place's marker on the map (Event: -1; see geo.MapScene.Places)
	KindPlaceLabel          // a place's name or a stop's year on the map
)

// Style holds a shape's drawing flags.
type Style uint16

// Style flags.
const (
	StyleFadeLeft    Style = 1 << iota // an uncertain start: the fill fades in over Fade pixels
	StyleFadeRight                     // an uncertain end: the fill fades out over Fade pixels
	StyleHatch                         // hatched fill (approximate dates)
	StyleDashed                        // dashed line or outline
	StyleBold                          // bold text
	StyleAlignCenter                   // text centred on X
	StyleAlignRight                    // text ending at X
	StyleCircle                        // a round marker instead of a diamond
	StyleOpenEnd                       // a period with an open end ("..")
	StyleClosed                        // a PathShape is a closed polygon (else an open polyline)
)

// Shape is one thing to draw. Which fields matter depends on Type.
type Shape struct {
	Type    ShapeType
	Kind    Kind
	Style   Style
	X, Y    float64
	W, H    float64
	Radius  float64 // rect corner radius
	Fade    float64 // width in px of a faded end
	StrokeW float64 // 0: no stroke
	Fill    color.NRGBA
	Stroke  color.NRGBA
	Size    float64 // text: font size in px
	Text    string
	Points  []Point // a PathShape's vertices
	// Event is the index in Dataset.Events this shape stands for, or -1.
	Event int32
	// Lane is the lane index the shape belongs to, or -1.
	Lane int16
	// From and To are the days a cluster or density bar covers (inclusive), for zooming into it.
	From, To chrono.Day
}

// Scene is a whole picture, in pixels, painted in order.
type Scene struct {
	W, H       float64
	Background color.NRGBA
	Shapes     []Shape

	// TimeX0 is the x where the time area starts (the width of the lane-title column): a
	// view's X(day) is at TimeX0+X(day) in the scene. To zoom about a pointer at scene x,
	// pass x-TimeX0 to scale.View.Zoom.
	TimeX0 float64
	// AxisH is the height of the axis at the top. Shapes of kinds KindAxis and KindTickLabel
	// (and the axis' KindGrid ticks, which have Y < AxisH) form the header: a painter that
	// scrolls the lanes vertically may keep them pinned.
	AxisH float64
	// Lanes are the lane bands from top to bottom (hidden lanes are absent).
	Lanes []LaneBox
	// Folded counts the events not drawn one by one for want of rows: those in the "+N"
	// counts of lanes laid out in rows (not those of density lanes, which are drawn as
	// bars of counts). A figure that leaves the counts out says how many it left out.
	Folded int

	frame    layout.Frame // reused by BuildInto
	pin      [1]int32     // the layout's pinned event (the selection), without an allocation per frame
	ovKey    overviewKey  // what the overview's densities were built for
	ovHidden []bool       // and the lanes they hid
	ovGen    uint64       // counts the rebuilds of the overview's densities (OverviewGen)
	major    []scale.Tick
	minor    []scale.Tick
}

// LaneBox is where a lane sits in a scene.
type LaneBox struct {
	Lane    int     // index in Dataset.Lanes
	Y, H    float64 // the band's top and height
	Rows    int     // rows of events (counting a "+N" cluster row); 0 for a density lane
	Density bool    // the lane is drawn as a density histogram (too many events to draw)
	Visible int     // events of the lane meeting the view
}

// SoftBand is the shape of the days an imprecise date may mean (a date known only to the
// month or year, or the coarse end of a period): a pale fill of the lane's colour c, hatched
// with thin diagonal lines of the same colour, and no marker. Every view and figure draws
// imprecision this one way; a faded end means an uncertain or approximate date ("?", "~").
func SoftBand(x, y, w, h float64, c colorNRGBA, th *Theme) Shape {
	r := rect(KindUncertain, x, y, w, h, withAlpha(c, th.UncertainAlpha))
	r.Style |= StyleHatch
	r.Stroke = withAlpha(c, uint8(min(255, 2*int(th.UncertainAlpha)+40)))
	return r
}

// breakMarks appends the marks of the breaks of v's axis that are in view to s: across
// y0..y1 (the lanes; none when empty) a strip of the background with dashed edges, and
// across signY0..signY1 (the axis; none when empty) the "//" break sign, of kind signKind.
// ox is the x of the time area's left edge.
func breakMarks(s *Scene, v scale.View, ox, y0, y1 float64, signY0, signY1 float64, signKind Kind, th *Theme) {
	if v.Axis == nil {
		return
	}
	for _, bk := range v.Axis.Breaks {
		if bk.To <= v.Start || bk.From >= v.End {
			continue
		}
		x0, x1 := v.X(bk.From), v.X(bk.To)
		cx := (x0 + x1) / 2
		x0, x1 = math.Max(x0, 0), math.Min(x1, v.Width)
		if x1 <= x0 {
			continue
		}
		if y1 > y0 {
			r := rect(KindBreak, ox+x0, y0, x1-x0, y1-y0, th.Background)
			r.From, r.To = chronoDay(bk.From), chronoDay(bk.To-1)
			s.Shapes = append(s.Shapes, r)
		}
		for _, x := range [2]float64{x0, x1} {
			if x > 0 && x < v.Width && y1 > y0 {
				s.Shapes = append(s.Shapes, Shape{Type: LineShape, Kind: KindBreak, Style: StyleDashed, X: ox + x, Y: y0, H: y1 - y0,
					StrokeW: 1, Stroke: th.AxisRule, Event: -1, Lane: -1})
			}
		}
		if signY1 > signY0 && cx >= 0 && cx <= v.Width {
			// The break sign: two parallel slanted strokes, as on a broken chart axis.
			h := signY1 - signY0
			for _, dx := range [2]float64{-3, 3} {
				s.Shapes = append(s.Shapes, Shape{Type: LineShape, Kind: signKind, X: ox + cx + dx - h/6, Y: signY1, W: h / 3, H: -h,
					StrokeW: 1.5, Stroke: th.AxisText, Event: -1, Lane: -1})
			}
		}
	}
}

// Fades returns how many pixels of a rectangle's fill fade in at its left and out at its
// right: Fade on an uncertain start (StyleFadeLeft) or end (StyleFadeRight), a third of the
// bar up to 24 px on an open end ("..", which has no last day), both shrunk in proportion
// when they would not fit in the bar. Every painter uses it, so the screen and the figures
// fade the same bars the same way.
func (s *Shape) Fades() (left, right float64) {
	if s.Style&StyleFadeLeft != 0 {
		left = s.Fade
	}
	if s.Style&StyleFadeRight != 0 {
		right = s.Fade
	}
	if s.Style&StyleOpenEnd != 0 && right == 0 {
		right = min(s.W/3, 24)
	}
	if left+right > s.W && left+right > 0 {
		k := s.W / (left + right)
		left, right = left*k, right*k
	}
	return left, right
}
