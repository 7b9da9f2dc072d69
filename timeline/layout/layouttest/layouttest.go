// Package layouttest builds synthetic datasets for tests and benchmarks of the drawing
// engine: the deterministic workload of shared/BENCH.md (mulberry32, seed 20240601), the same
// one vis-timeline was measured on.
package layouttest

import (
	"fmt"
	"hash/fnv"
	"strconv"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// Seed is the PRNG seed of the benchmark workload.
const Seed = 20240601

// Mulberry32 is the benchmark's PRNG.
type Mulberry32 struct{ a uint32 }

// NewMulberry32 returns the generator seeded with seed.
func NewMulberry32(seed uint32) *Mulberry32 { return &Mulberry32{a: seed} }

// Float returns the next number in [0, 1).
func (m *Mulberry32) Float() float64 {
	m.a += 0x6D2B79F5
	t := m.a
	t = (t ^ t>>15) * (t | 1)
	t ^= t + (t^t>>7)*(t|61)
	return float64(t^t>>14) / 4294967296
}

// Item is one generated item, in the benchmark's terms.
type Item struct {
	Lane     int
	Range    bool
	StartDay int // days after 1879-01-01
	DurDays  int // 0 for points
	Label    string
}

// Items generates the n items of the benchmark workload.
func Items(n int) []Item {
	r := NewMulberry32(Seed)
	items := make([]Item, n)
	var letters [8]byte
	for i := range items {
		it := &items[i]
		it.Lane = int(r.Float() * 6)
		it.Range = r.Float() < 0.7
		if it.Range {
			it.DurDays = max(1, int(roundHalfAwayFromZero(exp(r.Float()*ln1826))))
		}
		it.StartDay = int(r.Float() * float64(22644-it.DurDays+1))
		for k := range letters {
			letters[k] = 'a' + byte(r.Float()*26)
		}
		it.Label = fmt.Sprintf("Item %06d %s", i, letters[:])
	}
	return items
}

// Checksum is the benchmark's FNV-1a checksum of the items, as 8 hex digits.
func Checksum(items []Item) string {
	h := fnv.New32a()
	base := int64(chrono.FromCivil(1879, 1, 1)) * 86400000
	for i, it := range items {
		typ, end := "point", ""
		start := base + int64(it.StartDay)*86400000
		if it.Range {
			typ = "range"
			end = strconv.FormatInt(start+int64(it.DurDays)*86400000, 10)
		}
		fmt.Fprintf(h, "%d,%d,%s,%d,%s,%s\n", i, it.Lane, typ, start, end, it.Label)
	}
	return fmt.Sprintf("%08x", h.Sum32())
}

// Dataset is the benchmark workload of n items as a dataset with parsed dates: 6 lanes
// "Lane 1".."Lane 6", events "e0".. with day-precise dates; a range ends DurDays after it starts.
func Dataset(n int) *timeline.Dataset {
	items := Items(n)
	ds := &timeline.Dataset{Format: timeline.FormatV1, Title: fmt.Sprintf("Synthetic %d", n)}
	for l := 0; l < 6; l++ {
		ds.Lanes = append(ds.Lanes, timeline.Lane{ID: fmt.Sprintf("lane-%d", l+1), Title: fmt.Sprintf("Lane %d", l+1)})
	}
	ds.Events = make([]timeline.Event, n)
	base := chrono.FromCivil(1879, 1, 1)
	for i, it := range items {
		e := &ds.Events[i]
		e.ID = "e" + strconv.Itoa(i)
		e.Lane = ds.Lanes[it.Lane].ID
		e.LaneIndex = it.Lane
		e.Title = it.Label
		e.StartDate = DayDate(base + chrono.Day(it.StartDay))
		if it.Range {
			e.EndDate = DayDate(base + chrono.Day(it.StartDay+it.DurDays))
		}
	}
	return ds
}

// DayDate is the day-precise Date of a day.
func DayDate(d chrono.Day) chrono.Date {
	y, m, dd := d.Civil()
	return chrono.Date{Year: y, Month: m, DayOfMon: dd, Precision: chrono.PrecDay}
}
