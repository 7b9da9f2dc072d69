package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tour stop's own text counts in validate's untranslated strings: the stop below has
// English and Italian but no Portuguese (the card shows the English text there), so
// Portuguese has one more untranslated string than Italian, and a stop without text adds
// nothing to translate.
func TestValidateCountsTourStopTexts(t *testing.T) {
	const doc = `{
  "format": "timeline/1",
  "title": "Tour",
  "lanes": [{"id": "life", "title": "Life", "titles": {"it": "Vita", "pt": "Vida"}}],
  "sources": [{"id": "s", "title": "S", "lang": "en", "text": "He was born. He left."}],
  "events": [
    {"id": "birth", "lane": "life", "title": "Born", "titles": {"it": "Nasce", "pt": "Nasce"},
     "start": "1879", "excerpts": [{"source": "s", "quote": "He was born."}]},
    {"id": "left", "lane": "life", "title": "Left", "titles": {"it": "Parte", "pt": "Parte"},
     "start": "1898", "excerpts": [{"source": "s", "quote": "He left."}]}
  ],
  "tour": [
    {"event": "birth", "text": {"en": "The story begins.", "it": "La storia comincia."}},
    "left"
  ]
}`
	for _, tc := range []struct {
		name, doc, want string
	}{
		// 1 lane title + 2 event titles + 1 stop text.
		{"stop text without pt", doc, "untranslated (shown in English): it 0 of 4, pt 1 of 4"},
		{"stop text in every language", strings.Replace(doc, `"it": "La storia comincia."`, `"it": "La storia comincia.", "pt": "A história começa."`, 1),
			"untranslated (shown in English): it 0 of 4, pt 0 of 4"},
		{"stop texts removed", strings.Replace(doc, `{"event": "birth", "text": {"en": "The story begins.", "it": "La storia comincia."}}`, `"birth"`, 1),
			"untranslated (shown in English): it 0 of 3, pt 0 of 3"},
	} {
		path := filepath.Join(t.TempDir(), "tour.json")
		if err := os.WriteFile(path, []byte(tc.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"validate", path}, &stdout, &stderr); err != nil {
			t.Fatalf("%s: validate: %v\n%s", tc.name, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), tc.want+"\n") {
			t.Errorf("%s: validate says\n%s\nwant the line %q", tc.name, stdout.String(), tc.want)
		}
	}
}
