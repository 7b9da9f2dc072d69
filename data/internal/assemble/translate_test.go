package assemble

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTranslations(t *testing.T) {
	events := `[
		{"id": "e", "lane": "a", "title": "E", "start": "1905", "place": "Mexico City", "description": "Arrives."},
		{"id": "f", "lane": "a", "title": "F", "start": "1906", "place": "Mexico City", "description": "Leaves again."},
		{"id": "g", "lane": "a", "title": "G", "start": "1907", "place": "Vienna"}
	]`
	it := `{
		"lanes": {"a": {"en": "A", "it": "A in italiano"}},
		"places": {"Mexico City": "Città del Messico", "Paris": "Parigi"},
		"descriptions": {
			"e": {"en": "Arrives.", "it": "Arriva."},
			"f": {"en": "Leaves.", "it": "Parte."},
			"gone": {"en": "x", "it": "y"}
		}
	}`
	fsys := fstest.MapFS{
		"header.json":  {Data: []byte(header)},
		"a.json":       {Data: []byte(events)},
		"i18n/it.json": {Data: []byte(it)},
	}
	out, notes, err := AssembleNotes(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Lanes []struct {
			ID     string            `json:"id"`
			Title  string            `json:"title"`
			Titles map[string]string `json:"titles"`
		} `json:"lanes"`
		Events []struct {
			ID           string            `json:"id"`
			PlaceNames   map[string]string `json:"placeNames"`
			Descriptions map[string]string `json:"descriptions"`
		} `json:"events"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if got := doc.Lanes[0].Titles; !reflect.DeepEqual(got, map[string]string{"it": "A in italiano"}) || doc.Lanes[0].Title != "A" {
		t.Errorf("lane = %+v, want its title and an Italian one", doc.Lanes[0])
	}
	want := map[string][2]map[string]string{
		"e": {{"it": "Città del Messico"}, {"it": "Arriva."}},
		"f": {{"it": "Città del Messico"}, nil}, // stale description: left out
		"g": {nil, nil},                         // no translation of Vienna
	}
	for _, e := range doc.Events {
		if w := want[e.ID]; !reflect.DeepEqual(e.PlaceNames, w[0]) || !reflect.DeepEqual(e.Descriptions, w[1]) {
			t.Errorf("event %s: placeNames %v, descriptions %v; want %v, %v", e.ID, e.PlaceNames, e.Descriptions, w[0], w[1])
		}
	}
	joined := strings.Join(notes, "\n")
	for _, n := range []string{`descriptions.f: the English description changed`, `descriptions.gone: no such event`, `places["Paris"]: no event has this place`} {
		if !strings.Contains(joined, n) {
			t.Errorf("notes lack %q:\n%s", n, joined)
		}
	}
	if len(notes) != 3 {
		t.Errorf("%d notes, want 3:\n%s", len(notes), joined)
	}
}

func TestTranslationsRefused(t *testing.T) {
	tests := []struct{ name, file, text, wantErr string }{
		{"not a language", "i18n/italian.json", `{}`, "must be a language tag"},
		{"english", "i18n/en.json", `{}`, "English is the parts' own language"},
		{"unknown field", "i18n/it.json", `{"titles": {}}`, `unknown field "titles"`},
		{"wrong language key", "i18n/it.json", `{"lanes": {"a": {"en": "A", "pt": "B"}}}`, `unknown key "pt"`},
		{"empty text", "i18n/it.json", `{"descriptions": {"e": {"en": "D", "it": " "}}}`, `no "it" text`},
		{"empty place", "i18n/it.json", `{"places": {"Paris": ""}}`, `places["Paris"]: empty`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"header.json": {Data: []byte(header)},
				"a.json":      {Data: []byte(`[{"id": "e", "lane": "a", "title": "E", "start": "1905", "place": "Paris", "description": "D"}]`)},
				tc.file:       {Data: []byte(tc.text)},
			}
			_, err := Assemble(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}
