package scale

import (
	"strings"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/textmetrics"
)

// window is a view of span days starting on y-m-d, 1600 px wide.
func window(y, m, d int, span float64) View {
	s := float64(chrono.FromCivil(y, m, d))
	return View{Start: s, End: s + span, Width: 1600}
}

func TestTicks(t *testing.T) {
	m := textmetrics.Default()
	tests := []struct {
		name  string
		v     View
		lang  string
		step  Step
		minor string // the first minor labels, joined by "|"
		major string // the first context labels
	}{
		{"millennia en", window(1, 1, 1, 3000*DaysPerYear), "en", Step{UnitYear, 100}, "100|200|300", "1000 BC|1000|2000"},
		{"before Christ en", window(-250, 1, 1, 400*DaysPerYear), "en", Step{UnitYear, 20}, "240 BC|220 BC|200 BC", "300 BC|200 BC|100 BC"},
		{"before Christ it", window(-250, 1, 1, 400*DaysPerYear), "it", Step{UnitYear, 20}, "240 a.C.|220 a.C.|200 a.C.", "300 a.C.|200 a.C.|100 a.C."},
		{"across the era en", window(-130, 1, 1, 300*DaysPerYear), "en", Step{UnitYear, 10}, "130 BC|120 BC|110 BC", "200 BC|100 BC|100"},
		{"centuries en", window(1500, 1, 1, 400*DaysPerYear), "en", Step{UnitYear, 10}, "1500|1510|1520", "1500s|1600s|1700s"},
		{"decades en", window(1879, 1, 1, 62*DaysPerYear), "en", Step{UnitYear, 2}, "1880|1882|1884", "1800s|1900s"},
		{"years it", window(1900, 6, 1, 20*DaysPerYear), "it", Step{UnitYear, 1}, "1901|1902|1903", "anni 1900|anni 1910"},
		{"months en", window(1917, 1, 1, 2*DaysPerYear), "en", Step{UnitMonth, 1}, "Jan|Feb|Mar", "1917|1918"},
		{"months it", window(1917, 1, 1, 2*DaysPerYear), "it", Step{UnitMonth, 1}, "gen|feb|mar", "1917|1918"},
		{"months pt", window(1917, 1, 1, 2*DaysPerYear), "pt", Step{UnitMonth, 1}, "jan|fev|mar", "1917|1918"},
		{"long months pt", window(1917, 1, 1, 540), "pt", Step{UnitMonth, 1}, "janeiro|fevereiro|março", "1917|1918"},
		{"ten days pt", window(1917, 1, 1, 300), "pt", Step{UnitDay, 10}, "1|11|21|1", "janeiro de 1917|fevereiro de 1917"},
		{"days en", window(1917, 10, 30, 14), "en", Step{UnitDay, 1}, "30|31|1|2", "October 1917|November 1917"},
		{"days it", window(1917, 10, 30, 14), "it", Step{UnitDay, 1}, "30|31|1|2", "ottobre 1917|novembre 1917"},
		{"days pt", window(1917, 10, 30, 14), "pt", Step{UnitDay, 1}, "30|31|1|2", "outubro de 1917|novembro de 1917"},
		{"every 5 days", window(1917, 10, 1, 150), "en", Step{UnitDay, 5}, "1|6|11|16|21|26|1|6", "October 1917|November 1917"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			major, minor := Ticks(tc.v, tc.lang, m, 12)
			st, _ := ChooseStep(tc.v, tc.lang, m, 12)
			if st != tc.step {
				t.Errorf("step = %+v, want %+v", st, tc.step)
			}
			if got := joinLabels(minor, strings.Count(tc.minor, "|")+1); got != tc.minor {
				t.Errorf("minor labels = %q, want %q", got, tc.minor)
			}
			if got := joinLabels(major, strings.Count(tc.major, "|")+1); got != tc.major {
				t.Errorf("context labels = %q, want %q", got, tc.major)
			}
			for i := 1; i < len(minor); i++ {
				if room, w := minor[i].X-minor[i-1].X, m.Width(minor[i-1].Label, 12, false); room < w+MinLabelGap {
					t.Errorf("labels %q and %q are %v px apart, %q needs %v", minor[i-1].Label, minor[i].Label, room, minor[i-1].Label, w+MinLabelGap)
				}
			}
			for i, tk := range minor {
				if tk.Day < tc.v.Start || tk.Day > tc.v.End {
					t.Errorf("minor tick %d at day %v outside the view", i, tk.Day)
				}
				if x := tc.v.X(tk.Day); x != tk.X {
					t.Errorf("minor tick %d: X %v, want %v", i, tk.X, x)
				}
			}
			if len(major) == 0 || major[0].Day > tc.v.Start {
				t.Errorf("the first context tick does not name the period the view starts in: %+v", major)
			}
		})
	}
}

func joinLabels(ts []Tick, n int) string {
	var s []string
	for i := 0; i < n && i < len(ts); i++ {
		s = append(s, ts[i].Label)
	}
	return strings.Join(s, "|")
}

func TestTicksEmptyView(t *testing.T) {
	for _, v := range []View{{}, {Start: 5, End: 5, Width: 100}, {Start: 0, End: 10, Width: 0}} {
		major, minor := Ticks(v, "en", textmetrics.Default(), 12)
		if len(major)+len(minor) != 0 {
			t.Errorf("Ticks(%+v) = %d, %d ticks, want none", v, len(major), len(minor))
		}
	}
}

func BenchmarkTicks(b *testing.B) {
	m := textmetrics.Default()
	v := window(1917, 1, 1, 2*DaysPerYear)
	var major, minor []Tick
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		major, minor = AppendTicks(major[:0], minor[:0], v, "en", m, 12)
	}
}
