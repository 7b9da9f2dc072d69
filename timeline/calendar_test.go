package timeline

import (
	"testing"

	"trotskytimeline/timeline/chrono"
)

// A day whose source names no calendar ("julian?") covers both readings: from the day as
// written (New Style) to the same day read as Old Style, 12 days later in the 19th century
// and 13 from March 1900, and only while the Old Style was in use (before 14 Feb. 1918).
func TestDateBoundsUnstatedCalendar(t *testing.T) {
	day := chrono.FromCivil
	for _, c := range []struct {
		cal, date string
		lo, hi    chrono.Day
	}{
		{CalendarUnstated, "1905-11-26", day(1905, 11, 26), day(1905, 12, 9)},
		{CalendarUnstated, "1905-11-26?", day(1905, 11, 26), day(1905, 12, 9)},
		{CalendarUnstated, "1879-10-26", day(1879, 10, 26), day(1879, 11, 7)}, // +12
		{CalendarUnstated, "1900-02-28", day(1900, 2, 28), day(1900, 3, 12)},  // +12: Julian 29 Feb. 1900 still to come
		{CalendarUnstated, "1900-03-01", day(1900, 3, 1), day(1900, 3, 14)},   // +13
		{CalendarUnstated, "1917-12-22", day(1917, 12, 22), day(1918, 1, 4)},  // into the next year
		{CalendarUnstated, "1918-01-31", day(1918, 1, 31), day(1918, 2, 13)},  // the last Old Style day
		{CalendarUnstated, "1918-02-01", day(1918, 2, 1), day(1918, 2, 1)},    // O.S. 1 Feb. 1918 never was
		{CalendarUnstated, "1918-02-10", day(1918, 2, 10), day(1918, 2, 10)},  // the Brest walk-out
		{CalendarUnstated, "1905-12", day(1905, 12, 1), day(1905, 12, 31)},    // a month is left as it is
		{CalendarUnstated, "1905", day(1905, 1, 1), day(1905, 12, 31)},        // so is a year
		{CalendarUnstated, "1905-10-XX", day(1905, 10, 1), day(1905, 10, 31)}, // and an unspecified day
		{CalendarJulian, "1905-11-26", day(1905, 11, 26), day(1905, 11, 26)},  // a stated calendar: one day
		{CalendarJulian, "1905-11-26?", day(1905, 11, 26), day(1905, 11, 26)},
		{"", "1905-11-26", day(1905, 11, 26), day(1905, 11, 26)},
		{CalendarGregorian, "1905-11-26", day(1905, 11, 26), day(1905, 11, 26)},
	} {
		d, err := chrono.Parse(c.date)
		if err != nil {
			t.Fatal(err)
		}
		e := &Event{StartDate: d, More: &EventMore{RawStart: c.date, Calendar: c.cal}}
		if lo, hi := e.DateBounds(d); lo != c.lo || hi != c.hi {
			t.Errorf("%q %s: DateBounds = %s..%s, want %s..%s", c.cal, c.date, chrono.FormatDay(lo, "en"), chrono.FormatDay(hi, "en"), chrono.FormatDay(c.lo, "en"), chrono.FormatDay(c.hi, "en"))
		}
		if lo, hi := e.Span(); lo != c.lo || hi != c.hi {
			t.Errorf("%q %s: Span = %s..%s, want the date's bounds", c.cal, c.date, chrono.FormatDay(lo, "en"), chrono.FormatDay(hi, "en"))
		}
		if c.cal == CalendarUnstated && e.OldStyle(d) {
			t.Errorf("%s: a julian? day shows an Old Style date", c.date)
		}
	}
}

func TestDatesTextUnstatedCalendar(t *testing.T) {
	ev := func(start, end string) *Event {
		e := &Event{More: &EventMore{RawStart: start, RawEnd: end, Calendar: CalendarUnstated}}
		e.StartDate, _ = chrono.Parse(start)
		if end != "" {
			e.EndDate, _ = chrono.Parse(end)
		}
		return e
	}
	for _, c := range []struct {
		e          *Event
		lang, want string
	}{
		{ev("1905-11-26", ""), "en", "26 Nov. or 9 Dec. 1905 (calendar not stated)"},
		{ev("1905-11-26", ""), "it", "26 novembre o 9 dicembre 1905 (calendario non indicato)"},
		{ev("1905-11-26", ""), "pt", "26 de novembro ou 9 de dezembro de 1905 (calendário não indicado)"},
		{ev("1905-11-26", "1905-12-03"), "en", "26 Nov. or 9 Dec. 1905 – 3 or 16 Dec. 1905 (calendar not stated)"},
		{ev("1917-05-04", "1928-01"), "en", "4 or 17 May 1917 (calendar not stated) – Jan. 1928"},
		{ev("1917-12-22", "1918-02-10"), "en", "22 Dec. 1917 or 4 Jan. 1918 (calendar not stated) – 10 Feb. 1918"},
		{ev("1905-10", "1905-11-26"), "en", "Oct. 1905 – 26 Nov. or 9 Dec. 1905 (calendar not stated)"},
		{ev("1928-01-17", "1929-01"), "en", "17 Jan. 1928 – Jan. 1929"},
	} {
		if got := c.e.DatesText(c.lang); got != c.want {
			t.Errorf("%s–%s in %s: %q, want %q", c.e.Start(), c.e.End(), c.lang, got, c.want)
		}
	}
}

// Two sources, one giving a day as written, the other its Old Style reading in New Style,
// agree when the calendar is not stated, and disagree when it is.
func TestContestedUnstatedCalendar(t *testing.T) {
	for _, c := range []struct {
		cal  string
		want bool
	}{{CalendarUnstated, false}, {CalendarJulian, true}, {"", true}} {
		e := &Event{More: &EventMore{Calendar: c.cal}}
		for _, s := range []string{"1918-01-15", "1918-01-28"} {
			d, _ := chrono.Parse(s)
			e.WithMore().Excerpts = append(e.Excerpts(), Excerpt{Source: s, Date: s, DateParsed: d})
		}
		if got := e.Contested(); got != c.want {
			t.Errorf("calendar %q: 15 and 28 Jan. 1918 contested = %v, want %v", c.cal, got, c.want)
		}
	}
}
