package layout

import (
	"fmt"
	"testing"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
)

// TestBuiltinAxisBreaks: the built-in dataset's empty stretches after 1940 (to the 1950s,
// to 1987, to 2001) are compressed, and nothing in his life is.
func TestBuiltinAxisBreaks(t *testing.T) {
	ds, err := format.Load("../../data/trotsky.json")
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(ds)
	if ix.Axis == nil {
		t.Fatal("no breaks")
	}
	for _, b := range ix.Axis.Breaks {
		t.Logf("break %s .. %s (%.1f years) as %.1f years", dayText(b.From), dayText(b.To), (b.To-b.From)/365.2425, b.Len/365.2425)
		if b.From < float64(dayOf(1940, 8, 21)) {
			t.Errorf("a break in his life: %s .. %s", dayText(b.From), dayText(b.To))
		}
	}
}

func dayOf(y, m, d int) chrono.Day { return chrono.FromCivil(y, m, d) }

func dayText(d float64) string {
	y, m, dd := chrono.Day(int64(d)).Civil()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}
