package render

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"trotskytimeline/assets"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/textmetrics"
)

// fontFamily is what SVG text asks for: the embedded font by name, then any sans-serif.
const fontFamily = `'Noto Sans', sans-serif`

// svgPainter writes an SVG document itself.
//
// What go-chart's SVG renderer (chart.SVG, vector_renderer.go) does, and why it is not used
// here: every coordinate is an int (MoveTo/LineTo/Circle take ints, stroke-width is written as
// int(w), so a 0.5 px rule vanishes and positions jump by up to half a pixel); Text writes its
// body unescaped (a title with "<" or "&" makes the file invalid XML); text has no anchor, so
// centred and right-aligned text depend on the viewer's font matching its measurement; its
// font-size goes through a points-to-pixels DPI conversion that its PNG renderer does
// differently; it has no gradients, patterns or rounded boxes; and the root element has no
// width/height. What it does well — a path plus a style string — is a few lines. So this
// painter writes the same primitives itself: coordinates with at most 2 decimals, text as
// the glyphs of the embedded font with the text kept invisible and escaped with encoding/xml
// (see SVGText), linear gradients for faded ends and a pattern for hatches, each definition
// written once.
type svgPainter struct {
	b    bytes.Buffer // the body, after the root element and the font
	num  []byte
	defs map[string]string // definition key -> id

	w, h     float64
	text     SVGText
	used     [2]map[rune]bool // runes drawn as <text>, regular and bold (for the embedded font)
	laneID   func(lane int) string
	title    func(event int) string
	groupIDs map[string]int // ids given to lane groups, to keep them unique
}

// SVGText says how an SVG figure carries its text.
type SVGText int

// The ways an SVG figure carries its text.
const (
	// SVGGlyphs (the default) draws each text with the outlines of its Noto Sans glyphs, each
	// glyph used defined once in <defs> as a <path> (the embedded subset of the font) and
	// placed with <use>, and keeps the text itself as an invisible <text> (fill-opacity 0,
	// held by textLength to the glyphs' box) over the same box: every viewer (browsers,
	// Inkscape, rsvg, with or without Noto Sans installed) draws the same picture, and the
	// text can still be selected, searched and read aloud. Nothing visible asks for a font.
	SVGGlyphs SVGText = iota
	// SVGFont writes visible <text> elements (editable as text in Inkscape) and embeds the
	// subset of Noto Sans they use as a @font-face, so browsers draw them in the font the
	// layout measured. Viewers that ignore @font-face (rsvg, Inkscape) draw them in an
	// installed font, held to the layout's width by textLength where the layout fitted them.
	SVGFont
	// SVGOutlines writes each text as the outlines of its Noto Sans glyphs only (no <text>;
	// the text in aria-label): for tools that mishandle text of any kind.
	SVGOutlines
	// svgNoFont writes <text> without embedding the font (the tests' own painter scenes).
	svgNoFont
)

// SVGTexts names the SVGText values for the command line, default first.
var SVGTexts = []string{"glyphs", "font", "outlines"}

// newSVGPainter starts a document of w×h px.
func newSVGPainter(w, h float64) *svgPainter {
	p := &svgPainter{defs: map[string]string{}, w: w, h: h, text: svgNoFont, groupIDs: map[string]int{}}
	p.used = [2]map[rune]bool{{}, {}}
	p.b.Grow(64 << 10)
	return p
}

// finish writes the document to w: the root element, the embedded font (SVGFont), the body.
func (p *svgPainter) finish(w io.Writer) error {
	var doc bytes.Buffer
	doc.Grow(p.b.Len() + 64<<10)
	q := &svgPainter{}
	q.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	q.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg"`)
	if p.text == SVGOutlines || p.text == SVGGlyphs {
		q.b.WriteString(` xmlns:xlink="http://www.w3.org/1999/xlink"`)
	}
	q.b.WriteString(` version="1.1" width="`)
	q.f(p.w)
	q.b.WriteString(`" height="`)
	q.f(p.h)
	q.b.WriteString(`" viewBox="0 0 `)
	q.f(p.w)
	q.b.WriteByte(' ')
	q.f(p.h)
	family := fontFamily
	if p.text == SVGGlyphs {
		family = "sans-serif" // only the invisible text uses it; the glyphs need no font
	}
	q.b.WriteString(`" font-family="` + family + `">` + "\n") // family has no " or &
	doc.Write(q.b.Bytes())
	if p.text == SVGFont {
		if err := p.fontFace(&doc); err != nil {
			return err
		}
	}
	doc.Write(p.b.Bytes())
	doc.WriteString("</svg>\n")
	if _, err := w.Write(doc.Bytes()); err != nil {
		return fmt.Errorf("render: write SVG: %w", err)
	}
	return nil
}

