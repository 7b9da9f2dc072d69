package layout

import (
	"fmt"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
)

// TestBuiltinAxisBreaks: the built-in dataset's sparse stretches are compressed, his
// childhood (three events in 1879-1892) and the 61 years after his death (four events), and
// nothing of his life from 1893 to his death is.
func TestBuiltinAxisBreaks(t *testing.T) {
	ds, err := format.Load("../../data/trotsky.json")
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(ds)
	if ix.Axis == nil {
		t.Fatal("no breaks")
	}
	after := false
	for _, b := range ix.Axis.Breaks {
		t.Logf("break %s .. %s (%.1f years) as %.1f years", dayText(b.From), dayText(b.To), (b.To-b.From)/365.2425, b.Len/365.2425)
		if b.To > float64(dayOf(1893, 1, 1)) && b.From < float64(dayOf(1940, 8, 21)) {
			t.Errorf("a break in his life: %s .. %s", dayText(b.From), dayText(b.To))
		}
		if b.From <= float64(dayOf(1941, 1, 1)) && b.To >= float64(dayOf(2001, 12, 31)) {
			after = true
		}
	}
	if !after {
		t.Error("the years after his death are not one compressed stretch")
	}
}

func dayOf(y, m, d int) chrono.Day { return chrono.FromCivil(y, m, d) }

func dayText(d float64) string {
	y, m, dd := chrono.Day(int64(d)).Civil()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}
