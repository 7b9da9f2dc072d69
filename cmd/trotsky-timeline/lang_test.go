package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// TestExportLangNoEnglish exports the built-in timeline as SVG in Italian and Portuguese and
// checks that no English is left in the figure but the source titles and publishers (which
// are names of what the sources are, and stay as published): no English lane title, legend,
// axis word, event label, footer word, map label or map credit (the map's place names and
// gazetteer titles are translated; their licences and the basemap's name are names). The
// English words are those of the English figure
// of the same range, less the words the translated dataset itself uses (names such as
// "Lenin" or "Iskra" are the same in every language) and the dataset's title.
func TestExportLangNoEnglish(t *testing.T) {
	if testing.Short() {
		t.Skip("renders sixteen figures")
	}
	ds, err := load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	// Source titles and publishers, whole, the name of the map's basemap and the licences
	// of the gazetteers ("CC BY 4.0").
	allowed := []string{"Natural Earth"}
	for _, s := range ds.Sources {
		allowed = append(allowed, s.Title, s.Publisher)
	}
	for _, g := range ds.Gazetteers {
		allowed = append(allowed, g.License)
	}
	sort.Slice(allowed, func(i, j int) bool { return len(allowed[i]) > len(allowed[j]) })
	ranges := [][]string{
		nil,                                      // the whole timeline: year ticks
		{"--from", "1917", "--to", "1917"},       // month ticks
		{"--from", "1928-01", "--to", "1928-02"}, // day ticks
		{"--view", "both", "--from", "1917", "--to", "1940"}, // the map: place names, legend, credits
	}
	for _, lang := range []string{"it", "pt"} {
		// The words the translations use (not their English fallbacks), and the title.
		shared := words(ds.Title)
		for i := range ds.Lanes {
			addWords(shared, ds.Lanes[i].Titles[lang])
			if ds.Lanes[i].Titles[lang] == "" {
				t.Errorf("%s: lane %q has no %s title", lang, ds.Lanes[i].ID, lang)
			}
		}
		for i := range ds.Events {
			addWords(shared, ds.Events[i].Titles()[lang])
		}
		for i := range ds.Places {
			addWords(shared, ds.Places[i].Names[lang])
		}
		for i := range ds.Gazetteers {
			addWords(shared, ds.Gazetteers[i].Titles[lang])
		}
		for _, r := range ranges {
			name := lang + " " + strings.Join(r, " ")
			en := figureText(t, append([]string{"--lang", "en"}, r...), allowed)
			tr := figureText(t, append([]string{"--lang", lang}, r...), allowed)
			english := words(en)
			for w := range shared {
				delete(english, w)
			}
			var left []string
			for w := range words(tr) {
				if english[w] {
					left = append(left, w)
				}
			}
			sort.Strings(left)
			if len(left) > 0 {
				t.Errorf("%s: English words in the figure: %q\nfigure text:\n%s", name, left, tr)
			}
		}
	}
}

// figureText runs export --format svg with args and returns the text of its <text>
// elements, one per line, with every allowed string (source titles and publishers) cut
// out; a footer line that wraps inside a title is joined to the next before cutting.
func figureText(t *testing.T, args []string, allowed []string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"export", "--format", "svg"}, args...)
	if err := Run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%q: %v\n%s", args, err, stderr.String())
	}
	var texts []string
	dec := xml.NewDecoder(&stdout)
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%q: the SVG does not parse: %v", args, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				depth++
				texts = append(texts, "")
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				depth--
			}
		case xml.CharData:
			if depth > 0 {
				texts[len(texts)-1] += string(tok)
			}
		}
	}
	if len(texts) == 0 {
		t.Fatalf("%q: no text in the figure", args)
	}
	all := strings.Join(texts, " ")
	for _, a := range allowed {
		if a != "" {
			all = strings.ReplaceAll(all, a, " ")
		}
	}
	return all
}

// words returns the set of words (runs of two or more letters) of s.
func words(s string) map[string]bool {
	m := map[string]bool{}
	addWords(m, s)
	return m
}

func addWords(m map[string]bool, s string) {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 2 {
			m[w] = true
		}
	}
}
