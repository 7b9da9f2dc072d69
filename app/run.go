//go:build cgo

package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"trotskytimeline/timeline"
)

// Run opens the main window on ds and returns when it is closed (or ctx is cancelled).
// This is the only file that imports Fyne's app package (and so needs cgo).
func Run(ctx context.Context, ds *timeline.Dataset, opts Options) error {
	a := fyneapp.NewWithID("org.trotskytimeline.app")
	tracef("app created after %d ms", time.Since(started).Milliseconds())
	st := loadSettings(a.Preferences(), opts) // flags win over remembered choices
	a.Settings().SetTheme(&appTheme{name: st.Theme, scale: textScale(st.TextSize)})
	w := a.NewWindow(ds.Title)
	tracef("window created after %d ms", time.Since(started).Milliseconds())
	u := newUI(w, ds, opts)
	if size, fitted, ok := startSize(a.Preferences(), opts); ok {
		w.Resize(size)
		if fitted {
			w.CenterOnScreen()
		}
	}
	u.wire(opts) // after the size: a dialog of a refused file's problems is sized to the window
	// Closing the window remembers its size and the view for the next run.
	w.SetCloseIntercept(func() {
		u.saveState()
		w.Close()
	})
	if opts.Kiosk {
		u.startKiosk(a.Quit) // full screen, no menus, Ctrl+Shift+Q quits (kiosk.go)
	}
	w.SetMaster()
	stop := context.AfterFunc(ctx, func() { // Ctrl+C in the terminal: remember, then close
		fyne.Do(func() {
			u.saveState()
			w.Close()
		})
	})
	defer stop()
	tracef("window built after %d ms", time.Since(started).Milliseconds())
	w.ShowAndRun()
	return ctx.Err()
}
