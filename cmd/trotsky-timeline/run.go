package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"trotskytimeline/app"
	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/fileutil"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/format/importer"
	"trotskytimeline/timeline/gen"
	"trotskytimeline/timeline/render"
)

const prog = "trotsky-timeline"

// version is the program's version, set at link time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build information, or "dev".
var version = ""

// openApp opens the desktop program; tests replace it.
var openApp = app.Run

// usageError is a bad command line: exit code 2. Run prints msg, then usage.
type usageError struct{ msg, usage string }

func (e *usageError) Error() string { return e.msg }

// ExitCode maps Run's error to the process's exit code: 0 for success and for --help,
// 2 for a usage error, 1 for anything else.
func ExitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		return 2
	case errors.Is(err, context.Canceled):
		return 130 // as a shell reports a command stopped by Ctrl-C
	}
	return 1
}

// Run runs the command line args (without the program's name), writing results to
// stdout and every message to stderr. The returned error only selects the exit code
// (see ExitCode): its message has been written already.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	defer func() {
		// A bug must not reach the user as a stack trace: say what failed and exit 1.
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v (please report it with the command line)", p)
			fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		}
	}()
	err = run(ctx, args, stdout, stderr)
	var ue *usageError
	var list *format.ErrorList
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "%s: %s\n", prog, ue.msg)
		if ue.usage != "" {
			fmt.Fprint(stderr, "\n"+ue.usage)
		}
	case errors.As(err, &list):
		fmt.Fprintln(stderr, list.Error())
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "%s: stopped; nothing was written\n", prog)
	default:
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
	}
	return err
}

const mainUsage = `Usage:
  trotsky-timeline [flags] [FILE]          open the timeline (FILE or the built-in dataset)
  trotsky-timeline validate [FILE]         check a dataset and report every problem
  trotsky-timeline export --format png|svg|json [flags] [FILE]
                                           write a figure or the normalised dataset
  trotsky-timeline gen --events N [--seed S] -o FILE
                                           write the synthetic benchmark workload
  trotsky-timeline --version

Run "trotsky-timeline COMMAND --help" for a command's flags.

Flags for opening the timeline:
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch a := args[0]; a {
		case "validate":
			return runValidate(ctx, args[1:], stdout, stderr)
		case "export":
			return runExport(ctx, args[1:], stdout, stderr)
		case "gen":
			return runGen(ctx, args[1:], stdout, stderr)
		case "version", "--version", "-version":
			fmt.Fprintln(stdout, prog, programVersion())
			return nil
		case "help":
			return runApp(ctx, []string{"--help"}, stdout, stderr)
		default:
			if !strings.HasPrefix(a, "-") && !looksLikeFile(a) {
				return &usageError{msg: fmt.Sprintf("unknown command %q", a), usage: usageText(appFlags(new(appOptions)), mainUsage)}
			}
		}
	}
	return runApp(ctx, args, stdout, stderr)
}

// looksLikeFile tells a dataset path from a mistyped command: it has a dot or a
// slash, or exists.
func looksLikeFile(a string) bool {
	if strings.ContainsAny(a, `./\`) {
		return true
	}
	_, err := os.Stat(a)
	return err == nil
}

func programVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// parseFlags parses args with fs, allowing flags after positional arguments, and returns
// the positional ones. -h/--help prints usage to stdout and returns flag.ErrHelp; a bad
// flag prints usage to stderr and returns a usageError.
func parseFlags(fs *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usageText(fs, usage))
				return nil, err
			}
			return nil, &usageError{msg: fs.Name() + ": " + err.Error(), usage: usageText(fs, usage)}
		}
		rest := fs.Args()
		// fs.Parse stops at the first positional argument (or after "--").
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageText is a command's usage: head, then its flags.
func usageText(fs *flag.FlagSet, head string) string {
	var b strings.Builder
	b.WriteString(head)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

// load reads the dataset at path, or the built-in one when path is "". A file may be in
// our format or one importer.Open recognises (TimelineJS JSON or CSV); problems come
// back as a *format.ErrorList either way.
func load(ctx context.Context, path string) (*timeline.Dataset, error) {
	var ds *timeline.Dataset
	err := untilDone(ctx, func() (err error) {
		if path == "" {
			ds, err = format.LoadFSContext(ctx, builtinFS{}, "data/"+data.Name)
		} else {
			ds, err = importer.OpenContext(ctx, path)
		}
		return err
	})
	if err != nil {
		// Canceled: the abandoned step may still be running and may yet write ds, so it is
		// not read (the race detector saw that read in TestCancelAnyMoment).
		return nil, err
	}
	return ds, nil
}

// untilDone runs step in its own goroutine and returns its error, or ctx's as soon as ctx
// is done (Ctrl-C, SIGTERM), without waiting for step. The loaders, the render and the
// JSON writer look at ctx every few thousand events and then give up, but on a busy
// machine a few milliseconds of work can take a runnable thread a second of wall time,
// while this goroutine, waiting, is woken at once: so the command stops within
// milliseconds, and the process exits before the abandoned step's next look. A step must
// leave nothing to clean up that its caller would do (fileutil.WriteAtomicContext removes
// its temporary file itself before it returns), and may write only through fileutil.NewContextWriter.
// A panic in step is passed on.
func untilDone(ctx context.Context, step func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	type result struct {
		err   error
		panic any
		ok    bool
	}
	res := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if !r.ok {
				r.panic = recover()
			}
			res <- r
		}()
		r.err = step()
		r.ok = true
	}()
	select {
	case r := <-res:
		if !r.ok {
			panic(r.panic)
		}
		return r.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// builtinFS shows the embedded data.FS under "data/", so that messages and Dataset.Path
// name the built-in dataset "data/trotsky.json", as in the source tree.
type builtinFS struct{}

func (builtinFS) Open(name string) (fs.File, error) {
	switch {
	case name == "." || name == "data":
		return data.FS.Open(".")
	case strings.HasPrefix(name, "data/"):
		return data.FS.Open(strings.TrimPrefix(name, "data/"))
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func oneFile(pos []string, cmd string) (string, error) {
	switch len(pos) {
	case 0:
		return "", nil
	case 1:
		return pos[0], nil
	}
	return "", &usageError{msg: fmt.Sprintf("%s: one dataset file at most, got %q", cmd, pos)}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

const validateUsage = `Usage: trotsky-timeline validate [FILE]