// fontFace writes a <style> with one @font-face per weight used: the subset of Noto Sans that
// draws the runes of the document's text, as a base64 TrueType data URL.
func (p *svgPainter) fontFace(b *bytes.Buffer) error {
	var css strings.Builder
	for i, src := range [][]byte{assets.NotoSansRegular, assets.NotoSansBold} {
		if len(p.used[i]) == 0 {
			continue
		}
		runes := make([]rune, 0, len(p.used[i]))
		for r := range p.used[i] {
			runes = append(runes, r)
		}
		font, err := textmetrics.Subset(src, runes)
		if err != nil {
			return fmt.Errorf("render: embed the font: %w", err)
		}
		weight := "400"
		if i == 1 {
			weight = "700"
		}
		css.WriteString("@font-face{font-family:'Noto Sans';font-weight:" + weight +
			";font-style:normal;src:url(data:font/ttf;base64,")
		css.WriteString(base64.StdEncoding.EncodeToString(font))
		css.WriteString(") format('truetype');}\n")
	}
	if css.Len() > 0 {
		b.WriteString("<defs><style>\n")
		b.WriteString(css.String()) // base64 and fixed text: nothing to escape
		b.WriteString("</style></defs>\n")
	}
	return nil
}

// BeginLane implements paint.Grouper: the marks of a lane's events in <g id="lane-ID">.
func (p *svgPainter) BeginLane(lane int) {
	if p.laneID == nil {
		p.b.WriteString("<g>\n")
		return
	}
	id := "lane-" + xmlID(p.laneID(lane))
	if n := p.groupIDs[id]; n > 0 {
		p.groupIDs[id]++
		id += "-" + strconv.Itoa(n+1)
	} else {
		p.groupIDs[id] = 1
	}
	p.b.WriteString(`<g id="` + id + `">` + "\n")
}

// EndLane implements paint.Grouper.
func (p *svgPainter) EndLane() { p.b.WriteString("</g>\n") }

// BeginEvent implements paint.Grouper: an event's marks in a <g> whose <title> (a tooltip,
// and what a screen reader says) gives its title and dates.
func (p *svgPainter) BeginEvent(ev int) {
	p.b.WriteString("<g>")
	if p.title != nil {
		if t := p.title(ev); t != "" {
			p.b.WriteString("<title>")
			_ = xml.EscapeText(&p.b, []byte(paint.StripBidi(t))) // as every drawn text
			p.b.WriteString("</title>")
		}
	}
	p.b.WriteByte('\n')
}

// EndEvent implements paint.Grouper.
func (p *svgPainter) EndEvent() { p.b.WriteString("</g>\n") }

// xmlID makes s a valid XML id fragment: letters, digits, '-', '_' and '.', others as '_'.
func xmlID(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '_'
		}
	}
	return string(b)
}

// f writes a coordinate rounded to 2 decimals, without trailing zeros or "-0".
func (p *svgPainter) f(v float64) {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // turns -0 into 0
	}
	p.num = strconv.AppendFloat(p.num[:0], v, 'f', -1, 64)
	p.b.Write(p.num)
}

// attr writes ` name="v"` with v a number.
func (p *svgPainter) attr(name string, v float64) {
	p.b.WriteByte(' ')
	p.b.WriteString(name)
	p.b.WriteString(`="`)
	p.f(v)
	p.b.WriteByte('"')
}

// hex is a colour as #rrggbb.
func hex(c color.NRGBA) string {
	const digits = "0123456789abcdef"
	return string([]byte{'#', digits[c.R>>4], digits[c.R&15], digits[c.G>>4], digits[c.G&15], digits[c.B>>4], digits[c.B&15]})
}

