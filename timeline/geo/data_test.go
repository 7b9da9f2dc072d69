package geo_test

import (
	"strings"
	"testing"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/geo"
)

func builtin(t testing.TB) *timeline.Dataset {
	t.Helper()
	ds, err := format.LoadFS(data.FS, data.Name)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// ids returns the ids of places, joined by "+".
func ids(ds *timeline.Dataset, places []int32) string {
	var s []string
	for _, p := range places {
		s = append(s, ds.Places[p].ID)
	}
	return strings.Join(s, "+")
}

// Where he was, by the built-in dataset, at a set of dates: the stay that covers the day
// (the shortest when several do), and every stay that meets the date's whole span.
func TestPlaceAtDateBuiltin(t *testing.T) {
	ds := builtin(t)
	stays := geo.Stays(ds)
	for _, c := range []struct {
		date string
		at   string // where he was on the date's middle day
		in   string // every stay meeting the date, in time order
	}{
		// From January 1898 he was in prison; the trials lane says so and names no
		// place, so in mid-1898 the map highlights none. The year meets Nikolayev.
		{"1898", "", "nikolayev"},
		{"1898-01", "nikolayev", "nikolayev"},
		{"1907", "london", "siberia london vienna"},
		{"1917-06", "petersburg+moscow", "petersburg+moscow"},
		{"1928-06", "alma-ata", "alma-ata"},
		{"1933", "prinkipo", "prinkipo royan+barbizon"},
		// The house of Rivera, 1937-1939, says only "Mexico" (an approximate point), and
		// is shorter than the stay in Mexico City (Coyoacán), 1937-1940, which it is in.
		{"1938", "mexico", "mexico coyoacan"},
	} {
		d, err := chrono.Parse(c.date)
		if err != nil {
			t.Fatal(err)
		}
		mid := d.Earliest() + (d.Latest()-d.Earliest())/2
		i, ok := geo.At(stays, mid)
		got := ""
		if ok {
			got = ids(ds, stays[i].Places)
		}
		if got != c.at {
			t.Errorf("%s: at day %d: %q, want %q", c.date, mid, got, c.at)
		}
		var in []string
		for _, k := range geo.In(stays, d.Earliest(), d.Latest()) {
			in = append(in, ids(ds, stays[k].Places))
		}
		if s := strings.Join(in, " "); s != c.in {
			t.Errorf("%s: stays %q, want %q", c.date, s, c.in)
		}
	}
}
