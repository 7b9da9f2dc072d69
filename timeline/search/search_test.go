package search

import (
	"fmt"
	"strings"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
)

const testJSON = `{
  "format": "timeline/1",
  "title": "Search test",
  "lanes": [{"id": "posts", "title": "Posts"}, {"id": "exile", "title": "Exile"}],
  "sources": [
    {"id": "a", "title": "Source A", "lang": "en", "text": "He became People's Commissar for War in March 1918. He was killed in Coyoacán in August 1940. In Mexico he wrote."},
    {"id": "b", "title": "Fonte B", "lang": "it", "text": "Fu espulso nel 1929.\nMorì a Città del Messico il 21 agosto 1940."}
  ],
  "events": [
    {"id": "war", "lane": "posts", "title": "People's Commissar for War", "titles": {"it": "Commissario del popolo alla guerra"},
     "start": "1918-03-13", "end": "1925-01", "place": "Moscow",
     "excerpts": [{"source": "a", "quote": "He became People's Commissar for War in March 1918."}]},
    {"id": "birth", "lane": "posts", "title": "Born in Yanovka", "start": "1879-11-07", "place": "Yanovka, Kherson Province"},
    {"id": "expelled", "lane": "exile", "title": "Expelled from the USSR", "start": "1929-02-12",
     "excerpts": [{"source": "b", "quote": "Fu espulso nel 1929."}]},
    {"id": "writing", "lane": "exile", "title": "Writings", "start": "1938",
     "excerpts": [{"source": "a", "quote": "In Mexico he wrote."}]},
    {"id": "mexico", "lane": "exile", "title": "Exile in Mexico", "start": "1939-01-09", "end": "1940-08-21", "place": "Coyoacán, Città del Messico"},
    {"id": "death", "lane": "exile", "title": "Assassinated", "titles": {"pt": "Assassinado"}, "start": "1940-08-21", "place": "Coyoacán",
     "description": "Killed by an agent of the NKVD.",
     "excerpts": [
       {"source": "a", "quote": "He was killed in Coyoacán in August 1940."},
       {"source": "b", "quote": "Morì a Città del Messico il 21 agosto 1940."}]}
  ]
}`

func testIndex(t testing.TB) (*timeline.Dataset, *Index) {
	t.Helper()
	ds, err := format.Parse("test.json", []byte(testJSON), nil)
	if err != nil {
		t.Fatal(err)
	}
	return ds, New(ds)
}

