package timelinejs

import "testing"

// A TimelineJS timeline says nothing of calendars, so no event of it shows an Old Style
// date, not even a Russian day before 1918 (the Old Style rule is the dataset's, not a
// guess from place names).
func TestImportShowsNoOldStyle(t *testing.T) {
	doc := `{"title": {"text": {"headline": "Library"}}, "events": [
{"start_date": {"year": "1905", "month": "10", "day": "13"}, "text": {"headline": "Soviet formed in St. Petersburg"}},
{"start_date": {"year": "1879", "month": "11", "day": "7"}, "text": {"headline": "Born in Yanovka, Russian Empire"}}]}`
	ds, err := ParseJSON("x.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Events) != 2 {
		t.Fatalf("%d events", len(ds.Events))
	}
	for i := range ds.Events {
		if e := &ds.Events[i]; e.OldStyle(e.StartDate) {
			t.Errorf("%s (%s): an imported event shows an Old Style date", e.Title, e.Start())
		}
	}
}
