// Package layout places a timeline's events for one view: an Index built once per dataset
// answers "which events of a lane meet this window" in O(log n + k) and "how many" in
// O(log n); a Frame packs the visible events of each lane into rows with their labels, puts
// what does not fit into "+N" clusters, and draws lanes too dense to read as density bins.
// Every visible event is either drawn or counted in a cluster or bin.
package layout

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/scale"
)

// Flags describe how an event is drawn.
type Flags uint8

// The event flags.
const (
	FlagPoint          Flags = 1 << iota // no end: a point at its start's precision
	FlagStartUncertain                   // the start is uncertain or approximate (? ~ %)
	FlagEndUncertain                     // the end is uncertain or approximate
	FlagContested                        // the sources give different dates
	FlagOpenEnd                          // the end is open ("..")
	FlagStartCoarse                      // the start spans more than one day ("1928-01")
	FlagEndCoarse                        // the end spans more than one day
)

// Lane holds one lane's events as parallel arrays sorted by Start (then End, then event
// index), with the structures that answer interval queries. Days are chrono.Day as int32.
type Lane struct {
	Start     []int32 // earliest start day
	StartLate []int32 // latest start day (== Start for a day-precise start)
	EndEarly  []int32 // earliest end day, inclusive (for a point: its earliest day)
	End       []int32 // latest end day + 1: the events cover [Start, End)
	Flags     []Flags
	Event     []int32 // index in Dataset.Events

	ends []int32 // End, sorted, for Count
	tree []int32 // implicit segment tree: tree[1] is the max End of all; leaves at size+i
	size int     // number of leaves, a power of two
}

// Len is the number of events in the lane.
func (l *Lane) Len() int { return len(l.Start) }

// Index is the query structure of a dataset, built once by NewIndex.
type Index struct {
	DS    *timeline.Dataset
	Lanes []Lane
	// First and Last bound the days of all events: [First, Last). Both 0 for an empty dataset.
	First, Last int64
	// N is the number of events indexed.
	N int
	// Axis is the broken time axis of the dataset (scale.NewAxis of its empty stretches),
	// nil when none is long enough to compress. Views made with it (Axis.View, Axis.Fit)
	// draw those stretches narrow.
	Axis *scale.Axis
}

// NewIndex indexes the events of ds by lane (Event.LaneIndex) using their parsed dates
// (StartDate, EndDate). Events with an out-of-range lane are skipped. An open end runs to the
// last day of the other events (at least a day past its start).
func NewIndex(ds *timeline.Dataset) *Index {
	ix := &Index{DS: ds, Lanes: make([]Lane, len(ds.Lanes))}
	counts := make([]int, len(ds.Lanes))
	for i := range ds.Events {
		if li := ds.Events[i].LaneIndex; li >= 0 && li < len(counts) {
			counts[li]++
		}
	}
	for li := range ix.Lanes {
		n := counts[li]
		l := &ix.Lanes[li]
		l.Start = make([]int32, 0, n)
		l.StartLate = make([]int32, 0, n)
		l.EndEarly = make([]int32, 0, n)
		l.End = make([]int32, 0, n)
		l.Flags = make([]Flags, 0, n)
		l.Event = make([]int32, 0, n)
	}
	first, last := int64(math.MaxInt64), int64(math.MinInt64)
	var open []int32 // (lane, position) pairs of open ends, fixed below
	for i := range ds.Events {
		e := &ds.Events[i]
		li := e.LaneIndex
		if li < 0 || li >= len(ix.Lanes) {
			continue
		}
		l := &ix.Lanes[li]
		s0, s1 := dateBounds(e, e.StartDate)
		var f Flags
		if e.StartDate.Qual != 0 {
			f |= FlagStartUncertain
		}
		if s1 > s0 {
			f |= FlagStartCoarse
		}
		e0, e1 := s0, s1
		switch {
		case e.EndDate.Open:
			f |= FlagOpenEnd
			e0, e1 = s1, s1
			open = append(open, int32(li), int32(len(l.Start)))
		case e.EndDate == (chrono.Date{}):
			f |= FlagPoint
		default:
			e0, e1 = dateBounds(e, e.EndDate)
			if e.EndDate.Qual != 0 {
				f |= FlagEndUncertain
			}
			if e1 > e0 {
				f |= FlagEndCoarse
			}
			if e1 < s0 { // an end before the start: the loader refuses it; never draw it backwards
				e0, e1 = s0, s1
			}
		}
		if contested(e) {
			f |= FlagContested
		}
		l.Start = append(l.Start, int32(s0))
		l.StartLate = append(l.StartLate, int32(s1))
		l.EndEarly = append(l.EndEarly, int32(e0))
		l.End = append(l.End, int32(e1+1))
		l.Flags = append(l.Flags, f)
		l.Event = append(l.Event, int32(i))
		ix.N++
		first = min(first, s0)
		if f&FlagOpenEnd == 0 {
			last = max(last, e1+1)
		} else {
			last = max(last, s1+1)
		}
	}
	for k := 0; k < len(open); k += 2 {
		l := &ix.Lanes[open[k]]
		p := open[k+1]
		l.End[p] = int32(max(int64(l.End[p]), last))
	}
	if ix.N == 0 {
		first, last = 0, 0
	}
	ix.First, ix.Last = first, last
	for li := range ix.Lanes {
		ix.Lanes[li].build()
	}
	ix.Axis = scale.NewAxis(float64(first), float64(last), ix.N, ix.Gaps())
	return ix
}

