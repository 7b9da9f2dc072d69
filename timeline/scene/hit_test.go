package scene

import (
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/layout/layouttest"
	"trotskytimeline/timeline/scale"
)

// find returns the first shape of kind k for event ev.
func find(t *testing.T, s *Scene, k Kind, ev int32) Shape {
	t.Helper()
	for _, sh := range s.Shapes {
		if sh.Kind == k && sh.Event == ev {
			return sh
		}
	}
	t.Fatalf("no %v shape for event %d", k, ev)
	return Shape{}
}

func TestHit(t *testing.T) {
	ix := fixtureIndex(t)
	st := DefaultConfig()
	s := Build(ix, scale.Fit(float64(ix.First), float64(ix.Last), 1000), &st)
	war := find(t, s, KindBar, 6)           // People's Commissar for Military Affairs
	born := find(t, s, KindPoint, 0)        // Born in Yanovka
	label := find(t, s, KindLabel, 5)       // the 1905 Soviet's label, beside its short bar
	married := find(t, s, KindUncertain, 3) // "1899~": the pale band of a year
	tests := []struct {
		name   string
		x, y   float64
		ok     bool
		event  int32
		kindOf Kind
	}{
		{"middle of a bar", war.X + war.W/2, war.Y + war.H/2, true, 6, KindBar},
		{"centre of a diamond", born.X, born.Y, true, 0, KindPoint},
		{"just off a diamond's tip", born.X, born.Y - born.W/2 - HitTolerance + 1, true, 0, KindPoint},
		{"too far off a diamond", born.X, born.Y - born.W/2 - HitTolerance - 1, false, -1, 0},
		{"a label opens its event", label.X + 5, label.Y - 3, true, 5, KindLabel},
		{"an uncertain band", married.X + 1, married.Y + married.H - 1, true, 3, KindUncertain},
		{"empty lane space", s.TimeX0 + 2, s.H - 3, false, -1, 0},
		{"the axis", war.X + war.W/2, 5, false, -1, 0},
		{"the title column", 20, war.Y + 2, false, -1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh, ok := s.Hit(tc.x, tc.y)
			if ok != tc.ok {
				t.Fatalf("Hit(%v, %v) ok = %v, want %v (shape %+v)", tc.x, tc.y, ok, tc.ok, sh)
			}
			if ok && (sh.Event != tc.event || sh.Kind != tc.kindOf) {
				t.Errorf("Hit(%v, %v) = %v of event %d, want %v of event %d", tc.x, tc.y, sh.Kind, sh.Event, tc.kindOf, tc.event)
			}
		})
	}
}

func TestHitCluster(t *testing.T) {
	ix := layout.NewIndex(layouttest.Dataset(100_000))
	st := DefaultConfig()
	mid := float64(chrono.FromCivil(1917, 11, 7))
	for _, v := range []scale.View{
		scale.Fit(float64(ix.First), float64(ix.Last), 1600), // density lanes
		{Start: mid - 60, End: mid + 60, Width: 1600},        // rows with "+N" clusters
	} {
		s := Build(ix, v, &st)
		var cl *Shape
		for i := range s.Shapes {
			if sh := &s.Shapes[i]; sh.Kind == KindCluster && sh.Type == RectShape {
				cl = sh
				break
			}
		}
		if cl == nil {
			t.Fatalf("view %+v: no cluster", v)
		}
		sh, ok := s.Hit(cl.X+cl.W/2, cl.Y+cl.H-1)
		if !ok || (sh.Kind != KindCluster && sh.Kind != KindDensity) || sh.Event != -1 {
			t.Fatalf("Hit on a cluster = %+v, %v; want the cluster or a density bar", sh, ok)
		}
		if sh.To < sh.From || float64(sh.To) < v.Start-1 || float64(sh.From) > v.End+1 {
			t.Errorf("cluster days %d..%d do not lie in the view %v..%v", sh.From, sh.To, v.Start, v.End)
		}
	}
}
