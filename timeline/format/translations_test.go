package format

import (
	"bytes"
	"os"
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

// TestFormatDocExample loads the complete example of docs/FORMAT.md, the format's
// reference, so that the example a person starts from stays valid.
func TestFormatDocExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "## A complete example")
	if !ok {
		t.Fatal(`docs/FORMAT.md has no "## A complete example"`)
	}
	_, rest, ok = strings.Cut(rest, "```json\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("docs/FORMAT.md: the complete example has no json block")
	}
	ds, err := Parse("FORMAT.md example", []byte(example), nil)
	if err != nil {
		t.Fatalf("the example of docs/FORMAT.md does not load:\n%v", err)
	}
	if missing, _ := ds.Untranslated("it", "pt"); missing["it"] != 0 || missing["pt"] != 0 {
		t.Errorf("the example is not translated whole: %v", missing)
	}
}