// Gaps returns the stretches of days between the first and last event that no event
// covers, in order: the complement of the union of every lane's [Start, End).
func (ix *Index) Gaps() []scale.Gap {
	// Each lane's covered runs (its events in start order, merged), then all lanes' runs
	// merged: a million events make a handful of runs.
	var runs [][2]int32
	for li := range ix.Lanes {
		l := &ix.Lanes[li]
		for i := 0; i < len(l.Start); {
			s, e := l.Start[i], l.End[i]
			for i++; i < len(l.Start) && l.Start[i] <= e; i++ {
				e = max(e, l.End[i])
			}
			runs = append(runs, [2]int32{s, e})
		}
	}
	slices.SortFunc(runs, func(a, b [2]int32) int { return cmp.Compare(a[0], b[0]) })
	var gaps []scale.Gap
	for i := 0; i < len(runs); {
		e := runs[i][1]
		for i++; i < len(runs) && runs[i][0] <= e; i++ {
			e = max(e, runs[i][1])
		}
		if i < len(runs) {
			gaps = append(gaps, scale.Gap{From: float64(e), To: float64(runs[i][0])})
		}
	}
	return gaps
}

// build sorts the lane by start and builds its segment tree and sorted ends.
func (l *Lane) build() {
	n := len(l.Start)
	perm := l.sortPerm()
	l.Start = permute(l.Start, perm)
	l.StartLate = permute(l.StartLate, perm)
	l.EndEarly = permute(l.EndEarly, perm)
	l.End = permute(l.End, perm)
	l.Event = permute(l.Event, perm)
	fl := make([]Flags, n)
	for i, p := range perm {
		fl[i] = l.Flags[p]
	}
	l.Flags = fl

	l.ends = sortedInt32(l.End)

	l.size = 1
	for l.size < n {
		l.size *= 2
	}
	l.tree = make([]int32, 2*l.size)
	for i := range l.tree {
		l.tree[i] = math.MinInt32
	}
	copy(l.tree[l.size:], l.End)
	for i := l.size - 1; i >= 1; i-- {
		l.tree[i] = max(l.tree[2*i], l.tree[2*i+1])
	}
}

