package render

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"trotskytimeline/assets"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/textmetrics"
)

// Pages are the PDF page sizes, default first: ISO A4 and A3, US Letter, and a 16:9 slide
// (PowerPoint's 13.333 × 7.5 in).
var Pages = []string{"a4", "a3", "letter", "slide"}

// pageSize is a page's portrait width and height in pt (a slide: its landscape ones).
func pageSize(name string) (w, h float64, ok bool) {
	const mm = 72 / 25.4
	switch name {
	case "a4":
		return 210 * mm, 297 * mm, true
	case "a3":
		return 297 * mm, 420 * mm, true
	case "letter":
		return 612, 792, true
	case "slide":
		return 960, 540, true
	}
	return 0, 0, false
}

// DefaultMargin is a PDF page's margin in pt when none is given: 10 mm.
const DefaultMargin = 10 * 72 / 25.4

// ParseLength reads a length with its unit ("10mm", "1.5cm", "36pt", "0.5in"; a bare number
// is in pt) and returns it in pt.
func ParseLength(s string) (float64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	unit := 1.0
	for _, u := range []struct {
		suffix string
		pt     float64
	}{{"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"pt", 1}, {"in", 72}} {
		if strings.HasSuffix(t, u.suffix) {
			t, unit = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.pt
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0, fmt.Errorf("length %q: want a number of mm, cm, pt or in, such as 10mm or 36pt", s)
	}
	return v * unit, nil
}

// pdfPage is the page a PDF figure is printed on and where the figure sits on it.
type pdfPage struct {
	w, h    float64 // page size in pt
	x, y, k float64 // the figure's top-left corner in pt and pt per layout px
	printW  float64 // the printable area (inside the margins) in pt
	printH  float64
}

// pageOf is the page o asks for (o has its defaults set).
func pageOf(o Options) pdfPage {
	w, h, _ := pageSize(o.Page)
	if o.Page != "slide" && o.Landscape == (w < h) {
		w, h = h, w
	}
	m := o.Margin
	if m == 0 {
		m = DefaultMargin
	}
	return pdfPage{w: w, h: h, printW: w - 2*m, printH: h - 2*m}
}

// place fits a W×H px figure into the printable area, centred.
func (pg *pdfPage) place(W, H float64) {
	pg.k = math.Min(pg.printW/W, pg.printH/H)
	pg.x = (pg.w - W*pg.k) / 2
	pg.y = (pg.h - H*pg.k) / 2
}

// pdfPainter draws a figure on one PDF page with fpdf, in vector: boxes, paths and text in
// the embedded Noto Sans (fpdf embeds the subset of glyphs used). Layout px map to pt by
// the page's scale. PDF has no gradient with transparency in fpdf, so a faded end is a run
// of thin boxes of stepped opacity (at most half a point wide each).
type pdfPainter struct {
	pdf   *fpdf.Fpdf
	pg    pdfPage
	alpha float64
	font  string
	fsize float64
}

const pdfFont = "NotoSans"

func newPDFPainter(pg pdfPage, title string) *pdfPainter {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pg.w, Ht: pg.h}})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(true)
	pdf.SetTitle(paint.StripBidi(title), true)
	pdf.SetCreator("Trotsky Timeline", true)
	pdf.AddUTF8FontFromBytes(pdfFont, "", assets.NotoSansRegular)
	pdf.AddUTF8FontFromBytes(pdfFont, "B", assets.NotoSansBold)
	pdf.SetLineCapStyle("butt")
	pdf.SetLineJoinStyle("miter")
	pdf.AddPage()
	return &pdfPainter{pdf: pdf, pg: pg, alpha: 1, font: "none"}
}

