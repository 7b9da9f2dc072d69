package bench

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/gen"
	"trotskytimeline/timeline/layout"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/scene"
)

// sizes are the workload sizes of the scale issue, with their sub-benchmark names.
var sizes = []struct {
	name string
	n    int
}{
	{"n=1k", 1_000},
	{"n=10k", 10_000},
	{"n=100k", 100_000},
	{"n=1M", 1_000_000},
}

// ViewW and ViewH are the app's default window, 1600×900: the time area is ViewW less the
// lane-title column of scene.DefaultConfig, so the scene is 1600 px wide. (The scene holds
// all lanes, however tall; ViewH is only what a window would show of it.)
const ViewW, ViewH = 1600, 900

// tmpDir is the process's folder of workload files, removed by TestMain.
var (
	tmpOnce sync.Once
	tmpDir  string
	tmpErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

// workload is one size's file, dataset and index, each made at most once per process.
type workload struct {
	fileOnce sync.Once
	path     string
	size     int64
	fileErr  error

	dsOnce sync.Once
	ds     *timeline.Dataset
	dsErr  error

	ixOnce sync.Once
	ix     *layout.Index
}

var (
	workMu sync.Mutex
	works  = map[int]*workload{}
)

func work(n int) *workload {
	workMu.Lock()
	defer workMu.Unlock()
	w := works[n]
	if w == nil {
		w = &workload{}
		works[n] = w
	}
	return w
}

// benchFile returns the path and size of the docs/BENCH.md workload of n events, written by
// gen.Write into the process's temporary folder on first use.
func benchFile(tb testing.TB, n int) (string, int64) {
	tb.Helper()
	tmpOnce.Do(func() { tmpDir, tmpErr = os.MkdirTemp("", "tt-bench-") })
	if tmpErr != nil {
		tb.Fatalf("bench: temporary folder: %v", tmpErr)
	}
	w := work(n)
	w.fileOnce.Do(func() { w.path, w.size, w.fileErr = writeWorkload(tmpDir, n) })
	if w.fileErr != nil {
		tb.Fatal(w.fileErr)
	}
	return w.path, w.size
}

func writeWorkload(dir string, n int) (string, int64, error) {
	path := filepath.Join(dir, fmt.Sprintf("bench-%d.json", n))
	f, err := os.Create(path)
	if err != nil {
		return "", 0, fmt.Errorf("bench: workload of %d events: %v", n, err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = gen.Write(bw, n, gen.DefaultSeed)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", 0, fmt.Errorf("bench: writing %s: %v", path, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return "", 0, fmt.Errorf("bench: %v", err)
	}
	return path, fi.Size(), nil
}

// benchDataset returns the workload of n events loaded from its file with format.Load.
func benchDataset(tb testing.TB, n int) *timeline.Dataset {
	tb.Helper()
	path, _ := benchFile(tb, n)
	w := work(n)
	w.dsOnce.Do(func() {
		w.ds, w.dsErr = format.Load(path)
		if w.dsErr == nil && len(w.ds.Events) != n {
			w.dsErr = fmt.Errorf("bench: %s has %d events, want %d", path, len(w.ds.Events), n)
		}
	})
	if w.dsErr != nil {
		tb.Fatal(w.dsErr)
	}
	return w.ds
}

// benchIndex returns the layout index of the workload of n events.
func benchIndex(tb testing.TB, n int) *layout.Index {
	tb.Helper()
	ds := benchDataset(tb, n)
	w := work(n)
	w.ixOnce.Do(func() { w.ix = layout.NewIndex(ds) })
	return w.ix
}

// config is the scene configuration of a frame: the app's defaults.
func config() scene.Config { return scene.DefaultConfig() }

// window is a named view of the benchmarks.
type window struct {
	name string
	v    scale.View
}

// windows are the views of a frame: the full range (as the app fits it), and two years and
// two weeks centred on the middle of the data, all ViewW px wide in the scene.
func windows(ix *layout.Index, st *scene.Config) []window {
	w := ViewW - st.TitleWidth
	first, last := float64(ix.First), float64(ix.Last)
	mid := (first + last) / 2
	return []window{
		{"full", scale.Fit(first, last, w)},
		{"2years", scale.View{Start: mid - scale.DaysPerYear, End: mid + scale.DaysPerYear, Width: w}},
		{"2weeks", scale.View{Start: mid - 7, End: mid + 7, Width: w}},
		// The same on a broken axis (the workload has no empty stretch, so a break is imposed
		// over a fifth of the span from the middle on: every position goes through the
		// piecewise map, ticks skip it, its marks are drawn), with the lanes sharing the
		// window's height as in the app (scene.Config.FitHeight, set by pick for these).
		{"full+break", brokenAxis(ix).Fit(first, last, w)},
		{"2years+break", brokenAxis(ix).View(mid-scale.DaysPerYear, mid+scale.DaysPerYear, w)},
	}
}

// brokenAxis is an axis with one break over the fifth of ix's span after its middle,
// squeezed to 2% of the span.
func brokenAxis(ix *layout.Index) *scale.Axis {
	first, last := float64(ix.First), float64(ix.Last)
	mid, span := (first+last)/2, last-first
	return &scale.Axis{Breaks: []scale.Break{{From: mid, To: mid + span/5, Len: span / 50}}}
}

// FitH is the height the timeline widget gives its lanes in the default 1600×900 window.
const FitH = 780

// cpuTime is the process's CPU time (user and system, every thread: the collector's too) in
// ns: on a machine shared with other work, the wall time of an op counts the time others
// ran; this does not.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