// colour writes ` name="#rrggbb"` and, when translucent, ` name-opacity="a"`; an invisible
// colour writes name="none".
func (p *svgPainter) colour(name string, c color.NRGBA) {
	if !paint.Visible(c) {
		p.b.WriteString(` ` + name + `="none"`)
		return
	}
	p.b.WriteString(` ` + name + `="` + hex(c) + `"`)
	if c.A != 255 {
		p.b.WriteString(` ` + name + `-opacity="`)
		p.num = strconv.AppendFloat(p.num[:0], math.Round(float64(c.A)/255*1000)/1000, 'f', -1, 64)
		p.b.Write(p.num)
		p.b.WriteByte('"')
	}
}

// paintAttrs writes fill and stroke attributes.
func (p *svgPainter) paintAttrs(ink paint.Ink) {
	p.colour("fill", ink.Fill)
	if paint.Visible(ink.Stroke) && ink.StrokeW > 0 {
		p.colour("stroke", ink.Stroke)
		p.attr("stroke-width", ink.StrokeW)
		p.dash(ink.Dash)
	}
}

// dash writes a stroke-dasharray attribute.
func (p *svgPainter) dash(d []float64) {
	if len(d) == 0 {
		return
	}
	p.b.WriteString(` stroke-dasharray="`)
	for i, v := range d {
		if i > 0 {
			p.b.WriteByte(' ')
		}
		p.f(v)
	}
	p.b.WriteByte('"')
}

// Rect implements paint.Painter.
func (p *svgPainter) Rect(x, y, w, h, r float64, ink paint.Ink) {
	if !paint.Visible(ink.Fill) && (!paint.Visible(ink.Stroke) || ink.StrokeW <= 0) {
		return
	}
	p.b.WriteString(`<rect`)
	p.attr("x", x)
	p.attr("y", y)
	p.attr("width", w)
	p.attr("height", h)
	if r > 0 {
		r = math.Min(r, math.Min(w, h)/2)
		p.attr("rx", r)
	}
	p.paintAttrs(ink)
	p.b.WriteString("/>\n")
}

// def returns the id of a definition, writing it (body made by mk from the id) the first time.
func (p *svgPainter) def(key string, mk func(id string) string) string {
	if id, ok := p.defs[key]; ok {
		return id
	}
	id := "d" + strconv.Itoa(len(p.defs))
	p.defs[key] = id
	p.b.WriteString("<defs>")
	p.b.WriteString(mk(id))
	p.b.WriteString("</defs>\n")
	return id
}

// stopOffset formats a gradient stop offset (0..1) with 3 decimals.
func stopOffset(v float64) string {
	return strconv.FormatFloat(math.Round(math.Max(0, math.Min(1, v))*1000)/1000, 'f', -1, 64)
}

// FadeRect implements paint.Painter with a horizontal linearGradient in the box's own units, shared
// by every box of the same colour and fade proportions.
func (p *svgPainter) FadeRect(x, y, w, h float64, c color.NRGBA, fadeL, fadeR float64) {
	if w <= 0 || h <= 0 {
		return
	}
	l, r := stopOffset(fadeL/w), stopOffset(1-fadeR/w)
	op := strconv.FormatFloat(math.Round(float64(c.A)/255*1000)/1000, 'f', -1, 64)
	key := "fade" + hex(c) + op + "/" + l + "/" + r
	id := p.def(key, func(id string) string {
		col := hex(c)
		s := `<linearGradient id="` + id + `" x1="0" y1="0" x2="1" y2="0">`
		if fadeL > 0 {
			s += `<stop offset="0" stop-color="` + col + `" stop-opacity="0"/>`
		}
		s += `<stop offset="` + l + `" stop-color="` + col + `" stop-opacity="` + op + `"/>`
		s += `<stop offset="` + r + `" stop-color="` + col + `" stop-opacity="` + op + `"/>`
		if fadeR > 0 {
			s += `<stop offset="1" stop-color="` + col + `" stop-opacity="0"/>`
		}
		return s + `</linearGradient>`
	})
	p.b.WriteString(`<rect`)
	p.attr("x", x)
	p.attr("y", y)
	p.attr("width", w)
	p.attr("height", h)
	p.b.WriteString(` fill="url(#` + id + `)"/>` + "\n")
}

