package app

import (
	"syscall"
	"unsafe"
)

var (
	user32                    = syscall.NewLazyDLL("user32.dll")
	procSystemParametersInfoW = user32.NewProc("SystemParametersInfoW")
	procGetDpiForSystem       = user32.NewProc("GetDpiForSystem")
)

// screenLimit is the largest window content that fits in the primary monitor's work area
// (the screen less the task bar), in Fyne's units: pixels over the display scale, which
// Fyne takes from the monitor's DPI as Windows does (GetDpiForSystem / 96; the package's
// manifest makes the program DPI-aware, so the work area comes in real pixels). The frame
// (title bar and borders, about 31 and 8 pixels at 100%) is kept free.
func screenLimit() (w, h float32, ok bool) {
	if procSystemParametersInfoW.Find() != nil {
		return 0, 0, false
	}
	const spiGetWorkArea = 0x0030
	var r struct{ left, top, right, bottom int32 }
	if res, _, _ := procSystemParametersInfoW.Call(spiGetWorkArea, 0, uintptr(unsafe.Pointer(&r)), 0); res == 0 {
		return 0, 0, false
	}
	dpi := uintptr(96)
	if procGetDpiForSystem.Find() == nil { // Windows 10 1607 and later
		if d, _, _ := procGetDpiForSystem.Call(); d >= 48 {
			dpi = d
		}
	}
	scale := float32(dpi) / 96
	w = float32(r.right-r.left)/scale - 16
	h = float32(r.bottom-r.top)/scale - 40
	return w, h, w > 0 && h > 0
}
