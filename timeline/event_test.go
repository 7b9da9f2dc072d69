package timeline

import (
	"encoding/json"
	"testing"
	"unsafe"

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

// TestEventMore: an event with only the fields every event has keeps no More and writes its
// canonical dates; a date written otherwise, or a rarely set field, is kept in More and
// written back as it was, in the file's order of members.
func TestEventMore(t *testing.T) {
	start, _ := chrono.Parse("1917-10-25")
	end, _ := chrono.Parse("1917-11")
	var e Event
	e.ID, e.Lane, e.Title = "oct", "posts", "October <&>"
	e.SetStart("1917-10-25", start)
	e.SetEnd("1917-11", end)
	if e.More != nil {
		t.Fatalf("canonical dates made a More: %+v", e.More)
	}
	if e.Start() != "1917-10-25" || e.End() != "1917-11" || e.IsPoint() {
		t.Errorf("Start %q End %q IsPoint %v", e.Start(), e.End(), e.IsPoint())
	}
	if unsafe.Sizeof(e) > 88 {
		t.Errorf("Event is %d bytes: a field every event has costs a million events its size; a rarely set one goes in EventMore", unsafe.Sizeof(e))
	}
	e.SetEnd("", chrono.Date{})
	if !e.IsPoint() || e.End() != "" || e.More != nil {
		t.Errorf("no end: IsPoint %v End %q More %+v", e.IsPoint(), e.End(), e.More)
	}
	e.SetStart("1917-10-25 (o.s.)", chrono.Date{}) // not a date: kept as written
	if e.Start() != "1917-10-25 (o.s.)" || e.More == nil || e.More.RawStart == "" {
		t.Errorf("text that is not a date: Start %q", e.Start())
	}
	e.SetStart("1917-10-25", start)
	e.WithMore().Place = "Petrograd"
	e.WithMore().Calendar = CalendarJulian
	e.WithMore().Titles = map[string]string{"it": "Ottobre"}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"oct","lane":"posts","title":"October \u003c\u0026\u003e","titles":{"it":"Ottobre"},"start":"1917-10-25","place":"Petrograd","calendar":"julian"}`
	if string(b) != want {
		t.Errorf("json:\n%s\nwant\n%s", b, want)
	}
	var back Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Title != e.Title || back.Start() != "1917-10-25" || back.Place() != "Petrograd" || back.Titles()["it"] != "Ottobre" || back.Calendar() != CalendarJulian {
		t.Errorf("read back %+v %+v", back, back.More)
	}
	var bare Event
	if err := json.Unmarshal([]byte(`{"id":"a","lane":"l","title":"T"}`), &bare); err != nil || bare.More != nil {
		t.Errorf("an event without other fields read back with More %+v (%v)", bare.More, err)
	}
}