Checks a dataset (FILE, or the built-in one) and reports every problem as
FILE:LINE:COL: field: message on stderr. Exit code 0 when it is valid, 1 when not.
`

func runValidate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	pos, err := parseFlags(fs, args, validateUsage, stdout, stderr)
	if err != nil {
		return err
	}
	file, err := oneFile(pos, "validate")
	if err != nil {
		return err
	}
	ds, err := load(ctx, file)
	if err != nil {
		return err
	}
	// The summary looks at every event again (a tenth of a second for a million).
	var summary string
	if err := untilDone(ctx, func() error {
		contested := 0
		for i := range ds.Events {
			if i&4095 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if ds.Events[i].Contested() {
				contested++
			}
		}
		summary = fmt.Sprintf("%s: %s in %s from %s; %d contested\n%s\n", ds.Path,
			plural(len(ds.Events), "event", "events"), plural(len(ds.Lanes), "lane", "lanes"),
			plural(len(ds.Sources), "source", "sources"), contested, untranslatedLine(ds))
		return ctx.Err()
	}); err != nil {
		return err
	}
	fmt.Fprint(stdout, summary)
	return nil
}

// untranslatedLine counts, per language (the app's and any other the dataset has), the
// strings a reader sees in English for want of a translation:
// "untranslated (shown in English): it 0 of 540, pt 2 of 540".
func untranslatedLine(ds *timeline.Dataset) string {
	var also []string
	for _, l := range render.Langs {
		if l != "en" {
			also = append(also, l)
		}
	}
	missing, total := ds.Untranslated(also...)
	langs := make([]string, 0, len(missing))
	for l := range missing {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var b strings.Builder
	b.WriteString("untranslated (shown in English):")
	for i, l := range langs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %s %d of %d", l, missing[l], total)
	}
	return b.String()
}

const exportUsage = `Usage: trotsky-timeline export --format png|svg|pdf|json [flags] [FILE]

