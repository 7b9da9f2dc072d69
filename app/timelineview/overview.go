package timelineview

import (
	"image"
	"image/draw"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/app/internal/trace"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/scene"
)

// Overview is the strip under the timeline: the whole span with each lane's density and the
// current view as a box; dragging or clicking moves the view there.
type Overview struct {
	widget.BaseWidget
	eng *Engine
	tl  *Timeline
}

var (
	_ fyne.Draggable = (*Overview)(nil)
	_ fyne.Tappable  = (*Overview)(nil)
)

// NewOverview returns the strip of tl, drawn with eng.
func NewOverview(eng *Engine, tl *Timeline) *Overview {
	o := &Overview{eng: eng, tl: tl}
	o.ExtendBaseWidget(o)
	return o
}

// MinSize is the strip's height.
func (o *Overview) MinSize() fyne.Size { return fyne.NewSize(200, 44) }

// CreateRenderer returns the strip's renderer: the lanes' densities in one raster, painted
// again only when they change (size, hidden lanes, theme), and the view's box in a second
// raster over it, as wide as the box, painted at each move of the view.
func (o *Overview) CreateRenderer() fyne.WidgetRenderer {
	r := &overviewRenderer{o: o, p: paint.NewRaster()}
	r.strip = canvas.NewRaster(r.stripFrame)
	r.strip.ScaleMode = canvas.ImageScalePixels
	r.box = canvas.NewRaster(r.boxFrame)
	r.box.ScaleMode = canvas.ImageScalePixels
	return r
}

// centreAt moves the timeline's view so its centre is the day under x.
func (o *Overview) centreAt(x float32) {
	v := o.tl.View()
	full := o.FullView()
	o.tl.SetView(v.CentredOn(full.Day(float64(x))))
}

// FullView maps the strip's width to the whole dataset.
func (o *Overview) FullView() scale.View {
	first, last := o.eng.Domain()
	return o.eng.Fit(first, last, float64(o.Size().Width))
}

// Dragged moves the view box with the pointer.
func (o *Overview) Dragged(e *fyne.DragEvent) { o.centreAt(e.Position.X) }

// DragEnd ends a drag.
func (o *Overview) DragEnd() {}

// Tapped centres the view on the day clicked.
func (o *Overview) Tapped(e *fyne.PointEvent) { o.centreAt(e.Position.X) }

// overviewRenderer draws the strip as two rasters. Fyne's GL painter uploads a raster's
// picture again whenever it is refreshed, and a pan refreshes the strip at every step of a
// drag: with the densities in a raster of their own, only the box's (a few dozen pixels wide
// at most zooms) is painted and uploaded then. The box's raster holds the strip's pixels
// under it with the box painted over them, so the window shows the pixels one raster of
// the whole strip showed. A box wider than half the strip (the whole span in view) is
// painted into the strip's raster instead, as before: a second raster that wide would cost
// llvmpipe more pixels a frame than it saves.
type overviewRenderer struct {
	o     *Overview
	p     *paint.Raster
	strip *canvas.Raster // the densities, without the box
	box   *canvas.Raster // the box, over the strip's pixels under it
	// buf is the strip's picture; bufGen the scene.OverviewGen it was painted from, bufBox
	// whether the box is painted in it.
	buf    *image.RGBA
	bufGen uint64
	bufBox bool
	// boxInStrip: the box is wide and goes into the strip's raster (placeBox decides).
	boxInStrip bool
	// shownGen and shownBox are what the strip raster shows (Refresh compares).
	shownGen uint64
	shownBox bool
	scale    float64 // raster pixels a unit of the widget (the canvas's scale)
	boxBuf   *image.RGBA
}

func (r *overviewRenderer) Destroy()                     {}
func (r *overviewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.strip, r.box} }
func (r *overviewRenderer) MinSize() fyne.Size           { return r.o.MinSize() }

func (r *overviewRenderer) Layout(s fyne.Size) {
	r.strip.Resize(s) // a new size refreshes it
	r.placeBox(r.scene())
	canvas.Refresh(r.box)
}

// Refresh repaints the strip only if its densities changed, and the box.
func (r *overviewRenderer) Refresh() {
	sc := r.scene()
	r.placeBox(sc)
	if sc.OverviewGen() != r.shownGen || r.boxInStrip || r.shownBox {
		canvas.Refresh(r.strip)
	}
	if !r.boxInStrip {
		canvas.Refresh(r.box)
	}
}

// scene is the strip's scene for the widget's size and the timeline's view.
func (r *overviewRenderer) scene() *scene.Scene {
	return r.o.eng.overview(r.o.FullView(), r.o.tl.View(), float64(r.o.Size().Height), r.o.tl.hidden)
}

