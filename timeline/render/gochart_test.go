package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	chart "github.com/wcharczuk/go-chart/v2"

	"trotskytimeline/timeline/textmetrics"
)

// TestGoChartFaults pins the go-chart v2.1.2 faults that this package works around (see the
// comments on svgPainter and pngPainter). If an upgrade fixes one, this test says so, and the
// workaround can be reconsidered.
func TestGoChartFaults(t *testing.T) {
	regular, _, err := textmetrics.Truetype()
	if err != nil {
		t.Fatal(err)
	}
	newR := func(f func(int, int) (chart.Renderer, error)) chart.Renderer {
		r, err := f(200, 100)
		if err != nil {
			t.Fatal(err)
		}
		r.SetDPI(72)
		r.SetFont(regular)
		r.SetFontSize(20)
		return r
	}
	t.Run("SVG text is written unescaped", func(t *testing.T) {
		r := newR(chart.SVG)
		r.Text(`<b>&`, 10, 20)
		var b bytes.Buffer
		if err := r.Save(&b); err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(&b)
		for {
			_, err := d.Token()
			if err == io.EOF {
				t.Error("go-chart's SVG with text <b>& parsed as XML: the escaping fault is gone")
				return
			}
			if err != nil {
				return // the fault: invalid XML
			}
		}
	})
	t.Run("PNG and SVG measure the same text differently", func(t *testing.T) {
		s := "Città del Messico"
		wSVG := newR(chart.SVG).MeasureText(s).Width()
		wPNG := newR(chart.PNG).MeasureText(s).Width()
		ours := textmetrics.Default().Width(s, 20, false)
		t.Logf("width of %q at 20 px, 72 DPI: go-chart SVG %d, go-chart PNG %d, Noto Sans advance %.2f", s, wSVG, wPNG, ours)
		if wSVG == wPNG {
			t.Error("go-chart's SVG and PNG renderers now agree on text width")
		}
	})
}
