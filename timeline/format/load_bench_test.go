package format_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/gen"
)

// BenchmarkLoad loads the benchmark workload of docs/BENCH.md (timeline/gen) written
// to a temporary file, at several sizes; MB/s is of the file (about 100 bytes an event).
//
// go test -run XXX -bench 'Load' -benchtime 3x -count 3 ./timeline/ on the 2-core machine
// (load average 5-7 from other work; best of 3, worst in brackets):
//
//	1k     0.47 ms  (0.96 ms)  212 MB/s     0.44 MB/op  23 allocs/op
//	10k    5.4 ms   (7.5 ms)   184 MB/s      4.4 MB/op  23 allocs/op
//	100k   66 ms    (206 ms)   153 MB/s       43 MB/op  23 allocs/op
//	1M     0.53 s   (1.30 s)   191 MB/s      430 MB/op  23 allocs/op
//
// A single `trotsky-timeline validate` of the 1M file: 1.1-2.0 s wall, 0.65 s user and
// 0.4 s system CPU (page faults of the 430 MB), two GC cycles.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.json")
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			w := bufio.NewWriter(f)
			if err := gen.Write(w, n, gen.DefaultSeed); err != nil {
				b.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			fi, _ := f.Stat()
			f.Close()
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				ds, err := format.Load(path)
				if err != nil {
					b.Fatal(err)
				}
				if len(ds.Events) != n {
					b.Fatalf("%d events, want %d", len(ds.Events), n)
				}
			}
		})
	}
}

// BenchmarkLoadExcerpts loads n events that each quote 60 bytes of a 1 MB source text,
// the case where checking quotes, not reading JSON, is the cost.
func BenchmarkLoadExcerpts(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "excerpts.json")
			data := excerptsDataset(n, 1<<20)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				ds, err := format.Load(path)
				if err != nil {
					b.Fatal(err)
				}
				if len(ds.Events) != n {
					b.Fatalf("%d events", len(ds.Events))
				}
			}
		})
	}
}

// excerptsDataset writes n events quoting a textLen-byte text of pseudo-random words.
func excerptsDataset(n, textLen int) []byte {
	words := []string{"revolution", "party", "Moscow", "exile", "the", "of", "and", "army", "congress", "letter", "Stalin", "Lenin"}
	x := uint32(1)
	rnd := func(k int) int { x ^= x << 13; x ^= x >> 17; x ^= x << 5; return int(x % uint32(k)) }
	var text []byte
	for len(text) < textLen {
		text = append(text, words[rnd(len(words))]...)
		text = append(text, ' ')
	}
	var b []byte
	b = fmt.Appendf(b, "{\"format\": \"timeline/1\", \"title\": \"Excerpts\",\n\"lanes\": [{\"id\": \"a\", \"title\": \"A\"}],\n"+
		"\"sources\": [{\"id\": \"s\", \"title\": \"S\", \"lang\": \"en\", \"text\": %q}],\n\"events\": [\n", text)
	for i := range n {
		at := rnd(len(text) - 60)
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = fmt.Appendf(b, `{"id": "e%d", "lane": "a", "title": "Event %d", "start": "1917-10-25", "excerpts": [{"source": "s", "quote": %q}]}`,
			i, i, text[at:at+60])
	}
	return append(b, "\n]}\n"...)
}
