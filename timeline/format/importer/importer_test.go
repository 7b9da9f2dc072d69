package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/gen"
)

const examples = "../../../data/examples"

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                Format
	}{
		{"ours, format first", "a.json", `{"format": "timeline/1", "events": [{"start_date": {}}]}`, Timeline},
		{"ours, lanes first", "a.json", `{"lanes": [], "format": "timeline/1"}`, Timeline},
		{"ours, string title", "a.json", `{"title": "T", "events": []}`, Timeline},
		{"ours, events without start_date", "a.json", `{"events": [{"id": "x", "start": "1917"}]}`, Timeline},
		{"ours, newer version", "a.json", `{"format": "timeline/9"}`, Timeline},
		{"TimelineJS", "a.json", `{"events": [{"start_date": {"year": 1917}}]}`, TimelineJSJSON},
		{"TimelineJS, title object first", "a.json", `{"title": {"text": {}}, "events": []}`, TimelineJSJSON},
		{"TimelineJS, empty events then eras", "a.json", `{"events": [], "eras": []}`, TimelineJSJSON},
		{"TimelineJS, skips unknown members", "x", "\xEF\xBB\xBF \n{\"x\": [{\"y\": [1, {}]}], \"title\": null, \"events\": [{\"start_date\": {}}]}", TimelineJSJSON},
		{"CSV by extension", "a.CSV", "anything", TimelineJSCSV},
		{"CSV by header", "sheet.txt", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline\r\n1917,,,,,,,,,A\r\n", TimelineJSCSV},
		{"empty file", "a", "", Timeline},
		{"invalid JSON", "a", "{\"format\" 1}", Timeline},
		{"undecided object", "a", "{}", Timeline},
		{"non-JSON .json", "a.json", "hello", Timeline},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Detect(writeFile(t, tc.file, tc.content))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Detect = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDetectErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "nope.json"), "no such file"},
		{"folder", dir, "is a folder"},
		{"unknown text", writeFile(t, "notes.txt", "Dear diary,\n"), "not a timeline"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Detect(tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if _, err := Open(tc.path); err == nil {
				t.Error("Open: no error")
			}
		})
	}
}

// TestOpenExamples opens one example of each format and checks that what the importers make
// is a valid timeline/1 dataset: its normalised export loads again with format.Parse.
func TestOpenExamples(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		format Format
		events int
	}{
		{"ours", "example.timeline.json", Timeline, 6},
		{"TimelineJS JSON", "example-timelinejs.json", TimelineJSJSON, 6},
		{"TimelineJS CSV", "example-timelinejs.csv", TimelineJSCSV, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(examples, tc.file)
			if f, err := Detect(path); err != nil || f != tc.format {
				t.Fatalf("Detect = %q, %v; want %q", f, err, tc.format)
			}
			d, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Events) != tc.events || d.Title == "" || d.Path != path {
				t.Errorf("%d events, title %q, path %q", len(d.Events), d.Title, d.Path)
			}
			var buf bytes.Buffer
			if err := format.WriteNormalized(&buf, d); err != nil {
				t.Fatal(err)
			}
			again, err := format.Parse("export.json", buf.Bytes(), nil)
			if err != nil {
				t.Fatalf("the export does not load:\n%v\n%s", err, buf.Bytes())
			}
			for i, e := range again.Events {
				o := d.Events[i]
				if e.ID != o.ID || e.Lane != o.Lane || e.Start() != o.Start() || e.End() != o.End() || e.Title != o.Title ||
					e.StartDate != o.StartDate || e.LaneIndex != o.LaneIndex {
					t.Errorf("events[%d] reloads as %+v, was %+v", i, e, o)
				}
			}
		})
	}
}

// TestOpenErrors checks that every format's problems come back as a *format.ErrorList.
func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"ours", "a.json", `{"format": "timeline/1", "title": "T", "lanes": [], "sources": [], "events": [{"id": "x"}]}`, "a.json:1:"},
		{"TimelineJS JSON", "b.json", "{\"events\": [\n{\"start_date\": {\"year\": \"x\"}}]}", `b.json:2:25: events[0].start_date.year: "x" is not a whole number`},
		{"TimelineJS CSV", "c.csv", "Year,Headline\n1917,A\n1918,B,extra\n,C\n", "c.csv:4:1: Year: missing (a start date with at least a year is required)"},
		{"CSV without a Year column", "d.csv", "Headline\nA\n", `d.csv:1:1: no "Year" column`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, tc.file, tc.content)
			d, err := Open(path)
			if d != nil {
				t.Error("a dataset came back with the error")
			}
			var list *format.ErrorList
			if !errors.As(err, &list) || len(list.Errors) == 0 {
				t.Fatalf("error %v (%T), want a *format.ErrorList", err, err)
			}
			if msg := list.Errors[0].Error(); !strings.Contains(msg, filepath.Dir(path)) || !strings.Contains(msg, tc.want) {
				t.Errorf("first problem %q, want one containing %q", msg, tc.want)
			}
		})
	}
}

// TestOpenGenerated checks that gen's benchmark workload is a valid dataset for the loader and
// keeps BENCH's items: ids, lanes, labels, start days and (inclusive) end days.
func TestOpenGenerated(t *testing.T) {
	const n = 2000
	path := filepath.Join(t.TempDir(), "bench.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.Write(f, n, gen.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if fm, err := Detect(path); err != nil || fm != Timeline {
		t.Fatalf("Detect = %q, %v", fm, err)
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != n || len(d.Lanes) != gen.Lanes {
		t.Fatalf("%d events in %d lanes", len(d.Events), len(d.Lanes))
	}
	i := 0
	gen.Items(n, gen.DefaultSeed, func(it gen.Item) {
		e := &d.Events[i]
		i++
		first, last := e.Span()
		wantLast := gen.EpochDay + it.StartDay + max(it.DurDays, 1) - 1
		if e.LaneIndex != it.Lane || e.Title != it.Label() || e.IsPoint() == it.Range ||
			int(first) != gen.EpochDay+it.StartDay || int(last) != wantLast {
			t.Fatalf("events[%d] = %+v (span %d..%d), want item %+v", i-1, e, first, last, it)
		}
	})
}

// FuzzSniffJSON checks that recognising a JSON document never panics and always decides.
func FuzzSniffJSON(f *testing.F) {
	f.Add([]byte(`{"format": "timeline/1"}`))
	f.Add([]byte(`{"x": [1, {"y": null}], "events": [{"start_date": {"year": 1}}]}`))
	f.Add([]byte(`{"title": {"text": {}}, "events": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		switch got := sniffJSON(bytes.NewReader(data)); got {
		case Timeline, TimelineJSJSON:
		default:
			t.Fatalf("sniffJSON = %q", got)
		}
	})
}

// BenchmarkOpenGenerated100k opens BENCH's 100,000-item workload as written by gen: detection
// plus format.Load.
func BenchmarkOpenGenerated100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.json")
	var buf bytes.Buffer
	if err := gen.Write(&buf, 100000, gen.DefaultSeed); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := Open(path); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDetectFirstEventWithoutStart: a TimelineJS file whose first event lacks its start
// date is still TimelineJS, so that its loader names that problem (issue 13.13).
func TestDetectFirstEventWithoutStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.json")
	os.WriteFile(path, []byte(`{"events": [{"text": {"headline": "No date"}}, {"start_date": {"year": "1917"}, "text": {"headline": "A"}}]}`), 0o644)
	if f, err := Detect(path); err != nil || f != TimelineJSJSON {
		t.Errorf("Detect = %v, %v", f, err)
	}
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "start_date") {
		t.Errorf("Open: %v", err)
	}
}
