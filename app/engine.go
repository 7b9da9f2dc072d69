package app

import (
	"image/color"
	"math"
	"strconv"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/scene"
)

// engine is the app's one door to timeline/scene: it holds the dataset's index and style and
// builds the scene of a view, the overview strip's scene, and answers hit tests. Everything
// the screen paints comes from here, so the screen shows what an exported figure shows.
type engine struct {
	ds          *timeline.Dataset
	lang        string
	theme       string
	first, last float64 // the dataset's days
	sc          *scene.Scene
	ov          *scene.Scene
}

func newEngine(ds *timeline.Dataset, lang, themeName string) *engine {
	e := &engine{ds: ds, lang: lang, theme: themeName}
	e.first, e.last = math.Inf(1), math.Inf(-1)
	for i := range ds.Events {
		a, b := evSpan(&ds.Events[i])
		e.first = math.Min(e.first, float64(a))
		e.last = math.Max(e.last, float64(b)+1)
	}
	if math.IsInf(e.first, 0) {
		e.first, e.last = 0, 365
	}
	return e
}

// domain is the first and last day (exclusive) of the dataset.
func (e *engine) domain() (float64, float64) { return e.first, e.last }

// titleWidth is the width of the lane-title column at the left of the scene.
func (e *engine) titleWidth() float64 { return 160 }

// axisHeight is the height of the axis band at the top of the scene.
func (e *engine) axisHeight() float64 { return 40 }

// laneColor is lane i's colour.
func (e *engine) laneColor(i int) color.Color {
	if c, ok := parseHex(e.ds.Lanes[i].Color); ok {
		return c
	}
	return color.NRGBA{R: 0x55, G: 0x66, B: 0x88, A: 0xff}
}

func parseHex(s string) (color.NRGBA, bool) {
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}

// build returns the scene of view v with the hidden lanes left out and ev selected.
func (e *engine) build(v scale.View, hidden []bool, selected int) *scene.Scene {
	e.sc = tempBuild(e, v, hidden, selected)
	return e.sc
}

// overview returns the strip's scene: the whole span (full) with the current view's box.
func (e *engine) overview(full, cur scale.View, w, h float64, hidden []bool) *scene.Scene {
	sc := &scene.Scene{W: w, H: h, Background: color.NRGBA{R: 0xee, G: 0xee, B: 0xee, A: 0xff}}
	for i := range e.ds.Events {
		ev := &e.ds.Events[i]
		if hidden[ev.LaneIndex] {
			continue
		}
		a, b := evSpan(ev)
		x0, x1 := full.X(float64(a)), full.X(float64(b)+1)
		c, _ := parseHex(e.ds.Lanes[ev.LaneIndex].Color)
		c.A = 140
		sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindDensity, X: x0, Y: 4 + float64(ev.LaneIndex)*4, W: x1 - x0, H: 3, Fill: c, Event: -1, Lane: int16(ev.LaneIndex)})
	}
	x0, x1 := full.X(cur.Start), full.X(cur.End)
	sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindOverviewWindow, X: x0, Y: 1, W: x1 - x0, H: h - 2, Fill: color.NRGBA{R: 0x33, G: 0x66, B: 0xcc, A: 40}, Stroke: color.NRGBA{R: 0x33, G: 0x66, B: 0xcc, A: 255}, StrokeW: 1.5, Event: -1, Lane: -1})
	return sc
}

// hit returns the topmost shape standing for an event or cluster at scene position (x, y).
func (e *engine) hit(sc *scene.Scene, x, y float64) *scene.Shape {
	for i := len(sc.Shapes) - 1; i >= 0; i-- {
		s := &sc.Shapes[i]
		if s.Event < 0 && s.Kind != scene.KindCluster {
			continue
		}
		switch s.Type {
		case scene.RectShape:
			if x >= s.X-2 && x <= s.X+s.W+2 && y >= s.Y && y <= s.Y+s.H {
				return s
			}
		case scene.MarkerShape:
			if math.Abs(x-s.X) <= s.W/2+3 && math.Abs(y-s.Y) <= s.W/2+3 {
				return s
			}
		}
	}
	return nil
}

// tempBuild is a minimal scene (bands, bars, points, year grid) used until timeline/scene's
// builder is committed.
func tempBuild(e *engine, v scale.View, hidden []bool, selected int) *scene.Scene {
	tw := e.titleWidth()
	sc := &scene.Scene{W: tw + v.Width, Background: color.NRGBA{R: 0xfa, G: 0xfa, B: 0xf7, A: 0xff}}
	y := e.axisHeight()
	for li, l := range e.ds.Lanes {
		if hidden[li] {
			continue
		}
		c, _ := parseHex(l.Color)
		h := 60.0
		band := c
		band.A = 24
		sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindLaneBand, X: 0, Y: y, W: sc.W, H: h, Fill: band, Event: -1, Lane: int16(li)})
		for i := range e.ds.Events {
			ev := &e.ds.Events[i]
			if ev.LaneIndex != li {
				continue
			}
			a, b := evSpan(ev)
			x0, x1 := tw+v.X(float64(a)), tw+v.X(float64(b)+1)
			if x1 < tw || x0 > sc.W {
				continue
			}
			row := float64(i % 3)
			if ev.End == "" {
				sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.MarkerShape, Kind: scene.KindPoint, X: x0, Y: y + 12 + row*16, W: 10, Fill: c, Event: int32(i), Lane: int16(li)})
			} else {
				sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindBar, X: x0, Y: y + 6 + row*16, W: x1 - x0, H: 12, Radius: 3, Fill: c, Event: int32(i), Lane: int16(li)})
			}
			if i == selected {
				sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindSelection, X: x0 - 3, Y: y + 3 + row*16, W: x1 - x0 + 6, H: 18, StrokeW: 2, Stroke: color.NRGBA{A: 255}, Event: -1, Lane: int16(li)})
			}
		}
		sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindLaneTitle, X: 0, Y: y, W: tw, H: h, Fill: color.NRGBA{R: 0xf0, G: 0xf0, B: 0xf0, A: 0xff}, Event: -1, Lane: int16(li)},
			scene.Shape{Type: scene.TextShape, Kind: scene.KindLaneTitle, X: 8, Y: y + 20, Size: 13, Style: scene.StyleBold, Text: l.Title, Fill: color.NRGBA{A: 255}, Event: -1, Lane: int16(li)})
		y += h
	}
	sc.H = y
	sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.RectShape, Kind: scene.KindAxis, X: 0, Y: 0, W: sc.W, H: e.axisHeight(), Fill: color.NRGBA{R: 0xe8, G: 0xe8, B: 0xe8, A: 0xff}, Event: -1, Lane: -1})
	for yr := 1870; yr <= 1945; yr++ {
		d := float64((yr-1970)*365 + (yr-1969)/4)
		x := tw + v.X(d)
		if x < tw || x > sc.W {
			continue
		}
		sc.Shapes = append(sc.Shapes, scene.Shape{Type: scene.TextShape, Kind: scene.KindTickLabel, X: x + 2, Y: 26, Size: 12, Text: strconv.Itoa(yr), Fill: color.NRGBA{A: 255}, Event: -1, Lane: -1})
	}
	return sc
}
