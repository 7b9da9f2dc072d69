package timelineview

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
)

func TestPinch(t *testing.T) {
	at := func(x float32) fyne.Position { return fyne.NewPos(x, 100) }
	tests := []struct {
		name         string
		a0, b0       float32 // finger 0 and 1 down
		moveID       int
		to           float32
		factor       float64
		anchor       float32
		dx           float64
		wantTwoMoved bool
	}{
		{"spread twice as far", 100, 200, 1, 300, 2, 150, 50, true},
		{"close to half", 100, 300, 0, 200, 2.0 / 4, 200, 50, true},
		{"fingers above each other: no zoom", 100, 105, 1, 108, 1, 102.5, 1.5, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var p pinch
			p.down(0, at(tc.a0))
			if p.active() {
				t.Fatal("one finger is a pinch")
			}
			p.down(1, at(tc.b0))
			f, ax, dx, ok := p.move(tc.moveID, at(tc.to))
			if !ok || math.Abs(f-tc.factor) > 1e-9 || ax != tc.anchor || math.Abs(dx-tc.dx) > 1e-9 {
				t.Errorf("move = %.3f, %.1f, %.1f, %v; want %.3f, %.1f, %.1f", f, ax, dx, ok, tc.factor, tc.anchor, tc.dx)
			}
			p.up(1)
			if p.active() {
				t.Error("still a pinch after a finger lifted")
			}
			if _, _, _, ok := p.move(0, at(50)); ok {
				t.Error("one finger's move zoomed")
			}
		})
	}
}
