package app

import (
	"context"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"trotskytimeline/timeline"
)

// Options are the command line's choices for the desktop program.
type Options struct {
	Kiosk bool          // full screen, touch-sized, no menus (issue 6)
	Idle  time.Duration // kiosk: return to the opening view after this long idle
	Lang  string        // "en", "it", "pt"; "" follows the system locale
	Theme string        // "light", "dark", "contrast"; "" follows the system
	// Linear turns the broken time axis off (View ▸ Compress empty stretches toggles it):
	// long stretches without events are then drawn at full width.
	Linear bool

	// Open loads a dataset file for File ▸ Open…; nil leaves the item out. The "Opening…"
	// dialog's Cancel cancels ctx, and Open should then return soon (importer.OpenContext
	// does, within milliseconds); the current timeline stays.
	Open func(ctx context.Context, path string) (*timeline.Dataset, error)
	// Export, when set, is what File ▸ Export… (Ctrl+E) does with the window, the dataset,
	// the days in view (first, last) and the lane ids shown. nil: the export dialog of
	// export.go (view or whole timeline, lanes, size, scale, theme, title, folder and name),
	// which writes render.Render's figure atomically and replaces a file only when confirmed.
	Export func(w fyne.Window, ds *timeline.Dataset, first, last float64, lanes []string)

	// OpenError, when set, is why the file at OpenErrorPath (named on the command line) was
	// not opened: the window shows ds (the built-in timeline) with the problems in a dialog.
	OpenError     error
	OpenErrorPath string
}

// windowSize is the default window size, 1600×900, or TT_WINDOW ("1024x640") for trying the
// layout at other sizes.
func windowSize() fyne.Size {
	var w, h float32
	if v := os.Getenv("TT_WINDOW"); v != "" {
		if n, _ := fmt.Sscanf(v, "%fx%f", &w, &h); n == 2 && w >= 320 && h >= 240 {
			return fyne.NewSize(w, h)
		}
	}
	return fyne.NewSize(1600, 900)
}
