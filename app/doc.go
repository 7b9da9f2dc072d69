// Package app is the desktop program, the only package that imports Fyne: the main window
// with its zoomable swim-lane timeline, overview strip, details panel, source viewer, search,
// lane toggles, menus and keyboard navigation.
//
// The rooms: the timeline widget, its overview strip and the engine they draw with (the
// app's one door to timeline/scene) are package app/timelineview, whose state changes only
// through its methods; this package registers listeners with it (mode.go) and never reaches
// into it. The two-line pointer tooltip the timeline and the map share is app/pointertip;
// the TT_TRACE log is app/internal/trace. Search and accent folding are timeline/search's.
//
// Old Style dates: the details show a day's Julian (Old Style) date next to its Gregorian one
// where the dataset declares the Julian calendar for the event; the rule is
// timeline.Event.OldStyle, not the app's.
//
// Run (run.go) is the only file that imports fyne.io/fyne/v2/app, whose desktop driver needs
// cgo; it builds with cgo only, and run_nocgo.go's Run reports ErrNoWindow instead, so the
// package, its tests (Fyne's software test driver) and a headless command line build with
// CGO_ENABLED=0. TT_TRACE=1 logs (app/internal/trace), in milliseconds since the program started,
// the first frame, each timeline frame's build-and-paint time with the number of scroll and
// drag events it shows (more than one: coalesced), and each overview strip's frame time;
// TT_WINDOW=1024x640 sets the initial window size for trying other sizes.
package app
