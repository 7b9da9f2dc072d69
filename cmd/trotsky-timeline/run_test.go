package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"trotskytimeline/app"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
)

const valid = "../../timeline/format/testdata/valid.json"

func TestRun(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "existing.svg")
	os.WriteFile(existing, []byte("keep me"), 0o644)
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string // substrings expected on stdout
		stderr     []string // substrings expected on stderr
		noStdout   bool
		wantFile   string // a file the command must have written
		wantAbsent string // a file the command must not have written
	}{
		{name: "validate built-in", args: []string{"validate"}, code: 0,
			stdout: []string{"data/trotsky.json: ", " events in 7 lanes from ", " sources; ", " contested\n"}},
		{name: "validate file", args: []string{"validate", valid}, code: 0,
			stdout: []string{valid + ": 4 events in 2 lanes from 2 sources; 0 contested\n"}},
		{name: "validate bad file", args: []string{"validate", "../../timeline/format/testdata/bad/unknown-refs.json"}, code: 1, noStdout: true,
			stderr: []string{
				"../../timeline/format/testdata/bad/unknown-refs.json:7:25: events[0].lane: no lane \"nope\"\n",
				"../../timeline/format/testdata/bad/unknown-refs.json:8:72: events[0].excerpts[1].source: no source \"missing\"\n",
				"../../timeline/format/testdata/bad/unknown-refs.json:10:17: tour[1]: no event \"gone\"\n",
			}},
		{name: "validate TimelineJS", args: []string{"validate", "testdata/timelinejs.json"}, code: 0,
			stdout: []string{"testdata/timelinejs.json: 2 events in 2 lanes from 0 sources; 0 contested\n"}},
		{name: "export TimelineJS as our format", args: []string{"export", "--format", "json", "testdata/timelinejs.json"}, code: 0,
			stdout: []string{`"format": "timeline/1"`, `"id": "revolution"`, `"start": "1917-11-07"`}},
		{name: "validate missing file", args: []string{"validate", "nope.json"}, code: 1, stderr: []string{"nope.json", "no such file"}},
		{name: "validate two files", args: []string{"validate", "a.json", "b.json"}, code: 2, stderr: []string{"one dataset file at most"}},
		{name: "validate help", args: []string{"validate", "--help"}, code: 0, stdout: []string{"Usage: trotsky-timeline validate"}},
		{name: "validate bad flag", args: []string{"validate", "--nope"}, code: 2, stderr: []string{"flag provided but not defined: -nope", "Usage: trotsky-timeline validate"}},

		{name: "export json to stdout", args: []string{"export", "--format", "json", valid}, code: 0,
			stdout: []string{"{\n  \"format\": \"timeline/1\",\n  \"title\": \"Test timeline\",", `"text": "My Life, chapter one`}},
		{name: "export json to file", args: []string{"export", valid, "--format", "json", "-o", filepath.Join(dir, "n.json")}, code: 0,
			noStdout: true, wantFile: filepath.Join(dir, "n.json")},
		{name: "export svg", args: []string{"export", "-o", filepath.Join(dir, "f.svg"), "--from", "1900", "--to", "1930", "--lanes", "exile", valid}, code: 0,
			wantFile: filepath.Join(dir, "f.svg")},
		{name: "export png", args: []string{"export", "--format", "png", "-o", filepath.Join(dir, "f.png"), "--scale", "0.5", "--theme", "dark"}, code: 0,
			wantFile: filepath.Join(dir, "f.png")},
		{name: "export existing without force", args: []string{"export", "-o", existing, valid}, code: 1,
			stderr: []string{existing + " exists; use --force to overwrite"}},
		{name: "export existing with force", args: []string{"export", "-o", existing, "--force", valid}, code: 0, wantFile: existing},
		{name: "export pdf", args: []string{"export", "-o", filepath.Join(dir, "f.pdf"), "--page", "letter", "--orientation", "portrait", "--margin", "0.5in", valid}, code: 0,
			wantFile: filepath.Join(dir, "f.pdf")},
		{name: "export pdf needs -o", args: []string{"export", "--format", "pdf", valid}, code: 2, stderr: []string{"a PDF needs -o OUT"}},
		{name: "export pdf bad page", args: []string{"export", "-o", filepath.Join(dir, "p.pdf"), "--page", "a5", valid}, code: 1,
			stderr: []string{`page "a5": unknown (known: a4, a3, letter, slide)`}, wantAbsent: filepath.Join(dir, "p.pdf")},
		{name: "export pdf bad margin", args: []string{"export", "-o", filepath.Join(dir, "m.pdf"), "--margin", "ten", valid}, code: 1,
			stderr: []string{`--margin: length "ten"`}, wantAbsent: filepath.Join(dir, "m.pdf")},
		{name: "export pdf margin too wide", args: []string{"export", "-o", filepath.Join(dir, "m2.pdf"), "--page", "slide", "--margin", "9cm", valid}, code: 1,
			stderr: []string{"leaves less than 1 in"}, wantAbsent: filepath.Join(dir, "m2.pdf")},
		{name: "export png needs -o", args: []string{"export", "--format", "png", valid}, code: 2, stderr: []string{"a PNG needs -o OUT"}},
		{name: "export without format", args: []string{"export", valid}, code: 2, stderr: []string{"--format png|svg|pdf|json is required"}},
		{name: "export unknown format", args: []string{"export", "--format", "gif", valid}, code: 2, stderr: []string{`unknown format "gif"`}},
		{name: "export bad theme", args: []string{"export", "-o", filepath.Join(dir, "t.svg"), "--theme", "neon", valid}, code: 1,
			stderr: []string{"neon"}, wantAbsent: filepath.Join(dir, "t.svg")},
		{name: "export bad range", args: []string{"export", "-o", filepath.Join(dir, "r.svg"), "--from", "1930", "--to", "1920", valid}, code: 1,
			stderr: []string{"inverted"}, wantAbsent: filepath.Join(dir, "r.svg")},
		{name: "export zero width", args: []string{"export", "-o", filepath.Join(dir, "w.svg"), "--width", "0", valid}, code: 1,
			stderr: []string{"--width 0: must be positive"}, wantAbsent: filepath.Join(dir, "w.svg")},
		{name: "export zero scale", args: []string{"export", "-o", filepath.Join(dir, "s.png"), "--scale", "0", valid}, code: 1,
			stderr: []string{"--scale 0: must be positive"}, wantAbsent: filepath.Join(dir, "s.png")},
		{name: "export into a missing folder", args: []string{"export", "-o", filepath.Join(dir, "nope", "m.svg"), valid}, code: 1,
			stderr: []string{"write " + filepath.Join(dir, "nope", "m.svg") + ": folder " + filepath.Join(dir, "nope") + ": "}},
		{name: "export onto a folder", args: []string{"export", "--format", "svg", "-o", dir, "--force", valid}, code: 1,
			stderr: []string{"write " + dir + ": is a folder"}},
		{name: "export bad dataset", args: []string{"export", "--format", "json", "../../timeline/format/testdata/bad/color.json"}, code: 1, noStdout: true,
			stderr: []string{`color.json:5:40: lanes[0].color: colour "red" must be #rrggbb`}},
		{name: "export help", args: []string{"export", "-h"}, code: 0, stdout: []string{"Usage: trotsky-timeline export", "-force"}},

		{name: "gen", args: []string{"gen", "--events", "100", "-o", filepath.Join(dir, "g.json")}, code: 0, wantFile: filepath.Join(dir, "g.json")},
		{name: "gen to stdout", args: []string{"gen", "--events", "2", "--seed", "1", "-o", "-"}, code: 0, stdout: []string{`"format": "timeline/1"`}},
		{name: "gen without events", args: []string{"gen", "-o", filepath.Join(dir, "h.json")}, code: 2, stderr: []string{"--events N is required"}},
		{name: "gen zero events", args: []string{"gen", "--events", "0", "-o", filepath.Join(dir, "z.json")}, code: 2, stderr: []string{"(N ≥ 1)"}},
		{name: "gen without -o", args: []string{"gen", "--events", "3"}, code: 2, stderr: []string{"-o FILE is required"}},
		{name: "gen existing", args: []string{"gen", "--events", "3", "-o", existing}, code: 1, stderr: []string{"exists; use --force"}},
		{name: "gen help", args: []string{"gen", "--help"}, code: 0, stdout: []string{"Usage: trotsky-timeline gen"}},

		{name: "unknown command", args: []string{"valdate"}, code: 2, stderr: []string{`unknown command "valdate"`, "Usage:"}},
		{name: "unknown flag", args: []string{"--nope"}, code: 2, stderr: []string{"flag provided but not defined: -nope"}},
		{name: "help", args: []string{"--help"}, code: 0, stdout: []string{"Usage:", "validate [FILE]", "-kiosk"}},
		{name: "version", args: []string{"--version"}, code: 0, stdout: []string{"trotsky-timeline "}},
		{name: "app bad lang", args: []string{"--lang", "fr"}, code: 2, stderr: []string{`--lang "fr"`}},
		{name: "app bad theme", args: []string{"--theme", "neon"}, code: 2, stderr: []string{`--theme "neon"`}},
	}
	openApp = func(context.Context, *timeline.Dataset, app.Options) error {
		t.Error("the app opened")
		return nil
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := Run(context.Background(), tt.args, &stdout, &stderr)
			if got := ExitCode(err); got != tt.code {
				t.Errorf("exit code %d, want %d (error %v)\nstderr:\n%s", got, tt.code, err, stderr.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			if tt.noStdout && stdout.Len() > 0 {
				t.Errorf("stdout:\n%.200s", stdout.String())
			}
			if tt.code == 0 && stderr.Len() > 0 {
				t.Errorf("stderr on success:\n%s", stderr.String())
			}
			if tt.wantFile != "" {
				if fi, err := os.Stat(tt.wantFile); err != nil || fi.Size() == 0 {
					t.Errorf("no file %s: %v", tt.wantFile, err)
				}
			}
			if tt.wantAbsent != "" {
				if _, err := os.Stat(tt.wantAbsent); err == nil {
					t.Errorf("%s was written", tt.wantAbsent)
				}
			}
		})
	}
	if b, _ := os.ReadFile(existing); !bytes.HasPrefix(b, []byte("<?xml")) {
		t.Errorf("--force did not replace %s: %.20q", existing, b)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestExportJSONRoundTrip checks that the normalised export of a dataset validates and
// loads to the same events.
func TestExportJSONRoundTrip(t *testing.T) {
	out := filepath.Join(t.TempDir(), "n.json")
	var stdout, stderr bytes.Buffer
	if err := Run(context.Background(), []string{"export", "--format", "json", "-o", out}, &stdout, &stderr); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	orig, err := load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	back, err := format.Load(out)
	if err != nil {
		t.Fatalf("exported JSON does not load: %v", err)
	}
	if len(back.Events) != len(orig.Events) || len(back.Sources) != len(orig.Sources) {
		t.Errorf("round trip: %d events, %d sources; want %d, %d", len(back.Events), len(back.Sources), len(orig.Events), len(orig.Sources))
	}
	for _, s := range back.Sources {
		if s.File != "" || s.Text == "" {
			t.Errorf("source %s: file %q, %d bytes of text", s.ID, s.File, len(s.Text))
		}
	}
}

// TestRunPanic checks that a bug reaches the user as one line and exit code 1, not as a
// stack trace.
func TestRunPanic(t *testing.T) {
	defer func(f func(context.Context, *timeline.Dataset, app.Options) error) { openApp = f }(openApp)
	openApp = func(context.Context, *timeline.Dataset, app.Options) error { panic("boom") }
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), []string{valid}, &stdout, &stderr)
	if got := ExitCode(err); got != 1 {
		t.Errorf("exit code %d, want 1 (error %v)", got, err)
	}
	if want := "trotsky-timeline: internal error: boom"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want it to start %q", stderr.String(), want)
	}
}

