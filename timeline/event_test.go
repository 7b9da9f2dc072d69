package timeline

import (
	"testing"

	"trotskytimeline/timeline/chrono"
)

func TestContested(t *testing.T) {
	ex := func(dates ...string) Event {
		var e Event
		for _, d := range dates {
			x := Excerpt{Date: d}
			if d != "" {
				p, err := chrono.Parse(d)
				if err != nil {
					t.Fatal(err)
				}
				x.DateParsed = p
			}
			e.WithMore().Excerpts = append(e.Excerpts(), x)
		}
		return e
	}
	tests := []struct {
		name  string
		dates []string
		want  bool
	}{
		{"no excerpts", nil, false},
		{"one date", []string{"1928-01-31"}, false},
		{"same day", []string{"1928-01-31", "1928-01-31"}, false},
		{"different days", []string{"1928-01-17", "1928-01-31"}, true},
		{"coarser contains finer", []string{"1927", "1927-11-12"}, false},
		{"month contains day", []string{"1928-01-31", "1928-01"}, false},
		{"month excludes day", []string{"1925-01-26", "1925-02"}, true},
		{"undated excerpts ignored", []string{"", "1929-02-12", ""}, false},
		{"third disagrees", []string{"1927", "1927-11-12", "1927-11-14"}, true},
		{"different years", []string{"1936", "1937"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ex(tt.dates...)
			if got := e.Contested(); got != tt.want {
				t.Errorf("Contested(%q) = %v, want %v", tt.dates, got, tt.want)
			}
		})
	}
}
