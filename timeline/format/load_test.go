package format

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/gen"
	"trotskytimeline/timeline/internal/golden"
)

// TestBadFiles loads each file of testdata/bad and compares every message with the
// golden file beside it (NAME.err, regenerated with -update and reviewed by eye).
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			ds, err := Load(file)
			if ds != nil {
				t.Errorf("Load returned a dataset with the error %v", err)
			}
			var list *ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load error %v (%T), want *ErrorList", err, err)
			}
			golden.Check(t, strings.TrimSuffix(file, ".json")+".err", []byte(err.Error()+"\n"))
		})
	}
}

// TestMessages pins a few messages exactly, independently of the golden files.
func TestMessages(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"quote not found", `{"format": "timeline/1", "title": "T",
"lanes": [{"id": "a", "title": "A"}],
"sources": [{"id": "jvl", "title": "J", "lang": "en", "text": "abc"}],
"events": [{"id": "e", "lane": "a", "title": "E", "start": "1917",
  "excerpts": [{"source": "jvl", "quote": "abd"}]}]}`,
			[]string{`x.json:5:43: events[0].excerpts[0].quote: not found in source "jvl"`}},
		{"column counts characters", "{\"format\": \"timeline/1\", \"title\": \"Ünïcödé\", \"lanes\": 3}",
			[]string{`x.json:1:55: lanes: expected an array, found a number`}},
		{"every problem", `{"format": "timeline/2x", "title": "", "x": 1}`,
			[]string{
				`x.json:1:12: format: unknown format "timeline/2x"; this program reads timeline/1`,
				`x.json:1:36: title: must not be empty`,
				`x.json:1:40: unknown field "x"`,
			}},
		{"newer format alone", `{"format": "timeline/3.1", "title": "T", "x": {}}`,
			[]string{`x.json:1:12: format: "timeline/3.1" is a newer format; this program reads timeline/1`}},
		{"bad date", `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}],
"events": [{"id": "e", "lane": "a", "title": "E", "start": "1928-13"}]}`,
			[]string{`x.json:2:60: events[0].start: "1928-13": month 13 out of range`}},
		{"unknown calendar", `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}],
"events": [{"id": "e", "lane": "a", "title": "E", "start": "1917", "calendar": "roman"}]}`,
			[]string{`x.json:2:80: events[0].calendar: "roman" is not a calendar: want "julian", "julian?" (the source does not say which) or "gregorian"`}},
		{"unknown whereabouts", `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}],
"events": [{"id": "e", "lane": "a", "title": "E", "start": "1917", "whereabouts": "visit"}]}`,
			[]string{`x.json:2:83: events[0].whereabouts: "visit" is not a kind of whereabouts: want "stay", "journey" or "none"`}},
		{"excerpt end before its date", `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}],
"sources": [{"id": "s", "title": "S", "lang": "en", "text": "abcdefghijklmnop"}],
"events": [{"id": "e", "lane": "a", "title": "E", "start": "1917",
  "excerpts": [{"source": "s", "quote": "abcdefghijklmnop", "date": "1917", "end": "1916"}]}]}`,
			[]string{`x.json:4:84: events[0].excerpts[0].end: end "1916" is before date "1917"`}},
		{"empty file", ``, []string{`x.json:1:1: expected a JSON object at the top of the file, found the end of the file`}},
		{"file without a folder", `{"format": "timeline/1", "title": "T", "sources": [{"id": "s", "title": "S", "lang": "en", "file": "s.txt"}]}`,
			[]string{`x.json:1:100: sources[0].file: cannot read "s.txt": the dataset was not loaded from a folder`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := Parse("x.json", []byte(tt.doc), nil)
			if ds != nil || err == nil {
				t.Fatalf("Parse = %v, %v; want an error", ds, err)
			}
			got := strings.Split(err.Error(), "\n")
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func loadValid(t testing.TB) *timeline.Dataset {
	t.Helper()
	ds, err := Load("testdata/valid.json")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestLoadValid(t *testing.T) {
	ds := loadValid(t)
	if ds.Path != "testdata/valid.json" || len(ds.Lanes) != 2 || len(ds.Sources) != 2 || len(ds.Events) != 4 {
		t.Fatalf("loaded %q: %d lanes, %d sources, %d events", ds.Path, len(ds.Lanes), len(ds.Sources), len(ds.Events))
	}
	memoir, ok := ds.Source("memoir")
	if !ok || !strings.HasPrefix(memoir.Text, "My Life, chapter one") || memoir.File != "sources/memoir.txt" {
		t.Errorf("memoir source = %+v, %v", memoir, ok)
	}
	for _, e := range ds.Events {
		if ds.Lanes[e.LaneIndex].ID != e.Lane {
			t.Errorf("%s: LaneIndex %d is lane %q", e.ID, e.LaneIndex, ds.Lanes[e.LaneIndex].ID)
		}
		for _, x := range e.Excerpts() {
			s, _ := ds.Source(x.Source)
			if s.Text[x.Offset:x.Offset+len(x.Quote)] != x.Quote {
				t.Errorf("%s: Offset %d does not point at the quote", e.ID, x.Offset)
			}
		}
	}
	if len(ds.Places) != 1 || ds.Places[0].Lat != 43.25249 || ds.Places[0].Lon != 76.9115 || ds.Places[0].Gazetteer != "geonames" ||
		len(ds.Gazetteers) != 1 || !ds.Lanes[1].Whereabouts || len(ds.Events[2].PlaceIndex()) != 1 || ds.Events[2].PlaceIndex()[0] != 0 {
		t.Errorf("places %+v, gazetteers %+v, whereabouts %v, alma-ata's PlaceIndex %v", ds.Places, ds.Gazetteers, ds.Lanes[1].Whereabouts, ds.Events[2].PlaceIndex())
	}
	if ds.Events[2].Excerpts()[0].Offset != strings.Index(memoir.Text, "Trotsky was exiled") {
		t.Errorf("Offset = %d", ds.Events[2].Excerpts()[0].Offset)
	}
}

func day(s string) chrono.Day {
	d, err := chrono.Parse(s)
	if err != nil {
		panic(err)
	}
	return d.Earliest()
}

func TestEventMethods(t *testing.T) {
	ds := loadValid(t)
	tests := []struct {
		id                string
		first, last       chrono.Day
		point, contested  bool
		titleIT, titlePTB string
	}{
		{"birth", day("1879-11-07"), day("1879-11-07"), true, false, "Nasce a Janovka", "Nasce em Yanovka"},
		{"arrest", day("1898-01-01"), day("1898-12-31"), true, false, "First arrest", "First arrest"},
		// 1928-01 contains 1928-01-31: the note is only coarser, not contested.
		{"alma-ata", day("1928-01-17"), day("1929-01-31"), false, false, "Internal exile in Alma-Ata", "Internal exile in Alma-Ata"},
		// An open end runs to the dataset's last definite day: the end of January 1929 here
		// (the open event's own start, February 1929, is later, so it wins).
		{"exile-abroad", day("1929-02-01"), day("1929-02-28"), false, false, "Exile abroad", "Exile abroad"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			var e *timeline.Event
			for i := range ds.Events {
				if ds.Events[i].ID == tt.id {
					e = &ds.Events[i]
				}
			}
			first, last := e.Span()
			if first != tt.first || last != tt.last {
				t.Errorf("Span = %v..%v, want %v..%v", first, last, tt.first, tt.last)
			}
			if e.IsPoint() != tt.point {
				t.Errorf("IsPoint = %v", e.IsPoint())
			}
			if e.Contested() != tt.contested {
				t.Errorf("Contested = %v", e.Contested())
			}
			if got := e.TitleIn("it"); got != tt.titleIT {
				t.Errorf("TitleIn(it) = %q, want %q", got, tt.titleIT)
			}
			if got := e.TitleIn("pt-BR"); got != tt.titlePTB {
				t.Errorf("TitleIn(pt-BR) = %q, want %q", got, tt.titlePTB)
			}
			if got := e.TitleIn("en"); got != e.Title {
				t.Errorf("TitleIn(en) = %q", got)
			}
		})
	}
	if i, ok := ds.Lane("exile"); !ok || i != 1 {
		t.Errorf("Lane(exile) = %d, %v", i, ok)
	}
	if _, ok := ds.Lane("nope"); ok {
		t.Error("Lane(nope) found")
	}
	if _, ok := ds.Source("nope"); ok {
		t.Error("Source(nope) found")
	}
	first, last, ok := ds.Bounds()
	if !ok || first != day("1879-11-07") || last != day("1929-02-28") {
		t.Errorf("Bounds = %v, %v, %v", first, last, ok)
	}
}

// TestPerSourceEndsAndCalendar: an excerpt's end and an event's calendar are read, and a
// season parses.
func TestPerSourceEndsAndCalendar(t *testing.T) {
	doc := `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}],
"sources": [{"id": "s", "title": "S", "lang": "en", "text": "the winter of 1919-1920 and more"}],
"events": [{"id": "e", "lane": "a", "title": "E", "start": "1919-24", "end": "1920", "calendar": "julian",
  "excerpts": [{"source": "s", "quote": "the winter of 1919-1920", "date": "1919-24", "end": "1920-02"}]}]}`
	ds, err := Parse("x.json", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	e := &ds.Events[0]
	if e.Calendar() != timeline.CalendarJulian || e.Excerpts()[0].End != "1920-02" || e.Excerpts()[0].EndParsed.String() != "1920-02" {
		t.Errorf("calendar %q, excerpt end %q (%v)", e.Calendar(), e.Excerpts()[0].End, e.Excerpts()[0].EndParsed)
	}
	if e.StartDate.Season != chrono.SeasonWinter {
		t.Errorf("start %v: want the winter season", e.StartDate)
	}
}

func TestOpenEndRunsToDatasetEnd(t *testing.T) {
	doc := `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}], "events": [
{"id": "open", "lane": "a", "title": "O", "start": "1929", "end": ".."},
{"id": "late", "lane": "a", "title": "L", "start": "1940-08-21"}]}`
	ds, err := Parse("x.json", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if first, last := ds.Events[0].Span(); first != day("1929") || last != day("1940-08-21") {
		t.Errorf("Span = %v..%v", first, last)
	}
	// Built in memory (not loaded): the open end falls back to the start's last day.
	e := timeline.Event{StartDate: mustParse("1929"), EndDate: mustParse(".."), More: &timeline.EventMore{RawStart: "1929", RawEnd: ".."}}
	if _, last := e.Span(); last != day("1929-12-31") {
		t.Errorf("in-memory Span end = %v", last)
	}
}

// TestSpanEndsAtEnd: a ranged event whose end is finer than its start ("1920" to
// "1920-08") ends at its end's last day, as its bar is drawn, not at its start's; an open
// end elsewhere runs to that day too. Span once took the later of the two.
func TestSpanEndsAtEnd(t *testing.T) {
	doc := `{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}], "events": [
{"id": "open", "lane": "a", "title": "O", "start": "1917", "end": ".."},
{"id": "war", "lane": "a", "title": "W", "start": "1920", "end": "1920-08"}]}`
	ds, err := Parse("x.json", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		ev          int
		first, last chrono.Day
	}{
		{"coarse start, finer end", 1, day("1920-01-01"), day("1920-08-31")},
		{"open end", 0, day("1917-01-01"), day("1920-08-31")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if first, last := ds.Events[tt.ev].Span(); first != tt.first || last != tt.last {
				t.Errorf("Span = %v..%v, want %v..%v", first, last, tt.first, tt.last)
			}
		})
	}
}

func mustParse(s string) chrono.Date {
	d, err := chrono.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestSymlinkOut checks that a source file reached through a symbolic link out of the
// dataset's folder is refused, by Load (os.Root) and by LoadFS over os.DirFS.
func TestSymlinkOut(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	os.WriteFile(secret, []byte("a secret"), 0o644)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sources"), 0o755)
	if err := os.Symlink(secret, filepath.Join(dir, "sources", "abs.txt")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	os.Symlink(outside, filepath.Join(dir, "out"))
	os.WriteFile(filepath.Join(dir, "inside.txt"), []byte("a secret inside"), 0o644)
	os.Symlink("../inside.txt", filepath.Join(dir, "sources", "in.txt"))
	doc := `{"format": "timeline/1", "title": "T", "sources": [
{"id": "a", "title": "A", "lang": "en", "file": "sources/abs.txt"},
{"id": "b", "title": "B", "lang": "en", "file": "out/secret.txt"},
{"id": "c", "title": "C", "lang": "en", "file": "sources/in.txt"}]}`
	os.WriteFile(filepath.Join(dir, "t.json"), []byte(doc), 0o644)
	want := []string{
		`2:49: sources[0].file: "sources/abs.txt" escapes the dataset's folder (a symbolic link)`,
		`3:49: sources[1].file: "out/secret.txt" escapes the dataset's folder (a symbolic link)`,
	}
	for _, tc := range []struct {
		name string
		load func() (*timeline.Dataset, error)
	}{
		{"Load", func() (*timeline.Dataset, error) { return Load(filepath.Join(dir, "t.json")) }},
		{"LoadFS", func() (*timeline.Dataset, error) { return LoadFS(os.DirFS(dir), "t.json") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.load()
			var list *ErrorList
			if !errors.As(err, &list) || len(list.Errors) != len(want) {
				t.Fatalf("error = %v", err)
			}
			for i, e := range list.Errors {
				if got := strings.SplitN(e.Error(), ":", 2)[1]; !strings.HasSuffix(e.Error(), want[i]) {
					t.Errorf("message %q, want suffix %q", got, want[i])
				}
			}
		})
	}
}

// TestTooBig checks that a file over MaxFileSize is refused before it is read: the
// file is sparse, so reading it would take a second and a gigabyte.
func TestTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Skip("cannot make a sparse file:", err)
	}
	f.Close()
	_, err = Load(path)
	want := path + ": the file is 1073741825 bytes; the limit is 1073741824 (1 GiB)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestLoadFS(t *testing.T) {
	valid, _ := os.ReadFile("testdata/valid.json")
	memoir, _ := os.ReadFile("testdata/sources/memoir.txt")
	fsys := fstest.MapFS{
		"set/t.json":             {Data: valid},
		"set/sources/memoir.txt": {Data: memoir},
	}
	ds, err := LoadFS(fsys, "set/t.json")
	if err != nil {
		t.Fatal(err)
	}
	want := loadValid(t)
	want.Path = "set/t.json"
	if !reflect.DeepEqual(ds, want) {
		t.Error("LoadFS and Load disagree")
	}
	if _, err := LoadFS(fsys, "set/none.json"); err == nil {
		t.Error("LoadFS of a missing file: no error")
	}
}

// TestRoundTrip checks Parse(WriteNormalized(d)) == d, and that the normalised form
// is a fixed point.
func TestRoundTrip(t *testing.T) {
	ds := loadValid(t)
	var buf bytes.Buffer
	if err := WriteNormalized(&buf, ds); err != nil {
		t.Fatal(err)
	}
	first := buf.String()
	if strings.Contains(first, `"file"`) || !strings.Contains(first, "\n  \"lanes\": [\n    {\n      \"id\": \"life\",") {
		t.Errorf("not the normalised form:\n%s", first)
	}
	back, err := Parse("n.json", buf.Bytes(), nil)
	if err != nil {
		t.Fatalf("normalised output does not load: %v\n%s", err, first)
	}
	for i := range ds.Sources {
		ds.Sources[i].File = ""
	}
	ds.Path = "n.json"
	if !reflect.DeepEqual(back, ds) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", back, ds)
	}
	buf.Reset()
	WriteNormalized(&buf, back)
	if buf.String() != first {
		t.Error("normalising twice changes the output")
	}
	var empty timeline.Dataset
	buf.Reset()
	WriteNormalized(&buf, &empty)
	if want := "{\n  \"format\": \"timeline/1\",\n  \"title\": \"\",\n  \"lanes\": [],\n  \"sources\": [],\n  \"events\": []\n}\n"; buf.String() != want {
		t.Errorf("empty dataset:\n%s", buf.String())
	}
}

// FuzzParse checks that no input makes the loader panic, that a refusal always says
// where, and that whatever loads survives a round trip.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/bad/*.json")
	files = append(files, "testdata/valid.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	memoir, _ := os.ReadFile("testdata/sources/memoir.txt")
	fsys := fstest.MapFS{"sources/memoir.txt": {Data: memoir}}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := Parse("f.json", data, fsys)
		if err != nil {
			if ds != nil {
				t.Fatal("dataset and error")
			}
			var list *ErrorList
			if !errors.As(err, &list) || len(list.Errors) == 0 {
				t.Fatalf("error %v is not a non-empty *ErrorList", err)
			}
			for _, e := range list.Errors {
				if e.Line < 1 || e.Col < 1 || e.Msg == "" {
					t.Fatalf("problem without a position: %q", e.Error())
				}
			}
			return
		}
		var buf bytes.Buffer
		if err := WriteNormalized(&buf, ds); err != nil {
			t.Fatal(err)
		}
		back, err := Parse("f.json", buf.Bytes(), nil)
		if err != nil {
			t.Fatalf("normalised form does not load: %v\n%s", err, buf.Bytes())
		}
		for i := range ds.Sources {
			ds.Sources[i].File = ""
		}
		// The normalised form always has an events list; a dataset without one reads
		// back with an empty list, the same dataset.
		for _, d := range []*timeline.Dataset{ds, back} {
			if len(d.Events) == 0 {
				d.Events = nil
			}
		}
		if !reflect.DeepEqual(back, ds) {
			t.Fatalf("round trip differs:\n%s", buf.Bytes())
		}
	})
}

