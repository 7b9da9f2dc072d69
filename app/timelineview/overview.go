package timelineview

import (
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"trotskytimeline/app/internal/trace"
	"trotskytimeline/timeline/paint"
	"trotskytimeline/timeline/scale"
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

// CreateRenderer returns the strip's renderer: one raster.
func (o *Overview) CreateRenderer() fyne.WidgetRenderer {
	r := &overviewRenderer{o: o, p: paint.NewRaster()}
	r.raster = canvas.NewRaster(r.frame)
	r.raster.ScaleMode = canvas.ImageScalePixels
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

type overviewRenderer struct {
	o      *Overview
	p      *paint.Raster
	raster *canvas.Raster
	buf    *image.RGBA
}

func (r *overviewRenderer) Destroy()                     {}
func (r *overviewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.raster} }
func (r *overviewRenderer) MinSize() fyne.Size           { return r.o.MinSize() }
func (r *overviewRenderer) Layout(s fyne.Size)           { r.raster.Resize(s) }
func (r *overviewRenderer) Refresh()                     { canvas.Refresh(r.raster) }

func (r *overviewRenderer) frame(w, h int) image.Image {
	t0 := time.Now()
	size := r.o.Size()
	if w <= 0 || h <= 0 || size.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	s := float64(w) / float64(size.Width)
	sc := r.o.eng.overview(r.o.FullView(), r.o.tl.View(), float64(size.Height), r.o.tl.hidden)
	if r.buf == nil || r.buf.Rect.Dx() != w || r.buf.Rect.Dy() != h {
		r.buf = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	r.p.PaintOn(r.buf, sc.Background, sc.Shapes, paint.Transform{S: s}, nil)
	// Not "frame": scripts/measure-app.sh counts the timeline's frames by that word.
	if trace.On { // the arguments would be boxed even when Printf drops them
		trace.Printf("overview %.1f ms (%d shapes, %dx%d px)", float64(time.Since(t0).Microseconds())/1000, len(sc.Shapes), w, h)
	}
	return r.buf
}
