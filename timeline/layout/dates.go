package layout

import (
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// dateBounds is the first and last day a date can mean. A plain day's are the same day,
// computed once (the calendar arithmetic was a fifth of NewIndex).
func dateBounds(d chrono.Date) (lo, hi int64) {
	if d.Precision == chrono.PrecDay && !d.UnspecDay && !d.UnspecMonth && !d.Open {
		lo = int64(d.Earliest())
		return lo, lo
	}
	return int64(d.Earliest()), int64(d.Latest())
}

// eventTitle is the event's title in lang (its English title when it has none there).
func eventTitle(e *timeline.Event, lang string) string { return e.TitleIn(lang) }

// contested reports whether the event's sources give different dates for its start or its end.
func contested(e *timeline.Event) bool { return e.Contested() }
