package trace

import (
	"testing"
	"time"
)

func TestTraceLine(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{"start", 0, "+     0.000 ms trace: frame 2.5 ms (3 shapes)"},
		{"milliseconds kept", 1843217 * time.Microsecond, "+  1843.217 ms trace: frame 2.5 ms (3 shapes)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Line(tc.d, "frame %.1f ms (%d shapes)", 2.5, 3); got != tc.want {
				t.Errorf("Line = %q, want %q", got, tc.want)
			}
		})
	}
}
