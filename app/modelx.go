package app

import (
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// The helpers below read the model the way its methods (timeline/load.go) do; they are
// kept here so the app compiles on its own while that file is written.

// evSpan is the event's earliest start day and latest end day (inclusive).
func evSpan(e *timeline.Event) (chrono.Day, chrono.Day) {
	a := e.StartDate.Earliest()
	b := e.StartDate.Latest()
	if e.End != "" && !e.EndDate.Open {
		b = e.EndDate.Latest()
	}
	if b < a {
		b = a
	}
	return a, b
}

// titleIn is the event's title in lang, or its English title.
func titleIn(e *timeline.Event, lang string) string {
	if t, ok := e.Titles[lang]; ok && t != "" {
		return t
	}
	return e.Title
}

// contested reports whether the excerpts give different dates.
func contested(e *timeline.Event) bool {
	seen := ""
	for _, x := range e.Excerpts {
		if x.Date == "" {
			continue
		}
		d := x.DateParsed.String()
		if seen != "" && d != seen {
			return true
		}
		seen = d
	}
	return false
}

// sourceByID returns the dataset's source with that id.
func sourceByID(ds *timeline.Dataset, id string) (*timeline.Source, bool) {
	for i := range ds.Sources {
		if ds.Sources[i].ID == id {
			return &ds.Sources[i], true
		}
	}
	return nil, false
}
