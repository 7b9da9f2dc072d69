package format

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"trotskytimeline/timeline/gen"
	"trotskytimeline/timeline/internal/golden"
)

// A hostile file is a file built to make a loader slow, greedy or wrong: each class of
// issue 13. Each is a head, a unit repeated to the size wanted, and a tail; the corpus in
// testdata/hostile holds a 4 KB instance of each (golden files, so that a change to a
// class shows), and the tests load each at 10 MB, made here rather than committed.
type hostile struct {
	name, head, unit, tail string
	fsys                   fs.FS // source files it names
}

const hostHead = `{"format": "timeline/1", "title": "H", "lanes": [{"id": "a", "title": "A"}], `

var repetitive = strings.Repeat("the cat sat ", (10<<20)/12)

var hostiles = []hostile{
	// Minified: every problem on one line (issue 13.1: columns counted from the line's start).
	{name: "minified-empty-events", head: hostHead + `"events": [{}`, unit: `,{}`, tail: `]}`},
	// One problem per line, for comparison, and the problems' cap (13.3: 4 MB used 2.3 GB).
	{name: "empty-events-lines", head: hostHead + `"events": [{}`, unit: ",\n{}", tail: "\n]}"},
	// Unknown fields with long names, all on one line.
	{name: "unknown-fields", head: hostHead + `"events": [{"id": "e", "lane": "a", "title": "T", "start": "1917"`, unit: `, "` + strings.Repeat("x", 200) + `": 1`, tail: `}]}`},
	// Invalid UTF-8 in every string.
	{name: "invalid-utf8", head: hostHead + `"tour": ["` + "\xff" + `"`, unit: `, "` + "\xfe\xff" + `"`, tail: `]}`},
	// Bad dates, a million digits long at 10 MB (13.13: echoed in full).
	{name: "huge-year", head: hostHead + `"events": [{"id": "e", "lane": "a", "title": "T", "start": "1`, unit: "9", tail: `"}]}`},
	// A number of 10 MB in an unknown field, and one deeply nested value.
	{name: "huge-number", head: hostHead + `"x": 1`, unit: "1", tail: `}`},
	{name: "deep-arrays", head: hostHead + `"x": `, unit: "[", tail: ``},
	// Escapes in every character of a string.
	{name: "escapes", head: hostHead + `"events": [{"id": "e", "lane": "a", "title": "`, unit: `\u0041`, tail: `", "start": "1917"}]}`},
	// Bytes after the document (13.11: ignored, so the file validated).
	{name: "trailing-garbage", head: hostHead + `"events": []}` + "\x00", unit: "garbage ", tail: ``},
	// A repetitive source text and quotes it does not hold (13.5: 48 s).
	{name: "repetitive-quotes", head: hostHead + `"sources": [{"id": "s", "title": "S", "lang": "en", "text": "` + repetitive[:1<<20] + `"}], "events": [{"id": "e", "lane": "a", "title": "T", "start": "1917", "excerpts": [{"source": "s", "quote": "x"}`,
		unit: `, {"source": "s", "quote": "` + repetitive[:300] + `X"}`, tail: `]}]}`},
	// Sources that all name one file (13.4: read once per source).
	{name: "one-file-many-sources", head: hostHead + `"sources": [{"id": "s", "title": "S", "lang": "en", "file": "big.txt"}`,
		unit: `, {"id": "s", "title": "S", "lang": "en", "file": "big.txt"}`, tail: `]}`,
		fsys: fstest.MapFS{"big.txt": {Data: []byte(repetitive)}}},
	// Duplicate ids, each a late problem located by path.
	{name: "duplicate-ids", head: hostHead + `"events": [{"id": "e", "lane": "a", "title": "T", "start": "1917"}`,
		unit: `,{"id": "e", "lane": "a", "title": "T", "start": "1917"}`, tail: `]}`},
}

// make returns the hostile file at about size bytes.
func (h hostile) make(size int) []byte {
	var b bytes.Buffer
	b.WriteString(h.head)
	for b.Len()+len(h.tail) < size {
		b.WriteString(h.unit)
	}
	b.WriteString(h.tail)
	return b.Bytes()
}

