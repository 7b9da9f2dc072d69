package timeline

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"trotskytimeline/timeline/chrono"
)

// TestSpanOrderMatchesComparisonSort checks the radix sort of a lane's rows (and its fallback for days
// too far apart to pack) against a stable comparison sort: start ascending, end descending,
// then dataset order. (The sorted ends: layout's TestSortedEndsMatchSort.)
func TestSpanOrderMatchesComparisonSort(t *testing.T) {
	tests := []struct {
		name string
		n    int
		days int32 // starts drawn from [base, base+days)
		base int32
		long int32 // longest duration
	}{
		{"empty", 0, 10, 0, 5},
		{"one", 1, 10, 0, 5},
		{"short lane", 100, 50, -3000, 40},
		{"many ties", 5000, 30, 0, 3},
		{"workload-like", 20000, 22644, -33000, 1826},
		{"negative days", 3000, 1000, -4000000, 500},
		{"too wide to pack", 3000, 1 << 30, -1 << 30, 1 << 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(tc.n)))
			l := &struct{ Start, End []int32 }{}
			for range tc.n {
				s := tc.base + r.Int32N(tc.days)
				l.Start = append(l.Start, s)
				l.End = append(l.End, s+1+r.Int32N(tc.long))
			}
			want := make([]int32, tc.n)
			for i := range want {
				want[i] = int32(i)
			}
			slices.SortStableFunc(want, func(a, b int32) int {
				if c := cmp.Compare(l.Start[a], l.Start[b]); c != 0 {
					return c
				}
				return cmp.Compare(l.End[b], l.End[a])
			})
			if got := spanOrder(l.Start, l.End, nil); !slices.Equal(got, want) {
				t.Errorf("spanOrder differs from the comparison sort")
			}
		})
	}
}

// TestDayBoundsMatchDateBounds: the shortcut for plain days gives what the event's
// DateBounds says, for every calendar (a "julian?" day widens to its Old Style reading).
func TestDayBoundsMatchDateBounds(t *testing.T) {
	for _, cal := range []string{"", CalendarJulian, CalendarUnstated} {
		for _, s := range []string{"1917-10-25", "1917-10-25?", "-0044-03-15", "1917-10", "1917", "192X", "1917-XX", "1917-10-XX", "1917-XX-XX", "..", "2000-02-29~"} {
			t.Run(cal+"/"+s, func(t *testing.T) {
				d, err := chrono.Parse(s)
				if err != nil {
					t.Fatalf("parse: %v", err)
				}
				e := &Event{More: &EventMore{Calendar: cal}}
				lo, hi := e.dayBounds(d)
				wlo, whi := e.DateBounds(d)
				if lo != wlo || hi != whi {
					t.Errorf("dayBounds = %d, %d; DateBounds = %d, %d", lo, hi, wlo, whi)
				}
			})
		}
	}
}
