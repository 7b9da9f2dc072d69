package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestFitSize(t *testing.T) {
	tests := []struct {
		name       string
		in         fyne.Size
		w, h       float32
		want       fyne.Size
		wantFitted bool
	}{
		{"fits", fyne.NewSize(1600, 900), 1904, 1000, fyne.NewSize(1600, 900), false},
		{"1366x768 laptop", fyne.NewSize(1600, 900), 1350, 688, fyne.NewSize(1350, 688), true},
		{"1080p at 150%", fyne.NewSize(1600, 900), 1264, 640, fyne.NewSize(1264, 640), true},
		{"only too wide", fyne.NewSize(1600, 600), 1264, 640, fyne.NewSize(1264, 600), true},
		{"tiny screen keeps a usable window", fyne.NewSize(1600, 900), 200, 100, fyne.NewSize(320, 240), true},
	}
	for _, tt := range tests {
		got, fitted := fitSize(tt.in, tt.w, tt.h)
		if got != tt.want || fitted != tt.wantFitted {
			t.Errorf("%s: fitSize(%v, %v, %v) = %v, %v; want %v, %v", tt.name, tt.in, tt.w, tt.h, got, fitted, tt.want, tt.wantFitted)
		}
	}
}
