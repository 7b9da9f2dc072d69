package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/timeline/paint"
)

// legendWidth is the width of the legend pop-up, in device-independent px.
const legendWidth = 460

// legendImage paints the engine's legend (the figures' entries) at the canvas scale s.
func (u *ui) legendImage(s float32) *canvas.Image {
	// As wide as its type needs (the kiosk's is 1.5 times larger), within the window.
	w := legendWidth * max(1, u.eng.Config().FontSize/12)
	if cw := float64(u.win.Canvas().Size().Width) - 16; cw > legendWidth && w > cw {
		w = cw
	}
	sc := u.eng.Legend(w, u.tl.HiddenLanes())
	if s <= 0 {
		s = 1
	}
	img := image.NewRGBA(image.Rect(0, 0, int(sc.W*float64(s)+0.5), int(sc.H*float64(s)+0.5)))
	paint.NewRaster().Paint(img, sc.Shapes, paint.Transform{S: float64(s)}, nil)
	ci := canvas.NewImageFromImage(img)
	ci.FillMode = canvas.ImageFillContain
	ci.SetMinSize(fyne.NewSize(float32(sc.W), float32(sc.H)))
	return ci
}

// showLegend opens the legend under the Legend button: what each colour and mark of the
// timeline means, with the same entries as an exported figure's legend.
func (u *ui) showLegend() {
	pop := widget.NewPopUp(u.legendImage(u.win.Canvas().Scale()), u.win.Canvas())
	ps := pop.MinSize()
	size := u.win.Canvas().Size()
	pos := fyne.NewPos(size.Width-ps.Width, 48)
	if u.legendBtn != nil {
		if d := fyne.CurrentApp().Driver(); d != nil {
			at := d.AbsolutePositionForObject(u.legendBtn)
			b := u.legendBtn.Size()
			pos = fyne.NewPos(at.X+b.Width-ps.Width, at.Y+b.Height+4)
		}
	}
	pos.X = max(0, min(pos.X, size.Width-ps.Width))
	pop.ShowAtPosition(pos)
	u.legendPop = pop
}
