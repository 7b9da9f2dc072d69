package timeline

import (
	"reflect"
	"testing"
)

func TestTranslatedFields(t *testing.T) {
	l := Lane{Title: "Posts", Titles: map[string]string{"it": "Cariche"}}
	e := Event{
		Title: "Exile", More: &EventMore{Titles: map[string]string{"it": "Esilio", "pt": "Exílio"}, Place: "Mexico City", PlaceNames: map[string]string{"pt": "Cidade do México", "pt-PT": "Cidade do México (PT)"}, Description: "Arrives.", Descriptions: map[string]string{"it": "Arriva."}},
	}
	tests := []struct{ lang, lane, title, place, desc string }{
		{"en", "Posts", "Exile", "Mexico City", "Arrives."},
		{"it", "Cariche", "Esilio", "Mexico City", "Arriva."},
		{"pt", "Posts", "Exílio", "Cidade do México", "Arrives."},
		{"pt-BR", "Posts", "Exílio", "Cidade do México", "Arrives."},
		{"pt-PT", "Posts", "Exílio", "Cidade do México (PT)", "Arrives."},
		{"de", "Posts", "Exile", "Mexico City", "Arrives."},
	}
	for _, tc := range tests {
		got := [4]string{l.TitleIn(tc.lang), e.TitleIn(tc.lang), e.PlaceIn(tc.lang), e.DescriptionIn(tc.lang)}
		if want := [4]string{tc.lane, tc.title, tc.place, tc.desc}; got != want {
			t.Errorf("%s: got %q, want %q", tc.lang, got, want)
		}
	}
	// No English, no translation shown: a translation of a field the event lacks is not a fact.
	bare := Event{Title: "X", More: &EventMore{PlaceNames: map[string]string{"it": "Roma"}, Descriptions: map[string]string{"it": "Testo"}}}
	if p, d := bare.PlaceIn("it"), bare.DescriptionIn("it"); p != "" || d != "" {
		t.Errorf("event without place and description: PlaceIn %q, DescriptionIn %q, want empty", p, d)
	}
}

func TestUntranslated(t *testing.T) {
	ds := &Dataset{
		Lanes: []Lane{{Title: "A", Titles: map[string]string{"it": "A-it"}}, {Title: "B"}},
		Events: []Event{
			{Title: "E", More: &EventMore{Titles: map[string]string{"it": "E-it", "pt": "E-pt"}, Place: "P", PlaceNames: map[string]string{"it": "P-it"}}},
			{Title: "F", More: &EventMore{Titles: map[string]string{"it": "F-it", "pt": "F-pt", "de": "F-de"}, Description: "D", Descriptions: map[string]string{"pt": "D-pt"}}},
		},
	}
	ds.Places = []Place{{Name: "Odessa", Names: map[string]string{"pt": "Odessa"}}}
	ds.Tour = []TourStop{{Event: "e"}, {Event: "f", Text: map[string]string{"en": "Story.", "it": "Storia."}}}
	// 2 lane titles + 2 event titles + 1 place + 1 description + 1 place of the table + 1
	// tour text (a stop without text has nothing to translate).
	missing, total := ds.Untranslated("it", "pt")
	want := map[string]int{"it": 3, "pt": 4, "de": 7}
	if total != 8 || !reflect.DeepEqual(missing, want) {
		t.Errorf("Untranslated = %v of %d, want %v of 8", missing, total, want)
	}
	if missing, total := (&Dataset{}).Untranslated(); len(missing) != 0 || total != 0 {
		t.Errorf("empty dataset: %v of %d", missing, total)
	}
}
