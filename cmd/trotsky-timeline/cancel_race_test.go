package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"trotskytimeline/timeline/gen"
)

// TestCancelAnyMoment cancels validate and the exports at moments from the start of
// loading to the middle of writing, on a dataset small enough for the race detector
// (scripts/test.sh runs it under -race): each either finishes or stops with exit status 130,
// leaving nothing behind; canceled before it begins, it stops. TestCancelStops times the stop; this one asserts no time, so the
// detector's slowdown cannot fail it, and the detector sees the cancel cross the loaders',
// the painters' and the writers' goroutines. Two commands run at once, as two windows'
// exports would.
func TestCancelAnyMoment(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "w.json")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.Write(f, 20_000, gen.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, tc := range []struct {
		name string
		args func(out string) []string
	}{
		{"validate", func(string) []string { return []string{"validate", in} }},
		{"export json", func(out string) []string {
			return []string{"export", "--format", "json", "-o", filepath.Join(out, "out.json"), in}
		}},
		{"export png", func(out string) []string {
			return []string{"export", "--format", "png", "--width", "3000", "--height", "2000", "-o", filepath.Join(out, "out.png"), in}
		}},
		{"export svg", func(out string) []string {
			return []string{"export", "--format", "svg", "-o", filepath.Join(out, "out.svg"), in}
		}},
	} {
		for _, after := range []time.Duration{0, 10 * time.Millisecond, 80 * time.Millisecond} {
			t.Run(tc.name+"/"+after.String(), func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				var wg sync.WaitGroup
				var mu sync.Mutex
				var codes []int
				for range 2 {
					out := t.TempDir()
					wg.Add(1)
					go func() {
						defer wg.Done()
						var stdout, stderr bytes.Buffer
						err := Run(ctx, tc.args(out), &stdout, &stderr)
						code := ExitCode(err)
						mu.Lock()
						codes = append(codes, code)
						mu.Unlock()
						switch code {
						case 0:
							return // finished before the cancel
						case 130:
						default:
							t.Errorf("exit %d: %v\n%s", code, err, stderr.String())
						}
						if ents, _ := os.ReadDir(out); len(ents) != 0 {
							t.Errorf("left behind after a cancel: %v", ents)
						}
					}()
				}
				time.Sleep(after)
				cancel()
				wg.Wait()
				t.Logf("exit statuses %v", codes)
				if after == 0 && (codes[0] != 130 || codes[1] != 130) {
					t.Errorf("canceled before it began, exit %v, want 130", codes)
				}
			})
		}
	}
}
