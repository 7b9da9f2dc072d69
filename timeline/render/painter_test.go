package render

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scene"
)

// handScene is a scene built by hand with every shape type and style, so the painters are
// tested without the scene builder.
func handScene() *scene.Scene {
	red := color.NRGBA{0xa0, 0x31, 0x2b, 0xff}
	blue := color.NRGBA{0x1f, 0x4e, 0x99, 0xff}
	grey := color.NRGBA{0x60, 0x60, 0x60, 0xff}
	s := &scene.Scene{W: 400, H: 200, Background: color.NRGBA{255, 255, 255, 255}}
	add := func(sh scene.Shape) { sh.Event, sh.Lane = -1, -1; s.Shapes = append(s.Shapes, sh) }
	add(scene.Shape{Type: scene.RectShape, Kind: scene.KindLaneBand, X: 0, Y: 40, W: 400, H: 60, Fill: color.NRGBA{0xf3, 0xf0, 0xea, 0xff}})
	add(scene.Shape{Type: scene.LineShape, Kind: scene.KindGrid, X: 100.25, Y: 0, W: 0, H: 200, StrokeW: 0.5, Stroke: grey})
	add(scene.Shape{Type: scene.LineShape, Kind: scene.KindGrid, X: 200, Y: 0, W: 0, H: 200, StrokeW: 1, Stroke: grey, Style: scene.StyleDashed})
	add(scene.Shape{Type: scene.RectShape, Kind: scene.KindBar, X: 20.5, Y: 50, W: 150, H: 16, Radius: 3, Fill: red})
	add(scene.Shape{Type: scene.RectShape, Kind: scene.KindUncertain, X: 180, Y: 50, W: 120, H: 16, Fade: 30, Style: scene.StyleFadeLeft | scene.StyleFadeRight, Fill: blue})
	add(scene.Shape{Type: scene.RectShape, Kind: scene.KindBar, X: 20, Y: 110, W: 120, H: 16, Style: scene.StyleHatch, Fill: color.NRGBA{0xa0, 0x31, 0x2b, 0x60}, Stroke: red, StrokeW: 1})
	add(scene.Shape{Type: scene.RectShape, Kind: scene.KindBar, X: 160, Y: 110, W: 120, H: 16, Style: scene.StyleOpenEnd, Fill: blue})
	add(scene.Shape{Type: scene.MarkerShape, Kind: scene.KindPoint, X: 330, Y: 58, W: 12, Fill: red, Stroke: color.NRGBA{255, 255, 255, 255}, StrokeW: 1})
	add(scene.Shape{Type: scene.MarkerShape, Kind: scene.KindPoint, X: 360, Y: 58, W: 10, Style: scene.StyleCircle, Fill: blue})
	add(scene.Shape{Type: scene.TextShape, Kind: scene.KindLabel, X: 20, Y: 90, Size: 13, Text: `Лев Троцкий <b>&"'`, Fill: grey})
	add(scene.Shape{Type: scene.TextShape, Kind: scene.KindLabel, X: 200, Y: 160, Size: 14, Style: scene.StyleBold | scene.StyleAlignCenter, Text: "Città del Messico", Fill: red})
	add(scene.Shape{Type: scene.TextShape, Kind: scene.KindLabel, X: 390, Y: 190, Size: 12, Style: scene.StyleAlignRight, Text: "Exílio", Fill: blue})
	return s
}

func paintSVG(t testing.TB, s *scene.Scene) []byte {
	p := newSVGPainter(s.W, s.H)
	paint.Walk(p, s)
	var b bytes.Buffer
	if err := p.finish(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func paintPNG(t testing.TB, s *scene.Scene, scale float64) []byte {
	p, err := newPNGPainter(s.W, s.H, scale)
	if err != nil {
		t.Fatal(err)
	}
	paint.Walk(p, s)
	var b bytes.Buffer
	if err := p.finish(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// wellFormed parses an SVG document with encoding/xml and returns the text of its <text> elements.
func wellFormed(t testing.TB, doc []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var texts []string
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			inText = tk.Name.Local == "text"
			if inText {
				texts = append(texts, "")
			}
		case xml.CharData:
			if inText {
				texts[len(texts)-1] += string(tk)
			}
		case xml.EndElement:
			inText = false
		}
	}
	return texts
}

func TestPaintHandScene(t *testing.T) {
	s := handScene()
	svg := paintSVG(t, s)
	texts := wellFormed(t, svg)
	want := []string{`Лев Троцкий <b>&"'`, "Città del Messico", "Exílio"}
	if len(texts) != len(want) {
		t.Fatalf("got %d texts %q, want %q", len(texts), texts, want)
	}
	for i := range want {
		if texts[i] != want[i] {
			t.Errorf("text %d = %q, want %q", i, texts[i], want[i])
		}
	}
	for _, scale := range []float64{1, 2} {
		img, err := png.Decode(bytes.NewReader(paintPNG(t, s, scale)))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != int(400*scale) || b.Dy() != int(200*scale) {
			t.Errorf("scale %v: size %v", scale, b)
		}
	}
	if dir := os.Getenv("RENDER_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "hand.svg"), svg, 0o644)
		os.WriteFile(filepath.Join(dir, "hand.png"), paintPNG(t, s, 2), 0o644)
	}
}

// TestPathEveryFormat checks that a path shape, added to the scene and to nothing else,
// appears in each format: as <polygon>/<polyline> in SVG and as ink in PNG.
func TestPathEveryFormat(t *testing.T) {
	red := color.NRGBA{0xc0, 0, 0, 0xff}
	s := &scene.Scene{W: 100, H: 100, Background: color.NRGBA{255, 255, 255, 255}}
	s.Shapes = []scene.Shape{
		{Type: scene.PathShape, Style: scene.StyleClosed, Points: []scene.Point{{X: 10, Y: 10}, {X: 60, Y: 10}, {X: 10, Y: 60}}, Fill: red, Event: -1, Lane: -1},
		{Type: scene.PathShape, Points: []scene.Point{{X: 20, Y: 90}, {X: 50, Y: 70}, {X: 90, Y: 90}}, StrokeW: 2, Stroke: red, Event: -1, Lane: -1},
	}
	svg := string(paintSVG(t, s))
	wellFormed(t, []byte(svg))
	for _, want := range []string{`<polygon points="10,10 60,10 10,60" fill="#c00000"/>`, `<polyline points="20,90 50,70 90,90" fill="none" stroke="#c00000" stroke-width="2"/>`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s:\n%s", want, svg)
		}
	}
	img, err := png.Decode(bytes.NewReader(paintPNG(t, s, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]int{{20, 20}, {35, 79}, {70, 80}} {
		if r, g, _, _ := img.At(p[0], p[1]).RGBA(); r < 0x8000 || g > 0x6000 {
			t.Errorf("PNG pixel %v = %v, want red", p, img.At(p[0], p[1]))
		}
	}
}
