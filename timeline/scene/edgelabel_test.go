package scene

import (
	"strings"
	"testing"
)

// TestRightEdgeLabelTakesTheLeft: the app's window at launch (1600×900: a time area 1432 px
// wide, lanes sharing 425 px, the whole career fitted) has the last lane one row tall, and
// its last labelled event, the 1987 stamp, near the view's right edge, with the row's
// previous label ending 77 px left of its mark. With no row where the whole label fits
// either side, the label goes where more of it shows: left of its mark, not cut to the
// 55 px at its right ("Soviet c…" at the window's edge, as it was).
func TestRightEdgeLabelTakesTheLeft(t *testing.T) {
	ix := realIndex(t)
	st := DefaultConfig()
	w := 1592.0 - st.TitleWidth
	st.FitHeight = 425
	s := Build(ix, ix.Axis.Fit(float64(ix.First), float64(ix.Last), w), &st)
	stamp := int32(-1)
	for i, e := range ix.DS.Events {
		if strings.Contains(e.TitleIn("en"), "commemorative stamp") {
			stamp = int32(i)
		}
	}
	if stamp < 0 {
		t.Fatal("no stamp event in the dataset")
	}
	var mark, label *Shape
	for i := range s.Shapes {
		sh := &s.Shapes[i]
		if sh.Event != stamp {
			continue
		}
		switch {
		case sh.Kind == KindLabel:
			label = sh
		case sh.Type != TextShape && mark == nil:
			mark = sh
		}
	}
	if mark == nil || label == nil {
		t.Fatalf("stamp drawn %v, labelled %v", mark != nil, label != nil)
	}
	right := s.W - (mark.X + mark.W)
	if label.X > mark.X {
		t.Errorf("the stamp's label %q is right of its mark, %.0f px wide with %.0f px to the edge", label.Text, label.W, right)
	}
	if label.W <= right {
		t.Errorf("the stamp's label %q is %.0f px wide, no more than the %.0f px at its right", label.Text, label.W, right)
	}
}