// Hatch implements paint.Painter with a pattern of diagonal lines, one per colour and gap.
func (p *svgPainter) Hatch(x, y, w, h float64, c color.NRGBA, gap float64) {
	if w <= 0 || h <= 0 || gap <= 0 {
		return
	}
	g := strconv.FormatFloat(math.Round(gap*100)/100, 'f', -1, 64)
	key := "hatch" + hex(c) + strconv.Itoa(int(c.A)) + "/" + g
	half := strconv.FormatFloat(math.Round(gap*50)/100, 'f', -1, 64)
	id := p.def(key, func(id string) string {
		var q svgPainter
		q.b.WriteString(`<pattern id="` + id + `" patternUnits="userSpaceOnUse" width="` + g + `" height="` + g +
			`" patternTransform="rotate(45)"><line x1="` + half + `" y1="0" x2="` + half + `" y2="` + g + `"`)
		q.colour("stroke", c)
		q.b.WriteString(` stroke-width="1"/></pattern>`)
		return q.b.String()
	})
	p.b.WriteString(`<rect`)
	p.attr("x", x)
	p.attr("y", y)
	p.attr("width", w)
	p.attr("height", h)
	p.b.WriteString(` fill="url(#` + id + `)"/>` + "\n")
}

// Line implements paint.Painter.
func (p *svgPainter) Line(x1, y1, x2, y2, width float64, c color.NRGBA, dash []float64) {
	if !paint.Visible(c) || width <= 0 {
		return
	}
	p.b.WriteString(`<line`)
	p.attr("x1", x1)
	p.attr("y1", y1)
	p.attr("x2", x2)
	p.attr("y2", y2)
	p.colour("stroke", c)
	p.attr("stroke-width", width)
	p.dash(dash)
	p.b.WriteString("/>\n")
}

// Path implements paint.Painter: a <polygon>, or a <polyline> with no fill.
func (p *svgPainter) Path(pts []paint.Point, closed bool, ink paint.Ink) {
	if len(pts) < 2 {
		return
	}
	if closed {
		p.b.WriteString(`<polygon points="`)
	} else {
		p.b.WriteString(`<polyline points="`)
		ink.Fill = color.NRGBA{}
	}
	for i, q := range pts {
		if i > 0 {
			p.b.WriteByte(' ')
		}
		p.f(q.X)
		p.b.WriteByte(',')
		p.f(q.Y)
	}
	p.b.WriteByte('"')
	p.paintAttrs(ink)
	p.b.WriteString("/>\n")
}

// Circle implements paint.Painter.
func (p *svgPainter) Circle(cx, cy, r float64, ink paint.Ink) {
	p.b.WriteString(`<circle`)
	p.attr("cx", cx)
	p.attr("cy", cy)
	p.attr("r", r)
	p.paintAttrs(ink)
	p.b.WriteString("/>\n")
}

// Text implements paint.Painter. With SVGOutlines, a <path> of the glyphs' outlines; else a
// <text> element whose content is escaped with encoding/xml (which also replaces characters
// XML forbids), so any title gives a valid document. A fitted text gets textLength, its width
// in Noto Sans, so that a viewer that draws it in another font squeezes that font into the
// box the layout left rather than overlapping the next label (in Noto Sans it changes
// nothing). Free text (title, legend, footer) has none, so that it edits naturally.
func (p *svgPainter) Text(x, y float64, s string, size float64, bold bool, c color.NRGBA, a paint.Anchor, fitted bool) {
	m := textmetrics.Default()
	switch p.text {
	case SVGOutlines:
		p.outlines(x, y, s, size, bold, c, a, false)
		return
	case SVGGlyphs:
		p.hiddenText(x, y, s, size, bold, a)
		p.outlines(x, y, s, size, bold, c, a, true)
		return
	}
	w := 0
	if bold {
		w = 1
	}
	for _, r := range s {
		p.used[w][r] = true
	}
	p.textStart(x, y, size, bold, a)
	p.colour("fill", c)
	if fitted {
		p.attr("textLength", m.Width(s, size, bold))
		p.b.WriteString(` lengthAdjust="spacingAndGlyphs"`)
	}
	p.b.WriteString(` xml:space="preserve">`)
	_ = xml.EscapeText(&p.b, []byte(s)) // writes to a bytes.Buffer: cannot fail
	p.b.WriteString("</text>\n")
}