// TestHostileCorpus checks the 4 KB instances in testdata/hostile (regenerate with -update)
// and that each is refused with positions, or loads.
func TestHostileCorpus(t *testing.T) {
	for _, h := range hostiles {
		t.Run(h.name, func(t *testing.T) {
			data := h.make(4 << 10)
			golden.Check(t, filepath.Join("testdata", "hostile", h.name+".json"), data)
			ds, err := Parse(h.name+".json", data, h.fsys)
			var list *ErrorList
			switch {
			case err == nil && ds != nil:
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

// loadTimed parses data and returns the time and the bytes allocated.
func loadTimed(t testing.TB, name string, data []byte, fsys fs.FS) (time.Duration, uint64, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Parse(name, data, fsys)
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	return d, after.TotalAlloc - before.TotalAlloc, err
}

// TestHostileBig loads each class at 10 MB. Targets (README, "Opening files you were sent"):
// refused or loaded within a small factor of the time a valid file of the same size takes
// (well under 2 s here on a quiet machine), allocating under 20x the file's size plus a
// fixed 64 MB. The bound asserted on time is 15 s, generous for a 2-core machine shared
// with other builds; BenchmarkHostile measures the times themselves.
func TestHostileBig(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB files")
	}
	const size = 10 << 20
	for _, h := range hostiles {
		t.Run(h.name, func(t *testing.T) {
			data := h.make(size)
			d, alloc, err := loadTimed(t, h.name+".json", data, h.fsys)
			var list *ErrorList
			if err != nil && !errors.As(err, &list) {
				t.Fatalf("error %v", err)
			}
			if list != nil {
				if len(list.Errors) > MaxProblems || len(list.Error()) > 400*(MaxProblems+1) {
					t.Errorf("%d problems listed, %d bytes of messages", len(list.Errors), len(list.Error()))
				}
			}
			t.Logf("%d bytes: %v, %d MB allocated, %v", len(data), d, alloc>>20, err != nil)
			if d > 15*time.Second {
				t.Errorf("took %v", d)
			}
			if limit := uint64(20*len(data) + 64<<20); alloc > limit {
				t.Errorf("allocated %d MB, over %d MB", alloc>>20, limit>>20)
			}
		})
	}
}

// BenchmarkHostile loads each class at 10 MB, and a valid file of the same size
// (timeline/gen's workload, 100,000 events) to compare with.
func BenchmarkHostile(b *testing.B) {
	var valid bytes.Buffer
	gen.Write(&valid, 100_000, gen.DefaultSeed)
	b.Run("valid-10MB", func(b *testing.B) {
		b.SetBytes(int64(valid.Len()))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse("valid.json", valid.Bytes(), nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, h := range hostiles {
		data := h.make(valid.Len())
		b.Run(h.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				Parse(h.name+".json", data, h.fsys)
			}
		})
	}
}

// countFS counts the opens of each file.
type countFS struct {
	fs.FS
	opens map[string]*atomic.Int32
}

func (c countFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

func (c countFS) Open(name string) (fs.File, error) {
	if n := c.opens[name]; n != nil {
		n.Add(1)
	}
	return c.FS.Open(name)
}

// TestSourceReadOnce: a file named by many sources is read once; and what one dataset
// reads in all is limited (issue 13.4).
func TestSourceReadOnce(t *testing.T) {
	fsys := countFS{fstest.MapFS{"big.txt": {Data: []byte("0123456789")}, "other.txt": {Data: []byte("abcdefghij")}},
		map[string]*atomic.Int32{"big.txt": new(atomic.Int32)}}
	doc := hostHead + `"sources": [{"id": "a", "title": "S", "lang": "en", "file": "big.txt"},
{"id": "b", "title": "S", "lang": "en", "file": "./big.txt"}, {"id": "c", "title": "S", "lang": "en", "file": "big.txt"}]}`
	ds, err := Parse("x.json", []byte(doc), fsys)
	if err != nil {
		t.Fatal(err)
	}
	if n := fsys.opens["big.txt"].Load(); n != 1 || ds.Sources[2].Text != "0123456789" {
		t.Errorf("big.txt opened %d times, text %q", n, ds.Sources[2].Text)
	}
	defer func(old int64) { maxTotalRead = old }(maxTotalRead)
	maxTotalRead = int64(len(doc)) + 15 // room for big.txt, not for other.txt too
	doc = strings.Replace(doc, `"./big.txt"`, `"other.txt"`, 1)
	_, err = Parse("x.json", []byte(doc), fsys)
	want := `x.json:2:49: sources[1].file: "other.txt" is 10 bytes, more than the 5 left of the limit of 1073741824 (1 GiB) on what one dataset reads (its file and its source files together)`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestCancel: a canceled load returns the context's error at once, whatever the stage.
func TestCancel(t *testing.T) {
	var valid bytes.Buffer
	gen.Write(&valid, 100_000, gen.DefaultSeed)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"valid", valid.Bytes()},
		{"quotes", hostiles[9].make(10 << 20)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			start := time.Now()
			ds, err := ParseContext(ctx, "x.json", tc.data, nil)
			if ds != nil || !errors.Is(err, context.Canceled) {
				t.Errorf("ParseContext = %v, %v", ds != nil, err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// Canceled while reading a file.
	path := filepath.Join(t.TempDir(), "big.json")
	os.WriteFile(path, valid.Bytes(), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	time.Sleep(2 * time.Millisecond)
	if _, err := LoadContext(ctx, path); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("LoadContext: %v", err)
	}
}

// TestWriteHostileFiles writes every class at HOSTILE_SIZE bytes (default 10 MB), and a
// valid file of that size, into the folder HOSTILE_DIR for scripts/hostile-files.sh;
// without HOSTILE_DIR it does nothing.
func TestWriteHostileFiles(t *testing.T) {
	dir := os.Getenv("HOSTILE_DIR")
	if dir == "" {
		t.Skip("HOSTILE_DIR not set")
	}
	size := 10 << 20
	if s, err := strconv.Atoi(os.Getenv("HOSTILE_SIZE")); err == nil {
		size = s
	}
	var valid bytes.Buffer
	gen.Write(&valid, size/100, gen.DefaultSeed) // about 100 bytes an event
	files := map[string][]byte{"valid.json": valid.Bytes()}
	for _, h := range hostiles {
		files[h.name+".json"] = h.make(size)
		if m, ok := h.fsys.(fstest.MapFS); ok {
			for name, f := range m {
				files[name] = f.Data
			}
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
