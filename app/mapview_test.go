package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// A dataset without places shows no map, and no empty panel.
func TestNoPlacesNoMap(t *testing.T) {
	u, _ := newTestUI(t, 1000, 600)
	if u.mapv != nil {
		t.Fatal("a dataset without places has a map")
	}
	if _, split := u.tlArea.(*container.Split); split {
		t.Fatal("a dataset without places has a split for a map")
	}
}

// placesDataset is testDataset with two places: Moscow for the war commissariat, Coyoacán
// for the exile in Mexico, whose lane says where he was.
func placesDataset(t *testing.T) *timeline.Dataset {
	ds := testDataset(t)
	ds.Lanes[1].Whereabouts = true
	ds.Gazetteers = []timeline.Gazetteer{{ID: "g", Title: "GeoNames"}}
	ds.Places = []timeline.Place{
		{ID: "moscow", Name: "Moscow", Names: map[string]string{"it": "Mosca"}, Lat: 55.75204, Lon: 37.61781, Gazetteer: "g"},
		{ID: "coyoacan", Name: "Coyoacán", Lat: 19.3467, Lon: -99.16174, Gazetteer: "g"},
	}
	set := func(id string, p int32) {
		for i := range ds.Events {
			if ds.Events[i].ID == id {
				ds.Events[i].WithMore().Places = []string{ds.Places[p].ID}
				ds.Events[i].WithMore().PlaceIndex = []int32{p}
			}
		}
	}
	set("war", 0)
	set("mexico", 1)
	return ds
}

func placeEventIndex(ds *timeline.Dataset, id string) int {
	for i := range ds.Events {
		if ds.Events[i].ID == id {
			return i
		}
	}
	return -1
}

// The map follows the timeline: the place at the centre day is highlighted; a tap on a
// place selects its events; selecting an event with a place rings it on the map.
func TestMapInStepWithTimeline(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	ds := placesDataset(t)
	u := newUI(win, ds, Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1200, 800))
	win.Canvas().Capture()
	t.Cleanup(win.Close)
	if u.mapv == nil {
		t.Fatal("a dataset with places has no map")
	}
	// The timeline in 1938: he was in Coyoacán.
	u.tl.ShowRange(float64(chrono.FromCivil(1938, 1, 1)), float64(chrono.FromCivil(1938, 12, 31)))
	win.Canvas().Capture()
	ms := u.mapv.Scene()
	if ms.Now < 0 || ds.Events[ms.Now].ID != "mexico" {
		t.Fatalf("in 1938 the map highlights event %d, want the exile in Mexico (Coyoacán)", ms.Now)
	}
	// In 1920 no stay of the whereabouts lane covers the centre: nothing is highlighted.
	u.tl.ShowRange(float64(chrono.FromCivil(1920, 1, 1)), float64(chrono.FromCivil(1920, 12, 31)))
	win.Canvas().Capture()
	if ms.Now >= 0 {
		t.Errorf("in 1920 the map highlights stay %d, want none", ms.Now)
	}
	// A tap on Moscow, drawn in 1920, selects the war commissariat.
	var at fyne.Position
	found := false
	for i, p := range ms.Places {
		if ds.Places[p].ID == "moscow" {
			at = fyne.NewPos(float32(ms.PlacePts[2*i]), float32(ms.PlacePts[2*i+1]))
			found = true
		}
	}
	if !found {
		t.Fatal("Moscow is not drawn in 1920")
	}
	// Hovering it names it with the years of its events.
	u.mapv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at.Add(fyne.NewPos(3, 0))}})
	if u.mapv.tip[0] != "Moscow" || u.mapv.tip[1] != "1918–1925" {
		t.Errorf("hovering Moscow shows %q", u.mapv.tip)
	}
	u.mapv.Tapped(&fyne.PointEvent{Position: at.Add(fyne.NewPos(2, 1))})
	if sel := u.tl.Selected(); sel != placeEventIndex(ds, "war") {
		t.Fatalf("tapping Moscow selected %d, want the war commissariat", sel)
	}
	// Selecting the exile in Mexico rings Coyoacán.
	u.tl.Select(placeEventIndex(ds, "mexico"))
	if u.mapv.selected != int32(placeEventIndex(ds, "mexico")) {
		t.Errorf("the map's selection is %d after selecting the exile in Mexico", u.mapv.selected)
	}
	// The war commissariat is framed on the timeline.
	a0, b0 := ds.Events[placeEventIndex(ds, "war")].Span()
	if v := u.tl.View(); v.Start > float64(a0) || v.End < float64(b0) {
		t.Errorf("the timeline shows %.0f..%.0f, not the war commissariat %d..%d", v.Start, v.End, a0, b0)
	}
}

// The marks of a tapped place's events go when another event is selected.
func TestPlaceMarksClearOnOtherSelection(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	ds := placesDataset(t)
	u := newUI(win, ds, Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1200, 800))
	win.Canvas().Capture()
	t.Cleanup(win.Close)
	u.selectPlace(0) // Moscow
	if u.eng.Config().Marked == nil || !u.eng.Config().Marked(int32(placeEventIndex(ds, "war"))) {
		t.Fatal("the place's events are not marked")
	}
	u.tl.Select(placeEventIndex(ds, "birth"))
	if u.eng.Config().Marked != nil {
		t.Error("the marks stayed after selecting another event")
	}
}

// A drag on the timeline moves the range at every step; the map asks for a new frame only
// when that changes what it draws (a moved raster is painted and uploaded again, which
// without a GPU costs CPU at every step of the drag).
func TestMapSameOverlay(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newAppTheme("light"))
	win := a.NewWindow("")
	u := newUI(win, placesDataset(t), Options{Lang: "en", Theme: "light"})
	win.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(win.Close)
	m := u.mapv
	if m.rend != nil && m.rend.sameOverlay() {
		t.Error("before its first frame the map reports its picture unchanged")
	}
	u.tl.ShowRange(float64(chrono.FromCivil(1938, 1, 1)), float64(chrono.FromCivil(1938, 12, 31)))
	win.Canvas().Capture()
	from, to, now := m.from, m.to, m.now
	// A day later in 1938: the same places, move and stay (Coyoacán).
	m.from, m.to, m.now = from+1, to+1, now+1
	if !m.rend.sameOverlay() {
		t.Error("a day later in 1938 the map's picture changed")
	}
	if m.Scene().Now < 0 {
		t.Error("the scene kept for hit-testing lost the highlighted stay")
	}
	// 1920: Moscow and no stay at the centre; another picture.
	m.from, m.to, m.now = chrono.FromCivil(1920, 1, 1), chrono.FromCivil(1920, 12, 31), chrono.FromCivil(1920, 7, 1)
	if m.rend.sameOverlay() {
		t.Error("the map's picture of 1920 is the same as 1938's")
	}
	// Through SetRange, the picture follows.
	m.SetRange(chrono.FromCivil(1920, 1, 1), chrono.FromCivil(1920, 12, 31), chrono.FromCivil(1920, 7, 2))
	win.Canvas().Capture()
	if m.Scene().Now >= 0 {
		t.Errorf("in 1920 the map highlights stay %d, want none", m.Scene().Now)
	}
}