Writes a figure of the timeline (PNG, SVG, PDF) or the normalised dataset (JSON, each
source's text inline) of FILE or the built-in dataset. Without -o, JSON and SVG go
to stdout; PNG and PDF need -o. A PDF is the figure laid out at --width (and the
page's shape, or --height) and fitted inside the page's margins. An existing OUT is kept unless --force is given. The
format defaults to OUT's extension.

Flags:
`

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	outFormat := fs.String("format", "", "`FORMAT`: png, svg, pdf or json (default: from OUT's extension)")
	out := fs.String("o", "", "write to `OUT` (atomically) instead of stdout")
	from := fs.String("from", "", "first `YEAR` (or EDTF date) shown; default: the first event")
	to := fs.String("to", "", "last `YEAR` (or EDTF date) shown; default: the last event")
	lanes := fs.String("lanes", "", "comma-separated lane `ids` to draw; default: all")
	width := fs.Int("width", render.DefaultWidth, "figure layout width in `pixels`")
	height := fs.Int("height", render.DefaultHeight, "figure layout height in `pixels` (default: 1080, or taller as every event with its label needs)")
	scale := fs.Float64("scale", 1, "PNG pixel `scale` (2 doubles the pixels, same layout)")
	theme := fs.String("theme", "light", "`theme`: light, dark or print")
	title := fs.String("title", "", "figure `title`; default: the dataset's")
	lang := fs.String("lang", "en", "`language` of dates and titles: en, it or pt")
	view := fs.String("view", "timeline", "what the figure shows: `timeline`, map (the places and moves of the range) or both (timeline above, map below)")
	force := fs.Bool("force", false, "overwrite OUT if it exists")
	page := fs.String("page", "a4", "PDF `page`: "+strings.Join(render.Pages, ", ")+" (16:9)")
	orient := fs.String("orientation", "landscape", "PDF page `orientation`: landscape or portrait (a slide is landscape)")
	margin := fs.String("margin", "10mm", "PDF page `margin` on every side, in mm, cm, pt or in")
	fontSize := fs.Float64("font-size", 0, "event label `size` in px (in pt for a PDF); title, legend and footer scale with it (default: from the figure's size)")
	svgText := fs.String("svg-text", "glyphs", "how an SVG carries its `text`: glyphs (the embedded font's glyph shapes, drawn the same everywhere, with the text kept selectable), font (text with the font embedded as @font-face, which some viewers ignore) or outlines (glyph shapes only)")
	chips := fs.Bool("chips", false, "let crowded rows fold into grey \"+N\" counts instead of growing the figure or shrinking its type")
	breaks := fs.Bool("breaks", true, "compress long stretches with few or no events on the time axis; --breaks=false draws it linear")
	pos, err := parseFlags(fs, args, exportUsage, stdout, stderr)
	if err != nil {
		return err
	}
	file, err := oneFile(pos, "export")
	if err != nil {
		return err
	}
	// render.Options reads a zero size or scale as "the default"; typed on the command
	// line, it is a mistake to refuse, not to replace silently.
	var zero error
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "width", "height", "scale":
			if v, _ := strconv.ParseFloat(fl.Value.String(), 64); v == 0 && zero == nil {
				zero = fmt.Errorf("export: --%s %s: must be positive", fl.Name, fl.Value)
			}
		}
	})
	if zero != nil {
		return zero
	}
	f := strings.ToLower(*outFormat)
	if f == "" && *out != "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	}
	switch f {
	case "json", "png", "svg", "pdf":
	case "":
		return &usageError{msg: "export: --format png|svg|pdf|json is required"}
	default:
		return &usageError{msg: fmt.Sprintf("export: unknown format %q (png, svg, pdf or json)", f)}
	}
	if (f == "png" || f == "pdf") && *out == "" {
		return &usageError{msg: fmt.Sprintf("export: a %s needs -o OUT", strings.ToUpper(f))}
	}
	ds, err := load(ctx, file)
	if err != nil {
		return err
	}
	var write func(io.Writer) error
	if f == "json" {
		write = func(w io.Writer) error { return format.WriteNormalizedContext(ctx, w, ds) }
	} else {
		o := render.Options{Title: *title, Width: *width, Height: *height, Scale: *scale, Theme: *theme, Lang: *lang, Linear: !*breaks, View: *view, Chips: *chips}
		o.Format, err = render.ParseFormat(f)
		if err != nil {
			return err
		}
		o.FontSize = *fontSize
		heightSet := false
		fs.Visit(func(fl *flag.Flag) { heightSet = heightSet || fl.Name == "height" })
		// Without --height a PNG or SVG grows as tall as it needs to draw every event with its
		// label; with it (or on a PDF page) it fits, and says on stderr what it leaves out.
		o.Grow = !heightSet && o.Format != render.PDF && !*chips
		o.Warn = func(msg string) { fmt.Fprintf(stderr, "%s: export: %s\n", prog, msg) }
		switch strings.ToLower(*svgText) {
		case "glyphs":
		case "font":
			o.SVGText = render.SVGFont
		case "outlines":
			o.SVGText = render.SVGOutlines
		default:
			return &usageError{msg: fmt.Sprintf("export: --svg-text %q: glyphs, font or outlines", *svgText)}
		}
		if o.Format == render.PDF {
			o.Page = strings.ToLower(*page)
			switch strings.ToLower(*orient) {
			case "landscape":
				o.Landscape = true
			case "portrait":
			default:
				return &usageError{msg: fmt.Sprintf("export: --orientation %q: landscape or portrait", *orient)}
			}
			if o.Margin, err = render.ParseLength(*margin); err != nil {
				return fmt.Errorf("export: --margin: %w", err)
			}
			if o.Margin == 0 {
				o.Margin = 0.001 // a margin of 0 asked for, not the default
			}
			// Without --height the figure takes the page's shape.
			set := false
			fs.Visit(func(fl *flag.Flag) { set = set || fl.Name == "height" })
			if !set {
				o.Height = 0
			}
		}
		if *from != "" || *to != "" {
			o.From, o.To, err = render.ParseRange(*from, *to)
			if err != nil {
				return err
			}
			o.HasRange = true
		}
		if *lanes != "" {
			for _, l := range strings.Split(*lanes, ",") {
				o.Lanes = append(o.Lanes, strings.TrimSpace(l))
			}
		}
		// Validation looks at every event's span (the render's validation, before a file
		// is made).
		if err := untilDone(ctx, func() error { return o.Validate(ds) }); err != nil {
			return err
		}
		write = func(w io.Writer) error { return render.Render(w, ds, o) }
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return writeOut(ctx, *out, *force, stdout, write)
}

// writeOut writes to path atomically, or to stdout when path is "" or "-"; when ctx is
// done (Ctrl-C, SIGTERM) it returns at once and leaves no file (fileutil.WriteAtomicContext).
func writeOut(ctx context.Context, path string, force bool, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		// A figure is laid out whole before its first byte: wait for it only until ctx is done.
		return untilDone(ctx, func() error { return write(fileutil.NewContextWriter(ctx, stdout)) })
	}
	err := fileutil.WriteAtomicContext(ctx, path, force, write)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists; use --force to overwrite", path)
	}
	return err
}

const genUsage = `Usage: trotsky-timeline gen --events N [--seed S] -o FILE

Writes the synthetic benchmark workload of docs/BENCH.md (N events in six lanes)
as a dataset.

Flags:
`

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fs.Int("events", 0, "write `N` events (required, at least 1)")
	seed := fs.Uint("seed", uint(gen.DefaultSeed), "mulberry32 `seed`")
	out := fs.String("o", "", "write to `FILE` (required; - for stdout)")
	force := fs.Bool("force", false, "overwrite FILE if it exists")
	pos, err := parseFlags(fs, args, genUsage, stdout, stderr)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return &usageError{msg: fmt.Sprintf("gen: unexpected arguments %q", pos)}
	case *n <= 0:
		return &usageError{msg: "gen: --events N is required (N ≥ 1)"}
	case *out == "":
		return &usageError{msg: "gen: -o FILE is required"}
	case *seed > 1<<32-1:
		return &usageError{msg: fmt.Sprintf("gen: --seed %d is over 2^32-1", *seed)}
	case *n > maxGenEvents:
		return &usageError{msg: fmt.Sprintf("gen: %d events would make a file over the %d bytes (1 GiB) the program loads; at most %d", *n, int64(format.MaxFileSize), maxGenEvents)}
	}
	return writeOut(ctx, *out, *force, stdout, func(w io.Writer) error {
		return gen.Write(&limitWriter{w: w, left: format.MaxFileSize}, *n, uint32(*seed))
	})
}

// maxGenEvents is the most events gen writes: the workload's events take 95-103 bytes
// each in the file (101.6 MB for a million), so that ten million stay under the load limit.
const maxGenEvents = 10_000_000

// limitWriter refuses to write more than left bytes: gen's backstop should an event ever
// take more room than maxGenEvents allows for.
type limitWriter struct {
	w    io.Writer
	left int
}

func (l *limitWriter) Write(b []byte) (int, error) {
	if len(b) > l.left {
		return 0, fmt.Errorf("the file would be over the %d bytes (1 GiB) the program loads", int64(format.MaxFileSize))
	}
	l.left -= len(b)
	return l.w.Write(b)
}

type appOptions struct {
	kiosk bool
	idle  time.Duration
	lang  string
	theme string
	// breaks is the broken time axis (on by default).
	breaks bool
}

func appFlags(o *appOptions) *flag.FlagSet {
	fs := flag.NewFlagSet(prog, flag.ContinueOnError)
	fs.BoolVar(&o.kiosk, "kiosk", false, "full screen, touch-sized, no menus")
	fs.DurationVar(&o.idle, "idle", 3*time.Minute, "kiosk: after this `duration` with no input, return to the opening view")
	fs.StringVar(&o.lang, "lang", "", "`language`: en, it or pt (default: the last chosen in View ▸ Language, else the system's)")
	fs.StringVar(&o.theme, "theme", "", "`theme`: light, dark or contrast (default: the last chosen in View ▸ Theme, else the system's)")
	fs.BoolVar(&o.breaks, "breaks", true, "compress long stretches with few or no events on the time axis; --breaks=false draws it linear")
	return fs
}

func runApp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o appOptions
	fs := appFlags(&o)
	pos, err := parseFlags(fs, args, mainUsage, stdout, stderr)
	if err != nil {
		return err
	}
	file, err := oneFile(pos, prog)
	if err != nil {
		return err
	}
	switch o.lang {
	case "", "en", "it", "pt":
	default:
		return &usageError{msg: fmt.Sprintf("--lang %q: en, it or pt", o.lang)}
	}
	switch o.theme {
	case "", "light", "dark", "contrast":
	default:
		return &usageError{msg: fmt.Sprintf("--theme %q: light, dark or contrast", o.theme)}
	}
	if o.idle <= 0 {
		return &usageError{msg: fmt.Sprintf("--idle %v: must be positive", o.idle)}
	}
	opts := app.Options{Kiosk: o.kiosk, Idle: o.idle, Lang: o.lang, Theme: o.theme, Linear: !o.breaks, Open: importer.OpenContext}
	ds, err := load(ctx, file)
	if err != nil && file != "" && ctx.Err() == nil {
		// A file with problems still opens the window: on the built-in timeline, with the
		// problems listed in a dialog (and here, for whoever started it from a terminal).
		var list *format.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintln(stderr, list.Error())
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		}
		fmt.Fprintf(stderr, "%s: %s was not opened; showing the built-in timeline\n", prog, file)
		opts.OpenError, opts.OpenErrorPath = err, file
		ds, err = load(ctx, "")
	}
	if err != nil {
		return err
	}
	return openApp(ctx, ds, opts)
}
