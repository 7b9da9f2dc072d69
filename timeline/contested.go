package timeline

import "trotskytimeline/timeline/chrono"

// SourceDates is what one source says of an event's dates: one row of the details' table
// of a contested event.
type SourceDates struct {
	Source string      // the source's id
	Start  chrono.Date // the finest start its excerpts give; zero when none gives one
	End    chrono.Date // the finest end its excerpts give; zero when none gives one
}

// DatesBySource returns one row per source that dates the event, in the order the sources
// are first quoted, with the finest start and end its excerpts give (a source that says
// "January 1928" in one passage and "11 January 1928" in another says 11 January), and the
// ids of the sources that attest the event without giving a date. A source whose own
// excerpts disagree (no day in common) gets a row for each of its dates, so that nothing it
// says is hidden.
func (e *Event) DatesBySource() (dated []SourceDates, undated []string) {
	hasDate := map[string]bool{}
	for i := range e.Excerpts() {
		x := &e.Excerpts()[i]
		start, end := excerptDate(x.Date, x.DateParsed), excerptDate(x.End, x.EndParsed)
		if !start.IsValid() && !end.IsValid() {
			continue
		}
		hasDate[x.Source] = true
		merged := false
		for j := range dated {
			r := &dated[j]
			if r.Source != x.Source || !e.agree(r.Start, start) || !e.agree(r.End, end) {
				continue
			}
			r.Start, r.End = finer(r.Start, start), finer(r.End, end)
			merged = true
			break
		}
		if !merged {
			dated = append(dated, SourceDates{Source: x.Source, Start: start, End: end})
		}
	}
	seen := map[string]bool{}
	for i := range e.Excerpts() {
		s := e.Excerpts()[i].Source
		if !hasDate[s] && !seen[s] {
			seen[s] = true
			undated = append(undated, s)
		}
	}
	return dated, undated
}

// excerptDate is the parsed date of an excerpt's date text, or the zero Date.
func excerptDate(text string, d chrono.Date) chrono.Date {
	if text == "" || !d.IsValid() || d.Open {
		return chrono.Date{}
	}
	return d
}

// agree reports whether two of the event's dates can both be right: either is missing, or
// they share a day (DateBounds: a day whose source names no calendar may be either reading).
func (e *Event) agree(a, b chrono.Date) bool {
	if !a.IsValid() || !b.IsValid() {
		return true
	}
	alo, ahi := e.DateBounds(a)
	blo, bhi := e.DateBounds(b)
	return !(ahi < blo || bhi < alo)
}

// finer returns the date that says more (spans fewer days) of two agreeing dates, or the
// one that is given.
func finer(a, b chrono.Date) chrono.Date {
	switch {
	case !a.IsValid():
		return b
	case !b.IsValid():
		return a
	case b.Latest()-b.Earliest() < a.Latest()-a.Earliest():
		return b
	}
	return a
}

// Contested reports whether the event's sources disagree on its start or on its end: two
// excerpts give dates for it that cannot both be right because they share no day
// ("1928-01-17" and "1928-01-31"). A coarser date that contains a finer one ("1928" and
// "1928-01-17") only says less, and does not make the event contested; the details still
// show every source's date. Excerpts without a date do not count.
func (e *Event) Contested() bool {
	for i := range e.Excerpts() {
		a := &e.Excerpts()[i]
		as, ae := excerptDate(a.Date, a.DateParsed), excerptDate(a.End, a.EndParsed)
		for j := i + 1; j < len(e.Excerpts()); j++ {
			b := &e.Excerpts()[j]
			if !e.agree(as, excerptDate(b.Date, b.DateParsed)) || !e.agree(ae, excerptDate(b.End, b.EndParsed)) {
				return true
			}
		}
	}
	return false
}

// Name is how the program names a source in a line of its own (the contested-date table):
// its publisher, or its title when the text names none (an untitled text's title is in
// brackets).
func (s *Source) Name() string {
	if s.Publisher != "" {
		return s.Publisher
	}
	return s.Title
}
