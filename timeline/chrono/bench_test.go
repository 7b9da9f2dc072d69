package chrono

import "testing"

// sinkDate and sinkDay keep the compiler from removing benchmarked calls.
var (
	sinkDate Date
	sinkDay  Day
	sinkStr  string
)

func BenchmarkParse(b *testing.B) {
	cases := []struct{ name, in string }{
		{"day", "1928-01-17"},
		{"month", "1928-01"},
		{"year", "1928"},
		{"qualified", "1917-10-25?"},
		{"decade", "192X"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := Parse(c.in)
				if err != nil {
					b.Fatal(err)
				}
				sinkDate = d
			}
		})
	}
}

// BenchmarkParseEarliestLatest is the work of loading one event's date: parse it and
// compute the days it covers.
func BenchmarkParseEarliestLatest(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, _ := Parse("1928-01-17")
		sinkDay = d.Earliest() + d.Latest()
	}
}

func BenchmarkCivil(b *testing.B) {
	b.ReportAllocs()
	d := FromCivil(1928, 1, 17)
	for b.Loop() {
		y, m, dd := d.Civil()
		sinkDay = FromCivil(y, m, dd)
	}
}

func BenchmarkFormat(b *testing.B) {
	d, _ := Parse("1928-01-17")
	b.ReportAllocs()
	for b.Loop() {
		sinkStr = Format(d, "en")
	}
}
