package geo_test

import (
	"math"
	"strings"
	"testing"

	"trotskytimeline/data"
	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/geo"
	"trotskytimeline/timeline/scene"
	"trotskytimeline/timeline/textmetrics"
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

// The map of 1929–1940: his moves in time order with arrows, the year at each stop, the
// uncertain ones dashed, regions drawn as approximate; a place is hit where it is drawn.
func TestMapSceneBuiltin1929(t *testing.T) {
	ds := builtin(t)
	ix := geo.NewIndex(ds)
	th, _ := scene.ThemeByName("light")
	from, to := chrono.FromCivil(1929, 1, 1), chrono.FromCivil(1940, 12, 31)
	v := ix.Fit(1600, 900, 36, from, to)
	var ms geo.MapScene
	geo.BuildMap(&ms, ix, v, &geo.MapConfig{Theme: th, Lang: "en", From: from, To: to, Selected: -1, Hover: -1,
		Now: chrono.FromCivil(1931, 6, 1), HasNow: true})
	var labels []string
	var solid, dashed, arrows, halos, rings int
	for _, sh := range ms.Shapes {
		switch {
		case sh.Kind == scene.KindPlaceLabel:
			labels = append(labels, sh.Text)
		case sh.Kind == scene.KindRoute && sh.Type == scene.LineShape && sh.Style&scene.StyleDashed != 0:
			dashed++
		case sh.Kind == scene.KindRoute && sh.Type == scene.LineShape:
			solid++
		case sh.Kind == scene.KindRoute && sh.Type == scene.PathShape:
			arrows++
		case sh.Kind == scene.KindPlace && sh.Style&scene.StyleDashed != 0:
			halos++
		case sh.Kind == scene.KindSelection:
			rings++
		}
		if sh.Type == scene.PathShape {
			for _, p := range sh.Points {
				if p.X < -2.01 || p.Y < -2.01 || p.X > 1602.01 || p.Y > 902.01 {
					t.Fatalf("a %s shape reaches %.1f,%.1f, outside the map", sh.Kind, p.X, p.Y)
				}
			}
		}
	}
	all := strings.Join(labels, " | ")
	for _, want := range []string{"Prinkipo 1929", "Royan 1933", "Barbizon 1933", "near Oslo 1935"} {
		if !strings.Contains(all, want) {
			t.Errorf("no label %q among %q", want, all)
		}
	}
	if solid == 0 || dashed == 0 || arrows < 4 || halos == 0 {
		t.Errorf("route: %d solid and %d dashed segments, %d arrows; %d approximate halos", solid, dashed, arrows, halos)
	}
	// Mid-1931 he was on Prinkipo: one ring.
	if rings != 1 || ms.Now < 0 || ids(ds, ds.Events[ms.Now].PlaceIndex()) != "prinkipo" {
		t.Errorf("mid-1931: %d rings, event %d", rings, ms.Now)
	}
	for i, p := range ms.Places {
		x, y := ms.PlacePts[2*i], ms.PlacePts[2*i+1]
		// The hit is that place, or one drawn nearer the pointer (Coyoacán is next to
		// Mexico City).
		got, ok := ms.HitPlace(x+3, y-2, 8)
		if !ok {
			t.Errorf("hit beside %s found nothing", ds.Places[p].ID)
			continue
		}
		if got != p {
			for j, q := range ms.Places {
				if q == got && (ms.PlacePts[2*j]-x-3)*(ms.PlacePts[2*j]-x-3)+(ms.PlacePts[2*j+1]-y+2)*(ms.PlacePts[2*j+1]-y+2) > 13 {
					t.Errorf("hit beside %s found %s, farther away", ds.Places[p].ID, ds.Places[got].ID)
				}
			}
		}
	}
	if _, ok := ms.HitPlace(-50, -50, 8); ok {
		t.Error("a hit outside the map found a place")
	}
}

// With the residence lane hidden there is no path and no place is ringed; the other lanes'
// places stay.
func TestMapHiddenLanes(t *testing.T) {
	ds := builtin(t)
	ix := geo.NewIndex(ds)
	ix.Hidden = make([]bool, len(ds.Lanes))
	for i, l := range ds.Lanes {
		ix.Hidden[i] = l.Whereabouts
	}
	th, _ := scene.ThemeByName("light")
	from, to := chrono.FromCivil(1917, 1, 1), chrono.FromCivil(1917, 12, 31)
	var ms geo.MapScene
	geo.BuildMap(&ms, ix, ix.Fit(1600, 900, 36, from, to), &geo.MapConfig{Theme: th, From: from, To: to,
		Now: chrono.FromCivil(1917, 6, 1), HasNow: true, Selected: -1, Hover: -1})
	for _, sh := range ms.Shapes {
		if sh.Kind == scene.KindRoute || sh.Kind == scene.KindSelection {
			t.Fatalf("a %s shape with the residence lane hidden", sh.Kind)
		}
	}
	if len(ms.Places) == 0 {
		t.Error("no place of the other lanes in 1917")
	}
}

// The path of 1936–1940 follows where he lived, in time order: near Oslo (from 1935),
// then by freighter to Tampico (a journey, reached at its end, 9 January 1937), then
// Mexico (Diego Rivera's home: "Mexico", an approximate point) and Coyoacán, both from
// January 1937. The asylum granted in 1936 is a decision taken in Mexico while he lived in
// Norway, not a stay: no stop "Mexico 1936"; the voyage is no stay in Tampico from 1936.
// (The voyage is uncertain as its start, "Norway", is only an approximate point.)
func TestPathStops1936to1940(t *testing.T) {
	ds := builtin(t)
	stays := geo.Stays(ds)
	from, to := chrono.FromCivil(1936, 1, 1), chrono.FromCivil(1940, 12, 31)
	var got []string
	for _, s := range geo.Path(stays, from, to) {
		y, _, _ := s.Day.Civil()
		st := ds.Places[s.Place].ID + " " + chrono.YearText(y, "en")
		if s.Journey {
			st += " journey"
		}
		if s.Uncertain {
			st += " uncertain"
		}
		got = append(got, st)
	}
	want := []string{"near-oslo 1935 uncertain", "tampico 1937 journey uncertain", "mexico 1937 uncertain", "coyoacan 1937"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("stops of 1936-1940:\n got %q\nwant %q", got, want)
	}
	for _, s := range stays {
		if id := ds.Events[s.Event].ID; id == "asylum-mexico" {
			t.Errorf("the asylum granted (a decision) is a stay")
		}
	}
	// Where he was: in Norway in December 1936; at sea in the first days of 1937 (no
	// place); in Mexico after 9 January 1937.
	for _, c := range []struct {
		y, m, d int
		want    string
	}{{1936, 6, 1, "near-oslo"}, {1936, 12, 15, "near-oslo"}, {1937, 1, 5, ""}, {1937, 2, 1, "mexico"}, {1939, 6, 1, "coyoacan"}} {
		got := ""
		if i, ok := geo.At(stays, chrono.FromCivil(c.y, c.m, c.d)); ok {
			got = ids(ds, stays[i].Places)
		}
		if got != c.want {
			t.Errorf("%d-%02d-%02d: at %q, want %q", c.y, c.m, c.d, got, c.want)
		}
	}

	// On the map: Tampico is labelled with the year he got there, and drawn as a place on
	// the way (a ring), not as a stay (a dot in the route's colour); no label says 1936 of a
	// place in Mexico.
	ix := geo.NewIndex(ds)
	th, _ := scene.ThemeByName("light")
	v := ix.Fit(1600, 900, 36, from, to)
	var ms geo.MapScene
	geo.BuildMap(&ms, ix, v, &geo.MapConfig{Theme: th, Lang: "en", From: from, To: to, Selected: -1, Hover: -1})
	var labels []string
	for _, sh := range ms.Shapes {
		if sh.Kind == scene.KindPlaceLabel {
			labels = append(labels, sh.Text)
		}
	}
	all := strings.Join(labels, " | ")
	for _, want := range []string{"near Oslo 1935", "Tampico 1937", "Mexico 1937", "Coyoacán 1937"} {
		if !strings.Contains(all, want) {
			t.Errorf("no label %q among %q", want, all)
		}
	}
	if strings.Contains(all, "Tampico 1936") || strings.Contains(all, "Mexico 1936") {
		t.Errorf("a label dates a place in Mexico 1936: %q", all)
	}
	route := geo.RouteColor(ds, &th)
	for i, p := range ms.Places {
		x, y := ms.PlacePts[2*i], ms.PlacePts[2*i+1]
		for _, sh := range ms.Shapes {
			if sh.Kind != scene.KindPlace || sh.X != x || sh.Y != y || sh.Style&scene.StyleDashed != 0 {
				continue
			}
			switch ds.Places[p].ID {
			case "tampico":
				if sh.Fill == route || sh.Stroke != route {
					t.Errorf("Tampico drawn as a stay (fill %v, stroke %v)", sh.Fill, sh.Stroke)
				}
			case "coyoacan":
				if sh.Fill != route {
					t.Errorf("Coyoacán not drawn as a stay (fill %v)", sh.Fill)
				}
			}
		}
	}
}

// No label runs over another place's marker or the ring of where he was: in 1917 at the
// window's map size, Gatchina (a few pixels from Petrograd) is not labelled across
// Petrograd's ring.
func TestMapLabelsKeepOffRings(t *testing.T) {
	ds := builtin(t)
	ix := geo.NewIndex(ds)
	th, _ := scene.ThemeByName("light")
	m := textmetrics.Default()
	for _, c := range []struct{ from, to, now int }{{1917, 1917, 1917}, {1929, 1940, 1938}, {1879, 1940, 1917}} {
		from, to := chrono.FromCivil(c.from, 1, 1), chrono.FromCivil(c.to, 12, 31)
		for _, sz := range [][2]float64{{1592, 325}, {1016, 200}, {1600, 900}} {
			v := ix.Fit(sz[0], sz[1], 36, from, to)
			var ms geo.MapScene
			geo.BuildMap(&ms, ix, v, &geo.MapConfig{Theme: th, Lang: "en", From: from, To: to, Selected: -1, Hover: -1,
				Now: chrono.FromCivil(c.now, 6, 1), HasNow: true})
			var rings [][4]float64
			for _, sh := range ms.Shapes {
				if sh.Kind == scene.KindSelection {
					r := sh.W/2 + sh.StrokeW/2
					rings = append(rings, [4]float64{sh.X - r, sh.Y - r, sh.X + r, sh.Y + r})
				}
			}
			for _, sh := range ms.Shapes {
				if sh.Kind != scene.KindPlaceLabel {
					continue
				}
				w := m.Width(sh.Text, sh.Size, sh.Style&scene.StyleBold != 0)
				x0 := sh.X
				if sh.Style&scene.StyleAlignRight != 0 {
					x0 -= w
				}
				box := [4]float64{x0, sh.Y - sh.Size*1.1, x0 + w, sh.Y}
				// The label's own place (its name begins the label) may touch its own ring.
				ox, oy := math.NaN(), math.NaN()
				for i, p := range ms.Places {
					if strings.HasPrefix(sh.Text, ds.Places[p].NameIn("en")) {
						ox, oy = ms.PlacePts[2*i], ms.PlacePts[2*i+1]
					}
				}
				for _, r := range rings {
					cx, cy := (r[0]+r[2])/2, (r[1]+r[3])/2
					own := math.Abs(cx-ox) < 0.5 && math.Abs(cy-oy) < 0.5
					if !own && box[0] < r[2]-1 && r[0]+1 < box[2] && box[1] < r[3]-1 && r[1]+1 < box[3] {
						t.Errorf("%d-%d at %vx%v: label %q over a ring at %.0f,%.0f", c.from, c.to, sz[0], sz[1], sh.Text, cx, cy)
					}
				}
			}
		}
	}
}

// After a trip made from a longer stay, the path goes back to it: from Vienna to the
// Balkans and back (1912-1913, before Switzerland, 1914); from Moscow to the southern front,
// the Urals and the Caucasus and back each time, before Alma-Ata (1928).
func TestPathReturnsAfterTrips(t *testing.T) {
	ds := builtin(t)
	stays := geo.Stays(ds)
	for _, c := range []struct {
		from, to int
		want     string
	}{
		{1912, 1914, "vienna balkans vienna(back) switzerland paris"},
		{1919, 1928, "petersburg moscow southern-front moscow(back) urals moscow(back) caucasus moscow(back) alma-ata"},
	} {
		var got []string
		for _, s := range geo.Path(stays, chrono.FromCivil(c.from, 1, 1), chrono.FromCivil(c.to, 12, 31)) {
			id := ds.Places[s.Place].ID
			if s.Return {
				id += "(back)"
			}
			got = append(got, id)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%d-%d: path %q, want %q", c.from, c.to, g, c.want)
		}
	}
}

// A place of the path whose sides are taken gets its label above or below it: in the
// window's map of 1925-1937 near Oslo has Norway's marker to its left and Petrograd's to
// its right (it had no label, seen under Xvfb).
func TestMapLabelAboveOrBelow(t *testing.T) {
	ds := builtin(t)
	ix := geo.NewIndex(ds)
	th, _ := scene.ThemeByName("light")
	from, to := chrono.FromCivil(1924, 12, 1), chrono.FromCivil(1937, 9, 1)
	v := ix.Fit(1592, 325, 36, from, to)
	var ms geo.MapScene
	geo.BuildMap(&ms, ix, v, &geo.MapConfig{Theme: th, Lang: "en", From: from, To: to, Selected: -1, Hover: -1})
	var labels []string
	for _, sh := range ms.Shapes {
		if sh.Kind == scene.KindPlaceLabel {
			labels = append(labels, sh.Text)
		}
	}
	if all := strings.Join(labels, " | "); !strings.Contains(all, "near Oslo 1935") {
		t.Errorf("no label for near Oslo among %q", all)
	}
}

// An uncertain move is dashed along its whole curve: no dash longer than the pattern's
// (8 px for the 2 px route), and the short move from Barbizon to near Oslo on the window's
// map of 1929-1940 shows gaps (its twelve pieces were dashed each from its start, so each,
// shorter than a dash, was drawn whole and the move looked solid; seen under Xvfb).
func TestMapDashedMovesShowGaps(t *testing.T) {
	ds := builtin(t)
	ix := geo.NewIndex(ds)
	th, _ := scene.ThemeByName("light")
	from, to := chrono.FromCivil(1929, 1, 1), chrono.FromCivil(1940, 12, 31)
	v := ix.Fit(1592, 325, 36, from, to)
	var ms geo.MapScene
	geo.BuildMap(&ms, ix, v, &geo.MapConfig{Theme: th, Lang: "en", From: from, To: to, Selected: -1, Hover: -1})
	pt := func(id string) (float64, float64) {
		for i, p := range ms.Places {
			if ds.Places[p].ID == id {
				return ms.PlacePts[2*i], ms.PlacePts[2*i+1]
			}
		}
		t.Fatalf("%s not drawn", id)
		return 0, 0
	}
	bx, by := pt("barbizon")
	ox, oy := pt("near-oslo")
	inked, n := 0.0, 0
	for _, sh := range ms.Shapes {
		if sh.Kind != scene.KindRoute || sh.Type != scene.LineShape || sh.Style&scene.StyleDashed == 0 {
			continue
		}
		l := math.Hypot(sh.W, sh.H)
		if l > 8.01 {
			t.Errorf("a dash %.1f px long", l)
		}
		mx, my := sh.X+sh.W/2, sh.Y+sh.H/2
		if mx > math.Min(bx, ox)-2 && mx < math.Max(bx, ox)+25 && my > math.Min(by, oy)+8 && my < math.Max(by, oy)-8 {
			inked += l
			n++
		}
	}
	chord := math.Hypot(ox-bx, oy-by) - 16
	if n < 2 || inked > 0.75*chord {
		t.Errorf("Barbizon to near Oslo: %d dashes inking %.0f px of a move about %.0f px long: not dashed", n, inked, chord)
	}
}
