package app

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format/importer"
)

func TestLoadSettings(t *testing.T) {
	tests := []struct {
		name  string
		prefs map[string]string
		opts  Options
		want  settings
	}{
		{"defaults", nil, Options{}, settings{Lang: systemLang(), Theme: "", TextSize: "normal"}},
		{"remembered", map[string]string{prefLang: "it", prefTheme: "dark", prefTextSize: "large"}, Options{},
			settings{Lang: "it", Theme: "dark", TextSize: "large"}},
		{"flags win", map[string]string{prefLang: "it", prefTheme: "dark", prefTextSize: "large"}, Options{Lang: "pt", Theme: "contrast"},
			settings{Lang: "pt", Theme: "contrast", TextSize: "large"}},
		{"bad remembered values ignored", map[string]string{prefLang: "xx", prefTheme: "neon", prefTextSize: "huge", prefBreaks: "no"}, Options{},
			settings{Lang: "en", Theme: "", TextSize: "normal"}},
		{"breaks off remembered", map[string]string{prefLang: "en", prefBreaks: "off"}, Options{},
			settings{Lang: "en", TextSize: "normal", Linear: true}},
		{"breaks on remembered, off by flag", map[string]string{prefLang: "en", prefBreaks: "on"}, Options{Linear: true},
			settings{Lang: "en", TextSize: "normal", Linear: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			p := a.Preferences()
			for k, v := range tc.prefs {
				p.SetString(k, v)
			}
			if got := loadSettings(p, tc.opts); got != tc.want {
				t.Errorf("loadSettings = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestRememberedSettingsApply opens a window with remembered theme and text size and no
// flags: the Fyne theme and the scene follow them.
func TestRememberedSettingsApply(t *testing.T) {
	a := test.NewTempApp(t)
	t.Cleanup(func() { setLanguage("en") })
	a.Preferences().SetString(prefTheme, "contrast")
	a.Preferences().SetString(prefTextSize, "xlarge")
	a.Preferences().SetString(prefLang, "pt")
	win := a.NewWindow("")
	u := newUI(win, testDataset(t), Options{})
	if u.lang != "pt" || u.eng.Config().Lang != "pt" {
		t.Errorf("language %q / scene %q, want pt", u.lang, u.eng.Config().Lang)
	}
	if u.eng.Config().Theme.Name != "contrast" {
		t.Errorf("scene theme %q, want contrast", u.eng.Config().Theme.Name)
	}
	if got := theme.TextSize(); got != 21 {
		t.Errorf("Fyne text size %v, want 21 (14 × 1.5)", got)
	}
	if u.eng.Config().FontSize != 18 || u.eng.Config().RowHeight != 33 {
		t.Errorf("scene font %v row %v, want 18 and 33", u.eng.Config().FontSize, u.eng.Config().RowHeight)
	}
}

func TestThemeAndTextSizeSwitch(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	p := fyne.CurrentApp().Preferences()
	tests := []struct {
		name       string
		do         func()
		sceneTheme string
		textSize   float32
		fontSize   float64
	}{
		{"dark", func() { u.setTheme("dark") }, "dark", 14, 12},
		{"contrast", func() { u.setTheme("contrast") }, "contrast", 14, 12},
		{"large", func() { u.setTextSize("large") }, "contrast", 18, 15},
		{"small", func() { u.setTextSize("small") }, "contrast", 12, 10},
		{"light normal", func() { u.setTheme("light"); u.setTextSize("normal") }, "light", 14, 12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.do()
			win.Canvas().Capture()
			if got := u.eng.Config().Theme.Name; got != tc.sceneTheme {
				t.Errorf("scene theme %q, want %q", got, tc.sceneTheme)
			}
			if got := fyne.CurrentApp().Settings().Theme().(*appTheme).name; got != tc.sceneTheme {
				t.Errorf("Fyne theme %q, want %q", got, tc.sceneTheme)
			}
			if got := theme.TextSize(); got != tc.textSize {
				t.Errorf("text size %v, want %v", got, tc.textSize)
			}
			if got := u.eng.Config().FontSize; got != tc.fontSize {
				t.Errorf("scene font size %v, want %v", got, tc.fontSize)
			}
			if p.String(prefTheme) != u.set.Theme || p.String(prefTextSize) != "" && p.String(prefTextSize) != u.set.TextSize {
				t.Errorf("remembered %q/%q, in use %q/%q", p.String(prefTheme), p.String(prefTextSize), u.set.Theme, u.set.TextSize)
			}
		})
	}
}

func TestLastViewRestoredForSameDataset(t *testing.T) {
	t.Setenv("TT_WINDOW", "")
	a := test.NewTempApp(t)
	ds := testDataset(t)
	ds.Path = "/somewhere/test.json"
	win := a.NewWindow("")
	u := newUI(win, ds, Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(900, 300))
	win.Canvas().Capture()
	u.tl.ShowRange(-10000, -5000)
	u.tl.ScrollBy(40)
	win.Canvas().Capture()
	want, wantY := u.tl.View(), u.tl.ScrollY()
	u.saveState()
	win.Close()
	if got := windowSizeFrom(a.Preferences()); got != fyne.NewSize(900, 300) {
		t.Errorf("remembered window size %v, want 900×300", got)
	}

	tests := []struct {
		name    string
		path    string
		restore bool
	}{
		{"same dataset", "/somewhere/test.json", true},
		{"another dataset", "/elsewhere/other.json", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := testDataset(t)
			ds.Path = tc.path
			win := a.NewWindow("")
			u := newUI(win, ds, Options{Lang: "en", Theme: "light"})
			win.Resize(fyne.NewSize(900, 300))
			win.Canvas().Capture()
			defer win.Close()
			v := u.tl.View()
			same := near(v.Start, want.Start, 0.5) && near(v.End, want.End, 0.5)
			if same != tc.restore {
				t.Errorf("view %.0f..%.0f, saved %.0f..%.0f: restored %v, want %v", v.Start, v.End, want.Start, want.End, same, tc.restore)
			}
			if tc.restore && !near(u.tl.ScrollY(), wantY, 0.5) {
				t.Errorf("scroll %v, want %v", u.tl.ScrollY(), wantY)
			}
		})
	}
}

const goodTimeline = `{
  "format": "timeline/1",
  "title": "Another timeline",
  "lanes": [{"id": "a", "title": "A"}],
  "sources": [],
  "events": [
    {"id": "one", "lane": "a", "title": "One", "start": "1900"},
    {"id": "two", "lane": "a", "title": "Two", "start": "1910-05-01"}
  ]
}
`

// badTimeline has three problems: an unknown lane, a bad date and an end before its start.
const badTimeline = `{
  "format": "timeline/1",
  "title": "Broken",
  "lanes": [{"id": "a", "title": "A"}],
  "sources": [],
  "events": [
    {"id": "one", "lane": "nope", "title": "One", "start": "1900"},
    {"id": "two", "lane": "a", "title": "Two", "start": "1910-13-01"},
    {"id": "three", "lane": "a", "title": "Three", "start": "1920", "end": "1910"}
  ]
}
`

func TestOpenFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad, good := write("bad.json", badTimeline), write("good.json", goodTimeline)
	csv := write("tl.csv", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n1917,11,7,,,,,,,October,,,,,,,,\n")

	u, win := newTestUI(t, 1000, 600)
	u.openFile = importer.OpenContext
	done := make(chan error, 1)
	u.onOpened = func(err error) { done <- err }
	open := func(path string) error {
		t.Helper()
		u.openPath(path)
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatalf("opening %s did not finish", path)
		}
		return nil
	}
	old := u.ds

	t.Run("bad file keeps the dataset and lists every problem", func(t *testing.T) {
		if err := open(bad); err == nil {
			t.Fatal("bad file opened")
		}
		if u.ds != old || u.tl.Engine().Dataset() != old {
			t.Error("the old dataset was replaced")
		}
		lines := strings.Split(u.openErrText, "\n")
		if len(lines) != 3 {
			t.Errorf("%d messages, want 3:\n%s", len(lines), u.openErrText)
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, bad+":") || strings.Count(l, ":") < 4 {
				t.Errorf("message %q is not FILE:LINE:COL: field: message", l)
			}
		}
		if top := win.Canvas().Overlays().Top(); top == nil {
			t.Error("no dialog shown")
		} else {
			var txt strings.Builder
			for _, o := range test.LaidOutObjects(top) {
				if l, ok := o.(*widget.Label); ok {
					txt.WriteString(l.Text + "\n")
				}
			}
			if !strings.Contains(txt.String(), "bad.json: 3 problems") || !strings.Contains(txt.String(), "events[1].start") {
				t.Errorf("dialog text:\n%s", txt.String())
			}
		}
	})
	t.Run("good file replaces it", func(t *testing.T) {
		if err := open(good); err != nil {
			t.Fatal(err)
		}
		if u.ds.Title != "Another timeline" || len(u.ds.Events) != 2 || u.tl.Engine().Dataset() != u.ds {
			t.Errorf("dataset %q with %d events", u.ds.Title, len(u.ds.Events))
		}
		if got := win.Title(); got != "Another timeline" {
			t.Errorf("window title %q", got)
		}
	})
	t.Run("TimelineJS CSV", func(t *testing.T) {
		if err := open(csv); err != nil {
			t.Fatal(err)
		}
		if len(u.ds.Events) != 1 {
			t.Errorf("%d events, want 1", len(u.ds.Events))
		}
	})
}

// TestHostilePrefs: values out of range in the preferences file (issue 13.6: a width of
// 1e10 crashed the app at every start) are clamped or dropped, never used as they are.
func TestHostilePrefs(t *testing.T) {
	t.Setenv("TT_WINDOW", "")
	a := test.NewTempApp(t)
	p := a.Preferences()
	for _, tc := range []struct {
		w, h float64
		want fyne.Size
	}{
		{1e10, 1e10, fyne.NewSize(maxWinW, maxWinH)},
		{100000, 900, fyne.NewSize(maxWinW, 900)},
		{math.Inf(1), 900, windowSize()},
		{math.NaN(), 900, windowSize()},
		{-5, 900, windowSize()},
		{1200, 700, fyne.NewSize(1200, 700)},
	} {
		p.SetFloat(prefWinW, tc.w)
		p.SetFloat(prefWinH, tc.h)
		if got := windowSizeFrom(p); got != tc.want {
			t.Errorf("window %v×%v: size %v, want %v", tc.w, tc.h, got, tc.want)
		}
	}
	saveView(p, "x.json", savedView{Start: 1, End: 2})
	for _, bad := range []savedView{{Start: math.Inf(-1), End: 2}, {Start: 1, End: 1e300}, {Start: 1, End: 2, ScrollY: 1e10}, {Start: 1, End: 2, ScrollY: math.NaN()}} {
		p.SetFloat(prefViewStart, bad.Start)
		p.SetFloat(prefViewEnd, bad.End)
		p.SetFloat(prefViewScroll, bad.ScrollY)
		if v, ok := loadView(p, "x.json"); ok {
			t.Errorf("view %+v restored as %+v", bad, v)
		}
	}
}

// TestOpenCancel: the "Opening…" dialog's Cancel stops the loading (its context is
// canceled) and keeps the current timeline (issue 13.7).
func TestOpenCancel(t *testing.T) {
	u, win := newTestUI(t, 1000, 600)
	started := make(chan bool)
	stopped := make(chan bool, 1)
	u.openFile = func(ctx context.Context, path string) (*timeline.Dataset, error) {
		close(started)
		<-ctx.Done() // a load that only ends when canceled
		stopped <- true
		return nil, ctx.Err()
	}
	done := make(chan error, 1)
	u.onOpened = func(err error) { done <- err }
	old := u.ds
	u.openPath("/somewhere/huge.json")
	<-started
	var cancelBtn *widget.Button
	if top := win.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Cancel" {
				cancelBtn = b
			}
		}
	}
	if cancelBtn == nil {
		t.Fatal("no Cancel button on the Opening dialog")
	}
	test.Tap(cancelBtn)
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the load was not canceled")
	}
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("onOpened(%v), want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("opening did not finish")
	}
	if u.ds != old || u.tl.Engine().Dataset() != old {
		t.Error("the current timeline was replaced")
	}
	if top := win.Canvas().Overlays().Top(); top != nil {
		t.Error("a dialog is still shown after Cancel")
	}
}

