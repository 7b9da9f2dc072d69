package timelinejs

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/internal/golden"
)

// A hostile import is a head, a unit repeated to the size wanted, and a tail, as the
// loader's hostile files (timeline/format/hostile_test.go): each a way a TimelineJS file
// can make an importer slow or greedy. valid-* are files of the same size to compare with.
type hostile struct {
	name, head, unit, tail string
}

const jsEvent = `{"start_date": {"year": "1917", "month": "3", "day": "8"}, "text": {"headline": "Headline of the event", "text": "<p>Some <b>text</b> &amp; a <a href=\"https://example.org\">link</a>.</p>"}, "group": "posts"}`

var jsHostiles = []hostile{
	{name: "valid.json", head: `{"title": {"text": {"headline": "T"}}, "events": [` + jsEvent, unit: ",\n" + jsEvent, tail: "\n]}"},
	// Every event lacks its start date, all on one line: problems counted from a line's start.
	{name: "minified-no-start.json", head: `{"events": [{"text": {"headline": "h"}}`, unit: `,{"text": {"headline": "h"}}`, tail: `]}`},
	// The most events JSON can hold in its size, each valid: 27 bytes an event.
	{name: "tiny-events.json", head: `{"events": [{"start_date": {"year": 1917}}`, unit: `,{"start_date":{"year":1917}}`, tail: `]}`},
	// Eras are streamed as events are: 3.5 million empty ones (the eras' tree took 250 MB).
	{name: "empty-eras.json", head: `{"events": [{"start_date": {"year": 1917}}], "eras": [{}`, unit: `,{}`, tail: `]}`},
	{name: "minified-empty-events.json", head: `{"events": [{"start_date": {"year": "1"}}`, unit: `,{}`, tail: `]}`},
	// HTML bombs in one text, as the hand-written scanner found quadratic (issue 13.2).
	{name: "html-open-tags.json", head: `{"events": [{"start_date": {"year": "1917"}, "text": {"headline": "h", "text": "`, unit: `<a`, tail: `"}}]}`},
	{name: "html-script-pairs.json", head: `{"events": [{"start_date": {"year": "1917"}, "text": {"headline": "h", "text": "`, unit: `<SCRIPT></SCRIPT>`, tail: `"}}]}`},
	{name: "html-comments.json", head: `{"events": [{"start_date": {"year": "1917"}, "text": {"headline": "h", "text": "`, unit: `<!--`, tail: `"}}]}`},
	{name: "html-nested-divs.json", head: `{"events": [{"start_date": {"year": "1917"}, "text": {"headline": "h", "text": "`, unit: `<div><b><i>`, tail: `"}}]}`},
	{name: "html-entities.json", head: `{"events": [{"start_date": {"year": "1917"}, "text": {"headline": "`, unit: `&amp;&#x41;&`, tail: `"}}]}`},
	// Many events, each with a headline of repeated markup: the plain text of every one.
	{name: "html-many-events.json", head: `{"events": [{"start_date": {"year": "1917"}, "text": {"headline": "<b>x</b>"}}`,
		unit: `,{"start_date": {"year": "1917"}, "text": {"headline": "` + strings.Repeat(`<a href="x">&amp;</a>`, 20) + `"}}`, tail: `]}`},
	// What the importer does not read is read for its syntax only: a 10 MB array in a
	// member of the timeline or of an event, or members of unknown names (230-450 MB of
	// nodes kept before).
	{name: "big-array.json", head: `{"events": [{"start_date": {"year": 1917}}], "x": [0`, unit: `,0`, tail: `]}`},
	{name: "event-array.json", head: `{"events": [{"start_date": {"year": 1917}, "x": [0`, unit: `,0`, tail: `]}]}`},
	{name: "unknown-members.json", head: `{"events": [{"start_date": {"year": 1917}}]`, unit: `,"a":0`, tail: `}`},
	{name: "deep-nesting.json", head: `{"events": [{"start_date": {"year": "1917"}, "x": `, unit: `[`, tail: ``},
	{name: "huge-year.json", head: `{"events": [{"start_date": {"year": "1`, unit: `9`, tail: `"}}]}`},
	{name: "huge-number.json", head: `{"events": [{"start_date": {"year": 1`, unit: `9`, tail: `}}]}`},
	{name: "trailing-garbage.json", head: `{"events": [{"start_date": {"year": "1917"}}]}` + "\x00", unit: "garbage ", tail: ``},
	{name: "invalid-utf8.json", head: `{"events": [{"start_date": {"year": "1917"}, "text": {"headline": "`, unit: "\xfe\xff", tail: `"}}]}`},
}

