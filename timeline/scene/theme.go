package scene

import (
	"image/color"
	"strconv"
	"strings"
)

// Theme is the set of colours a scene is drawn with.
type Theme struct {
	Name       string
	Background color.NRGBA // behind everything
	Text       color.NRGBA // labels beside bars, lane titles
	TextMuted  color.NRGBA // minor tick labels
	Grid       color.NRGBA // minor grid lines
	GridMajor  color.NRGBA // context (major) grid lines
	AxisBg     color.NRGBA // the axis band
	AxisText   color.NRGBA // context tick labels
	AxisRule   color.NRGBA // the line under the axis and between lanes
	TitleBg    color.NRGBA // the lane-title column
	Selection  color.NRGBA // the selected event's outline (and the hovered one's, thinner)
	Contested  color.NRGBA // the mark on contested events
	Cluster    color.NRGBA // "+N" cluster boxes
	ClusterTxt color.NRGBA // their count
	Window     color.NRGBA // the overview's window box outline
	// LaneColors says to draw events in the dataset's lane colours (Palette fills in for a
	// lane without one); when false every lane uses Palette[lane % len(Palette)].
	LaneColors bool
	Palette    []color.NRGBA
	// Lighten mixes lane colours with white by this fraction (0..1), for dark backgrounds.
	Lighten float64
	// BandAlpha is the alpha of a lane's band tint of its colour; BandFill, when set, gives
	// the bands fixed colours instead (alternating by lane).
	BandAlpha uint8
	BandFill  []color.NRGBA
	// UncertainAlpha is the alpha of the pale band over uncertain days.
	UncertainAlpha uint8
}

func hex(s string) color.NRGBA {
	c, _ := ParseColor(s)
	return c
}