// sortPerm returns the order of the lane's events: start ascending, then end descending
// (longer first packs better), then the order of the dataset. The three keys are packed in
// one uint64, each offset from its least value in the lane so that they fit (days span a few
// tens of thousands, positions a million: about 50 bits), and radix-sorted on the day bits
// only: the sort is stable and the keys start in dataset order. That is several times faster
// than a comparison sort of (key, position) pairs, which was three quarters of NewIndex.
func (l *Lane) sortPerm() []int32 {
	n := len(l.Start)
	perm := make([]int32, n)
	if n == 0 {
		return perm
	}
	minS, maxS := l.Start[0], l.Start[0]
	minE, maxE := l.End[0], l.End[0]
	for i := range n {
		minS, maxS = min(minS, l.Start[i]), max(maxS, l.Start[i])
		minE, maxE = min(minE, l.End[i]), max(maxE, l.End[i])
	}
	sBits := uint(bits.Len64(uint64(int64(maxS) - int64(minS))))
	eBits := uint(bits.Len64(uint64(int64(maxE) - int64(minE))))
	pBits := uint(bits.Len64(uint64(n - 1)))
	if sBits+eBits+pBits > 64 { // days over the whole calendar and a huge lane: compare
		type key struct {
			k   uint64
			pos int32
		}
		keys := make([]key, n)
		for i := range keys {
			keys[i] = key{uint64(uint32(l.Start[i])^0x80000000)<<32 | uint64(^(uint32(l.End[i]) ^ 0x80000000)), int32(i)}
		}
		slices.SortFunc(keys, func(a, b key) int {
			if a.k != b.k {
				return cmp.Compare(a.k, b.k)
			}
			return cmp.Compare(a.pos, b.pos)
		})
		for i, k := range keys {
			perm[i] = k.pos
		}
		return perm
	}
	keys := make([]uint64, n)
	for i := range keys {
		k := uint64(int64(l.Start[i])-int64(minS))<<eBits | uint64(int64(maxE)-int64(l.End[i]))
		keys[i] = k<<pBits | uint64(i)
	}
	radixSort(keys, pBits, pBits+sBits+eBits)
	mask := uint64(1)<<pBits - 1
	for i, k := range keys {
		perm[i] = int32(k & mask)
	}
	return perm
}

// sortedInt32 returns a sorted copy of a: by counting each value when the values span no more
// than a few times as many days as there are (a lane's ends), else by comparison.
func sortedInt32(a []int32) []int32 {
	out := make([]int32, len(a))
	if len(a) == 0 {
		return out
	}
	lo, hi := slices.Min(a), slices.Max(a)
	span := int64(hi) - int64(lo) + 1
	if span > 4*int64(len(a))+1024 {
		copy(out, a)
		slices.Sort(out)
		return out
	}
	count := make([]int32, span)
	for _, v := range a {
		count[v-lo]++
	}
	i := 0
	for d, c := range count {
		for ; c > 0; c-- {
			out[i] = lo + int32(d)
			i++
		}
	}
	return out
}

