package scene

import (
	"math"
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
)

// realIndex loads the built-in dataset.
func realIndex(t *testing.T) *layout.Index {
	t.Helper()
	ds, err := format.Load("../../data/trotsky.json")
	if err != nil {
		t.Fatal(err)
	}
	return layout.NewIndex(ds)
}

// scanViews are views of the built-in dataset from the whole span down to a few months,
// panned across it, at a figure's and a small window's width.
func scanViews(ix *layout.Index) []scale.View {
	var vs []scale.View
	first, last := float64(ix.First), float64(ix.Last)
	for _, w := range []float64{1440, 900} {
		vs = append(vs, scale.Fit(first, last, w))
		for _, span := range []float64{365 * 60, 365 * 20, 365 * 6, 365 * 2, 200} {
			for t0 := first - span/4; t0 < float64(ix.Last); t0 += span / 3 {
				vs = append(vs, scale.View{Start: t0, End: t0 + span, Width: w})
			}
		}
	}
	return vs
}

// TestInsideLabelsOnSolidBar checks that a label drawn inside a bar (in the bar's contrast
// colour) lies on the solid, unfaded part of its bar: not on a pale uncertain band, not on a
// fading end, where white text would be unreadable.
func TestInsideLabelsOnSolidBar(t *testing.T) {
	ix := realIndex(t)
	for _, theme := range []string{"light", "print"} {
		st := DefaultConfig()
		st.Theme, _ = ThemeByName(theme)
		for _, v := range scanViews(ix) {
			s := Build(ix, v, &st)
			bars := map[int32]Shape{}
			for _, sh := range s.Shapes {
				if sh.Kind == KindBar {
					bars[sh.Event] = sh
				}
			}
			for _, sh := range s.Shapes {
				if sh.Kind != KindLabel || sh.Fill == st.Theme.Text {
					continue
				}
				bar, ok := bars[sh.Event]
				if !ok {
					t.Fatalf("%s %+v: label %q in its bar's colour without a bar", theme, v, sh.Text)
				}
				x0, x1 := bar.X, bar.X+bar.W
				if bar.Style&StyleFadeLeft != 0 && bar.X > s.TimeX0 {
					x0 += bar.Fade
				}
				if bar.Style&StyleFadeRight != 0 {
					x1 -= bar.Fade
				}
				if sh.X < x0-0.5 || sh.X+sh.W > x1+0.5 {
					t.Errorf("%s view %.0f..%.0f w%.0f: inside label %q at %.1f..%.1f leaves the solid bar %.1f..%.1f",
						theme, v.Start, v.End, v.Width, sh.Text, sh.X, sh.X+sh.W, x0, x1)
				}
			}
		}
	}
}

// luminance is the relative luminance of c (WCAG).
func luminance(c colorNRGBA) float64 {
	f := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*f(c.R) + 0.7152*f(c.G) + 0.0722*f(c.B)
}

// TestPrintLanesDistinct checks that the print theme tells its lanes apart (no two of the
// first five share a colour) while each stays dark on white (contrast at least 4.5:1, the
// WCAG level for text) and holds a white label.
func TestPrintLanesDistinct(t *testing.T) {
	th, _ := ThemeByName("print")
	seen := map[colorNRGBA]int{}
	for i := 0; i < 5; i++ {
		c := th.LaneColor(i, "#ff0000")
		if j, ok := seen[c]; ok {
			t.Fatalf("lanes %d and %d share %v", j, i, c)
		}
		seen[c] = i
		if r := 1.05 / (luminance(c) + 0.05); r < 4.5 {
			t.Errorf("lane %d colour %v: contrast %.1f:1 on white, want 4.5:1", i, c, r)
		}
		if onColor(c) != (colorNRGBA{R: 255, G: 255, B: 255, A: 255}) {
			t.Errorf("lane %d colour %v does not take white text", i, c)
		}
	}
}

// TestPinnedContextLabelKeepsClear checks that the context label pinned to the left edge
// (its tick before the view) keeps at least two ems from the next context label, over views
// of the built-in dataset.
func TestPinnedContextLabelKeepsClear(t *testing.T) {
	ix := realIndex(t)
	st := DefaultConfig()
	pinned := 0
	for _, v := range scanViews(ix) {
		s := Build(ix, v, &st)
		var labs []Shape
		for _, sh := range s.Shapes {
			if sh.Kind == KindTickLabel && sh.Y < st.AxisHeight/2 {
				labs = append(labs, sh)
			}
		}
		if len(labs) < 2 || len(s.major) == 0 || s.major[0].X >= 0 || labs[0].Text != s.major[0].Label {
			continue
		}
		pinned++
		if gap := labs[1].X - (labs[0].X + labs[0].W); gap < 2*st.FontSize {
			t.Errorf("view %.0f..%.0f: pinned %q ends %.1f px before %q", v.Start, v.End, labs[0].Text, gap, labs[1].Text)
		}
	}
	if pinned == 0 {
		t.Error("no view pinned a context label: the test tests nothing")
	}
}