const csvHeader = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"

var csvHostiles = []hostile{
	{name: "valid.csv", head: csvHeader, unit: `1917,3,8,,1917,11,7,,,Headline of the event,"<p>Some <b>text</b> &amp; a link.</p>",,,,,,posts,` + "\n"},
	// A bad year on every row: problems capped, the rest counted (rows of 40 bytes, fewer
	// than maxEvents).
	{name: "bad-years.csv", head: csvHeader, unit: "x,,,,,,,,,the headline of a row,,,,,,,,\n"},
	// Carriage returns only: one "line" to a line-oriented reader.
	{name: "cr-only.csv", head: strings.TrimSuffix(csvHeader, "\n") + "\r", unit: "1917,3,8,,,,,,,h,t,,,,,,,\r"},
	// Rows of 7 bytes, each an event: denser than the program holds (maxEvents), refused.
	{name: "dense-rows.csv", head: "Year,Headline\n", unit: "1917,h\n"},
	// One quoted field of HTML the whole file long, and one never closed.
	{name: "html-field.csv", head: csvHeader + `1917,,,,,,,,,h,"`, unit: `<a`, tail: `",,,,,,,` + "\n"},
	{name: "unclosed-quote.csv", head: csvHeader + `1917,,,,,,,,,h,"`, unit: `text, `, tail: ``},
	{name: "huge-year.csv", head: csvHeader + `1`, unit: `9`, tail: ",,,,,,,,,h,,,,,,,,\n"},
	// A row of more columns than a header may have, each a field to encoding/csv (10 MB of
	// commas: 5.5 s and 1 GB before rows were counted first).
	{name: "wide-row.csv", head: "Year,Headline\n1917", unit: `,`, tail: "\n"},
	{name: "many-columns.csv", head: strings.TrimSuffix(csvHeader, "\n"), unit: `,x`, tail: "\n1917\n"},
}

// TestHostileCorpus checks the 4 KB instance of each class in testdata/hostile (golden
// files, so that a change to a class shows; regenerate with -update), and that each is
// refused with every problem placed, or imports.
func TestHostileCorpus(t *testing.T) {
	for _, h := range append(append([]hostile{}, jsHostiles...), csvHostiles...) {
		t.Run(h.name, func(t *testing.T) {
			data := h.make(4 << 10)
			golden.Check(t, filepath.Join("testdata", "hostile", h.name), data)
			err := parse(h.name, data)
			var list *format.ErrorList
			switch {
			case err == nil:
			case errors.As(err, &list):
				for _, e := range list.Errors {
					if e.Line < 1 || e.Col < 1 || len(e.Error()) > 400 {
						t.Errorf("problem without a position, or too long: %.400q", e.Error())
					}
				}
			default:
				t.Errorf("error %v", err)
			}
		})
	}
}

// make returns the file at about size bytes.
func (h hostile) make(size int) []byte {
	var b bytes.Buffer
	b.WriteString(h.head)
	for b.Len()+len(h.tail) < size {
		b.WriteString(h.unit)
	}
	b.WriteString(h.tail)
	return b.Bytes()
}

func parse(name string, data []byte) error {
	var err error
	if strings.HasSuffix(name, ".csv") {
		_, err = ParseCSV(name, data)
	} else {
		_, err = ParseJSON(name, data)
	}
	return err
}

