package chrono

import "testing"

func TestJulian(t *testing.T) {
	tests := []struct {
		name       string
		gy, gm, gd int // Gregorian (New Style)
		jy, jm, jd int // Julian (Old Style)
	}{
		{"trotsky born", 1879, 11, 7, 1879, 10, 26},
		{"october revolution", 1917, 11, 7, 1917, 10, 25},
		{"russia switches", 1918, 2, 14, 1918, 2, 1},
		{"last old style day", 1918, 2, 13, 1918, 1, 31},
		{"gregorian reform", 1582, 10, 15, 1582, 10, 5},
		{"1900 not leap in gregorian", 1900, 3, 1, 1900, 2, 17},
		{"julian leap day 1900", 1900, 3, 13, 1900, 2, 29},
		{"year differs", 1900, 1, 12, 1899, 12, 31},
		{"new year 1900 old style", 1900, 1, 13, 1900, 1, 1},
		{"trotsky died", 1940, 8, 21, 1940, 8, 8},
		{"julian equals gregorian in 3rd century", 250, 1, 1, 250, 1, 1},
		{"year 1 ce", 1, 1, 1, 1, 1, 3},
		{"ides of march 44 bce", -43, 3, 13, -43, 3, 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromCivil(tc.gy, tc.gm, tc.gd)
			y, m, dd := d.Julian()
			if y != tc.jy || m != tc.jm || dd != tc.jd {
				t.Errorf("Julian(%d-%d-%d) = %d-%d-%d, want %d-%d-%d", tc.gy, tc.gm, tc.gd, y, m, dd, tc.jy, tc.jm, tc.jd)
			}
			if back := FromJulian(tc.jy, tc.jm, tc.jd); back != d {
				t.Errorf("FromJulian(%d-%d-%d) = %d, want %d", tc.jy, tc.jm, tc.jd, back, d)
			}
		})
	}
}

// TestJulianRoundTrip checks FromJulian(Julian(d)) == d over 20,000 years and that
// the Julian calendar gains one day on the Gregorian in each century year not
// divisible by 400.
func TestJulianRoundTrip(t *testing.T) {
	for d := FromCivil(-10000, 1, 1); d <= FromCivil(10000, 12, 31); d++ {
		y, m, dd := d.Julian()
		if m < 1 || m > 12 || dd < 1 || dd > 31 {
			t.Fatalf("Julian(%d) = %d-%d-%d", d, y, m, dd)
		}
		if back := FromJulian(y, m, dd); back != d {
			t.Fatalf("FromJulian(Julian(%d)) = %d (%d-%d-%d)", d, back, y, m, dd)
		}
	}
	tests := []struct {
		year int
		gap  Day // Gregorian day minus Julian day for the same written date, 1 March
	}{{1500, 10}, {1582, 10}, {1700, 11}, {1800, 12}, {1900, 13}, {1917, 13}, {2000, 13}, {2100, 14}}
	for _, tc := range tests {
		if got := FromJulian(tc.year, 3, 1) - FromCivil(tc.year, 3, 1); got != tc.gap {
			t.Errorf("gap in %d = %d days, want %d", tc.year, got, tc.gap)
		}
	}
}

func TestOldStyleApplies(t *testing.T) {
	tests := []struct {
		name    string
		y, m, d int
		want    bool
	}{
		{"birth", 1879, 11, 7, true},
		{"revolution", 1917, 11, 7, true},
		{"last old style day", 1918, 2, 13, true},
		{"first new style day", 1918, 2, 14, false},
		{"exile", 1929, 1, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := OldStyleApplies(FromCivil(tc.y, tc.m, tc.d)); got != tc.want {
				t.Errorf("OldStyleApplies(%d-%d-%d) = %v, want %v", tc.y, tc.m, tc.d, got, tc.want)
			}
		})
	}
}
