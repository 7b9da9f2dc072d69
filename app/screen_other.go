//go:build !windows && !(linux && cgo)

package app

// screenLimit knows no limit here: window managers keep windows on the screen (see
// fitScreen); Windows and X11 ask the screen (screen_windows.go, screen_x11.go).
func screenLimit() (w, h float32, ok bool) { return 0, 0, false }