// pixelScale is the raster pixels a unit of the widget: the last strip frame's, else the
// canvas's.
func (r *overviewRenderer) pixelScale() float64 {
	if r.scale > 0 {
		return r.scale
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.o); c != nil && c.Scale() > 0 {
		return float64(c.Scale())
	}
	return 1
}

// placeBox puts the box's raster over the box of sc (its last shape), on whole pixels of the
// strip, with room for the outline and its anti-aliasing, the strip's height; or, for a box
// wider than half the strip, hides it and has the strip's raster paint the box.
func (r *overviewRenderer) placeBox(sc *scene.Scene) {
	size := r.o.Size()
	n := len(sc.Shapes)
	r.boxInStrip = false
	if n == 0 || sc.Shapes[n-1].Kind != scene.KindOverviewWindow || size.Width <= 0 {
		r.box.Hide()
		return
	}
	b := &sc.Shapes[n-1]
	s := r.pixelScale()
	m := b.StrokeW + 2
	wpx := math.Round(float64(size.Width) * s)
	x0 := math.Max(0, math.Floor((b.X-m)*s))
	x1 := math.Min(wpx, math.Ceil((b.X+b.W+m)*s))
	if x1 <= x0 {
		r.box.Hide()
		return
	}
	if x1-x0 > wpx/2 {
		r.boxInStrip = true
		r.box.Hide()
		return
	}
	r.box.Move(fyne.NewPos(float32(x0/s), 0))
	r.box.Resize(fyne.NewSize(float32((x1-x0)/s), size.Height))
	r.box.Show()
}

// paintStrip paints the densities into buf, w×h pixels, and the box too when withBox;
// the densities alone only when buf does not hold them already.
func (r *overviewRenderer) paintStrip(sc *scene.Scene, w, h int, withBox bool) {
	if !withBox && !r.bufBox && r.buf != nil && r.buf.Rect.Dx() == w && r.buf.Rect.Dy() == h && r.bufGen == sc.OverviewGen() {
		return
	}
	if r.buf == nil || r.buf.Rect.Dx() != w || r.buf.Rect.Dy() != h {
		r.buf = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	shapes := sc.Shapes
	if n := len(shapes); n > 0 && shapes[n-1].Kind == scene.KindOverviewWindow && !withBox {
		shapes = shapes[:n-1]
	}
	r.p.PaintOn(r.buf, sc.Background, shapes, paint.Transform{S: r.pixelScale()}, nil)
	r.bufGen, r.bufBox = sc.OverviewGen(), withBox
}

// stripFrame is the strip raster's picture: the densities (and a wide box).
func (r *overviewRenderer) stripFrame(w, h int) image.Image {
	t0 := time.Now()
	size := r.o.Size()
	if w <= 0 || h <= 0 || size.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	r.scale = float64(w) / float64(size.Width)
	sc := r.scene()
	r.paintStrip(sc, w, h, r.boxInStrip)
	r.shownGen, r.shownBox = sc.OverviewGen(), r.boxInStrip
	// Not "frame": scripts/measure-app.sh counts the timeline's frames by that word.
	if trace.On { // the arguments would be boxed even when Printf drops them
		trace.Printf("overview %.1f ms (%d shapes, %dx%d px)", float64(time.Since(t0).Microseconds())/1000, len(sc.Shapes), w, h)
	}
	return r.buf
}

// boxFrame is the box raster's picture, w×h pixels: the strip's pixels under it with the box
// painted over them, as the one raster of the whole strip painted it.
func (r *overviewRenderer) boxFrame(w, h int) image.Image {
	t0 := time.Now()
	size := r.o.Size()
	if w <= 0 || h <= 0 || size.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	s := r.pixelScale()
	sc := r.scene()
	r.paintStrip(sc, int(math.Round(float64(size.Width)*s)), h, false)
	if r.boxBuf == nil || r.boxBuf.Rect.Dx() != w || r.boxBuf.Rect.Dy() != h {
		r.boxBuf = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	x0 := int(math.Round(float64(r.box.Position().X) * s))
	draw.Draw(r.boxBuf, r.boxBuf.Rect, r.buf, image.Pt(x0, 0), draw.Src)
	if n := len(sc.Shapes); n > 0 && sc.Shapes[n-1].Kind == scene.KindOverviewWindow {
		r.p.Paint(r.boxBuf, sc.Shapes[n-1:], paint.Transform{S: s, DX: -float64(x0)}, nil)
	}
	if trace.On {
		trace.Printf("overview box %.1f ms (%dx%d px)", float64(time.Since(t0).Microseconds())/1000, w, h)
	}
	return r.boxBuf
}