// ParseColor parses "#rrggbb" (or "#rrggbbaa").
func ParseColor(s string) (color.NRGBA, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 && len(s) != 8 {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	if len(s) == 6 {
		v = v<<8 | 0xff
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// defaultPalette is for lanes without a colour: distinct, readable on white and dark.
var defaultPalette = []color.NRGBA{
	hex("#a0312b"), hex("#2b6ca0"), hex("#3d8b37"), hex("#b8860b"), hex("#7b3fa0"), hex("#1f8a8a"),
	hex("#c05a1a"), hex("#5a6270"),
}

// printPalette is the print theme's lane colours, in the hue order of the built-in
// dataset's lanes (red, blue, purple, orange, green, ...): dark enough for white labels.
var printPalette = []color.NRGBA{
	hex("#b2182b"), hex("#2166ac"), hex("#5e3c99"), hex("#b35806"), hex("#1b7837"), hex("#01665e"),
	hex("#8c510a"), hex("#404040"),
}

// Themes are the built-in themes by name: "light" (the default), "dark", "print" (black text
// and dark lane colours on white with strong lines, for paper and projectors) and "contrast"
// (high-contrast dark).
var Themes = map[string]Theme{
	"light": {
		Name: "light", Background: hex("#ffffff"), Text: hex("#1f2328"), TextMuted: hex("#57606a"),
		Grid: color.NRGBA{0, 0, 0, 22}, GridMajor: color.NRGBA{0, 0, 0, 60},
		AxisBg: hex("#f6f8fa"), AxisText: hex("#1f2328"), AxisRule: hex("#d0d7de"), TitleBg: hex("#f6f8fa"),
		Selection: hex("#0969da"), Contested: hex("#d1242f"), Cluster: hex("#6e7781"), ClusterTxt: hex("#ffffff"),
		Window:     hex("#0969da"),
		LaneColors: true, Palette: defaultPalette, BandAlpha: 22, UncertainAlpha: 70,
	},
	"dark": {
		Name: "dark", Background: hex("#0d1117"), Text: hex("#e6edf3"), TextMuted: hex("#8b949e"),
		Grid: color.NRGBA{255, 255, 255, 18}, GridMajor: color.NRGBA{255, 255, 255, 50},
		AxisBg: hex("#161b22"), AxisText: hex("#e6edf3"), AxisRule: hex("#30363d"), TitleBg: hex("#161b22"),
		Selection: hex("#58a6ff"), Contested: hex("#ff7b72"), Cluster: hex("#6e7681"), ClusterTxt: hex("#ffffff"),
		Window:     hex("#58a6ff"),
		LaneColors: true, Palette: defaultPalette, Lighten: 0.2, BandAlpha: 30, UncertainAlpha: 80,
	},
	"print": {
		Name: "print", Background: hex("#ffffff"), Text: hex("#000000"), TextMuted: hex("#000000"),
		Grid: color.NRGBA{0, 0, 0, 70}, GridMajor: color.NRGBA{0, 0, 0, 170},
		AxisBg: hex("#ffffff"), AxisText: hex("#000000"), AxisRule: hex("#000000"), TitleBg: hex("#ffffff"),
		Selection: hex("#000000"), Contested: hex("#000000"), Cluster: hex("#000000"), ClusterTxt: hex("#ffffff"),
		Window: hex("#000000"),
		// Dark, saturated lane colours (ColorBrewer's darkest) hold white text and stay
		// apart on paper and on a projector, where two greys looked the same.
		LaneColors: false, Palette: printPalette,
		BandFill: []color.NRGBA{hex("#ffffff"), hex("#f0f0f0")}, UncertainAlpha: 90,
	},
	"contrast": {
		Name: "contrast", Background: hex("#000000"), Text: hex("#ffffff"), TextMuted: hex("#ffffff"),
		Grid: color.NRGBA{255, 255, 255, 70}, GridMajor: color.NRGBA{255, 255, 255, 170},
		AxisBg: hex("#000000"), AxisText: hex("#ffffff"), AxisRule: hex("#ffffff"), TitleBg: hex("#000000"),
		Selection: hex("#ffd400"), Contested: hex("#ff6b6b"), Cluster: hex("#ffffff"), ClusterTxt: hex("#000000"),
		Window:     hex("#ffd400"),
		LaneColors: true, Palette: defaultPalette, Lighten: 0.4,
		BandFill: []color.NRGBA{hex("#000000"), hex("#1c1c1c")}, UncertainAlpha: 110,
	},
}

// ThemeByName returns a built-in theme ("light", "dark", "print", "contrast").
func ThemeByName(name string) (Theme, bool) {
	t, ok := Themes[name]
	return t, ok
}

// LaneColor is the colour the events of lane i are drawn in, given the lane's "#rrggbb"
// (maybe ""): the dataset's colour unless the theme overrides lane colours (print), the
// theme's palette for a lane without one, lightened on dark themes. Use it for anything that
// stands for a lane (legends, lane toggles) so that it matches the timeline.
func (t *Theme) LaneColor(i int, spec string) color.NRGBA { return t.laneColor(i, spec) }

func (t *Theme) laneColor(i int, spec string) color.NRGBA {
	var c color.NRGBA
	ok := false
	if t.LaneColors {
		c, ok = ParseColor(spec)
	}
	if !ok {
		p := t.Palette
		if len(p) == 0 {
			p = defaultPalette
		}
		c = p[i%len(p)]
	}
	if t.Lighten > 0 {
		c = mix(c, color.NRGBA{255, 255, 255, 255}, t.Lighten)
	}
	c.A = 255
	return c
}

func mix(a, b color.NRGBA, f float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-f) + float64(y)*f + 0.5) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), m(a.A, b.A)}
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA { c.A = a; return c }

// onColor is black or white, whichever reads better on c.
func onColor(c color.NRGBA) color.NRGBA {
	l := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
	if l > 150 {
		return color.NRGBA{0, 0, 0, 255}
	}
	return color.NRGBA{255, 255, 255, 255}
}

type colorNRGBA = color.NRGBA
