package render

import (
	"fmt"
	"strconv"
	"testing"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/gen"
)

// ev is an event of a test dataset; start and end are EDTF.
type ev struct {
	id, lane, title, start, end string
	sources                     []string
}

// makeDataset builds a dataset in memory, parsing dates the way Load does.
func makeDataset(t testing.TB, title string, lanes []timeline.Lane, sources []timeline.Source, evs []ev) *timeline.Dataset {
	t.Helper()
	ds := &timeline.Dataset{Format: timeline.FormatV1, Title: title, Lanes: lanes, Sources: sources}
	for i, e := range evs {
		sd, err := chrono.Parse(e.start)
		if err != nil {
			t.Fatalf("event %s start: %v", e.id, err)
		}
		var ed chrono.Date
		if e.end != "" {
			if ed, err = chrono.Parse(e.end); err != nil {
				t.Fatalf("event %s end: %v", e.id, err)
			}
		}
		li := -1
		for j, l := range lanes {
			if l.ID == e.lane {
				li = j
			}
		}
		x := timeline.Event{ID: e.id, Lane: e.lane, Title: e.title, StartDate: sd, EndDate: ed, LaneIndex: li, More: &timeline.EventMore{RawStart: e.start, RawEnd: e.end}}
		for _, s := range e.sources {
			x.WithMore().Excerpts = append(x.Excerpts(), timeline.Excerpt{Source: s, Quote: fmt.Sprintf("quote %d", i)})
		}
		ds.Events = append(ds.Events, x)
	}
	return ds
}

// smallDataset is the fixed dataset of the golden figures: three lanes, a dozen events of
// every kind (points, periods, uncertain and approximate dates, an open end).
func smallDataset(t testing.TB) *timeline.Dataset {
	return makeDataset(t, "Leon Trotsky, 1879–1940",
		[]timeline.Lane{
			{ID: "life", Title: "Life", Color: "#3b6ea5"},
			{ID: "posts", Title: "Party and state posts", Color: "#a0312b"},
			{ID: "exile", Title: "Prison and exile", Color: "#5b8a3a"},
		},
		[]timeline.Source{
			{ID: "bl", Title: "Leon Trotsky", Publisher: "British Library", Lang: "en"},
			{ID: "jvl", Title: "Leon Trotsky (1879 - 1940)", Publisher: "Jewish Virtual Library", Lang: "en"},
			{ID: "jvl2", Title: "Trotsky biography", Publisher: "Jewish Virtual Library", Lang: "en"},
			{ID: "mia", Title: "Trotsky Internet Archive", Lang: "en"},
			{ID: "unused", Title: "Never quoted", Publisher: "Nobody", Lang: "en"},
		},
		[]ev{
			{"born", "life", "Born in Yanovka", "1879-11-07", "", []string{"bl", "jvl"}},
			{"school", "life", "School in Odessa", "1889", "1895", []string{"mia"}},
			{"marriage", "life", "Marries Aleksandra Sokolovskaya", "1899?", "", []string{"jvl2"}},
			{"death", "life", "Assassinated in Coyoacán", "1940-08-21", "", []string{"bl"}},
			{"soviet", "posts", "Chairman of the Petrograd Soviet", "1905-10", "1905-12-03", []string{"jvl"}},
			{"milrevcom", "posts", "Military Revolutionary Committee", "1917-10", "1917-11", []string{"bl"}},
			{"foreign", "posts", "People's Commissar for Foreign Affairs", "1917-11-08", "1918-03-13", []string{"bl", "mia"}},
			{"war", "posts", "People's Commissar for Army and Navy", "1918-03-14", "1925-01-15", []string{"jvl"}},
			{"siberia", "exile", "Siberian exile", "1900~", "1902", []string{"mia"}},
			{"alma-ata", "exile", "Internal exile in Alma-Ata", "1928-01-17", "1929-01", []string{"jvl"}},
			{"prinkipo", "exile", "Prinkipo", "1929-02", "1933-07", []string{"mia"}},
			{"mexico", "exile", "Mexico", "1937-01-09", "1940-08-21", []string{"bl"}},
		})
}

// adversarialDataset has titles that break careless XML and fonts.
func adversarialDataset(t testing.TB) *timeline.Dataset {
	return makeDataset(t, `<b>&"' Лев Троцкий & Città del Messico`,
		[]timeline.Lane{
			{ID: "a", Title: `<lane>&"'`, Color: "#a0312b"},
			{ID: "b", Title: "Лев Троцкий"},
		},
		[]timeline.Source{
			{ID: "s1", Title: `<script>alert("x")</script>`, Lang: "en"},
			{ID: "s2", Title: "x", Publisher: "Editora & Filhos <Lisboa>", Lang: "pt"},
		},
		[]ev{
			{"e1", "a", `<b>&"'`, "1917", "1918", []string{"s1"}},
			{"e2", "b", "Лев Троцкий", "1920-05", "", []string{"s2"}},
			{"e3", "a", "Città del Messico", "1937", "1940", []string{"s2"}},
			{"e4", "b", "Exílio", "1929", "1933", []string{"s1"}},
			{"e5", "b", "control\x01char and ]]> end", "1925", "", nil},
		})
}

// builtinDataset is the program's own dataset, loaded by the format package (encoding/json
// no longer reads it: a tour stop is an id or an object).
func builtinDataset(t testing.TB) *timeline.Dataset {
	t.Helper()
	ds, err := format.LoadFS(data.FS, data.Name)
	if err != nil {
		t.Fatalf("%s: %v", data.Name, err)
	}
	return ds
}

// parseDates sets each event's StartDate, EndDate and LaneIndex.
func parseDates(t testing.TB, ds *timeline.Dataset) {
	t.Helper()
	lanes := map[string]int{}
	for i, l := range ds.Lanes {
		lanes[l.ID] = i
	}
	for i := range ds.Events {
		e := &ds.Events[i]
		var err error
		if e.StartDate, err = chrono.Parse(e.Start()); err != nil {
			t.Fatalf("events[%d].start: %v", i, err)
		}
		if !e.IsPoint() {
			if e.EndDate, err = chrono.Parse(e.End()); err != nil {
				t.Fatalf("events[%d].end: %v", i, err)
			}
		}
		e.LaneIndex = lanes[e.Lane]
	}
}

// synthDataset is n events of the docs/BENCH.md workload (gen.Items) in its six lanes.
func synthDataset(t testing.TB, n int) *timeline.Dataset {
	t.Helper()
	ds := &timeline.Dataset{Format: timeline.FormatV1, Title: fmt.Sprintf("Synthetic, %d events", n)}
	for i := 0; i < gen.Lanes; i++ {
		ds.Lanes = append(ds.Lanes, timeline.Lane{ID: strconv.Itoa(i), Title: fmt.Sprintf("Lane %d", i+1)})
	}
	ds.Sources = []timeline.Source{{ID: "gen", Title: "Synthetic workload", Publisher: "docs/BENCH.md", Lang: "en"}}
	gen.Items(n, gen.DefaultSeed, func(it gen.Item) {
		ds.Events = append(ds.Events, timeline.Event{
			ID: strconv.Itoa(it.ID), Lane: strconv.Itoa(it.Lane), Title: it.Label(), More: &timeline.EventMore{RawStart: it.StartEDTF(), RawEnd: it.EndEDTF(), Excerpts: []timeline.Excerpt{{Source: "gen", Quote: "x"}}},
		})
	})
	parseDates(t, ds)
	return ds
}
