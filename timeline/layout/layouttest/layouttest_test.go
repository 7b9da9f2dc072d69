package layouttest

import (
	"bytes"
	"testing"

	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/gen"
)

// TestDatasetIsTheFile checks that the in-memory workload is the dataset the file gen.Write
// writes loads as: same lanes, events, titles and dates.
func TestDatasetIsTheFile(t *testing.T) {
	const n = 2000
	var b bytes.Buffer
	if err := gen.Write(&b, n, gen.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	want, err := format.Parse("gen.json", b.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := Dataset(n)
	if len(got.Lanes) != len(want.Lanes) || len(got.Events) != len(want.Events) {
		t.Fatalf("%d lanes %d events, want %d lanes %d events", len(got.Lanes), len(got.Events), len(want.Lanes), len(want.Events))
	}
	for i := range got.Lanes {
		if got.Lanes[i].ID != want.Lanes[i].ID || got.Lanes[i].Title != want.Lanes[i].Title {
			t.Fatalf("lane %d = %+v, want %+v", i, got.Lanes[i], want.Lanes[i])
		}
	}
	for i := range got.Events {
		g, w := &got.Events[i], &want.Events[i]
		if g.ID != w.ID || g.Lane != w.Lane || g.LaneIndex != w.LaneIndex || g.Title != w.Title || g.StartDate != w.StartDate || g.EndDate != w.EndDate {
			t.Fatalf("event %d = %s %s %d %q %v %v, want %s %s %d %q %v %v", i,
				g.ID, g.Lane, g.LaneIndex, g.Title, g.StartDate, g.EndDate, w.ID, w.Lane, w.LaneIndex, w.Title, w.StartDate, w.EndDate)
		}
	}
}
