package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"trotskytimeline/timeline/paint"
)

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
// painter writes the same primitives itself: coordinates with at most 2 decimals, text
// escaped with encoding/xml as <text> elements (selectable, editable in Inkscape) in
// font-family "Noto Sans", sans-serif with text-anchor, linear gradients for faded ends and a
// pattern for hatches, each definition written once.
type svgPainter struct {
	b    bytes.Buffer
	num  []byte
	defs map[string]string // definition key -> id
}

// newSVGPainter starts a document of w×h px.
func newSVGPainter(w, h float64) *svgPainter {
	p := &svgPainter{defs: map[string]string{}}
	p.b.Grow(64 << 10)
	p.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="`)
	p.f(w)
	p.b.WriteString(`" height="`)
	p.f(h)
	p.b.WriteString(`" viewBox="0 0 `)
	p.f(w)
	p.b.WriteByte(' ')
	p.f(h)
	p.b.WriteString(`" font-family="` + fontFamily + `">` + "\n") // fontFamily has no " or &
	return p
}

// finish closes the document and writes it to w.
func (p *svgPainter) finish(w io.Writer) error {
	p.b.WriteString("</svg>\n")
	if _, err := w.Write(p.b.Bytes()); err != nil {
		return fmt.Errorf("render: write SVG: %w", err)
	}
	return nil
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

// Text implements paint.Painter: a <text> element whose content is escaped with encoding/xml
// (which also replaces characters XML forbids), so any title gives a valid document. A fitted
// text gets textLength, its width in Noto Sans, so that a viewer without Noto Sans squeezes
// its fallback font into the box the layout left rather than overlapping the next label
// (with Noto Sans installed it changes nothing). Free text (title, legend, footer) has none,
// so that it edits naturally in Inkscape.
func (p *svgPainter) Text(x, y float64, s string, size float64, bold bool, c color.NRGBA, a paint.Anchor, fitted bool) {
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
	p.colour("fill", c)
	if fitted {
		if r, b, err := fonts(); err == nil {
			f := r
			if bold {
				f = b
			}
			p.attr("textLength", advance(f, s, size))
			p.b.WriteString(` lengthAdjust="spacingAndGlyphs"`)
		}
	}
	p.b.WriteString(` xml:space="preserve">`)
	_ = xml.EscapeText(&p.b, []byte(s)) // writes to a bytes.Buffer: cannot fail
	p.b.WriteString("</text>\n")
}

// xmlAttr escapes s for an attribute value.
func xmlAttr(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
