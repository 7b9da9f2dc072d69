// Package layout places a timeline's events for one view: an Index built once per dataset
// answers "which events of a lane meet this window" in O(log n + k) and "how many" in
// O(log n); a Frame packs the visible events of each lane into rows with their labels, puts
// what does not fit into "+N" clusters, and draws lanes too dense to read as density bins.
// Every visible event is either drawn or counted in a cluster or bin.
package layout

import (
	"cmp"
	"math"
	"slices"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/scale"
)

// Flags describe how an event is drawn: the span table's flags (timeline.SpanFlags).
type Flags = timeline.SpanFlags

// The event flags.
const (
	FlagPoint          = timeline.SpanPoint          // no end: a point at its start's precision
	FlagStartUncertain = timeline.SpanStartUncertain // the start is uncertain or approximate (? ~ %)
	FlagEndUncertain   = timeline.SpanEndUncertain   // the end is uncertain or approximate
	FlagContested      = timeline.SpanContested      // the sources give different dates
	FlagOpenEnd        = timeline.SpanOpenEnd        // the end is open ("..")
	FlagStartCoarse    = timeline.SpanStartCoarse    // the start spans more than one day ("1928-01")
	FlagEndCoarse      = timeline.SpanEndCoarse      // the end spans more than one day
)

// Lane holds one lane's events as parallel arrays sorted by Start (then End, then event
// index): views of the lane's rows of the dataset's span table (timeline.Spans), which the
// index must not change, with the structures that answer interval queries. Days are
// chrono.Day as int32.
type Lane struct {
	Start     []int32 // earliest start day
	StartLate []int32 // latest start day (== Start for a day-precise start)
	EndEarly  []int32 // earliest end day, inclusive (for a point: its earliest day)
	End       []int32 // latest end day + 1: the events cover [Start, End)
	Flags     []Flags
	Event     []int32 // index in Dataset.Events

	ends []int32 // End, sorted, for Count
	// tree is an implicit segment tree of the max End: tree[1] is the max of all, node i's
	// children are 2i and 2i+1, and a node from size up is the leaf of event node-size,
	// read from End (the leaves are not stored: a lane of 166,667 events has 262,144 of
	// them, 1 MB).
	tree []int32
	size int // number of leaves, a power of two
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
	// Spans is the span table the lanes are views of (ds.Spans() when the index was made).
	Spans *timeline.Spans
	// Axis is the broken time axis of the dataset (scale.NewAxis of its empty stretches),
	// nil when none is long enough to compress. Views made with it (Axis.View, Axis.Fit)
	// draw those stretches narrow.
	Axis *scale.Axis
}

// NewIndex indexes the events of ds by lane (Event.LaneIndex), taking their days from the
// dataset's span table (Dataset.Spans, the one rule of an event's days). Events with an
// out-of-range lane are skipped. An open end runs to the last day of the other events (at
// least a day past its start).
func NewIndex(ds *timeline.Dataset) *Index {
	sp := ds.Spans()
	ix := &Index{DS: ds, Spans: sp, Lanes: make([]Lane, len(ds.Lanes)), First: sp.First, Last: sp.Last, N: sp.Len()}
	for li := range ix.Lanes {
		a, b := sp.Lane(li)
		l := &ix.Lanes[li]
		l.Start, l.StartLate = sp.Start[a:b:b], sp.StartLate[a:b:b]
		l.EndEarly, l.End = sp.EndEarly[a:b:b], sp.End[a:b:b]
		l.Flags, l.Event = sp.Flags[a:b:b], sp.Event[a:b:b]
		l.build()
	}
	ix.Axis = scale.NewAxis(float64(ix.First), float64(ix.Last), ix.N, ix.Gaps(), ix.startHist())
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

// build makes the lane's segment tree and sorted ends.
func (l *Lane) build() {
	n := len(l.Start)
	l.ends = sortedInt32(l.End)
	l.size = 1
	for l.size < n {
		l.size *= 2
	}
	l.tree = make([]int32, l.size) // tree[0] unused
	for i := l.size - 1; i >= 1; i-- {
		l.tree[i] = max(l.maxEnd(2*i), l.maxEnd(2*i+1))
	}
}

// maxEnd is the max End under node i of the segment tree: tree[i] for an inner node, the
// End of the event of a leaf, math.MinInt32 for a leaf past the last event.
func (l *Lane) maxEnd(i int) int32 {
	if i < l.size {
		return l.tree[i]
	}
	if i -= l.size; i < len(l.End) {
		return l.End[i]
	}
	return math.MinInt32
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
	if lo >= limit {
		return dst
	}
	if w == 1 { // a leaf: event lo (lo < limit <= the number of events)
		if float64(l.End[lo]) > t0 {
			dst = append(dst, int32(lo))
		}
		return dst
	}
	if float64(l.tree[node]) <= t0 {
		return dst
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

// Find returns the lane and position of a dataset event, or ok false, in O(1) (the span
// table's row of the event).
func (ix *Index) Find(event int32) (lane, pos int, ok bool) {
	if event < 0 || int(event) >= len(ix.Spans.Row) {
		return 0, 0, false
	}
	r := int(ix.Spans.Row[event])
	if r < 0 {
		return 0, 0, false
	}
	lane = ix.DS.Events[event].LaneIndex
	lo, hi := ix.Spans.Lane(lane)
	if r < lo || r >= hi {
		return 0, 0, false
	}
	return lane, r - lo, true
}

// Span returns the first and last day (inclusive) of a dataset event, from the span table
// (timeline.Spans.Span); ok is false for an event without a lane.
func (ix *Index) Span(event int) (first, last chrono.Day, ok bool) { return ix.Spans.Span(event) }

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