// radixSort sorts a stably by its bits [lo, hi) (least significant digit first, 11 bits a
// pass); the other bits do not take part. Short slices are sorted whole by comparison, which
// gives the same order when the bits below lo are the elements' initial order (as sortPerm's
// positions are) and there are no bits at or above hi (as the callers make sure).
func radixSort(a []uint64, lo, hi uint) {
	const digit = 11
	if len(a) < 256 {
		slices.Sort(a)
		return
	}
	buf := make([]uint64, len(a))
	src, dst := a, buf
	var count [1 << digit]int
	for shift := lo; shift < hi; shift += digit {
		clear(count[:])
		for _, v := range src {
			count[(v>>shift)&(1<<digit-1)]++
		}
		if count[(src[0]>>shift)&(1<<digit-1)] == len(src) {
			continue // every element has this digit: the pass would not move any
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, v := range src {
			d := (v >> shift) & (1<<digit - 1)
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}

func permute(a []int32, perm []int32) []int32 {
	out := make([]int32, len(a))
	for i, p := range perm {
		out[i] = a[p]
	}
	return out
}

// searchStart is the number of events whose Start is < t.
func (l *Lane) searchStart(t float64) int {
	lo, hi := 0, len(l.Start)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if float64(l.Start[m]) < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// searchEnd is the number of events whose End is <= t.
func (l *Lane) searchEnd(t float64) int {
	lo, hi := 0, len(l.ends)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if float64(l.ends[m]) <= t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Count is the number of events of the lane that meet the window [t0, t1) (days), that is
// Start < t1 and End > t0, in O(log n).
func (l *Lane) Count(t0, t1 float64) int {
	if t1 <= t0 {
		return 0
	}
	return l.searchStart(t1) - l.searchEnd(t0)
}

// Visible appends to dst the positions (indices into the lane's arrays) of the events that
// meet [t0, t1), in start order, in O(log n + k·log(n/k)).
func (l *Lane) Visible(t0, t1 float64, dst []int32) []int32 {
	if t1 <= t0 || len(l.Start) == 0 {
		return dst
	}
	hi := l.searchStart(t1)
	if hi == 0 {
		return dst
	}
	return l.collect(1, 0, l.size, hi, t0, dst)
}

// collect descends the segment tree over leaves [lo, lo+w) ∩ [0, limit) whose End > t0.
func (l *Lane) collect(node, lo, w, limit int, t0 float64, dst []int32) []int32 {
	if lo >= limit || float64(l.tree[node]) <= t0 {
		return dst
	}
	if w == 1 {
		return append(dst, int32(lo))
	}
	h := w / 2
	dst = l.collect(2*node, lo, h, limit, t0, dst)
	return l.collect(2*node+1, lo+h, h, limit, t0, dst)
}

// Count is the number of events of a lane that meet [t0, t1); 0 for a lane out of range.
func (ix *Index) Count(lane int, t0, t1 float64) int {
	if lane < 0 || lane >= len(ix.Lanes) {
		return 0
	}
	return ix.Lanes[lane].Count(t0, t1)
}

// Visible appends the positions of a lane's events that meet [t0, t1) to dst; see Lane.Visible.
func (ix *Index) Visible(lane int, t0, t1 float64, dst []int32) []int32 {
	if lane < 0 || lane >= len(ix.Lanes) {
		return dst
	}
	return ix.Lanes[lane].Visible(t0, t1, dst)
}

// Find returns the lane and position of a dataset event, or ok false. It is O(lane size):
// for a selection, not for a frame.
func (ix *Index) Find(event int32) (lane, pos int, ok bool) {
	if event < 0 || int(event) >= len(ix.DS.Events) {
		return 0, 0, false
	}
	lane = ix.DS.Events[event].LaneIndex
	if lane < 0 || lane >= len(ix.Lanes) {
		return 0, 0, false
	}
	l := &ix.Lanes[lane]
	for p, e := range l.Event {
		if e == event {
			return lane, p, true
		}
	}
	return 0, 0, false
}

// Counter counts the events of a lane meeting a series of windows that move only forward
// (each window's t0 and t1 no less than the last one's), as density bins do: it gallops from
// the last positions instead of searching the whole lane, so that a run of bins costs
// O(bins·log(n/bins)) and stays in the cache. The zero Counter is not usable: see NewCounter.
type Counter struct {
	l    *Lane
	s, e int // #Start < last t1, #End <= last t0
}

// NewCounter returns a Counter over the lane.
func (l *Lane) NewCounter() Counter { return Counter{l: l} }

// Count is Lane.Count(t0, t1) for a window no earlier than the previous one.
func (c *Counter) Count(t0, t1 float64) int {
	if t1 <= t0 {
		return 0
	}
	c.s = gallop(c.l.Start, c.s, func(v int32) bool { return float64(v) < t1 })
	c.e = gallop(c.l.ends, c.e, func(v int32) bool { return float64(v) <= t0 })
	return c.s - c.e
}

// gallop returns the first index >= from where less is false, for a less that is true on a
// prefix of a; it probes from, from+1, from+3, ... then bisects.
func gallop(a []int32, from int, less func(int32) bool) int {
	n := len(a)
	if from >= n || !less(a[from]) {
		// Moving backwards is allowed but slow: fall back to a full search.
		if from > 0 && from <= n && !less(a[from-1]) {
			return searchFrom(a, 0, from, less)
		}
		return from
	}
	lo, step := from, 1
	hi := from + step
	for hi < n && less(a[hi]) {
		lo = hi
		step *= 2
		hi = from + step
	}
	if hi > n {
		hi = n
	}
	return searchFrom(a, lo+1, hi, less)
}

// searchFrom is the first index in [lo, hi) where less is false (hi if none).
func searchFrom(a []int32, lo, hi int, less func(int32) bool) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if less(a[m]) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
