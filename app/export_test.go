package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/render"
	"trotskytimeline/timeline/scene"
)

// The view the export tests open the dialog on: part of 1 January 1920 to part of 1 January 1930.
var (
	exportFirst = float64(chrono.FromCivil(1920, 1, 1)) + 0.4
	exportLast  = float64(chrono.FromCivil(1930, 1, 1)) + 0.6
)

// newExportTest opens the UI on the test driver and an export form on the view above with
// the lanes shown, its folder a fresh temporary one.
func newExportTest(t *testing.T, shown []string) (*ui, fyne.Window, *exportForm, string) {
	t.Helper()
	u, win := newTestUI(t, 1400, 900)
	f := newExportForm(u, win, u.ds, exportFirst, exportLast, shown)
	dir := t.TempDir()
	f.setDir(dir)
	return u, win, f, dir
}

// exportObjects calls fn with every object drawn in the window's overlays (the dialogs),
// widgets' rendered children included.
func exportObjects(win fyne.Window, fn func(fyne.CanvasObject)) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		fn(o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range win.Canvas().Overlays().List() {
		walk(o)
	}
}

// overlayButton is the visible button labelled text in the window's dialogs, or nil.
func overlayButton(win fyne.Window, text string) *widget.Button {
	var found *widget.Button
	exportObjects(win, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			found = b
		}
	})
	return found
}

// overlayText is all the label and rich text in the window's dialogs.
func overlayText(win fyne.Window) string {
	var b strings.Builder
	exportObjects(win, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	})
	return b.String()
}

// dirNames lists the names in dir (temporary files included).
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// waitDone submits nothing; it waits for the form's next write to end and returns its error.
func waitDone(t *testing.T, done chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(60 * time.Second):
		t.Fatal("the export did not finish in 60 s")
		return nil
	}
}

func doneChan(f *exportForm) chan error {
	done := make(chan error, 4)
	f.onDone = func(_ string, err error) { done <- err }
	return done
}

