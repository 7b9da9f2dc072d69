package timeline

import (
	"strings"

	"trotskytimeline/timeline/chrono"
)

// Span returns the first and last day the event can cover, inclusive, as the timeline draws
// its bar (its row of the span table, Dataset.Spans, by the same rule, spanDays): from its
// start's earliest day to its end's latest day (DateBounds). A point (no end) spans its
// start's precision, so "1928-01" covers the whole month. An open end ("..") stands for the
// dataset's last definite day (the last day any other event covers), as set by BuildSpans;
// for an event built in memory, or when that day is before the start, it is the start's
// latest day.
func (e *Event) Span() (chrono.Day, chrono.Day) {
	first, _, _, last, f := e.spanDays()
	if m := e.More; f&SpanOpenEnd != 0 && m != nil && m.hasOpenEnd && chrono.Day(m.openEnd) > last {
		last = chrono.Day(m.openEnd)
	}
	return first, last
}

// IsPoint reports whether the event has no end: it happened at its start (at the start's
// precision).
func (e *Event) IsPoint() bool {
	return e.EndDate == (chrono.Date{}) && (e.More == nil || e.More.RawEnd == "")
}

// TitleIn returns the event's title in language lang: Titles[lang], else Titles of
// lang's primary language ("pt" for "pt-BR"), else Title (English).
func (e *Event) TitleIn(lang string) string { return inLang(e.Titles(), lang, e.Title) }

// DescriptionIn returns the event's description in language lang, falling back as
// TitleIn does to Description (English); "" only when the event has no description.
func (e *Event) DescriptionIn(lang string) string {
	if e.Description() == "" {
		return ""
	}
	return inLang(e.Descriptions(), lang, e.Description())
}

// PlaceIn returns the event's place in language lang, falling back as TitleIn does to
// Place (English); "" only when the event has no place.
func (e *Event) PlaceIn(lang string) string {
	if e.Place() == "" {
		return ""
	}
	return inLang(e.PlaceNames(), lang, e.Place())
}

// TitleIn returns the lane's title in language lang, falling back as Event.TitleIn
// does to Title (English).
func (l *Lane) TitleIn(lang string) string { return inLang(l.Titles, lang, l.Title) }

// TitleIn returns the gazetteer's title in language lang, falling back as Event.TitleIn
// does to Title.
func (g *Gazetteer) TitleIn(lang string) string { return inLang(g.Titles, lang, g.Title) }

// inLang is the one fallback rule of every translated field: m[lang], else m of lang's
// primary language, else en. A translation is never "" (the loader refuses an empty
// one), so a missing translation is English, never an empty field.
func inLang(m map[string]string, lang, en string) string {
	if t := m[lang]; t != "" {
		return t
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if t := m[base]; t != "" {
			return t
		}
	}
	return en
}

// Untranslated counts, for each language in also and each that some translation in the
// dataset names, the lane titles, event titles, descriptions and places (events' place
// texts, the names of the places table and the titles of its gazetteers) and tour stop
// texts that have no text in that language and so are shown in English. total is the number of such strings (the same for every language).
func (d *Dataset) Untranslated(also ...string) (missing map[string]int, total int) {
	langs := map[string]bool{}
	for _, l := range also {
		langs[l] = true
	}
	add := func(m map[string]string) {
		for l := range m {
			langs[l] = true
		}
	}
	for i := range d.Lanes {
		add(d.Lanes[i].Titles)
	}
	for i := range d.Places {
		add(d.Places[i].Names)
	}
	for i := range d.Gazetteers {
		add(d.Gazetteers[i].Titles)
	}
	for i := range d.Tour {
		for l := range d.Tour[i].Text {
			if l != "en" { // a stop's text has no field of its own for English
				langs[l] = true
			}
		}
	}
	for i := range d.Events {
		e := &d.Events[i]
		add(e.Titles())
		add(e.Descriptions())
		add(e.PlaceNames())
	}
	missing = make(map[string]int, len(langs))
	for l := range langs {
		missing[l] = 0
	}
	count := func(m map[string]string) {
		total++
		for l := range langs {
			if m[l] == "" {
				missing[l]++
			}
		}
	}
	for i := range d.Lanes {
		count(d.Lanes[i].Titles)
	}
	for i := range d.Places {
		count(d.Places[i].Names)
	}
	for i := range d.Gazetteers {
		count(d.Gazetteers[i].Titles)
	}
	for i := range d.Tour {
		if len(d.Tour[i].Text) > 0 {
			count(d.Tour[i].Text)
		}
	}
	for i := range d.Events {
		e := &d.Events[i]
		count(e.Titles())
		if e.Description() != "" {
			count(e.Descriptions())
		}
		if e.Place() != "" {
			count(e.PlaceNames())
		}
	}
	return missing, total
}

// Lane returns the index in d.Lanes of the lane with the given id.
func (d *Dataset) Lane(id string) (int, bool) {
	for i := range d.Lanes {
		if d.Lanes[i].ID == id {
			return i, true
		}
	}
	return -1, false
}

// Source returns the source with the given id.
func (d *Dataset) Source(id string) (*Source, bool) {
	for i := range d.Sources {
		if d.Sources[i].ID == id {
			return &d.Sources[i], true
		}
	}
	return nil, false
}

// Bounds returns the first and last day of all the events' spans (of the events that have
// a lane: the span table's); ok is false when there is none.
func (d *Dataset) Bounds() (first, last chrono.Day, ok bool) {
	s := d.Spans()
	if s.Len() == 0 {
		return 0, 0, false
	}
	return chrono.Day(s.First), chrono.Day(s.Last - 1), true
}
