package data

import (
	"strings"
	"testing"

	"trotskytimeline/timeline/format"
)

// Every event of the whereabouts lane that names a place, and every other event whose
// place is one location, names it by id in the places table too, so that the map shows
// it. A place of several locations ("Kiev; Saint Petersburg", "Halifax and Amherst",
// "Norway to Tampico") names each, in order. The loader checks the rest: coordinates in
// range, known ids, a gazetteer for every place, no unused place.
func TestEventsHavePlaces(t *testing.T) {
	ds, err := format.LoadFS(FS, Name)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Places) == 0 {
		t.Fatal("the built-in dataset has no places")
	}
	for i := range ds.Events {
		e := &ds.Events[i]
		if e.Place() == "" {
			continue
		}
		several := strings.ContainsAny(e.Place(), ";") || strings.Contains(e.Place(), " and ") || strings.Contains(e.Place(), " to ")
		where := ds.Lanes[e.LaneIndex].Whereabouts
		switch {
		case len(e.PlaceIndex()) == 0 && (where || !several):
			t.Errorf("event %q (%s): place %q has no id in the places table", e.ID, e.Lane, e.Place())
		case several && len(e.PlaceIndex()) < 2:
			t.Errorf("event %q: place %q names several locations, but only %d place id(s)", e.ID, e.Place(), len(e.PlaceIndex()))
		}
	}
	for _, p := range ds.Places {
		if p.Gazetteer == "" || (p.Ref == "" && !p.Approx) {
			t.Errorf("place %q: coordinates without their origin (gazetteer %q, ref %q)", p.ID, p.Gazetteer, p.Ref)
		}
	}
}
