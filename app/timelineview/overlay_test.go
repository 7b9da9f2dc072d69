package timelineview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestOverlaysCoverLittle: apart from the raster, what the timeline draws (focus outline,
// scroll bar, tooltip) covers a small part of it. Fyne's GL painter shades every pixel of a
// rectangle's area, stroke or fill, so without a GPU a widget-sized outline costs as much
// CPU a frame as the timeline's picture. The focus outline still shows, all round.
func TestOverlaysCoverLittle(t *testing.T) {
	test.NewTempApp(t)
	tl := New(NewEngine(loadBuiltin(t), "en", "dark"))
	w := test.NewWindow(tl)
	defer w.Close()
	size := fyne.NewSize(1200, 500)
	w.Resize(size)
	tl.Resize(size)
	tl.FocusGained()

	focus := theme.Color(theme.ColorNameFocus)
	var area float32
	outline := map[string]bool{}
	for _, o := range test.WidgetRenderer(tl).Objects() {
		r, ok := o.(*canvas.Rectangle)
		if !ok || !r.Visible() {
			continue
		}
		fill := r.FillColor != nil && r.FillColor != color.Transparent
		stroke := r.StrokeColor != nil && r.StrokeColor != color.Transparent && r.StrokeWidth > 0
		if !fill && !stroke {
			continue // the painter skips it
		}
		area += r.Size().Width * r.Size().Height
		if fill && r.FillColor == focus || stroke && r.StrokeColor == focus {
			p, s := r.Position(), r.Size()
			outline["top"] = outline["top"] || p.Y <= 0 && s.Width >= size.Width
			outline["bottom"] = outline["bottom"] || p.Y+s.Height >= size.Height && s.Width >= size.Width
			outline["left"] = outline["left"] || p.X <= 0 && s.Height >= size.Height-2*focusW
			outline["right"] = outline["right"] || p.X+s.Width >= size.Width && s.Height >= size.Height-2*focusW
		}
	}
	if len(outline) != 4 || !outline["top"] || !outline["bottom"] || !outline["left"] || !outline["right"] {
		t.Errorf("the focused timeline's outline has sides %v, want all four", outline)
	}
	if whole := size.Width * size.Height; area > whole/20 {
		t.Errorf("the rectangles over the raster cover %.0f px², %.0f%% of the widget; want under 5%%", area, 100*area/whole)
	}
}
