package scale

import (
	"math"
	"testing"
)

const eps = 1e-9

func TestXDayInverse(t *testing.T) {
	tests := []struct {
		name string
		v    View
	}{
		{"trotsky life", View{Start: -33000, End: -10700, Width: 1600}},
		{"two weeks", View{Start: -19000, End: -18986, Width: 800}},
		{"BCE", View{Start: -800000, End: -700000, Width: 1000}},
		{"fractional", View{Start: 0.25, End: 1.75, Width: 333}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if x := tc.v.X(tc.v.Start); math.Abs(x) > eps {
				t.Errorf("X(Start) = %v, want 0", x)
			}
			if x := tc.v.X(tc.v.End); math.Abs(x-tc.v.Width) > 1e-6 {
				t.Errorf("X(End) = %v, want %v", x, tc.v.Width)
			}
			for _, x := range []float64{-50, 0, 1, 400.5, tc.v.Width, tc.v.Width + 7} {
				if got := tc.v.X(tc.v.Day(x)); math.Abs(got-x) > 1e-6 {
					t.Errorf("X(Day(%v)) = %v", x, got)
				}
			}
		})
	}
}

func TestZoomKeepsAnchor(t *testing.T) {
	v := View{Start: -33000, End: -10700, Width: 1600}
	tests := []struct {
		name            string
		factor, anchorX float64
		wantSpan        float64
	}{
		{"in at centre", 2, 800, v.Span() / 2},
		{"in at left edge", 4, 0, v.Span() / 4},
		{"out at right edge", 0.5, 1600, v.Span() * 2},
		{"in at an odd pixel", 1.1, 1234.5, v.Span() / 1.1},
		{"anchor outside", 3, -200, v.Span() / 3},
		{"zero factor is ignored", 0, 800, v.Span()},
		{"NaN factor is ignored", math.NaN(), 800, v.Span()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			z := v.Zoom(tc.factor, tc.anchorX)
			if math.Abs(z.Span()-tc.wantSpan) > 1e-6 {
				t.Errorf("span = %v, want %v", z.Span(), tc.wantSpan)
			}
			if a, b := v.Day(tc.anchorX), z.Day(tc.anchorX); math.Abs(a-b) > 1e-6 {
				t.Errorf("anchor day moved from %v to %v", a, b)
			}
			if z.Width != v.Width {
				t.Errorf("width changed to %v", z.Width)
			}
		})
	}
}

func TestPan(t *testing.T) {
	v := View{Start: 0, End: 1600, Width: 800} // 2 days a pixel
	tests := []struct {
		name      string
		dx        float64
		wantStart float64
	}{
		{"drag right shows earlier days", 100, -200},
		{"drag left shows later days", -50, 100},
		{"no move", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := v.Pan(tc.dx)
			if p.Start != tc.wantStart || p.Span() != v.Span() {
				t.Errorf("Pan(%v) = %+v, want start %v span %v", tc.dx, p, tc.wantStart, v.Span())
			}
		})
	}
}

func TestClamp(t *testing.T) {
	l := Limits{Min: 0, Max: 10000, MinSpan: 7, MaxSpan: 20000}
	tests := []struct {
		name       string
		in         View
		start, end float64
	}{
		{"inside is unchanged", View{Start: 1000, End: 2000, Width: 100}, 1000, 2000},
		{"too narrow widens about its centre", View{Start: 1000, End: 1001, Width: 100}, 997, 1004},
		{"before Min moves right", View{Start: -500, End: 500, Width: 100}, 0, 1000},
		{"after Max moves left", View{Start: 9500, End: 10500, Width: 100}, 9000, 10000},
		{"wider than the domain is centred", View{Start: 0, End: 15000, Width: 100}, -2500, 12500},
		{"too wide shrinks and centres", View{Start: -30000, End: 30000, Width: 100}, -5000, 15000},
		{"empty span takes MaxSpan", View{Start: 5, End: 5, Width: 100}, -5000, 15000},
		{"NaN takes MaxSpan", View{Start: math.NaN(), End: math.NaN(), Width: 100}, -5000, 15000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.in.Clamp(l)
			if math.Abs(c.Start-tc.start) > 1e-9 || math.Abs(c.End-tc.end) > 1e-9 || c.Width != tc.in.Width {
				t.Errorf("Clamp(%+v) = %+v, want [%v, %v]", tc.in, c, tc.start, tc.end)
			}
		})
	}
	if got := (View{Start: 1, End: 2, Width: 3}).Clamp(Limits{}); got != (View{Start: 1, End: 2, Width: 3}) {
		t.Errorf("zero Limits changed the view to %+v", got)
	}
}

