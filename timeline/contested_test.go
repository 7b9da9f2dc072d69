package timeline

import (
	"testing"

	"trotskytimeline/timeline/chrono"
)

func mustDate(t *testing.T, s string) chrono.Date {
	t.Helper()
	if s == "" {
		return chrono.Date{}
	}
	d, err := chrono.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func ex(t *testing.T, src, date, end string) Excerpt {
	return Excerpt{Source: src, Quote: "q", Date: date, End: end, DateParsed: mustDate(t, date), EndParsed: mustDate(t, end)}
}

// Ends keep each source's date: two sources that agree on the start and disagree on the
// end make the event contested, as Alma-Ata's January and February 1929 do.
func TestContestedEnds(t *testing.T) {
	e := Event{More: &EventMore{Excerpts: []Excerpt{ex(t, "en-bio", "1928-01-17", "1929-01-16"), ex(t, "jvl", "1928-01", "1929-02")}}}
	if !e.Contested() {
		t.Error("ends 16 Jan. 1929 and Feb. 1929 share no day: contested")
	}
	e = Event{More: &EventMore{Excerpts: []Excerpt{ex(t, "a", "1928", "1929"), ex(t, "b", "1928-01-17", "1929-02")}}}
	if e.Contested() {
		t.Error("coarser dates that contain finer ones agree")
	}
}

// One row per source that dates the event, its finest agreeing dates; the sources without a
// date apart, each once.
func TestDatesBySource(t *testing.T) {
	e := Event{More: &EventMore{Excerpts: []Excerpt{
		ex(t, "history", "1928-01-11", ""), ex(t, "jvl", "1928-01-31", ""), ex(t, "history", "1928-01", "1929-01"),
		ex(t, "bl", "", ""), ex(t, "history", "", ""), ex(t, "it", "", "1929-02"), ex(t, "bl", "", ""),
	}}}
	dated, undated := e.DatesBySource()
	if len(dated) != 3 {
		t.Fatalf("%d rows, want 3 (history, jvl, it): %+v", len(dated), dated)
	}
	if r := dated[0]; r.Source != "history" || r.Start.String() != "1928-01-11" || r.End.String() != "1929-01" {
		t.Errorf("history row = %s %s–%s, want its finest start 1928-01-11 and its end 1929-01", r.Source, r.Start, r.End)
	}
	if r := dated[2]; r.Source != "it" || r.Start.IsValid() || r.End.String() != "1929-02" {
		t.Errorf("it row = %+v, want only an end", r)
	}
	if len(undated) != 1 || undated[0] != "bl" {
		t.Errorf("undated = %v, want [bl]", undated)
	}
}

// The Old Style rule: only where the dataset declares the Julian calendar, only for a
// certain day, only before 14 February 1918.
func TestOldStyle(t *testing.T) {
	julian := Event{More: &EventMore{Calendar: CalendarJulian}}
	for _, tc := range []struct {
		e    *Event
		date string
		want bool
	}{
		{&julian, "1879-11-07", true},
		{&julian, "1918-02-13", true},
		{&julian, "1918-02-14", false},
		{&julian, "1918-01-15?", false}, // a day that may already be Old Style
		{&julian, "1905-12", false},
		{&Event{}, "1879-11-07", false}, // a dataset that declares nothing (a TimelineJS import)
		{&Event{More: &EventMore{Calendar: CalendarGregorian}}, "1879-11-07", false},
	} {
		if got := tc.e.OldStyle(mustDate(t, tc.date)); got != tc.want {
			t.Errorf("calendar %q, %s: OldStyle = %v, want %v", tc.e.Calendar(), tc.date, got, tc.want)
		}
	}
}
