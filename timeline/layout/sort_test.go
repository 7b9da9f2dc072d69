package layout

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortedEndsMatchSort checks the sorted ends of a lane (by counting, and its fallback for
// days too far apart) against slices.Sort. (The order of a lane's rows is the span table's:
// timeline's TestSpanOrderMatchesComparisonSort.)
func TestSortedEndsMatchSort(t *testing.T) {
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
			l := &Lane{}
			for range tc.n {
				s := tc.base + r.Int32N(tc.days)
				l.Start = append(l.Start, s)
				l.End = append(l.End, s+1+r.Int32N(tc.long))
			}
			ends := slices.Clone(l.End)
			slices.Sort(ends)
			if got := sortedInt32(l.End); !slices.Equal(got, ends) {
				t.Errorf("sortedInt32 differs from slices.Sort")
			}
		})
	}
}
