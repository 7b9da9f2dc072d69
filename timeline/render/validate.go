package render

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/geo"
)

// The figure's limits and defaults.
const (
	DefaultWidth  = 1920
	DefaultHeight = 1080
	// MaxSide is the largest width or height of a figure in device pixels (after Scale):
	// beyond it a PNG takes gigabytes and most viewers refuse it.
	MaxSide = 16384
	// MinWidth and MinHeight are the smallest layout that holds a title, one lane and a footer.
	MinWidth  = 640
	MinHeight = 360
	// MinFontSize and MaxFontSize bound the label size a figure may ask for (px, or pt).
	MinFontSize = 4
	MaxFontSize = 96
)

// Themes are the theme names a figure accepts, default first.
var Themes = []string{"light", "dark", "print"}

// Langs are the languages a figure's dates and titles can be in, default first.
var Langs = []string{"en", "it", "pt"}

// withDefaults returns o with its zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.Width == 0 {
		o.Width = DefaultWidth
	}
	if o.Format == PDF {
		if o.Page == "" {
			o.Page = Pages[0]
		}
		if o.Margin == 0 {
			o.Margin = DefaultMargin
		}
		if pg := pageOf(o); o.Height == 0 && pg.printW > 0 && pg.printH > 0 {
			o.Height = int(math.Round(float64(o.Width) * pg.printH / pg.printW))
		}
	}
	if o.Height == 0 {
		o.Height = DefaultHeight
	}
	if o.Scale == 0 {
		o.Scale = 1
	}
	if o.Theme == "" {
		o.Theme = Themes[0]
	}
	if o.Lang == "" {
		o.Lang = Langs[0]
	}
	if o.View == "" {
		o.View = Views[0]
	}
	return o
}

// Validate reports every reason o cannot make a figure of ds, joined in one error (nil when
// it can). Zero Width, Height, Scale, Theme and Lang mean their defaults. Render calls it
// before writing anything.
func (o Options) Validate(ds *timeline.Dataset) error {
	return o.validate(ds, ds.Spans)
}

// validate is Validate, taking the events' spans (when it gets that far) from tab: the
// dataset's span table (timeline.Spans), or the one of the index Render draws with.
func (o Options) validate(ds *timeline.Dataset, tab func() *timeline.Spans) error {
	if ds == nil {
		return errors.New("render: no dataset")
	}
	o = o.withDefaults()
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, &Problem{Format: format, Args: args}) }

	switch o.Format {
	case PNG, SVG:
	case PDF:
		if _, _, ok := pageSize(o.Page); !ok {
			bad("page %q: unknown (known: %s)", o.Page, strings.Join(Pages, ", "))
		} else if pg := pageOf(o); math.IsNaN(o.Margin) || o.Margin < 0 || pg.printW < 72 || pg.printH < 72 {
			bad("margin %.1f pt: leaves less than 1 in × 1 in of the %.0f×%.0f pt page to print on", o.Margin, pg.w, pg.h)
		}
	default:
		bad("format %d: unknown (known: png, svg, pdf)", int(o.Format))
	}
	if o.Width < 0 || o.Height < 0 {
		bad("size %d×%d: width and height must be positive", o.Width, o.Height)
	} else if o.Width < MinWidth || o.Height < MinHeight {
		bad("size %d×%d: too small for a figure (at least %d×%d)", o.Width, o.Height, MinWidth, MinHeight)
	}
	if math.IsNaN(o.Scale) || math.IsInf(o.Scale, 0) || o.Scale <= 0 {
		bad("scale %v: must be a positive number", o.Scale)
	} else if o.Format == PNG {
		if w, h := math.Round(float64(o.Width)*o.Scale), math.Round(float64(o.Height)*o.Scale); w > MaxSide || h > MaxSide {
			bad("size %d×%d at scale %v is %.0f×%.0f px: a side may not exceed %d px", o.Width, o.Height, o.Scale, w, h, MaxSide)
		} else if w < 1 || h < 1 {
			bad("size %d×%d at scale %v is under one pixel", o.Width, o.Height, o.Scale)
		}
	}
	if (o.Format == SVG || o.Format == PDF) && (o.Width > MaxSide || o.Height > MaxSide) {
		bad("size %d×%d: a side may not exceed %d px", o.Width, o.Height, MaxSide)
	}
	if math.IsNaN(o.FontSize) || o.FontSize < 0 {
		bad("font size %v: must be a positive number", o.FontSize)
	} else if o.FontSize > 0 && (o.FontSize < MinFontSize || o.FontSize > MaxFontSize) {
		bad("font size %v: must be from %v to %v", o.FontSize, MinFontSize, MaxFontSize)
	}
	if !contains(Themes, o.Theme) {
		bad("theme %q: unknown (known: %s)", o.Theme, strings.Join(Themes, ", "))
	}
	if !contains(Langs, o.Lang) {
		bad("language %q: unknown (known: %s)", o.Lang, strings.Join(Langs, ", "))
	}
	if !contains(Views, o.View) {
		bad("view %q: unknown (known: %s)", o.View, strings.Join(Views, ", "))
	} else if o.View != "timeline" && !geo.NewIndex(ds).HasMap() {
		bad("view %s: dataset %q has no places to map", o.View, ds.Title)
	}
	var known []string
	for _, l := range ds.Lanes {
		known = append(known, l.ID)
	}
	for _, id := range o.Lanes {
		if !contains(known, id) {
			bad("lane %q: unknown (known: %s)", id, strings.Join(known, ", "))
		}
	}
	if o.Lanes != nil && len(o.Lanes) == 0 {
		bad("no lanes chosen (known: %s)", strings.Join(known, ", "))
	}
	if o.HasRange && o.From > o.To {
		bad("range %s – %s is inverted: it ends before it starts", dayString(o.From), dayString(o.To))
	}
	if len(errs) == 0 {
		// Only meaningful once the lanes and range are sound.
		if _, _, ok := o.span(ds, tab()); !ok {
			if o.HasRange {
				bad("range %s – %s is empty: no event of the chosen lanes falls in it", dayString(o.From), dayString(o.To))
			} else {
				bad("dataset %q has no event in the chosen lanes to draw", ds.Title)
			}
		}
	}
	return errors.Join(errs...)
}