// TestBreaksRemembered: View ▸ Compress sparse stretches is remembered for the next window,
// and a kiosk neither reads nor writes it.
func TestBreaksRemembered(t *testing.T) {
	u, _ := newTestUI(t, 1000, 600)
	p := fyne.CurrentApp().Preferences()
	u.toggleBreaks()
	if !u.opts.Linear || p.String(prefBreaks) != "off" {
		t.Fatalf("after turning breaks off: linear %v, remembered %q", u.opts.Linear, p.String(prefBreaks))
	}
	next := newUI(fyne.CurrentApp().NewWindow(""), u.ds, Options{Lang: "en", Theme: "light"})
	if !next.opts.Linear || !next.eng.Linear() || next.eng.Axis() != nil {
		t.Error("the next window does not start with the breaks off")
	}
	kiosk := newUI(fyne.CurrentApp().NewWindow(""), u.ds, Options{Lang: "en", Theme: "light", Kiosk: true})
	if kiosk.opts.Linear {
		t.Error("a kiosk took the remembered choice")
	}
	next.toggleBreaks()
	if next.opts.Linear || p.String(prefBreaks) != "on" {
		t.Errorf("after turning breaks on: linear %v, remembered %q", next.opts.Linear, p.String(prefBreaks))
	}
}

// TestKioskAsksNoWindowSize: the kiosk's window asks for no size before it goes full screen
// (asked for the desktop's 1600x900 on a 1600x900 screen, its content sat 50 px down with
// its bottom cut), while the desktop window asks for its remembered size.
func TestKioskAsksNoWindowSize(t *testing.T) {
	t.Setenv("TT_WINDOW", "")
	a := test.NewTempApp(t)
	p := a.Preferences()
	p.SetFloat(prefWinW, 1000)
	p.SetFloat(prefWinH, 700)
	if _, _, ok := startSize(p, Options{Kiosk: true}); ok {
		t.Error("the kiosk asks for a window size before full screen")
	}
	if size, _, ok := startSize(p, Options{}); !ok || size != fyne.NewSize(1000, 700) {
		t.Errorf("the window asks for %v (%v), want its remembered 1000x700", size, ok)
	}
}
