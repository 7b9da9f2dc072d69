package render

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"trotskytimeline/timeline/paint"
)

// BenchmarkRender exports full-range figures of the built-in dataset and of 10,000 synthetic
// events (the docs/BENCH.md workload) as SVG and PNG at 1920×1080.
func BenchmarkRender(b *testing.B) {
	sets := []struct {
		name string
		n    int
	}{{"builtin", 0}, {"synth10k", 10000}}
	for _, set := range sets {
		ds := builtinDataset(b)
		if set.n > 0 {
			ds = synthDataset(b, set.n)
		}
		for _, f := range []struct {
			name string
			o    Options
		}{{"svg", Options{Format: SVG}}, {"png", Options{Format: PNG}}, {"png-x2", Options{Format: PNG, Scale: 2}}} {
			b.Run(fmt.Sprintf("%s-%d/%s", set.name, len(ds.Events), f.name), func(b *testing.B) {
				b.ReportAllocs()
				var size int
				for b.Loop() {
					var buf bytes.Buffer
					if err := Render(&buf, ds, f.o); err != nil {
						b.Fatal(err)
					}
					size = buf.Len()
				}
				b.ReportMetric(float64(size), "bytes/file")
			})
		}
	}
}

// BenchmarkPaint separates painting from composing: the figure of the built-in dataset painted
// as SVG and as PNG, without encoding the PNG.
func BenchmarkPaint(b *testing.B) {
	ds := builtinDataset(b)
	fig, err := figure(ds, Options{Format: SVG}.withDefaults(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("svg", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p := newSVGPainter(fig.W, fig.H)
			paint.Walk(p, fig)
			_ = p.finish(io.Discard)
		}
	})
	b.Run("png", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p, err := newPNGPainter(fig.W, fig.H, 1)
			if err != nil {
				b.Fatal(err)
			}
			paint.Walk(p, fig)
		}
	})
	b.Run("compose", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := figure(ds, Options{Format: SVG}.withDefaults(), nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
