//go:build !windows

package app

// screenLimit knows no limit: window managers keep windows on the screen (see fitScreen).
func screenLimit() (w, h float32, ok bool) { return 0, 0, false }