// textStart opens a <text> element with its place, size, weight and anchor: the
// attributes the visible and the hidden text share.
func (p *svgPainter) textStart(x, y, size float64, bold bool, a paint.Anchor) {
	p.b.WriteString(`<text`)
	p.attr("x", x)
	p.attr("y", y)
	p.attr("font-size", size)
	if bold {
		p.b.WriteString(` font-weight="bold"`)
	}
	switch a {
	case paint.AnchorMiddle:
		p.b.WriteString(` text-anchor="middle"`)
	case paint.AnchorEnd:
		p.b.WriteString(` text-anchor="end"`)
	}
}

// hiddenText writes s as an invisible <text> (fill-opacity 0) over the box its glyphs take
// (textLength: their advances in Noto Sans, whatever font the viewer picks for it), so that
// the text drawn as glyphs can be selected, searched and read by a screen reader.
func (p *svgPainter) hiddenText(x, y float64, s string, size float64, bold bool, a paint.Anchor) {
	if strings.TrimSpace(s) == "" {
		return
	}
	p.textStart(x, y, size, bold, a)
	p.b.WriteString(` fill-opacity="0"`)
	p.attr("textLength", textmetrics.Default().Width(s, size, bold))
	p.b.WriteString(` lengthAdjust="spacingAndGlyphs" xml:space="preserve">`)
	_ = xml.EscapeText(&p.b, []byte(s)) // writes to a bytes.Buffer: cannot fail
	p.b.WriteString("</text>\n")
}

// outlines writes s as its glyphs' outlines: each glyph a <path> defined once (in
// thousandths of an em) and placed with <use> at the advances Width sums. The group is
// labelled with the text (aria-label) for search and screen readers, or, when hidden text
// beside it already carries the text, hidden from screen readers (aria-hidden).
func (p *svgPainter) outlines(x, y float64, s string, size float64, bold bool, c color.NRGBA, a paint.Anchor, hidden bool) {
	m := textmetrics.Default()
	f, wt := m.Regular, "r"
	if bold {
		f, wt = m.Bold, "b"
	}
	switch a {
	case paint.AnchorMiddle:
		x -= f.Em(s) * size / 2
	case paint.AnchorEnd:
		x -= f.Em(s) * size
	}
	var uses bytes.Buffer
	pen := 0.0
	for _, r := range s {
		if segs := f.Outline(r); len(segs) > 0 {
			id := p.def("glyph"+wt+strconv.Itoa(int(r)), func(id string) string {
				var q svgPainter
				q.b.WriteString(`<path id="` + id + `" d="`)
				for i, sg := range segs {
					if sg.Op == 'M' && i > 0 {
						q.b.WriteByte('Z')
					}
					q.b.WriteByte(sg.Op)
					n := map[byte]int{'M': 1, 'L': 1, 'Q': 2, 'C': 3}[sg.Op]
					for j := range n {
						if j > 0 {
							q.b.WriteByte(' ')
						}
						q.f(sg.P[j][0] * 1000)
						q.b.WriteByte(' ')
						q.f(sg.P[j][1] * 1000)
					}
				}
				q.b.WriteString(`Z"/>`)
				return q.b.String()
			})
			uses.WriteString(`<use xlink:href="#` + id + `"`)
			if pen != 0 {
				uses.WriteString(` x="` + strconv.FormatFloat(math.Round(pen*1000*100)/100, 'f', -1, 64) + `"`)
			}
			uses.WriteString(`/>`)
		}
		pen += f.Advance(r)
	}
	if uses.Len() == 0 {
		return // blanks only: nothing to draw
	}
	if hidden {
		p.b.WriteString(`<g aria-hidden="true"`)
	} else {
		p.b.WriteString(`<g aria-label="`)
		_ = xml.EscapeText(&p.b, []byte(s))
		p.b.WriteByte('"')
	}
	p.colour("fill", c)
	p.b.WriteString(` transform="translate(`)
	p.f(x)
	p.b.WriteByte(' ')
	p.f(y)
	p.b.WriteString(`) scale(`)
	p.num = strconv.AppendFloat(p.num[:0], math.Round(size/1000*1e6)/1e6, 'f', -1, 64)
	p.b.Write(p.num)
	p.b.WriteString(`)">`)
	p.b.Write(uses.Bytes())
	p.b.WriteString("</g>\n")
}
