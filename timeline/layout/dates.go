package layout

import (
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// dateBounds is the first and last day a date can mean.
func dateBounds(d chrono.Date) (lo, hi int64) {
	return int64(d.Earliest()), int64(d.Latest())
}

// eventTitle is the event's title in lang, its English title when it has none there.
// TODO(scene): use (*timeline.Event).TitleIn once load.go is committed.
func eventTitle(e *timeline.Event, lang string) string {
	if lang != "" && lang != "en" {
		if t, ok := e.Titles[lang]; ok && t != "" {
			return t
		}
	}
	return e.Title
}

// contested reports whether the event's excerpts give different dates for its start.
// TODO(scene): use (*timeline.Event).Contested once load.go is committed.
func contested(e *timeline.Event) bool {
	first := ""
	for _, x := range e.Excerpts {
		if x.Date == "" {
			continue
		}
		if first == "" {
			first = x.Date
		} else if x.Date != first {
			return true
		}
	}
	return false
}