func TestNewLimits(t *testing.T) {
	tests := []struct {
		name              string
		first, last       float64
		min, max, maxSpan float64
	}{
		{"trotsky", -32927, -10726, -32927 - 1110.05, -10726 + 1110.05, DefaultMaxSpan},
		{"one day pads 30 days", 100, 101, 70, 131, DefaultMaxSpan},
		{"reversed", 101, 100, 70, 131, DefaultMaxSpan},
		{"longer than 200 years", 0, 100000, -5000, 105000, 110000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := NewLimits(tc.first, tc.last)
			if math.Abs(l.Min-tc.min) > 1e-6 || math.Abs(l.Max-tc.max) > 1e-6 || l.MinSpan != DefaultMinSpan || math.Abs(l.MaxSpan-tc.maxSpan) > 1e-6 {
				t.Errorf("NewLimits = %+v, want Min %v Max %v MaxSpan %v", l, tc.min, tc.max, tc.maxSpan)
			}
		})
	}
}

// TestSparseStretches: the rule for sparse stretches compresses a long stretch of a few
// events beside a dense one, leaves an even dataset and a dataset of few events linear, and
// keeps U and Day inverse across the compressed stretch.
func TestSparseStretches(t *testing.T) {
	hist := func(starts []float64, first, last float64) []int {
		h := make([]int, HistBins)
		for _, s := range starts {
			h[min(HistBins-1, int((s-first)/(last-first)*HistBins))]++
		}
		return h
	}
	// 1000 events in days 0..1000, then 5 over 1000..5000.
	var starts []float64
	for i := range 1000 {
		starts = append(starts, float64(i))
	}
	for i := range 5 {
		starts = append(starts, 1500+float64(i)*800)
	}
	a := NewAxis(0, 5000, len(starts), nil, hist(starts, 0, 5000))
	if a == nil || len(a.Breaks) != 1 || a.Breaks[0].From > 1300 || a.Breaks[0].To < 4999 {
		t.Fatalf("sparse tail: %+v, want one stretch from about 1000 to 5000", a)
	}
	if b := a.Breaks[0]; b.Len >= (b.To-b.From)/2+1e-9 || b.Len <= 0 {
		t.Errorf("stretch length %v of %v", b.Len, b.To-b.From)
	}
	for _, d := range []float64{0, 999, 1200, 3000, 4999, 5000} {
		if got := a.Day(a.U(d)); math.Abs(got-d) > 1e-6 {
			t.Errorf("Day(U(%v)) = %v", d, got)
		}
	}
	// Even: 1000 events over 0..5000.
	starts = starts[:0]
	for i := range 1000 {
		starts = append(starts, float64(i)*5)
	}
	if a := NewAxis(0, 5000, 1000, nil, hist(starts, 0, 5000)); a != nil {
		t.Errorf("even dataset: breaks %+v", a.Breaks)
	}
	// Few: 12 events, 10 of them in the first tenth.
	starts = []float64{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 2500, 4999}
	if a := NewAxis(0, 5000, len(starts), nil, hist(starts, 0, 5000)); a != nil {
		t.Errorf("12 events: breaks %+v", a.Breaks)
	}
}
