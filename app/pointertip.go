package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// pointerTip is the two-line tooltip (a bold title and a date line) that the timeline and
// the map show beside the pointer. Both renderers embed it, so it looks and moves the same.
type pointerTip struct {
	tipBg             *canvas.Rectangle
	tipTitle, tipDate *canvas.Text
}

func newPointerTip() pointerTip {
	p := pointerTip{
		tipBg:    canvas.NewRectangle(color.NRGBA{A: 230}),
		tipTitle: canvas.NewText("", color.White),
		tipDate:  canvas.NewText("", color.White),
	}
	p.tipBg.CornerRadius = 4
	p.tipTitle.TextStyle.Bold = true
	return p
}

// place shows text beside the pointer at, kept inside an area of size, or hides the tip
// when text has no title.
func (p *pointerTip) place(text [2]string, at fyne.Position, size fyne.Size) {
	if text[0] == "" {
		p.tipBg.Hide()
		p.tipTitle.Hide()
		p.tipDate.Hide()
		return
	}
	p.tipTitle.Text, p.tipDate.Text = text[0], text[1]
	ts := theme.TextSize()
	p.tipTitle.TextSize, p.tipDate.TextSize = ts, ts*0.9
	w1 := fyne.MeasureText(p.tipTitle.Text, ts, p.tipTitle.TextStyle)
	w2 := fyne.MeasureText(p.tipDate.Text, ts*0.9, p.tipDate.TextStyle)
	pad := float32(6)
	bw := max(w1.Width, w2.Width) + 2*pad
	bh := w1.Height + w2.Height + 2*pad
	x, y := at.X+14, at.Y+18
	if x+bw > size.Width {
		x = at.X - bw - 6
	}
	x = max(x, 0)
	if y+bh > size.Height {
		y = at.Y - bh - 6
	}
	p.tipBg.Resize(fyne.NewSize(bw, bh))
	p.tipBg.Move(fyne.NewPos(x, y))
	p.tipTitle.Move(fyne.NewPos(x+pad, y+pad))
	p.tipDate.Move(fyne.NewPos(x+pad, y+pad+w1.Height))
	p.tipBg.Show()
	p.tipTitle.Show()
	p.tipDate.Show()
}