func TestQuoteFinder(t *testing.T) {
	text := strings.Repeat("abc def ghi ", 20000) + "unique tail"
	tests := []struct {
		name, quote string
	}{
		{"first occurrence", "def ghi abc"},
		{"at the start", "abc"},
		{"at the end", "unique tail"},
		{"missing", "abc abc"},
		{"whole text", text},
	}
	var all []string
	for _, tt := range tests {
		all = append(all, tt.quote)
	}
	m := newMatcher(append(all, "c", "bc d", "ghi abc def ghi abc", "tail", "x")) // a set sharing prefixes and suffixes
	if err := m.scan(context.Background(), text); err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Index(text, tt.quote)
			offs, err := findQuotes(context.Background(), text, []string{tt.quote})
			if err != nil || offs[0] != want {
				t.Errorf("by Index: %d, %v; want %d", offs[0], err, want)
			}
			if got := int(m.first[m.nodeOf[i]]); got != want {
				t.Errorf("by the automaton: %d, want %d", got, want)
			}
		})
	}
	for i, q := range []string{"c", "bc d", "ghi abc def ghi abc", "tail", "x"} {
		if got, want := int(m.first[m.nodeOf[len(tests)+i]]), strings.Index(text, q); got != want {
			t.Errorf("automaton: %q at %d, want %d", q, got, want)
		}
	}
}

