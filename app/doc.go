// Package app is the desktop program, the only package that imports Fyne: the main window
// with its zoomable swim-lane timeline, overview strip, details panel, source viewer, search,
// lane toggles, menus and keyboard navigation.
//
// The timeline draws what timeline/scene builds, so the screen and an exported figure agree:
// each frame the TimelineView builds the scene of its view window (scene.BuildInto, reusing
// memory) and rasterises every shape and label into one canvas.Raster with paint.Raster, the
// screen's painter of timeline/paint's one walker (text in Noto Sans, the font the scene
// measured with, from a glyph cache). Fyne
// objects cost time per object per frame; one raster costs the same for 100 or 10,000 shapes.
// A few canvas objects remain for the tooltip, the focus outline and the scroll indicator.
//
// Old Style dates: the details show a day's Julian (Old Style) date next to its Gregorian one
// where the dataset declares the Julian calendar for the event; the rule is
// timeline.Event.OldStyle, not the app's.
//
// Run (run.go) is the only file that imports fyne.io/fyne/v2/app, whose desktop driver needs
// cgo; it builds with cgo only, and run_nocgo.go's Run reports ErrNoWindow instead, so the
// package, its tests (Fyne's software test driver) and a headless command line build with
// CGO_ENABLED=0. TT_TRACE=1 logs (trace.go), in milliseconds since the program started,
// the first frame, each timeline frame's build-and-paint time with the number of scroll and
// drag events it shows (more than one: coalesced), and each overview strip's frame time;
// TT_WINDOW=1024x640 sets the initial window size for trying other sizes.
package app
