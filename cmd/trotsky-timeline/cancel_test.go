package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"trotskytimeline/timeline/gen"
)

// TestCancelStops: Ctrl-C (the context main cancels on SIGINT and SIGTERM) stops
// validate while it loads and export and gen at any step, within half a second, with exit
// status 130 and nothing left behind (issue 13.7, 13.8). The commands are started, then
// canceled at several moments, from the start of loading to the middle of writing, a
// figure or the JSON to stdout as well as to a file. The
// work between two looks at the context is a few milliseconds of CPU; the bound asserted
// is 2 s of wall time or a quarter of the uncanceled job's time on this machine now,
// whichever is longer, since on a loaded 2-core machine (go test runs other packages
// beside this one) a process waits seconds for a core now and then: a cancel that does not
// cut the work short still fails, as its stop then takes most of the job. Times are logged.
func TestCancelStops(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 30 MB dataset")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "big.json")
	f, _ := os.Create(in)
	if err := gen.Write(f, 300_000, gen.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	f.Close()
	outDir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", in}},
		{"export json", []string{"export", "--format", "json", "-o", filepath.Join(outDir, "out.json"), in}},
		{"export png", []string{"export", "--format", "png", "--width", "8000", "--height", "6000", "-o", filepath.Join(outDir, "out.png"), in}},
		{"export json to stdout", []string{"export", "--format", "json", in}},
		{"export svg to stdout", []string{"export", "--format", "svg", in}},
		{"gen", []string{"gen", "--events", "300000", "-o", filepath.Join(outDir, "gen.json")}},
	} {
		// whole is how long the command takes uncanceled on this machine now; a stop that
		// waits for the work to finish takes about that long after an early cancel.
		start := time.Now()
		var sink bytes.Buffer
		if err := Run(context.Background(), tc.args, &sink, &sink); err != nil {
			t.Fatalf("%s uncanceled: %v\n%s", tc.name, err, sink.String())
		}
		whole := time.Since(start)
		os.RemoveAll(outDir)
		os.MkdirAll(outDir, 0o755)
		bound := max(2*time.Second, whole/4)
		// From the start of loading, through validation, layout and painting, to the write.
		for _, after := range []time.Duration{5 * time.Millisecond, 200 * time.Millisecond, 600 * time.Millisecond, whole * 4 / 10, whole * 7 / 10, whole * 9 / 10} {
			t.Run(tc.name+"/"+after.String(), func(t *testing.T) {
				defer func() { os.RemoveAll(outDir); os.MkdirAll(outDir, 0o755) }() // a job that finished
				ctx, cancel := context.WithCancel(context.Background())
				sent := make(chan time.Time, 1)
				timer := time.AfterFunc(after, func() { sent <- time.Now(); cancel() })
				var stdout, stderr bytes.Buffer
				err := Run(ctx, tc.args, &stdout, &stderr)
				end := time.Now()
				if err == nil {
					timer.Stop()
					t.Skipf("finished before the cancel at %v", after) // a fast machine
				}
				if code := ExitCode(err); code != 130 {
					t.Fatalf("exit %d: %v\n%s", code, err, stderr.String())
				}
				stopped := <-sent
				t.Logf("stopped %v after the cancel (the whole job: %v)", end.Sub(stopped), whole)
				if d := end.Sub(stopped); d > bound && d > whole-after-whole/4 {
					t.Errorf("stopped %v after the cancel; uncanceled, the job took %v", d, whole)
				}
				if ents, _ := os.ReadDir(outDir); len(ents) != 0 {
					t.Errorf("left behind: %v", ents)
				}
			})
		}
	}
}

// TestGenLimit: gen refuses a workload the program could not load (over 1 GiB), before
// writing anything (issue 13.13).
func TestGenLimit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "huge.json")
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), []string{"gen", "--events", "20000000", "-o", out}, &stdout, &stderr)
	if ExitCode(err) != 2 || !bytes.Contains(stderr.Bytes(), []byte("1 GiB")) {
		t.Errorf("exit %d, stderr %s", ExitCode(err), stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}

// TestUntilDone: a step is not waited for once ctx is done, its error and panic come back
// otherwise.
func TestUntilDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	block := make(chan struct{})
	defer close(block)
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	start := time.Now()
	if err := untilDone(ctx, func() error { <-block; return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned %v after the cancel", d)
	}
	boom := errors.New("boom")
	if err := untilDone(context.Background(), func() error { return boom }); err != boom {
		t.Errorf("error: %v", err)
	}
	defer func() {
		if p := recover(); p != "bug" {
			t.Errorf("panic: %v", p)
		}
	}()
	untilDone(context.Background(), func() error { panic("bug") })
}
