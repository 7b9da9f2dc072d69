package scene

import (
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/layout"
)

// fixture is a small fixed dataset with every kind of date the scene draws: day-precise
// periods and points, month and year precision, uncertain and approximate ends, an open end,
// a contested event and an Italian title.
func fixture(t testing.TB) *timeline.Dataset {
	t.Helper()
	ds := &timeline.Dataset{
		Format: timeline.FormatV1,
		Title:  "Fixture",
		Lanes: []timeline.Lane{
			{ID: "life", Title: "Life", Color: "#a0312b"},
			{ID: "posts", Title: "Party and state posts", Color: "#2b6ca0"},
			{ID: "exile", Title: "Exile"},
		},
	}
	add := func(id, lane, title, start, end string, dates ...string) {
		e := timeline.Event{ID: id, Lane: lane, Title: title, More: &timeline.EventMore{RawStart: start, RawEnd: end}}
		for _, d := range dates {
			e.WithMore().Excerpts = append(e.Excerpts(), timeline.Excerpt{Source: "s", Quote: "q", Date: d})
		}
		ds.Events = append(ds.Events, e)
	}
	add("born", "life", "Born in Yanovka", "1879-11-07", "")
	add("school", "life", "School in Odessa", "1888", "1895")
	add("prison", "life", "Prison and Siberian exile", "1898-01", "1902-08?")
	add("marriage", "life", "Marries Aleksandra Sokolovskaya", "1899~", "", "1899", "1900")
	add("escape", "life", "Escapes from Siberia", "1902-08", "")
	add("1905", "posts", "Chairman of the St Petersburg Soviet", "1905-10-26", "1905-12-16")
	add("war", "posts", "People's Commissar for Military Affairs", "1918-03-13", "1925-01-15")
	add("foreign", "posts", "People's Commissar for Foreign Affairs", "1917-11-08", "1918-03-13")
	add("mrc", "posts", "Military Revolutionary Committee", "1917-10-29", "1917-11-08")
	add("alma", "exile", "Internal exile in Alma-Ata", "1928-01-17", "1929-01")
	add("prinkipo", "exile", "Prinkipo", "1929-02-12", "1933-07-17")
	add("coyoacan", "exile", "Coyoacán", "1937-01-09", "..")
	add("death", "exile", "Assassinated in Coyoacán", "1940-08-21", "")
	ds.Events[9].WithMore().Titles = map[string]string{"it": "Esilio interno ad Alma-Ata"}
	for i := range ds.Events {
		e := &ds.Events[i]
		var err error
		if e.StartDate, err = chrono.Parse(e.Start()); err != nil {
			t.Fatalf("fixture %s start: %v", e.ID, err)
		}
		if !e.IsPoint() {
			if e.EndDate, err = chrono.Parse(e.End()); err != nil {
				t.Fatalf("fixture %s end: %v", e.ID, err)
			}
		}
		for k := range e.Excerpts() {
			if e.Excerpts()[k].DateParsed, err = chrono.Parse(e.Excerpts()[k].Date); err != nil {
				t.Fatalf("fixture %s excerpt date: %v", e.ID, err)
			}
		}
		for li, l := range ds.Lanes {
			if l.ID == e.Lane {
				e.LaneIndex = li
			}
		}
	}
	return ds
}

func fixtureIndex(t testing.TB) *layout.Index { return layout.NewIndex(fixture(t)) }