// finish writes the document to w in one Write.
func (p *pdfPainter) finish(w io.Writer) error {
	var b bytes.Buffer
	if err := p.pdf.Output(&b); err != nil {
		return fmt.Errorf("render: PDF: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("render: write PDF: %w", err)
	}
	return nil
}

func (p *pdfPainter) x(v float64) float64 { return p.pg.x + v*p.pg.k }
func (p *pdfPainter) y(v float64) float64 { return p.pg.y + v*p.pg.k }
func (p *pdfPainter) l(v float64) float64 { return v * p.pg.k }

// setAlpha sets the opacity of what follows, fill and stroke alike.
func (p *pdfPainter) setAlpha(a uint8) {
	v := math.Round(float64(a)/255*1000) / 1000
	if v != p.alpha {
		p.pdf.SetAlpha(v, "Normal")
		p.alpha = v
	}
}

func (p *pdfPainter) fill(c color.NRGBA) {
	p.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	p.setAlpha(c.A)
}

func (p *pdfPainter) stroke(c color.NRGBA, w float64, dash []float64) {
	p.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	p.setAlpha(c.A)
	p.pdf.SetLineWidth(p.l(w))
	d := make([]float64, len(dash))
	for i, v := range dash {
		d[i] = p.l(v)
	}
	p.pdf.SetDashPattern(d, 0)
}

// Rect implements paint.Painter.
func (p *pdfPainter) Rect(x, y, w, h, r float64, ink paint.Ink) {
	if w <= 0 || h <= 0 {
		return
	}
	r = math.Min(r, math.Min(w, h)/2)
	box := func(style string) {
		if r > 0 {
			p.pdf.RoundedRect(p.x(x), p.y(y), p.l(w), p.l(h), p.l(r), "1234", style)
		} else {
			p.pdf.Rect(p.x(x), p.y(y), p.l(w), p.l(h), style)
		}
	}
	if paint.Visible(ink.Fill) {
		p.fill(ink.Fill)
		box("F")
	}
	if paint.Visible(ink.Stroke) && ink.StrokeW > 0 {
		p.stroke(ink.Stroke, ink.StrokeW, ink.Dash)
		box("D")
	}
}

// FadeRect implements paint.Painter: the plateau as one box, each ramp as boxes of stepped
// opacity no wider than half a point (and at most 48 of them).
func (p *pdfPainter) FadeRect(x, y, w, h float64, c color.NRGBA, fadeL, fadeR float64) {
	if w <= 0 || h <= 0 || !paint.Visible(c) {
		return
	}
	ramp := func(x0, fw float64, up bool) {
		n := int(math.Min(48, math.Max(4, math.Ceil(p.l(fw)/0.5))))
		sw := fw / float64(n)
		for i := range n {
			t := (float64(i) + 0.5) / float64(n)
			if !up {
				t = 1 - t
			}
			cc := c
			cc.A = uint8(math.Round(float64(c.A) * t))
			if cc.A == 0 {
				continue
			}
			p.fill(cc)
			p.pdf.Rect(p.x(x0+float64(i)*sw), p.y(y), p.l(sw), p.l(h), "F")
		}
	}
	if fadeL > 0 {
		ramp(x, fadeL, true)
	}
	if mid := w - fadeL - fadeR; mid > 0 {
		p.fill(c)
		p.pdf.Rect(p.x(x+fadeL), p.y(y), p.l(mid), p.l(h), "F")
	}
	if fadeR > 0 {
		ramp(x+w-fadeR, fadeR, false)
	}
}

// Hatch implements paint.Painter with clipped diagonal segments.
func (p *pdfPainter) Hatch(x, y, w, h float64, c color.NRGBA, gap float64) {
	if !paint.Visible(c) {
		return
	}
	p.stroke(c, 1, nil)
	paint.HatchSegments(x, y, w, h, gap, func(x1, y1, x2, y2 float64) {
		p.pdf.Line(p.x(x1), p.y(y1), p.x(x2), p.y(y2))
	})
}

// Line implements paint.Painter.
func (p *pdfPainter) Line(x1, y1, x2, y2, width float64, c color.NRGBA, dash []float64) {
	if !paint.Visible(c) || width <= 0 {
		return
	}
	p.stroke(c, width, dash)
	p.pdf.Line(p.x(x1), p.y(y1), p.x(x2), p.y(y2))
}

// Path implements paint.Painter.
func (p *pdfPainter) Path(pts []paint.Point, closed bool, ink paint.Ink) {
	if len(pts) < 2 {
		return
	}
	trace := func() {
		p.pdf.MoveTo(p.x(pts[0].X), p.y(pts[0].Y))
		for _, q := range pts[1:] {
			p.pdf.LineTo(p.x(q.X), p.y(q.Y))
		}
		if closed {
			p.pdf.ClosePath()
		}
	}
	if closed && paint.Visible(ink.Fill) {
		p.fill(ink.Fill)
		trace()
		p.pdf.DrawPath("F")
	}
	if paint.Visible(ink.Stroke) && ink.StrokeW > 0 {
		p.stroke(ink.Stroke, ink.StrokeW, ink.Dash)
		trace()
		p.pdf.DrawPath("D")
	}
}

// Circle implements paint.Painter.
func (p *pdfPainter) Circle(cx, cy, r float64, ink paint.Ink) {
	if r <= 0 {
		return
	}
	if paint.Visible(ink.Fill) {
		p.fill(ink.Fill)
		p.pdf.Circle(p.x(cx), p.y(cy), p.l(r), "F")
	}
	if paint.Visible(ink.Stroke) && ink.StrokeW > 0 {
		p.stroke(ink.Stroke, ink.StrokeW, ink.Dash)
		p.pdf.Circle(p.x(cx), p.y(cy), p.l(r), "D")
	}
}

// Text implements paint.Painter: real text in the embedded Noto Sans (selectable and
// searchable), placed by the font's advance widths as the layout measured it.
func (p *pdfPainter) Text(x, y float64, s string, size float64, bold bool, c color.NRGBA, a paint.Anchor, _ bool) {
	if s == "" || !paint.Visible(c) {
		return
	}
	style := ""
	if bold {
		style = "B"
	}
	pt := p.l(size)
	if style != p.font || pt != p.fsize {
		p.pdf.SetFont(pdfFont, style, 0)
		p.pdf.SetFontUnitSize(pt)
		p.font, p.fsize = style, pt
	}
	p.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	p.setAlpha(c.A)
	// Anchored by the one measure of text (textmetrics), which fpdf's placement of the glyphs
	// (the font's advances, in thousandths of an em) follows to within 0.001 em a glyph.
	px := p.x(x)
	switch a {
	case paint.AnchorMiddle:
		px -= p.l(textmetrics.Default().Width(s, size, bold)) / 2
	case paint.AnchorEnd:
		px -= p.l(textmetrics.Default().Width(s, size, bold))
	}
	p.pdf.Text(px, p.y(y), s)
}
