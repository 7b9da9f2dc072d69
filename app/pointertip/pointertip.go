// Package pointertip is the two-line tooltip (a bold title and a date line) that the
// timeline (app/timelineview) and the map (app's MapView) show beside the pointer: built
// and placed in one place, so both look and move the same.
package pointertip

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Tip is the tooltip's three canvas objects. A renderer embeds it, lists Objects among
// its own and calls Place from its layout.
type Tip struct {
	Bg          *canvas.Rectangle
	Title, Date *canvas.Text
}

// New builds a hidden tooltip.
func New() Tip {
	p := Tip{
		Bg:    canvas.NewRectangle(color.NRGBA{A: 230}),
		Title: canvas.NewText("", color.White),
		Date:  canvas.NewText("", color.White),
	}
	p.Bg.CornerRadius = 4
	p.Title.TextStyle.Bold = true
	return p
}

// Objects are the tooltip's canvas objects, background first.
func (p *Tip) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{p.Bg, p.Title, p.Date}
}

// Place shows text beside the pointer at, kept inside an area of size, or hides the tip
// when text has no title.
func (p *Tip) Place(text [2]string, at fyne.Position, size fyne.Size) {
	if text[0] == "" {
		p.Bg.Hide()
		p.Title.Hide()
		p.Date.Hide()
		return
	}
	p.Title.Text, p.Date.Text = text[0], text[1]
	ts := theme.TextSize()
	p.Title.TextSize, p.Date.TextSize = ts, ts*0.9
	w1 := fyne.MeasureText(p.Title.Text, ts, p.Title.TextStyle)
	w2 := fyne.MeasureText(p.Date.Text, ts*0.9, p.Date.TextStyle)
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
	p.Bg.Resize(fyne.NewSize(bw, bh))
	p.Bg.Move(fyne.NewPos(x, y))
	p.Title.Move(fyne.NewPos(x+pad, y+pad))
	p.Date.Move(fyne.NewPos(x+pad, y+pad+w1.Height))
	p.Bg.Show()
	p.Title.Show()
	p.Date.Show()
}
