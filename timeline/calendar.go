package timeline

import "trotskytimeline/timeline/chrono"

// The values of Event.Calendar.
const (
	CalendarGregorian = "gregorian" // the default: no Old Style date is shown
	CalendarJulian    = "julian"    // Old Style where the event happened, until Russia's switch
	// CalendarUnstated: the Julian calendar was in use where the event happened, but its
	// source does not say which calendar its days are in, so each day before Russia's
	// switch may be New Style or Old Style (OldStyleReading).
	CalendarUnstated = "julian?"
)

// OldStyle is the one rule for showing the Old Style (Julian) date of one of the event's
// dates: the dataset declares that the event happened where the Julian calendar was in
// use (Calendar "julian"; "julian?" never shows one), the date is a certain day (no ? ~ % or X: an uncertain day may
// already be Old Style, and converting it again would be a guess), and the day is before
// 14 February 1918, when Russia moved to the Gregorian calendar. A dataset that says
// nothing about calendars (a TimelineJS import, say) never shows an Old Style date.
func (e *Event) OldStyle(d chrono.Date) bool {
	if e.Calendar() != CalendarJulian || !d.IsValid() || d.Open {
		return false
	}
	if d.Precision != chrono.PrecDay || d.IsQualified() {
		return false
	}
	return chrono.OldStyleApplies(d.Earliest())
}

// OldStyleReading is the one rule for a day whose calendar the source does not state
// (Calendar "julian?"): for a date of the event that is a whole day (whatever its
// qualifier) it returns the New Style day that the same day, read as Old Style, would be
// (26 November 1905 gives 9 December 1905), and ok, when that Old Style day was still in
// use (before 14 February 1918 New Style). Otherwise ok is false and the date means only
// what it says: months, years and seasons are left as they are, and so are days of an
// event with any other calendar.
func (e *Event) OldStyleReading(d chrono.Date) (ns chrono.Day, ok bool) {
	if e.Calendar() != CalendarUnstated || d.Open || d.Precision != chrono.PrecDay || d.UnspecDay || d.UnspecMonth || d.UnspecYearDigits > 0 || d.Season != 0 {
		return 0, false
	}
	ns = chrono.FromJulian(int(d.Year), int(d.Month), int(d.DayOfMon))
	return ns, chrono.OldStyleApplies(ns)
}

// DateBounds is the first and last day one of the event's dates can mean: the date's own
// (Earliest, Latest), widened to its Old Style reading where the source names no calendar
// (OldStyleReading), so that "26 November 1905" of a "julian?" event covers 26 November
// to 9 December 1905. Span, the layout index and the figures' span table all take an
// event's days from here.
func (e *Event) DateBounds(d chrono.Date) (lo, hi chrono.Day) {
	lo, hi = d.Earliest(), d.Latest()
	if ns, ok := e.OldStyleReading(d); ok && ns > hi {
		hi = ns
	}
	return lo, hi
}

// DatesText writes the event's dates in lang as the app and the figures show them:
// "17 Jan. 1928 – Jan. 1929" (chrono.FormatRange), and a day whose source names no
// calendar in both readings, noted once after the last such day:
// "26 Nov. or 9 Dec. 1905 – 3 or 16 Dec. 1905 (calendar not stated)",
// "4 or 17 May 1917 (calendar not stated) – Jan. 1928".
func (e *Event) DatesText(lang string) string {
	sNS, sOK := e.OldStyleReading(e.StartDate)
	eNS, eOK := chrono.Day(0), false
	if !e.IsPoint() {
		eNS, eOK = e.OldStyleReading(e.EndDate)
	}
	if !sOK && !eOK {
		if e.IsPoint() {
			return chrono.Format(e.StartDate, lang)
		}
		return chrono.FormatRange(e.StartDate, e.EndDate, lang)
	}
	note := " (" + chrono.CalendarNotStated(lang) + ")"
	start := chrono.Format(e.StartDate, lang)
	if sOK {
		start = chrono.FormatEitherDay(e.StartDate.Earliest(), sNS, lang)
	}
	if e.IsPoint() {
		return start + note
	}
	if eOK {
		return start + " – " + chrono.FormatEitherDay(e.EndDate.Earliest(), eNS, lang) + note
	}
	return start + note + " – " + chrono.Format(e.EndDate, lang)
}