// FuzzQuotes checks the automaton against strings.Index.
func FuzzQuotes(f *testing.F) {
	f.Add("abcabcabd", "abc", "bca", "cabd")
	f.Add("aaaaaaaab", "aa", "aab", "b")
	f.Add("the cat sat", "cat", "at", "x")
	f.Fuzz(func(t *testing.T, text, a, b, c string) {
		var quotes []string
		for _, q := range []string{a, b, c, a + b, b + c} {
			if q != "" {
				quotes = append(quotes, q)
			}
		}
		if len(quotes) == 0 {
			return
		}
		m := newMatcher(quotes)
		m.scan(context.Background(), text)
		for i, q := range quotes {
			if got, want := int(m.first[m.nodeOf[i]]), strings.Index(text, q); got != want {
				t.Fatalf("%q in %q: %d, want %d", q, text, got, want)
			}
		}
	})
}

func TestSourceFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"latin1.txt":     {Data: []byte("Trotzki \xe9tait")},
		"folder/a.txt":   {Data: []byte("a")},
		"texts/good.txt": {Data: []byte("Verbatim text.")},
	}
	tests := []struct {
		name, file, want string
	}{
		{"not UTF-8", "latin1.txt", `x.json:1:100: sources[0].file: "latin1.txt" is not UTF-8 text`},
		{"a folder", "folder", `x.json:1:100: sources[0].file: "folder" is not a regular file`},
		{"missing", "none.txt", `x.json:1:100: sources[0].file: file "none.txt" not found`},
		{"dot", ".", `x.json:1:100: sources[0].file: "." is not a file path relative to the dataset`},
		{"good", "texts/./good.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `{"format": "timeline/1", "title": "T", "sources": [{"id": "s", "title": "S", "lang": "en", "file": "` + tt.file + `"}]}`
			ds, err := Parse("x.json", []byte(doc), fsys)
			if tt.want == "" {
				if err != nil || ds.Sources[0].Text != "Verbatim text." {
					t.Fatalf("Parse: %v", err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// TestTourStops: a stop is an event id or an object with the stop's own text by language;
// the normalised form writes a stop without text back as its id.
func TestTourStops(t *testing.T) {
	ds := loadValid(t)
	if len(ds.Tour) != 2 || ds.Tour[0].Event != "birth" || ds.Tour[0].Text != nil || ds.Tour[1].Event != "alma-ata" {
		t.Fatalf("tour = %+v", ds.Tour)
	}
	st := &ds.Tour[1]
	for lang, want := range map[string]string{"it": "Stalin lo manda lontano da Mosca.", "pt": "Stalin sends him far from Moscow.", "en": "Stalin sends him far from Moscow."} {
		if got := st.TextIn(lang); got != want {
			t.Errorf("TextIn(%s) = %q, want %q", lang, got, want)
		}
	}
	if got := ds.Tour[0].TextIn("it"); got != "" {
		t.Errorf("a stop without text: TextIn = %q, want empty", got)
	}
	var buf bytes.Buffer
	if err := WriteNormalized(&buf, ds); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\"tour\": [\n    \"birth\",\n    {\n      \"event\": \"alma-ata\",") {
		t.Errorf("normalised tour:\n%s", buf.String()[strings.Index(buf.String(), "\"tour\""):])
	}
}

// TestWriteNormalizedStreams: the normalised form written event by event is, byte for
// byte, what encoding/json writes for the whole document at once (as WriteNormalized did
// before it streamed), for the built-in dataset, a synthetic one and an empty one; and a
// canceled context stops it.
func TestWriteNormalizedStreams(t *testing.T) {
	whole := func(d *timeline.Dataset) []byte {
		out := *d
		out.Format = timeline.FormatV1
		if out.Lanes == nil {
			out.Lanes = []timeline.Lane{}
		}
		if out.Events == nil {
			out.Events = []timeline.Event{}
		}
		out.Sources = make([]timeline.Source, len(d.Sources))
		for i, s := range d.Sources {
			s.File = ""
			out.Sources[i] = s
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(&out); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	builtin, err := LoadFS(data.FS, data.Name)
	if err != nil {
		t.Fatal(err)
	}
	var synth bytes.Buffer
	if err := gen.Write(&synth, 5000, gen.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	big, err := Parse("gen.json", synth.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*timeline.Dataset{builtin, big, {Title: "empty"}, {Title: "one", Events: big.Events[:1]}} {
		var got bytes.Buffer
		if err := WriteNormalized(&got, d); err != nil {
			t.Fatal(err)
		}
		if want := whole(d); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: streamed form differs from encoding/json's (%d vs %d bytes)", d.Title, got.Len(), len(want))
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteNormalizedContext(ctx, io.Discard, big); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
}

// TestDuplicateIDs: each repeated event id is reported at the repeat, naming the first
// event with it, in the events' order; the tour finds its stops' events. Small and large
// (past the sort's small-input path).
func TestDuplicateIDs(t *testing.T) {
	for _, n := range []int{7, 3000} {
		var b strings.Builder
		b.WriteString(`{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}], "events": [`)
		first := map[string]int{}
		var want []string
		for i := range n {
			id := fmt.Sprint(i)
			if i%1000 == 5 || i == 6 {
				id = fmt.Sprint(i / 3) // a repeat of an earlier id
			}
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `{"id": %q, "lane": "a", "title": "E", "start": "1917"}`, id)
			if j, ok := first[id]; ok {
				want = append(want, fmt.Sprintf("events[%d].id: duplicate event id %q (also events[%d])", i, id, j))
			} else {
				first[id] = i
			}
		}
		b.WriteString(`], "tour": ["0", "2", "nowhere", "1"]}`)
		want = append(want, `tour[2]: no event "nowhere"`)
		_, err := Parse("x.json", []byte(b.String()), nil)
		if err == nil {
			t.Fatalf("n=%d: no error, want duplicates", n)
		}
		var got []string
		for _, line := range strings.Split(err.Error(), "\n") {
			_, msg, _ := strings.Cut(line, ": ") // the position
			if strings.Contains(msg, "duplicate") || strings.HasPrefix(msg, "tour") {
				got = append(got, msg)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("n=%d:\n%s\nwant:\n%s", n, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
