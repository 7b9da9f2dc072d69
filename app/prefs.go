package app

import (
	"math"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// Preference keys: what the program remembers between runs, in Fyne's preferences of the
// app ID org.trotskytimeline.app (~/.config/fyne/org.trotskytimeline.app/preferences.json on
// Linux).
const (
	prefTheme      = "theme"     // "", "light", "dark", "contrast"
	prefLang       = "lang"      // "", "en", "it", "pt"
	prefTextSize   = "text.size" // a textSizes name
	prefWinW       = "window.width"
	prefWinH       = "window.height"
	prefViewData   = "view.dataset" // the dataset file the view below belongs to
	prefViewStart  = "view.start"   // first day shown
	prefViewEnd    = "view.end"     // last day shown (exclusive)
	prefViewScroll = "view.scroll"  // vertical scroll in pixels
	prefOpenDir    = "open.folder"  // the folder File ▸ Open… last opened a file from
	prefBreaks     = "axis.breaks"  // "", "on", "off": View ▸ Compress sparse stretches
)

// settings are the interface choices of a run: the command line's where given, else the
// remembered ones, else the defaults (system language and theme, normal text).
type settings struct {
	Lang     string // "en", "it", "pt"
	Theme    string // "", "light", "dark", "contrast" ("": the system's)
	TextSize string // a textSizes name
	Linear   bool   // the time axis without breaks (remembered "off", or --breaks=false)
}

// prefs returns the app's preferences, or nil without an app.
func prefs() fyne.Preferences {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences()
	}
	return nil
}

// loadSettings resolves the settings of a run: flags (opts) win over remembered values.
func loadSettings(p fyne.Preferences, opts Options) settings {
	s := settings{TextSize: "normal"}
	if p != nil {
		if v := p.String(prefLang); v != "" {
			s.Lang = normLang(v)
		}
		if v := p.String(prefTheme); validTheme(v) {
			s.Theme = v
		}
		if v := p.String(prefTextSize); validTextSize(v) {
			s.TextSize = v
		}
		// Only "off" turns the breaks off: any other value (a hand-edited "no", "0") is
		// ignored like every value out of range, and the default (on) holds.
		s.Linear = p.String(prefBreaks) == "off"
	}
	if opts.Linear {
		s.Linear = true
	}
	if opts.Lang != "" {
		s.Lang = normLang(opts.Lang)
	}
	if s.Lang == "" {
		s.Lang = systemLang()
	}
	if opts.Theme != "" && validTheme(opts.Theme) {
		s.Theme = opts.Theme
	}
	return s
}

// savedView is the remembered view of a dataset.
type savedView struct {
	Start, End, ScrollY float64
}

// datasetKey names a dataset file in the preferences: its absolute path (the built-in
// dataset's "data/trotsky.json" as it is).
func datasetKey(path string) string {
	if path == "" || !filepath.IsAbs(path) && !fileExists(path) {
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// loadView returns the view remembered for the dataset at path, if the last view saved
// belongs to it.
func loadView(p fyne.Preferences, path string) (savedView, bool) {
	if p == nil || path == "" || p.String(prefViewData) != datasetKey(path) {
		return savedView{}, false
	}
	v := savedView{Start: p.Float(prefViewStart), End: p.Float(prefViewEnd), ScrollY: p.Float(prefViewScroll)}
	// A preferences file is edited by hand now and then: a value out of any sensible
	// range (an infinite day, a scroll of 1e10 px) is dropped, not trusted; the widget
	// clamps the rest to the timeline's limits and height.
	if !(v.End > v.Start) || !inRange(v.Start, -maxViewDay, maxViewDay) || !inRange(v.End, -maxViewDay, maxViewDay) ||
		!inRange(v.ScrollY, 0, maxScroll) {
		return savedView{}, false
	}
	return v, true
}

// saveView remembers the view of the dataset at path.
func saveView(p fyne.Preferences, path string, v savedView) {
	if p == nil || path == "" || !(v.End > v.Start) {
		return
	}
	p.SetString(prefViewData, datasetKey(path))
	p.SetFloat(prefViewStart, v.Start)
	p.SetFloat(prefViewEnd, v.End)
	p.SetFloat(prefViewScroll, v.ScrollY)
}

// windowSizeFrom is the first window size: TT_WINDOW when set (for trying layouts), else the
// remembered size, else 1600×900.
func windowSizeFrom(p fyne.Preferences) fyne.Size {
	def := windowSize()
	if envWindowSize() || p == nil {
		return def
	}
	w, h := p.Float(prefWinW), p.Float(prefWinH)
	if !inRange(w, minWinW, math.MaxFloat64) || !inRange(h, minWinH, math.MaxFloat64) {
		return def // missing, too small, or not a number
	}
	// A width of 1e10 (an edited file, a window once spread over several screens) made
	// the window fail to open at every start: at most the largest screen we allow for.
	return fyne.NewSize(float32(min(w, maxWinW)), float32(min(h, maxWinH)))
}

// The window sizes remembered and restored: at least 320×240, at most 7680×4320 (an 8K
// screen; Fyne tells no screen's size before the window opens).
const (
	minWinW, minWinH = 320, 240
	maxWinW, maxWinH = 7680, 4320
	// maxViewDay bounds a remembered view's days (about 27,000 years either side of 1970);
	// maxScroll its vertical scroll in pixels.
	maxViewDay = 1e7
	maxScroll  = 1e6
)

// inRange reports whether v is a number within [lo, hi] (NaN is not).
func inRange(v, lo, hi float64) bool { return v >= lo && v <= hi }

// saveBreaks remembers whether the time axis compresses sparse stretches.
func saveBreaks(p fyne.Preferences, linear bool) {
	if p == nil {
		return
	}
	v := "on"
	if linear {
		v = "off"
	}
	p.SetString(prefBreaks, v)
}

// saveWindowSize remembers the window's size for the next run, unless TT_WINDOW chose it
// (a size for trying a layout is not the user's).
func saveWindowSize(p fyne.Preferences, s fyne.Size) {
	if p == nil || s.Width < minWinW || s.Height < minWinH || envWindowSize() {
		return
	}
	p.SetFloat(prefWinW, min(float64(s.Width), maxWinW))
	p.SetFloat(prefWinH, min(float64(s.Height), maxWinH))
}

// envWindowSize reports whether TT_WINDOW asks for a window size.
func envWindowSize() bool { return os.Getenv("TT_WINDOW") != "" }

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// startSize is the size the window is asked for before it shows, whether that was shrunk
// to the screen (then the window is centred), and whether to ask at all: a kiosk asks for
// none and goes full screen. Asked for the desktop's 1600x900 on a 1600x900 screen, the
// kiosk's full screen window drew its content 50 px down from the top with its bottom cut
// off (seen under Xvfb, where there is no window manager); asked for 1200x700, or nothing,
// it fills the screen from the top.
func startSize(p fyne.Preferences, o Options) (size fyne.Size, fitted, ok bool) {
	if o.Kiosk {
		return fyne.Size{}, false, false
	}
	size, fitted = fitScreen(windowSizeFrom(p))
	return size, fitted, true
}