// TestHostileImports imports each hostile TimelineJS file at 2 MB. Targets (README,
// "Opening files you were sent"): about the time of a valid file of the same size, and
// allocating under 20 times the file's size plus 64 MB (they allocate 0-18 times). The
// bound on time is 20 s (they take 0.03-0.15 s at load 2; a quadratic one took minutes at
// 1 MB), loose for a busy 2-core machine.
// Each class is refused with at most format.MaxProblems problems listed, or imports.
// `scripts/hostile-files.sh` times them at 10 MB in the real program.
func TestHostileImports(t *testing.T) {
	const size = 2 << 20
	for _, h := range append(append([]hostile{}, jsHostiles...), csvHostiles...) {
		t.Run(h.name, func(t *testing.T) {
			data := h.make(size)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			err := parse(h.name, data)
			d := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			var list *format.ErrorList
			if err != nil && !errors.As(err, &list) {
				t.Fatalf("error %v", err)
			}
			if strings.HasPrefix(h.name, "valid") && err != nil {
				t.Fatalf("valid file refused: %.300v", err)
			}
			if list != nil && (len(list.Errors) > format.MaxProblems || len(list.Error()) > 400*(format.MaxProblems+1)) {
				t.Errorf("%d problems listed, %d bytes of messages", len(list.Errors), len(list.Error()))
			}
			t.Logf("%d bytes: %v, %d MB allocated, refused %v", len(data), d, alloc>>20, err != nil)
			if d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			if limit := uint64(20*len(data) + 64<<20); alloc > limit {
				t.Errorf("allocated %d MB, over %d MB", alloc>>20, limit>>20)
			}
		})
	}
}

