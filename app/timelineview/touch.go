package timelineview

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/mobile"

	"trotskytimeline/timeline/scene"
)

// Touch: kiosk mode's fingers. A tap forgives a finger's slop (SetHitSlop); two fingers
// pinch to zoom where the driver delivers per-finger touch events (Fyne's mobile driver).

// hitNear finds what a finger meant at scene point (x, y): the shape under it, or else the
// nearest within hitSlop px, looked for on rings of growing radius (16 directions, 4 px
// apart). Scene.Hit's own tolerance is a mouse's (scene.HitTolerance, 3 px).
func (t *Timeline) hitNear(x, y float64) *scene.Shape {
	if s := t.eng.hit(t.sc, x, y); s != nil {
		return s
	}
	for r := 4.0; r <= t.hitSlop; r += 4 {
		for k := 0; k < 16; k++ {
			a := float64(k) * math.Pi / 8
			px, py := x+r*math.Cos(a), y+r*math.Sin(a)
			if py < t.sc.AxisH+t.scroll() {
				continue // under the pinned axis
			}
			if s := t.eng.hit(t.sc, px, py); s != nil {
				return s
			}
		}
	}
	return nil
}

// pinch follows two fingers on the timeline and turns their spreading into zoom and their
// moving together into pan. It works from the positions of the touches by ID, so it is
// pure arithmetic, tested without a driver.
type pinch struct {
	pos  map[int]fyne.Position
	last [2]fyne.Position // the two fingers at the previous step
	two  bool
}

// active reports whether two fingers are down (a single-finger drag then does not pan).
func (p *pinch) active() bool { return p.two }

// down records a finger.
func (p *pinch) down(id int, at fyne.Position) {
	if p.pos == nil {
		p.pos = map[int]fyne.Position{}
	}
	p.pos[id] = at
	p.sync()
}

// up forgets a finger.
func (p *pinch) up(id int) {
	delete(p.pos, id)
	p.sync()
}

// sync notes whether two (or more) fingers are down, and where the first two are.
func (p *pinch) sync() {
	p.two = len(p.pos) >= 2
	if p.two {
		p.last = p.pair()
	}
}

// pair is the two lowest-numbered fingers.
func (p *pinch) pair() [2]fyne.Position {
	a, b := -1, -1
	for id := range p.pos {
		switch {
		case a < 0 || id < a:
			a, b = id, a
		case b < 0 || id < b:
			b = id
		}
	}
	return [2]fyne.Position{p.pos[a], p.pos[b]}
}

// move moves a finger and returns the zoom factor (>1 zooms in), the x the zoom keeps
// still (the fingers' midpoint before the move) and the pan in px (the midpoint's move);
// ok is false unless two fingers are down.
func (p *pinch) move(id int, at fyne.Position) (factor float64, anchorX float32, dx float64, ok bool) {
	if _, known := p.pos[id]; !known || !p.two {
		if p.pos != nil {
			if _, known := p.pos[id]; known {
				p.pos[id] = at
			}
		}
		return 1, 0, 0, false
	}
	p.pos[id] = at
	prev, cur := p.last, p.pair()
	p.last = cur
	d0 := math.Abs(float64(prev[1].X - prev[0].X))
	d1 := math.Abs(float64(cur[1].X - cur[0].X))
	factor = 1
	if d0 >= 10 && d1 >= 10 { // fingers nearly above each other say nothing about time
		factor = d1 / d0
	}
	m0 := (prev[0].X + prev[1].X) / 2
	m1 := (cur[0].X + cur[1].X) / 2
	return factor, m0, float64(m1 - m0), true
}

// TouchDown notes a finger (Fyne's mobile driver: the desktop driver delivers no
// touch events, see app/kiosk.go).
func (t *Timeline) TouchDown(e *mobile.TouchEvent) {
	t.pinch.down(e.ID, e.Position)
	t.input()
}

// TouchUp forgets a finger.
func (t *Timeline) TouchUp(e *mobile.TouchEvent) { t.pinch.up(e.ID) }

// TouchCancel forgets a finger.
func (t *Timeline) TouchCancel(e *mobile.TouchEvent) { t.pinch.up(e.ID) }

// TouchMoved zooms and pans with two fingers: the day under the fingers' midpoint stays
// under it while they spread or close.
func (t *Timeline) TouchMoved(e *mobile.TouchEvent) {
	f, ax, dx, ok := t.pinch.move(e.ID, e.Position)
	if !ok {
		return
	}
	t.input()
	v := t.view
	v.Width = t.timeWidth()
	v = v.Zoom(f, float64(ax)-t.eng.TitleWidth()).Pan(dx)
	t.SetView(v)
}

var (
	_ mobile.Touchable = (*Timeline)(nil)
	_ mobile.Movable   = (*Timeline)(nil)
)
