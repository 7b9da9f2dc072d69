//go:build linux && cgo

package app

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

// tt_screen_size writes the default screen's size in pixels; 0 without an X display.
static int tt_screen_size(int *w, int *h) {
	Display *d = XOpenDisplay(NULL);
	if (d == NULL) return 0;
	Screen *s = DefaultScreenOfDisplay(d);
	*w = WidthOfScreen(s);
	*h = HeightOfScreen(s);
	XCloseDisplay(d);
	return 1;
}
*/
import "C"

// screenLimit is the X screen's size in pixels (on Wayland, XWayland's), or no limit without
// an X display. Window managers keep a window on the screen, but without one (a kiosk
// machine, a remote or virtual display: Xvfb) the default 1600x900 window opened on a
// 1024x640 screen with its right part, the toolbar's buttons, and its lower part off it
// (seen under Xvfb). Pixels are compared with Fyne's units: at a scale above 1 this limit is
// looser than the screen, never tighter, and the window manager does the rest.
func screenLimit() (w, h float32, ok bool) {
	var cw, ch C.int
	if C.tt_screen_size(&cw, &ch) == 0 || cw <= 0 || ch <= 0 {
		return 0, 0, false
	}
	return float32(cw), float32(ch), true
}
