package layout

import (
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// dateBounds is the first and last day one of e's dates can mean (timeline.Event.DateBounds,
// which widens a day whose calendar the source does not state to its Old Style reading). A
// plain day of any other event is the same day, computed once (the calendar arithmetic was
// a fifth of NewIndex).
func dateBounds(e *timeline.Event, d chrono.Date) (lo, hi int64) {
	if d.Precision == chrono.PrecDay && !d.UnspecDay && !d.UnspecMonth && !d.Open && e.Calendar != timeline.CalendarUnstated {
		lo = int64(d.Earliest())
		return lo, lo
	}
	l, h := e.DateBounds(d)
	return int64(l), int64(h)
}

// eventTitle is the event's title in lang (its English title when it has none there).
func eventTitle(e *timeline.Event, lang string) string { return e.TitleIn(lang) }

// contested reports whether the event's sources give different dates for its start or its end.
func contested(e *timeline.Event) bool { return e.Contested() }