func ids(ds *timeline.Dataset, evs []int) string {
	var s []string
	for _, e := range evs {
		s = append(s, ds.Events[e].ID)
	}
	return strings.Join(s, ",")
}

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"accents", "Città del Messico", "citta del messico"},
		{"upper accents", "COYOACÁN", "coyoacan"},
		{"cedilla and tilde", "Exílio em São Paulo, França", "exilio em sao paulo, franca"},
		{"plain", "Moscow", "moscow"},
		{"decomposed input", "Citta\u0300", "citta"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	ds, ix := testIndex(t)
	tests := []struct{ name, q, want string }{
		{"place without accents", "Citta del Messico", "mexico,death"},
		{"case and accent", "coyoacan", "mexico,death"},
		{"italian title", "commissario", "war"},
		{"portuguese title", "assassinado", "death"},
		{"excerpt text", "espulso", "expelled"},
		{"description", "nkvd", "death"},
		{"every word must match", "exile mexico", "mexico"},
		{"title matches before quote matches", "mexico", "mexico,writing"},
		{"titles first, each group in date order", "e", "war,expelled,mexico,death,birth,writing"},
		{"empty", "  ", ""},
		{"no match", "zzz", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(ds, ix.Find(tc.q, 0)); got != tc.want {
				t.Errorf("Find(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

func TestFindLimitKeepsTitlesFirst(t *testing.T) {
	ds, ix := testIndex(t)
	// "in": the titles of birth, writing ("Writings"), mexico and death ("Assassinated");
	// the quote of war.
	if got := ids(ds, ix.Find("in", 5)); got != "birth,writing,mexico,death,war" {
		t.Errorf("Find(in, 5) = %q, want birth,writing,mexico,death,war", got)
	}
	if got := ids(ds, ix.Find("in", 4)); got != "birth,writing,mexico,death" {
		t.Errorf("Find(in, 4) = %q, want birth,writing,mexico,death", got)
	}
	if got := ids(ds, ix.Find("in", 1)); got != "birth" {
		t.Errorf("Find(in, 1) = %q, want birth", got)
	}
}

func TestExplain(t *testing.T) {
	ds, ix := testIndex(t)
	ev := func(id string) int {
		for i := range ds.Events {
			if ds.Events[i].ID == id {
				return i
			}
		}
		t.Fatalf("no event %q", id)
		return -1
	}
	tests := []struct {
		name, id, q, lang string
		field             Field
		before, match     string
	}{
		{"title in the ui's language", "war", "commissario", "it", Title, "", "Commissario"},
		{"english title", "war", "commissar", "en", Title, "People's ", "Commissar"},
		{"place keeps its accents", "mexico", "citta", "en", Place, "Coyoacán, ", "Città"},
		{"quote", "expelled", "espulso", "en", Quote, "Fu ", "espulso"},
		{"description", "death", "nkvd", "en", Description, "Killed by an agent of the ", "NKVD"},
		{"the field with most words wins", "death", "messico agosto", "en", Quote, "Morì a Città del ", "Messico"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := ix.Explain(ev(tc.id), tc.q, tc.lang)
			if !ok {
				t.Fatalf("Explain(%s, %q) found nothing", tc.id, tc.q)
			}
			if r.Field != tc.field || r.Before != tc.before || r.Match != tc.match {
				t.Errorf("Explain(%s, %q) = field %d %q[%q]%q, want field %d %q[%q]",
					tc.id, tc.q, r.Field, r.Before, r.Match, r.After, tc.field, tc.before, tc.match)
			}
		})
	}
	if _, ok := ix.Explain(ev("birth"), "zzz", "en"); ok {
		t.Error("Explain of a query the event does not match said ok")
	}
}

func TestSnippetIsCutAroundTheMatch(t *testing.T) {
	long := strings.Repeat("word ", 60) + "Città" + strings.Repeat(" more", 60)
	fs, offs := foldMap(long)
	i := strings.Index(fs, "citta")
	r := cut(long, offs[i], offs[i+len("citta")])
	if r.Match != "Città" {
		t.Fatalf("match %q, want Città", r.Match)
	}
	if !strings.HasPrefix(r.Before, "…") || !strings.HasSuffix(r.After, "…") {
		t.Errorf("snippet %q does not say text was left out at both ends", r.Snippet())
	}
	if n := len([]rune(r.Snippet())); n > SnippetLen+5 {
		t.Errorf("snippet is %d characters, want about %d", n, SnippetLen)
	}
	if strings.Contains(r.Before, "wor…") || strings.HasPrefix(r.Before, "…ord") {
		t.Errorf("snippet %q cuts a word", r.Snippet())
	}
}

func BenchmarkFind(b *testing.B) {
	ds := &timeline.Dataset{Format: timeline.FormatV1, Lanes: []timeline.Lane{{ID: "l", Title: "L"}}}
	for i := range 100000 {
		ds.Events = append(ds.Events, timeline.Event{ID: fmt.Sprint(i), Lane: "l", Title: fmt.Sprintf("Event %d of the lane", i), More: &timeline.EventMore{Place: "Città", Excerpts: []timeline.Excerpt{{Quote: "a quote that mentions nothing much"}}}})
	}
	ix := New(ds)
	b.ResetTimer()
	for range b.N {
		ix.Find("zzz", 200)
		ix.Find("e", 200)
	}
}
