package scene

import (
	"math"
	"testing"
)

// TestSelectionKeepsEveryLane: the guided tour selects each stop's event, and the layout
// gives a selection a row even in a lane the height left only "+N" counts; that row must
// come out of the height the lanes share, not push the last lanes below it (at 1024×640
// the tour's first stop grew "Residence" to two rows and hid "After his death" under a
// scroll bar). For every tour stop framed as the tour frames it, at the window's and the
// kiosk's type sizes and every height from MinFitHeight up: the last lane ends within the
// height, and once the height has a row to spare the selection is drawn one by one.
func TestSelectionKeepsEveryLane(t *testing.T) {
	ix := realIndex(t)
	ds := ix.DS
	ids := map[string]int{}
	for i := range ds.Events {
		ids[ds.Events[i].ID] = i
	}
	bad := 0
	for _, fs := range [][2]float64{{12, 22}, {18, 34}} {
		st := DefaultConfig()
		st.FontSize, st.RowHeight = fs[0], fs[1]
		least := math.Ceil(st.MinFitHeight(len(ds.Lanes)))
		for _, stop := range ds.Tour {
			ev, ok := ids[stop.Event]
			if !ok {
				t.Fatalf("tour stop %q is no event", stop.Event)
			}
			a, b, _ := ix.Span(ev)
			from, to := float64(a), float64(b)+1
			want := math.Max(2*(to-from), 3*365.2425)
			for _, w := range []float64{864, 1440} {
				ax := ix.Axis
				u0 := ax.U((from+to)/2) - w*0.42*want/w
				v := ax.View(ax.Day(u0), ax.Day(u0+want), w)
				for h := least; h < least+200; h += 7 {
					st.FitHeight, st.Selected = h, int32(ev)
					s := Build(ix, v, &st)
					last := s.Lanes[len(s.Lanes)-1]
					drawn := false
					for _, sh := range s.Shapes {
						drawn = drawn || (sh.Event == int32(ev) && (sh.Kind == KindBar || sh.Kind == KindPoint || sh.Kind == KindUncertain))
					}
					switch {
					case last.Y+last.H > h+0.5:
						t.Errorf("type %v, stop %s, %v px wide, %v tall: the last lane ends at %.0f", fs[0], stop.Event, w, h, last.Y+last.H)
						bad++
					case h >= least+fs[1] && !drawn:
						t.Errorf("type %v, stop %s, %v px wide, %v tall: the selection is not drawn", fs[0], stop.Event, w, h)
						bad++
					}
					if bad > 10 {
						t.FailNow()
					}
				}
			}
		}
	}
}
