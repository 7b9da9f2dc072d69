package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.8.1 has no tooltips: an icon-only button says what it does in a small label that
// shows under it while the pointer is over it. The label lives in a layer over the window's
// content that takes no input (canvas objects that are not widgets do not catch taps).

// tipButton is a button with a tooltip.
type tipButton struct {
	widget.Button
	tip  string
	tips *tipLayer
}

// newTipButton is an icon-only button (label "" ) or a labelled one, saying tip on hover.
func newTipButton(label string, icon fyne.Resource, tip string, tips *tipLayer, tapped func()) *tipButton {
	b := &tipButton{tip: tip, tips: tips}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the tooltip.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	if b.tips != nil {
		b.tips.show(b, b.tip)
	}
}

// MouseOut hides it.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	if b.tips != nil {
		b.tips.hide(b)
	}
}

// Tapped hides the tooltip (the button's action may change what is under the pointer).
func (b *tipButton) Tapped(e *fyne.PointEvent) {
	if b.tips != nil {
		b.tips.hide(b)
	}
	b.Button.Tapped(e)
}

// tipLayer is the layer the tooltips show in.
type tipLayer struct {
	layer *fyne.Container
	bg    *canvas.Rectangle
	text  *canvas.Text
	owner fyne.CanvasObject
}

func newTipLayer() *tipLayer {
	t := &tipLayer{}
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	t.bg.StrokeColor = theme.Color(theme.ColorNameForeground)
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = 4
	t.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	t.text.TextSize = theme.CaptionTextSize()
	t.layer = container.NewWithoutLayout(t.bg, t.text)
	t.layer.Hide()
	return t
}

// show puts the tooltip under obj (right-aligned with it, inside the layer).
func (t *tipLayer) show(obj fyne.CanvasObject, tip string) {
	if tip == "" {
		return
	}
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(obj)
	origin := d.AbsolutePositionForObject(t.layer)
	pad := theme.Padding()
	t.text.Text = tip
	t.text.Color = theme.Color(theme.ColorNameForeground)
	t.text.TextSize = theme.CaptionTextSize()
	ts := fyne.MeasureText(tip, t.text.TextSize, t.text.TextStyle)
	size := fyne.NewSize(ts.Width+2*pad, ts.Height+pad)
	x := at.X - origin.X + obj.Size().Width - size.Width
	x = max(0, min(x, t.layer.Size().Width-size.Width))
	y := at.Y - origin.Y + obj.Size().Height + 2
	if y+size.Height > t.layer.Size().Height { // no room under it: above
		y = at.Y - origin.Y - size.Height - 2
	}
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.bg.StrokeColor = theme.Color(theme.ColorNameForeground)
	t.bg.Move(fyne.NewPos(x, y))
	t.bg.Resize(size)
	t.text.Move(fyne.NewPos(x+pad, y+pad/2))
	t.text.Resize(ts)
	t.owner = obj
	t.layer.Show()
	t.layer.Refresh()
}

// hide hides the tooltip if obj's is shown.
func (t *tipLayer) hide(obj fyne.CanvasObject) {
	if t.owner == obj {
		t.owner = nil
		t.layer.Hide()
	}
}

// shown is the tooltip's text, "" when hidden (tests).
func (t *tipLayer) shown() string {
	if !t.layer.Visible() {
		return ""
	}
	return t.text.Text
}
