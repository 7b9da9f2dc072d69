package render

import (
	"strings"
	"testing"

	"trotskytimeline/timeline/chrono"
)

func TestValidate(t *testing.T) {
	ds := smallDataset(t)
	y := func(y int) chrono.Day { return chrono.FromCivil(y, 1, 1) }
	tests := []struct {
		name string
		o    Options
		want []string // substrings of the error; nil means valid
	}{
		{"defaults png", Options{Format: PNG}, nil},
		{"defaults svg", Options{Format: SVG}, nil},
		{"scale 2 of 1920x1080", Options{Format: PNG, Scale: 2}, nil},
		{"lanes and range", Options{Format: SVG, Lanes: []string{"exile"}, HasRange: true, From: y(1928), To: y(1934)}, nil},
		{"one day", Options{Format: SVG, HasRange: true, From: chrono.FromCivil(1917, 10, 25), To: chrono.FromCivil(1917, 10, 25)}, nil},
		{"no format", Options{}, []string{"format 0: unknown (known: png, svg, pdf)"}},
		{"width over 16384 after scale", Options{Format: PNG, Width: 9000, Scale: 2}, []string{"18000×2160", "may not exceed 16384"}},
		{"height over 16384", Options{Format: SVG, Height: 20000}, []string{"may not exceed 16384"}},
		{"negative width", Options{Format: PNG, Width: -1}, []string{"must be positive"}},
		{"negative height", Options{Format: PNG, Height: -5}, []string{"must be positive"}},
		{"too small", Options{Format: PNG, Width: 100, Height: 100}, []string{"too small", "640×360"}},
		{"negative scale", Options{Format: PNG, Scale: -2}, []string{"scale -2"}},
		{"inverted range", Options{Format: PNG, HasRange: true, From: y(1930), To: y(1920)}, []string{"1930-01-01 – 1920-01-01 is inverted"}},
		{"empty range", Options{Format: PNG, HasRange: true, From: y(1960), To: y(1970)}, []string{"is empty"}},
		{"unknown lane", Options{Format: PNG, Lanes: []string{"exile", "army"}}, []string{`lane "army": unknown (known: life, posts, exile)`}},
		{"no lanes", Options{Format: PNG, Lanes: []string{}}, []string{"no lanes chosen"}},
		{"unknown theme", Options{Format: PNG, Theme: "neon"}, []string{`theme "neon": unknown (known: light, dark, print)`}},
		{"unknown lang", Options{Format: PNG, Lang: "de"}, []string{`language "de": unknown (known: en, it, pt)`}},
		{"every problem at once", Options{Format: PNG, Theme: "x", Lanes: []string{"y"}, Width: -1}, []string{"theme", "lane", "positive"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.o.Validate(ds)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate accepted %+v", tc.o)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestParseRange(t *testing.T) {
	tests := []struct {
		name, from, to string
		lo, hi         chrono.Day
		err            string
	}{
		{"years", "1917", "1918", chrono.FromCivil(1917, 1, 1), chrono.FromCivil(1918, 12, 31), ""},
		{"same year", "1917", "1917", chrono.FromCivil(1917, 1, 1), chrono.FromCivil(1917, 12, 31), ""},
		{"months", "1917-10", "1918-02", chrono.FromCivil(1917, 10, 1), chrono.FromCivil(1918, 2, 28), ""},
		{"days", "1917-10-25", "1917-11-07", chrono.FromCivil(1917, 10, 25), chrono.FromCivil(1917, 11, 7), ""},
		{"qualified", "1921~", "192X", chrono.FromCivil(1921, 1, 1), chrono.FromCivil(1929, 12, 31), ""},
		{"open start", "", "1920", chrono.MinDay, chrono.FromCivil(1920, 12, 31), ""},
		{"open end", "1920", "..", chrono.FromCivil(1920, 1, 1), chrono.MaxDay, ""},
		{"inverted", "1920", "1917", 0, 0, "inverted"},
		{"bad month", "1917-13", "1920", 0, 0, `range start "1917-13"`},
		{"garbage end", "1917", "soon", 0, 0, `range end "soon"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi, err := ParseRange(tc.from, tc.to)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParseRange(%q, %q) error %v, want %q", tc.from, tc.to, err, tc.err)
				}
				return
			}
			if err != nil || lo != tc.lo || hi != tc.hi {
				t.Fatalf("ParseRange(%q, %q) = %d, %d, %v; want %d, %d", tc.from, tc.to, lo, hi, err, tc.lo, tc.hi)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{{"png", PNG, true}, {"SVG", SVG, true}, {" svg ", SVG, true}, {"pdf", PDF, true}, {"eps", 0, false}, {"", 0, false}}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			f, err := ParseFormat(tc.in)
			if (err == nil) != tc.ok || f != tc.want {
				t.Fatalf("ParseFormat(%q) = %v, %v", tc.in, f, err)
			}
		})
	}
}

func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"1917", "1917-10-25", "..", "", "192X", "1921~", "-0044-03-15"} {
		f.Add(s, "1940")
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		lo, hi, err := ParseRange(from, to)
		if err == nil && lo > hi {
			t.Fatalf("ParseRange(%q, %q) = %d > %d without error", from, to, lo, hi)
		}
	})
}
