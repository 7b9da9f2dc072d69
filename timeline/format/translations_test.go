package format

import (
	"bytes"
	"strings"
	"testing"
)

// TestTranslationsLoad reads the translations of testdata/valid.json (a lane's titles, an
// event's placeNames and descriptions), their fallbacks, and writes them back.
func TestTranslationsLoad(t *testing.T) {
	ds := loadValid(t)
	ev := func(id string) int {
		for i := range ds.Events {
			if ds.Events[i].ID == id {
				return i
			}
		}
		t.Fatalf("no event %q", id)
		return -1
	}
	birth, alma := &ds.Events[ev("birth")], &ds.Events[ev("alma-ata")]
	tests := []struct{ got, want string }{
		{ds.Lanes[1].TitleIn("it"), "Esilio"},
		{ds.Lanes[1].TitleIn("pt-BR"), "Exílio"},
		{ds.Lanes[0].TitleIn("it"), "Life"}, // no translation: English
		{birth.PlaceIn("it"), "Janovka"},
		{birth.PlaceIn("pt"), "Yanovka"},
		{alma.DescriptionIn("it"), "Deportato in Kazakistan."},
		{alma.DescriptionIn("pt-BR"), "Deportado para o Cazaquistão."},
		{alma.DescriptionIn("pt"), "Deported to Kazakhstan."}, // pt-BR does not stand for pt
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q, want %q", i, tc.got, tc.want)
		}
	}
	var buf bytes.Buffer
	if err := WriteNormalized(&buf, ds); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"titles": {`, `"placeNames": {`, `"descriptions": {`, `"pt-BR": "Deportado para o Cazaquistão."`} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("the normalised export lacks %s", s)
		}
	}
	back, err := Parse("back.json", buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Lanes[1].Titles["pt"]; got != "Exílio" {
		t.Errorf("after a round trip, the exile lane's pt title is %q", got)
	}
}
