package app

import (
	"context"
	"time"

	"trotskytimeline/timeline"
)

// Options are the command line's choices for the desktop program.
type Options struct {
	Kiosk bool          // full screen, touch-sized, no menus (issue 6)
	Idle  time.Duration // kiosk: return to the opening view after this long idle
	Lang  string        // "en", "it", "pt"; "" follows the system locale
	Theme string        // "light", "dark", "contrast"; "" follows the system
}

// Run opens the main window on ds and returns when it is closed.
// (Placeholder contract: the app helper replaces this file's body.)
func Run(ctx context.Context, ds *timeline.Dataset, opts Options) error {
	_ = ctx
	_ = ds
	_ = opts
	return nil
}