// Problem is one reason Validate gives: its message is "render: " and Format filled with
// Args. Format is the same text for every problem of its kind, so a program that shows the
// problem in another language can look it up (the app's export dialog does).
type Problem struct {
	Format string
	Args   []any
}

// Error is the problem's message in English.
func (p *Problem) Error() string { return "render: " + fmt.Sprintf(p.Format, p.Args...) }

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// dayString is a day as YYYY-MM-DD, or ".." for an open bound.
func dayString(d chrono.Day) string {
	if d <= chrono.MinDay || d >= chrono.MaxDay {
		return ".."
	}
	y, m, dd := d.Civil()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// laneSet returns which lanes of ds o draws, by lane index.
func (o Options) laneSet(ds *timeline.Dataset) []bool {
	on := make([]bool, len(ds.Lanes))
	if o.Lanes == nil {
		for i := range on {
			on[i] = true
		}
		return on
	}
	for i, l := range ds.Lanes {
		on[i] = contains(o.Lanes, l.ID)
	}
	return on
}

// shown calls f for each event of the chosen lanes that meets [from, to], with its span
// (its row of the span table tab: first day, and last day inclusive), lane by lane.
func (o Options) shown(ds *timeline.Dataset, tab *timeline.Spans, from, to chrono.Day, f func(i int, lo, hi chrono.Day)) {
	for li, on := range o.laneSet(ds) {
		if !on {
			continue
		}
		a, b := tab.Lane(li)
		for r := a; r < b; r++ {
			lo, hi := chrono.Day(tab.Start[r]), chrono.Day(max(tab.End[r]-1, tab.Start[r]))
			if hi < from || lo > to {
				continue
			}
			f(int(tab.Event[r]), lo, hi)
		}
	}
}

// span is the time range the figure shows: o's range with open bounds closed by the events
// of the chosen lanes, or those events' whole span. ok is false when no event is shown.
func (o Options) span(ds *timeline.Dataset, tab *timeline.Spans) (from, to chrono.Day, ok bool) {
	from, to = chrono.MinDay, chrono.MaxDay
	if o.HasRange {
		from, to = o.From, o.To
	}
	lo, hi := chrono.MaxDay, chrono.MinDay
	o.shown(ds, tab, from, to, func(_ int, a, b chrono.Day) {
		lo, hi = min(lo, a), max(hi, b)
		ok = true
	})
	if !ok {
		return 0, 0, false
	}
	if from <= chrono.MinDay {
		from = lo
	}
	if to >= chrono.MaxDay {
		to = hi
	}
	return from, to, true
}

// ParseFormat parses a figure format name: "png" or "svg" (any case).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "png":
		return PNG, nil
	case "svg":
		return SVG, nil
	case "pdf":
		return PDF, nil
	}
	return 0, fmt.Errorf("render: format %q: unknown (known: png, svg, pdf)", s)
}

// ParseRange parses the bounds of a figure's time range: each a year ("1917") or an EDTF
// date ("1917-10", "1917-10-25", "1921~"); from gives its earliest day and to its latest, so
// "1917", "1917" is the whole of 1917. "" or ".." leaves that side open (chrono.MinDay or
// chrono.MaxDay), and Render closes it at the first or last event shown.
func ParseRange(from, to string) (chrono.Day, chrono.Day, error) {
	parse := func(which, s string, open chrono.Day, bound func(chrono.Date) chrono.Day) (chrono.Day, error) {
		s = strings.TrimSpace(s)
		if s == "" || s == ".." {
			return open, nil
		}
		d, err := chrono.Parse(s)
		if err != nil {
			return 0, fmt.Errorf("render: range %s %q: %w", which, s, err)
		}
		return bound(d), nil
	}
	lo, err := parse("start", from, chrono.MinDay, chrono.Date.Earliest)
	if err != nil {
		return 0, 0, err
	}
	hi, err := parse("end", to, chrono.MaxDay, chrono.Date.Latest)
	if err != nil {
		return 0, 0, err
	}
	if lo > hi {
		return 0, 0, fmt.Errorf("render: range %q – %q is inverted: it ends before it starts", from, to)
	}
	return lo, hi, nil
}