func TestExportFormOptions(t *testing.T) {
	all := []string{"posts", "exile"}
	dayFrom, dayTo := chrono.FromCivil(1920, 1, 1), chrono.FromCivil(1930, 1, 1)
	tests := []struct {
		name     string
		shown    []string
		dark     bool // the timeline is dark
		set      func(f *exportForm)
		wantName string
		want     func(t *testing.T, o render.Options)
	}{
		{name: "defaults: the current view's days, all lanes, 1920×1080 PNG, light, the dataset's title",
			shown: all, wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				want := render.Options{Format: render.PNG, Title: "Test timeline", From: dayFrom, To: dayTo, HasRange: true,
					Width: 1920, Height: 1080, Scale: 1, Theme: "light", Lang: "en"}
				if o.Lanes != nil || !sameOptions(o, want) {
					t.Errorf("options %+v, want %+v", o, want)
				}
			}},
		{name: "whole timeline", shown: all,
			set:      func(f *exportForm) { f.what.SetSelected(tr("en", "export.whole")) },
			wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				if o.HasRange {
					t.Errorf("range %d..%d, want the whole timeline", o.From, o.To)
				}
			}},
		{name: "the lanes shown are checked", shown: []string{"exile"}, wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				if strings.Join(o.Lanes, ",") != "exile" {
					t.Errorf("lanes %q, want exile", o.Lanes)
				}
			}},
		{name: "a lane unchecked in the form", shown: all,
			set:      func(f *exportForm) { f.lanes[1].SetChecked(false) },
			wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				if strings.Join(o.Lanes, ",") != "posts" {
					t.Errorf("lanes %q, want posts", o.Lanes)
				}
			}},
		{name: "size preset, scale 2×, print theme, own title", shown: all,
			set: func(f *exportForm) {
				f.preset.SetSelected(sizeLabel(3840, 2160))
				f.scale.SetSelected("2×")
				f.theme.SetSelected(tr("en", "export.print"))
				f.title.SetText("  Exile years ")
			},
			wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				if o.Width != 3840 || o.Height != 2160 || o.Scale != 2 || o.Theme != "print" || o.Title != "Exile years" {
					t.Errorf("options %+v, want 3840×2160 at 2×, print, \"Exile years\"", o)
				}
			}},
		{name: "typed size", shown: all,
			set:      func(f *exportForm) { f.width.SetText("1000"); f.height.SetText(" 700 ") },
			wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				if o.Width != 1000 || o.Height != 700 {
					t.Errorf("size %d×%d, want 1000×700", o.Width, o.Height)
				}
			}},
		{name: "SVG chosen: the name follows, scale does not apply", shown: all,
			set:      func(f *exportForm) { f.scale.SetSelected("2×"); f.format.SetSelected(labelSVG) },
			wantName: "trotsky-timeline.svg",
			want: func(t *testing.T, o render.Options) {
				if o.Format != render.SVG || o.Scale != 1 {
					t.Errorf("format %v scale %v, want SVG at scale 1", o.Format, o.Scale)
				}
			}},
		{name: "PDF chosen: page, orientation and margin apply, the page gives the height", shown: all,
			set: func(f *exportForm) {
				f.format.SetSelected(labelPDF)
				f.page.SetSelected("Letter")
				f.orient.SetSelected(tr("en", "export.portrait"))
				f.margin.SetText("0.5 in")
			},
			wantName: "trotsky-timeline.pdf",
			want: func(t *testing.T, o render.Options) {
				if o.Format != render.PDF || o.Page != "letter" || o.Landscape || o.Margin != 36 || o.Height != 0 || o.Scale != 1 {
					t.Errorf("options %+v, want a portrait Letter PDF with 36 pt margins and the page's height", o)
				}
			}},
		{name: "PDF by a typed extension", shown: all,
			set:      func(f *exportForm) { f.name.SetText("print.pdf") },
			wantName: "print.pdf",
			want: func(t *testing.T, o render.Options) {
				if o.Format != render.PDF || o.Page != "a4" || !o.Landscape {
					t.Errorf("options %+v, want an A4 landscape PDF", o)
				}
			}},
		{name: "SVG with text as outlines", shown: all,
			set:      func(f *exportForm) { f.format.SetSelected(labelSVG); f.outline.SetChecked(true) },
			wantName: "trotsky-timeline.svg",
			want: func(t *testing.T, o render.Options) {
				if o.Format != render.SVG || o.SVGText != render.SVGOutlines {
					t.Errorf("options %+v, want an SVG with outlines", o)
				}
			}},
		{name: "label size", shown: all,
			set:      func(f *exportForm) { f.fsize.SetText(" 18 ") },
			wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				if o.FontSize != 18 {
					t.Errorf("font size %v, want 18", o.FontSize)
				}
			}},
		{name: "SVG by a typed extension", shown: all,
			set:      func(f *exportForm) { f.name.SetText("Figure.SVG") },
			wantName: "Figure.SVG",
			want: func(t *testing.T, o render.Options) {
				if o.Format != render.SVG {
					t.Errorf("format %v, want SVG", o.Format)
				}
			}},
		{name: "a name without the extension gets it", shown: all,
			set:      func(f *exportForm) { f.name.SetText("exile") },
			wantName: "exile.png"},
		{name: "another extension is kept and ours added", shown: all,
			set:      func(f *exportForm) { f.name.SetText("exile.jpg") },
			wantName: "exile.jpg.png"},
		{name: "a dark timeline exports dark by default", shown: all, dark: true, wantName: "trotsky-timeline.png",
			want: func(t *testing.T, o render.Options) {
				if o.Theme != "dark" {
					t.Errorf("theme %q, want dark", o.Theme)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, win := newTestUI(t, 1400, 900)
			if tc.dark {
				th, _ := scene.ThemeByName("dark")
				u.eng.SetTheme(th)
			}
			f := newExportForm(u, win, u.ds, exportFirst, exportLast, tc.shown)
			dir := t.TempDir()
			f.setDir(dir)
			if tc.set != nil {
				tc.set(f)
			}
			o, path, problems := f.check()
			if len(problems) > 0 {
				t.Fatalf("problems: %q", problems)
			}
			if want := filepath.Join(dir, tc.wantName); path != want {
				t.Errorf("path %q, want %q", path, want)
			}
			if tc.want != nil {
				tc.want(t, o)
			}
		})
	}
}

// sameOptions compares options but for their lanes.
func sameOptions(a, b render.Options) bool {
	a.Lanes, b.Lanes = nil, nil
	return a.Format == b.Format && a.Title == b.Title && a.From == b.From && a.To == b.To && a.HasRange == b.HasRange &&
		a.Width == b.Width && a.Height == b.Height && a.Scale == b.Scale && a.Theme == b.Theme && a.Lang == b.Lang
}