// badFile is a dataset the loader refuses.
const badFile = "../../timeline/format/testdata/bad/lane-id.json"

func TestRunOpensApp(t *testing.T) {
	tests := []struct {
		name string
		args []string
		path string
		opts app.Options
	}{
		{"built-in", nil, "data/trotsky.json", app.Options{Idle: 3 * time.Minute}},
		{"file", []string{valid}, valid, app.Options{Idle: 3 * time.Minute}},
		{"kiosk", []string{"--kiosk", "--idle", "90s", "--lang", "pt", valid, "--theme", "dark"}, valid,
			app.Options{Kiosk: true, Idle: 90 * time.Second, Lang: "pt", Theme: "dark"}},
		// A file with problems opens the window on the built-in timeline, with the problems.
		{"bad file", []string{badFile}, "data/trotsky.json", app.Options{Idle: 3 * time.Minute, OpenErrorPath: badFile}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotDS *timeline.Dataset
			var gotOpts app.Options
			openApp = func(_ context.Context, ds *timeline.Dataset, o app.Options) error {
				gotDS, gotOpts = ds, o
				return nil
			}
			var stdout, stderr bytes.Buffer
			if err := Run(context.Background(), tt.args, &stdout, &stderr); err != nil {
				t.Fatalf("Run: %v\n%s", err, stderr.String())
			}
			if gotDS == nil || gotDS.Path != tt.path {
				t.Fatalf("app opened on %v, want %s", gotDS, tt.path)
			}
			if gotOpts.Open == nil {
				t.Error("no Open function for File ▸ Open")
			}
			if gotOpts.Kiosk != tt.opts.Kiosk || gotOpts.Idle != tt.opts.Idle || gotOpts.Lang != tt.opts.Lang || gotOpts.Theme != tt.opts.Theme {
				t.Errorf("options %+v, want %+v", gotOpts, tt.opts)
			}
			if gotOpts.OpenErrorPath != tt.opts.OpenErrorPath || (gotOpts.OpenError != nil) != (tt.opts.OpenErrorPath != "") {
				t.Errorf("open error %q %v, want for %q", gotOpts.OpenErrorPath, gotOpts.OpenError, tt.opts.OpenErrorPath)
			}
			if tt.opts.OpenErrorPath != "" && !strings.Contains(stderr.String(), `lane id "Posts" must match`) {
				t.Errorf("stderr lacks the file's problem:\n%s", stderr.String())
			}
		})
	}
}
