package app

import "fyne.io/fyne/v2"

// fitScreen shrinks a window size that would not fit on the screen (screenLimit: its work
// area, in Fyne's units, less the window's frame), and reports whether it did. Windows lets a
// window be larger than the screen: the default 1600×900 on a 1366×768 laptop, or on a
// 1920×1080 one at 150% scaling (2400×1350 pixels), would open with its right and lower parts,
// or its menus, off the screen. Window managers on Linux and macOS keep windows on the screen
// themselves, but a screen without one (a kiosk machine, Xvfb) does not: screenLimit knows the
// screen on Windows and X11. A TT_WINDOW size is kept as asked: it is for trying a layout.
func fitScreen(s fyne.Size) (fyne.Size, bool) {
	if envWindowSize() {
		return s, false
	}
	w, h, ok := screenLimit()
	if !ok {
		return s, false
	}
	return fitSize(s, w, h)
}

// fitSize shrinks s to at most w×h, never below the 320×240 a window needs, and reports
// whether it changed.
func fitSize(s fyne.Size, w, h float32) (fyne.Size, bool) {
	fit := s
	fit.Width = max(min(s.Width, w), 320)
	fit.Height = max(min(s.Height, h), 240)
	return fit, fit != s
}