func TestExportRefusalWritesNothing(t *testing.T) {
	tests := []struct {
		name string
		set  func(f *exportForm)
		want []string // in the problems shown
	}{
		{"too wide", func(f *exportForm) { f.width.SetText("20000") }, []string{"20000", "16384"}},
		{"too wide at 2×", func(f *exportForm) { f.width.SetText("9000"); f.scale.SetSelected("2×") }, []string{"18000"}},
		{"not a number", func(f *exportForm) { f.height.SetText("tall") }, []string{`Height “tall”`}},
		{"every problem at once", func(f *exportForm) {
			f.width.SetText("20000")
			f.lanes[0].SetChecked(false)
			f.lanes[1].SetChecked(false)
			f.name.SetText("")
		}, []string{"16384", "No lane is chosen", "Give the file a name"}},
		{"a folder in the name", func(f *exportForm) { f.name.SetText("sub/fig.png") }, []string{"folder separator"}},
		{"the folder is gone", func(f *exportForm) { f.setDir(filepath.Join(f.dir, "gone")) }, []string{"does not exist"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, win, f, dir := newExportTest(t, []string{"posts", "exile"})
			f.show()
			written := false
			f.onDone = func(string, error) { written = true }
			tc.set(f)
			f.submit()
			for _, w := range tc.want {
				if !strings.Contains(f.problems, w) {
					t.Errorf("problems %q lack %q", f.problems, w)
				}
			}
			if !strings.Contains(overlayText(win), tr("en", "export.refused")) && !strings.Contains(overlayText(win), strings.Split(f.problems, "\n")[0]) {
				t.Errorf("no refusal dialog shown; dialogs say %q", overlayText(win))
			}
			if written {
				t.Error("a refused export was written")
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("a refused export left %q behind", names)
			}
			if overlayButton(win, tr("en", "export.do")) == nil {
				t.Error("the export dialog closed on a refusal; its choices are lost")
			}
		})
	}
}

func TestExportExistingFile(t *testing.T) {
	_, win, f, dir := newExportTest(t, []string{"posts", "exile"})
	path := filepath.Join(dir, "trotsky-timeline.png")
	old := []byte("the old figure")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	done := doneChan(f)
	f.show()

	// Asked, and cancelled: the file is untouched and nothing else is written.
	test.Tap(overlayButton(win, tr("en", "export.do")))
	if !strings.Contains(overlayText(win), "Replace “trotsky-timeline.png”?") {
		t.Fatalf("no confirmation asked; dialogs say %q", overlayText(win))
	}
	test.Tap(overlayButton(win, tr("en", "export.cancel")))
	select {
	case <-done:
		t.Fatal("written without confirmation")
	default:
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Errorf("the existing file changed without confirmation: %q", b)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files %q, want only the old one", names)
	}

	// Asked, and confirmed: replaced whole, no temporary file left.
	test.Tap(overlayButton(win, tr("en", "export.do")))
	replace := overlayButton(win, tr("en", "export.replace.do"))
	if replace == nil {
		t.Fatalf("no Replace button; dialogs say %q", overlayText(win))
	}
	test.Tap(replace)
	if err := waitDone(t, done); err != nil {
		t.Fatalf("export: %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("the replaced file is not a PNG (%v): %.20q", err, b)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files %q, want only the figure", names)
	}
	if !strings.Contains(overlayText(win), path) {
		t.Errorf("the success dialog does not show the path; dialogs say %q", overlayText(win))
	}
}

