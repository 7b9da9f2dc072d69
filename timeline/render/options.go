// Package render paints a scene into a figure file, PNG, SVG or PDF, behind a small painter
// interface of ours: PNG through go-chart's rasteriser, driven in fractional coordinates with
// the embedded Noto Sans; SVG written by our own painter (svg.go), because go-chart's SVG
// renderer writes unescaped text and integer pixels and measures text unlike its PNG one.
package render

import "trotskytimeline/timeline/chrono"

// Format is a figure's file format.
type Format int

// The figure formats.
const (
	PNG Format = iota + 1
	SVG
	PDF
)

// Options choose what a figure shows and how big it is.
type Options struct {
	Format Format
	Title  string // "" means the dataset's title
	// From and To bound the time range (inclusive days); when HasRange is false the
	// figure spans the whole dataset.
	From, To chrono.Day
	HasRange bool
	Lanes    []string // lane ids to draw, in dataset order; nil means all
	Width    int      // layout size in pixels (default 1920)
	Height   int      // default 1080
	Scale    float64  // PNG pixel scale: 2 gives a file twice as wide and high, laid out at Width×Height
	Theme    string   // "light" (default), "dark" or "print"
	Lang     string   // language of dates and titles: "en" (default), "it", "pt"

	// A PDF's page: Page is one of Pages ("a4" by default), Landscape turns it (a slide is
	// always landscape), Margin is the margin on every side in pt (0: DefaultMargin). The
	// figure is laid out at Width×Height px (Height 0: the printable area's shape at Width)
	// and scaled to fit the printable area, centred.
	// FontSize is the size of the event labels: px, or pt on a PDF page (0: from the figure's
	// size, 15 px at 1920×1080). The title, legend and footer scale with it.
	FontSize float64

	// SVGText is how an SVG carries its text: SVGGlyphs (the default: glyph outlines from
	// the embedded subset of Noto Sans, with the text kept invisible for selection), SVGFont
	// (<text> with the subset as a @font-face) or SVGOutlines (glyph outlines only).
	SVGText SVGText

	Page      string
	Landscape bool
	Margin    float64

	// Linear draws the time axis linear; by default long stretches with few or no events
	// are compressed behind a break mark (layout.Index.Axis), as in the app.
	Linear bool
	// View is what the body shows: "timeline" (the default), "map" (the places of the
	// range and the moves between them), or "both" (the timeline above, the map below).
	View string

	// A figure draws every event of its range with its whole label. Grow lets it grow
	// taller than Height (then its least height) until they fit; without Grow, the rows and
	// type shrink to fit Height, and only where they cannot does the figure leave events
	// out, saying how many in its footer and through Warn. Chips instead lets crowded rows
	// fold into grey "+N" counts, as in the app (the figure then need not grow).
	Grow  bool
	Chips bool
	// Warn, when set, is told when a figure leaves events out (a message for a person).
	Warn func(msg string)
}

// Views are the figure bodies a figure can have, default first.
var Views = []string{"timeline", "map", "both"}

// The API (render.go), implemented by the render package:
//
// func (o Options) Validate(ds *timeline.Dataset) error   every refusal, before anything is written:
//                                                          a side over 16384 px, an empty range,
//                                                          an unknown lane or theme
// func Render(w io.Writer, ds *timeline.Dataset, o Options) error
// func ParseRange(from, to string) (chrono.Day, chrono.Day, error)  years ("1917") or EDTF dates
// func ParseFormat(s string) (Format, error)
