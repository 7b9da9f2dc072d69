package render

import (
	"strings"
	"testing"

	"trotskytimeline/timeline/format"
)

// TestBidiControlsStripped: an unbalanced right-to-left override in a dataset's texts does
// not reach a figure, where SVG and PDF viewers would reverse the rest of the label while
// the PNG shows it as written (issue 13.13).
func TestBidiControlsStripped(t *testing.T) {
	ds, err := format.Parse("bidi.json", []byte(`{"format": "timeline/1", "title": "Title \u202e reversed",
"lanes": [{"id": "a", "title": "Lane \u2067 isolate"}],
"events": [{"id": "e", "lane": "a", "title": "Event \u202b embedded \u202c ok \u202d", "start": "1917"}]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := string(render(t, ds, Options{Format: SVG}))
	if strings.ContainsAny(got, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		t.Error("a bidi control reached the SVG")
	}
	texts := strings.Join(wellFormed(t, []byte(got)), "\n")
	for _, want := range []string{"reversed", "Lane", "isolate"} {
		if !strings.Contains(texts, want) {
			t.Errorf("no text holds %q:\n%s", want, texts)
		}
	}
}