// TestExportFileAppearsMeanwhile: a file created after the dialog looked is not clobbered;
// the user is asked instead.
func TestExportFileAppearsMeanwhile(t *testing.T) {
	_, win, f, dir := newExportTest(t, nil)
	done := doneChan(f)
	f.show()
	o, path, problems := f.check()
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if err := os.WriteFile(path, []byte("someone else's"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.write(path, o, false)
	if err := waitDone(t, done); err == nil {
		t.Fatal("wrote over a file that appeared meanwhile")
	}
	if b, _ := os.ReadFile(path); string(b) != "someone else's" {
		t.Errorf("the file that appeared was changed: %q", b)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files %q, want only the other one", names)
	}
	if overlayButton(win, tr("en", "export.replace.do")) == nil {
		t.Errorf("not asked to replace it; dialogs say %q", overlayText(win))
	}
}

func TestExportPDFWritesAndRemembers(t *testing.T) {
	u, win, f, dir := newExportTest(t, nil)
	done := doneChan(f)
	f.show()
	f.format.SetSelected(labelPDF)
	if !f.height.Disabled() || f.page.Disabled() || !f.scale.Disabled() {
		t.Errorf("PDF: height disabled %v, page disabled %v, scale disabled %v; want the page's height, a page, no scale",
			f.height.Disabled(), f.page.Disabled(), f.scale.Disabled())
	}
	f.page.SetSelected("Slide 16:9")
	f.margin.SetText("5mm")
	test.Tap(overlayButton(win, tr("en", "export.do")))
	if err := waitDone(t, done); err != nil {
		t.Fatalf("export: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "trotsky-timeline.pdf"))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("/MediaBox [0 0 960.00 540.00]")) {
		t.Errorf("not a 16:9 slide PDF (%v): %.300q", err, b)
	}
	g := newExportForm(u, win, u.ds, exportFirst, exportLast, nil)
	o, _, problems := g.check()
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if o.Format != render.PDF || o.Page != "slide" || g.margin.Text != "5mm" {
		t.Errorf("next export's options %+v margin %q, want the remembered slide PDF with 5mm", o, g.margin.Text)
	}
}

func TestExportWritesAndRemembers(t *testing.T) {
	u, win, f, dir := newExportTest(t, []string{"exile"})
	done := doneChan(f)
	f.show()
	f.format.SetSelected(labelSVG)
	f.what.SetSelected(tr("en", "export.whole"))
	f.preset.SetSelected(sizeLabel(1280, 720))
	f.theme.SetSelected(tr("en", "export.print"))
	test.Tap(overlayButton(win, tr("en", "export.do")))
	if err := waitDone(t, done); err != nil {
		t.Fatalf("export: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "trotsky-timeline.svg"))
	if err != nil || !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte(`width="1280"`)) {
		t.Errorf("not a 1280 px wide SVG (%v): %.200s", err, b)
	}

	// The next dialog starts in the same folder with the same choices (but the lanes, which
	// are the window's, and the theme, which follows the window unless it was print).
	g := newExportForm(u, win, u.ds, exportFirst, exportLast, nil)
	o, path, problems := g.check()
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if g.dir != dir || path != filepath.Join(dir, "trotsky-timeline.svg") {
		t.Errorf("next export goes to %q (folder %q), want the folder %q remembered", path, g.dir, dir)
	}
	if o.Format != render.SVG || o.HasRange || o.Width != 1280 || o.Height != 720 || o.Theme != "print" || o.Lanes != nil {
		t.Errorf("next export's options %+v, want the remembered SVG, whole timeline, 1280×720, print, all lanes", o)
	}
}

func TestExportShortcutOpensDialog(t *testing.T) {
	u, win := newTestUI(t, 1400, 900)
	u.doExport()
	if overlayButton(win, tr("en", "export.do")) == nil || overlayButton(win, tr("en", "export.choose")) == nil {
		t.Fatalf("File ▸ Export… shows no export dialog; dialogs say %q", overlayText(win))
	}
	if s := overlayText(win); !strings.Contains(s, tr("en", "export.heading")) {
		t.Errorf("dialog text %q lacks its heading", s)
	}
}

// TestExportFailureKeepsTheDialog: a write that fails (here the folder vanished after the
// check) leaves no file, reports the error, and gives the dialog back with its choices.
func TestExportFailureKeepsTheDialog(t *testing.T) {
	_, win, f, dir := newExportTest(t, nil)
	done := doneChan(f)
	f.show()
	f.title.SetText("Kept title")
	o, path, problems := f.check()
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	f.write(path, o, false)
	if err := waitDone(t, done); err == nil {
		t.Fatal("a write into a vanished folder succeeded")
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a failed export left a file behind")
	}
	if s := overlayText(win); !strings.Contains(s, tr("en", "export.failed")) {
		t.Errorf("no error shown; dialogs say %q", s)
	}
	if overlayButton(win, tr("en", "export.do")) == nil || f.title.Text != "Kept title" {
		t.Error("the export dialog did not come back with its choices")
	}
	if f.busy {
		t.Error("the form stays busy after a failure: Export would do nothing")
	}
}