// TestWriteHostileFiles writes every class at HOSTILE_SIZE bytes (default 10 MB) into the
// folder HOSTILE_DIR, for scripts/hostile-files.sh; without HOSTILE_DIR it does nothing.
func TestWriteHostileFiles(t *testing.T) {
	dir := os.Getenv("HOSTILE_DIR")
	if dir == "" {
		t.Skip("HOSTILE_DIR not set")
	}
	size := 10 << 20
	if s, err := strconv.Atoi(os.Getenv("HOSTILE_SIZE")); err == nil {
		size = s
	}
	for _, h := range append(append([]hostile{}, jsHostiles...), csvHostiles...) {
		if err := os.WriteFile(filepath.Join(dir, "tjs-"+h.name), h.make(size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHeaderColumnsCapped: a header of more than maxColumns columns is refused before it
// is read, with its count; one of maxColumns is read as usual.
func TestHeaderColumnsCapped(t *testing.T) {
	head := "\n\nYear,Headline" + strings.Repeat(",x", maxColumns-1) + "\n1917,A\n"
	_, err := ParseCSV("f.csv", []byte(head))
	if err == nil || !strings.Contains(err.Error(), "f.csv:3:") || !strings.Contains(err.Error(), "1001 columns") {
		t.Errorf("1001 columns: %.300v", err)
	}
	ok := "Year,Headline" + strings.Repeat(",x", maxColumns-2) + "\n1917,A\n"
	if _, err := ParseCSV("f.csv", []byte(ok)); err != nil && strings.Contains(err.Error(), "columns;") {
		t.Errorf("1000 columns: %.300v", err)
	}
}

// TestEventsStreamed: events made slides as they are read behave as when the whole tree was
// kept: the last "events" key counts, invalid JSON is the one problem said, and a flood of
// empty events is refused with every problem counted.
func TestEventsStreamed(t *testing.T) {
	d, err := ParseJSON("f.json", []byte(`{"events": [{"start_date": {"year": 1}}, {"start_date": {"year": 2}}], "events": [{"start_date": {"year": 3}, "text": {"headline": "last"}}]}`))
	if err != nil || len(d.Events) != 1 || d.Events[0].Title != "last" {
		t.Errorf("repeated events key: %+v, %v", d, err)
	}
	_, err = ParseJSON("f.json", []byte(`{"events": [{}, {}, {"start_date": {"year": 1}}] x`))
	var list *format.ErrorList
	if !errors.As(err, &list) || len(list.Errors) != 1 || !strings.Contains(list.Errors[0].Msg, "invalid JSON") {
		t.Errorf("invalid JSON after events: %v", err)
	}
	_, err = ParseJSON("f.json", []byte(`{"events": [{}`+strings.Repeat(`,{}`, 999)+`]}`))
	if !errors.As(err, &list) || len(list.Errors)+list.More != 1000 || list.AtLeast {
		t.Errorf("1000 empty events: %v", err)
	}
	// Eras before events: the dataset has the events first, then the eras, and the last
	// "eras" key counts as the last "events" does.
	d, err = ParseJSON("f.json", []byte(`{"eras": [{"start_date": {"year": 1}, "end_date": {"year": 2}}], "eras": [{"start_date": {"year": 3}, "end_date": {"year": 4}, "text": {"headline": "E"}}], "events": [{"start_date": {"year": 5}, "text": {"headline": "A"}}, {"start_date": {"year": 6}, "text": {"headline": "B"}}]}`))
	if err != nil || len(d.Events) != 3 || d.Events[0].Title != "A" || d.Events[1].Title != "B" || d.Events[2].Title != "E" || d.Events[2].ID != "era-1" || d.Events[2].Lane != ErasLane || d.Lanes[0].ID != ErasLane {
		t.Errorf("eras before events: %v", err)
		if d != nil {
			for _, e := range d.Events {
				t.Logf("%s %s %s", e.ID, e.Title, e.Lane)
			}
		}
	}
	// Past maxEvents, every event is still counted: 150,000 empty events in 450 KB are
	// 150,000 problems and one for the limit (the window says how many).
	_, err = ParseJSON("f.json", []byte(`{"events": [{}`+strings.Repeat(`,{}`, 149_999)+`]}`))
	if !errors.As(err, &list) || len(list.Errors)+list.More != 150_001 || list.AtLeast {
		t.Errorf("150,000 empty events: %d+%d problems, at least %v", len(list.Errors), list.More, list.AtLeast)
	}
}

// TestManyGroups: groups past maxGroups are refused at the first row of one too many, in
// both formats; maxGroups are read.
func TestManyGroups(t *testing.T) {
	rows := func(n int) string {
		var b strings.Builder
		b.WriteString("Year,Headline,Group\n")
		for i := range n {
			fmt.Fprintf(&b, "1917,h,g%d\n", i)
		}
		return b.String()
	}
	if d, err := ParseCSV("f.csv", []byte(rows(maxGroups))); err != nil || len(d.Lanes) != maxGroups {
		t.Errorf("%d groups: %.300v", maxGroups, err)
	}
	_, err := ParseCSV("f.csv", []byte(rows(maxGroups+1)))
	if err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("f.csv:%d:1: Group: \"g%d\" would be group %d", maxGroups+2, maxGroups, maxGroups+1)) {
		t.Errorf("%d groups: %.300v", maxGroups+1, err)
	}
	var b strings.Builder
	b.WriteString(`{"events": [`)
	for i := range maxGroups + 1 {
		fmt.Fprintf(&b, `{"start_date": {"year": 1917}, "group": "g%d"},`, i)
	}
	_, err = ParseJSON("f.json", []byte(strings.TrimSuffix(b.String(), ",")+"]}"))
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("events[%d].group: \"g%d\" would be group", maxGroups, maxGroups)) {
		t.Errorf("JSON, %d groups: %.300v", maxGroups+1, err)
	}
}

// TestWideRow: a row of more than maxColumns fields is refused at its line before it is
// read; one of maxColumns, or with its commas quoted, is read.
func TestWideRow(t *testing.T) {
	_, err := ParseCSV("f.csv", []byte("Year,Headline\n1917,A\n1918"+strings.Repeat(",", maxColumns)+"\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "f.csv:3:1: the row has more than 1000 columns") {
		t.Errorf("wide row: %.300v", err)
	}
	for _, ok := range []string{"1918" + strings.Repeat(",", maxColumns-1), `1918,"` + strings.Repeat(",", 2*maxColumns) + `"`} {
		if d, err := ParseCSV("f.csv", []byte("Year,Headline\n"+ok+"\n")); err != nil || len(d.Events) != 1 {
			t.Errorf("%.40q: %.300v", ok, err)
		}
	}
}

// TestTooManyEvents: a spreadsheet of more rows than maxEvents is refused before its rows
// are read, at the first row past the limit; one at the limit is read. A JSON file cannot
// be as dense (27 bytes an event at least), but is held to the same limit.
func TestTooManyEvents(t *testing.T) {
	head := "Year,Headline\n"
	rows := func(n int) []byte {
		return []byte(head + strings.Repeat("1917,h\n", n))
	}
	size := func(n int) int { return len(head) + 7*n }
	n := 100_000 // the most rows a file of n rows may have
	for maxEvents(size(n+1)) >= n+1 {
		n++
	}
	d, err := ParseCSV("f.csv", rows(n))
	if err != nil || len(d.Events) != n {
		t.Fatalf("%d rows (limit %d): %.300v", n, maxEvents(len(rows(n))), err)
	}
	_, err = ParseCSV("f.csv", rows(n+1))
	want := fmt.Sprintf("f.csv:%d:1: more than %d events and eras", n+2, maxEvents(len(rows(n+1))))
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("%d rows: %.300v, want %s", n+1, err, want)
	}
}
