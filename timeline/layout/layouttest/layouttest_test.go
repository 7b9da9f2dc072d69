package layouttest

import "testing"

func TestChecksum(t *testing.T) {
	tests := []struct {
		name string
		n    int
		want string
	}{
		{"100", 100, "e50e5726"},
		{"1000", 1000, "6dfa5482"},
		{"10000", 10000, "be374d85"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Checksum(Items(tc.n)); got != tc.want {
				t.Errorf("Checksum(Items(%d)) = %s, want %s (BENCH.md)", tc.n, got, tc.want)
			}
		})
	}
}
