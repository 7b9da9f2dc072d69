package render

import (
	"image/color"
	"strings"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/scene"
)

// measurer is what the frame measures its own text with (scene.Measurer's method).
type measurer interface {
	Width(s string, size float64, bold bool) float64
}

// sourceCredits names the sources of the events shown, each by its publisher, else its
// title, without repeats, in the order of the dataset's source list (a stable order that does
// not change with the events' order or the range).
func sourceCredits(ds *timeline.Dataset, o Options, tab *timeline.Spans, from, to chrono.Day) []string {
	used := map[string]bool{}
	o.shown(ds, tab, from, to, func(i int, _, _ chrono.Day) {
		for _, x := range ds.Events[i].Excerpts() {
			used[x.Source] = true
		}
	})
	var names []string
	seen := map[string]bool{}
	for _, s := range ds.Sources {
		if !used[s.ID] {
			continue
		}
		name := strings.TrimSpace(s.Publisher)
		if name == "" {
			name = strings.TrimSpace(s.Title)
		}
		if name == "" {
			name = s.ID
		}
		if key := strings.ToLower(name); !seen[key] {
			seen[key] = true
			names = append(names, name)
		}
	}
	return names
}

// wrapItems sets "prefix: a; b; c." in lines no wider than width, breaking between items and,
// for an item too long for a line of its own, between words. A word longer than a line is
// cut with an ellipsis: nothing is drawn past the edge.
func wrapItems(m measurer, prefix string, items []string, size, width float64) []string {
	var words []string // each word carries its trailing separator
	words = append(words, strings.Fields(prefix)...)
	for i, it := range items {
		ws := strings.Fields(it)
		if len(ws) == 0 {
			continue
		}
		if i < len(items)-1 {
			ws[len(ws)-1] += ";"
		} else {
			ws[len(ws)-1] += "."
		}
		words = append(words, ws...)
	}
	var lines []string
	line := ""
	for _, w := range words {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if m.Width(try, size, false) <= width || line == "" {
			line = try
		} else {
			lines = append(lines, line)
			line = w
		}
		for m.Width(line, size, false) > width && len([]rune(line)) > 1 {
			line = cutToWidth(m, line, size, false, width)
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// cutToWidth shortens s, ending it with an ellipsis, until it fits width.
func cutToWidth(m measurer, s string, size float64, bold bool, width float64) string {
	if m.Width(s, size, bold) <= width {
		return s
	}
	r := []rune(strings.TrimSuffix(s, "…"))
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := strings.TrimSpace(string(r)) + "…"
		if m.Width(t, size, bold) <= width {
			return t
		}
	}
	return "…"
}

// rangeText writes the figure's time range for its subtitle: whole years as "1879 – 1940",
// otherwise days ("17 January 1928 – 31 December 1929").
func rangeText(from, to chrono.Day, lang string) string {
	y0, m0, d0 := from.Civil()
	y1, m1, d1 := to.Civil()
	if m0 == 1 && d0 == 1 && m1 == 12 && d1 == 31 {
		if y0 == y1 {
			return chrono.YearText(y0, lang)
		}
		return chrono.YearText(y0, lang) + " – " + chrono.YearText(y1, lang)
	}
	if from == to {
		return chrono.FormatDay(from, lang)
	}
	return chrono.FormatDay(from, lang) + " – " + chrono.FormatDay(to, lang)
}

// textShape is a text shape of the frame.
func textShape(kind scene.Kind, x, y float64, s string, size float64, style scene.Style, c color.NRGBA) scene.Shape {
	return scene.Shape{Type: scene.TextShape, Kind: kind, X: x, Y: y, Text: s, Size: size, Style: style, Fill: c, Event: -1, Lane: -1}
}
