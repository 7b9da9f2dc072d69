package timeline

import (
	"cmp"
	"math/bits"
	"slices"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/internal/radix"
)

// SpanFlags describe how an event's span is drawn.
type SpanFlags uint8

// The span flags.
const (
	SpanPoint          SpanFlags = 1 << iota // no end: a point at its start's precision
	SpanStartUncertain                       // the start is uncertain or approximate (? ~ %), or open
	SpanEndUncertain                         // the end is uncertain or approximate
	SpanContested                            // the sources give different dates (Contested)
	SpanOpenEnd                              // the end is open ("..")
	SpanStartCoarse                          // the start spans more than one day ("1928-01")
	SpanEndCoarse                            // the end spans more than one day
)

// Spans is a dataset's table of event spans: the one place an event's days are computed
// (spanDays, from DateBounds), read by the layout index, the figures' validation and
// credits, and the app. It is columnar: one slice a column, one row an event that has a lane
// (LaneIndex in range), the rows grouped by lane (lane 0's first) and, within a lane, sorted
// by start ascending, then end descending (a longer event first packs better), then dataset
// order. The layout index's lanes are views of these columns, not copies.
//
// Days are chrono.Day as int32 (chrono.MinDay..chrono.MaxDay fit).
type Spans struct {
	Start     []int32 // earliest start day: the first day of Event.Span
	StartLate []int32 // latest start day (== Start for a day-precise start)
	EndEarly  []int32 // earliest end day (a point: its start's earliest; an open end: its start's latest)
	End       []int32 // the last day of Event.Span + 1: the row covers [Start, End)
	Flags     []SpanFlags
	Event     []int32 // the row's event: its index in Dataset.Events

	// LaneRows[li] and LaneRows[li+1] bound lane li's rows; it has len(Dataset.Lanes)+1 entries.
	LaneRows []int32
	// Row[i] is the row of Dataset.Events[i], or -1 for an event without a lane.
	Row []int32
	// First and Last bound the days of all rows, [First, Last); both 0 when there is no row.
	First, Last int64

	// of is the dataset's first event when the table was made by BuildSpans, and lanes its
	// number of lanes, so that Dataset.Spans can tell that the events are still those.
	of    *Event
	lanes int
}

// Len is the number of rows: the events that have a lane.
func (s *Spans) Len() int { return len(s.Start) }

// Lane returns the bounds [lo, hi) of lane li's rows (empty for a lane out of range).
func (s *Spans) Lane(li int) (lo, hi int) {
	if li < 0 || li+1 >= len(s.LaneRows) {
		return 0, 0
	}
	return int(s.LaneRows[li]), int(s.LaneRows[li+1])
}

// Span returns the first and last day (inclusive) of event ev, as Event.Span does; ok is
// false for an event without a lane or out of range.
func (s *Spans) Span(ev int) (first, last chrono.Day, ok bool) {
	if ev < 0 || ev >= len(s.Row) || s.Row[ev] < 0 {
		return 0, 0, false
	}
	r := s.Row[ev]
	return chrono.Day(s.Start[r]), chrono.Day(max(s.End[r]-1, s.Start[r])), true
}

// Spans returns the dataset's span table: the one BuildSpans made (the loaders call it) while
// the dataset still has those events and lanes, else a new one that it does not keep (a
// dataset built or changed in memory is read as it is now; call BuildSpans after changing
// it to keep one).
func (d *Dataset) Spans() *Spans {
	if s := d.spans; s != nil && len(s.Row) == len(d.Events) && s.lanes == len(d.Lanes) &&
		(len(d.Events) == 0 || s.of == &d.Events[0]) {
		return s
	}
	return NewSpans(d)
}

// BuildSpans makes the dataset's span table, keeps it for Spans, and gives each event with
// an open end ("..") the dataset's last definite day, which Event.Span uses. The loaders call
// it once a dataset is accepted; a dataset built in memory may call it after changing its
// events (and must not change them while another goroutine reads the dataset).
func (d *Dataset) BuildSpans() {
	s := NewSpans(d)
	if len(d.Events) > 0 {
		s.of = &d.Events[0]
	}
	d.spans = s
	for r, f := range s.Flags {
		if f&SpanOpenEnd != 0 {
			e := &d.Events[s.Event[r]]
			m := e.WithMore()
			m.openEnd, m.hasOpenEnd = s.End[r]-1, true
		}
	}
}

// spanDays is the one rule of an event's days: its start's first and last day (DateBounds),
// its end's (a point: its start's; an open end: its start's latest, which the table then
// runs to the dataset's last day), and its flags but SpanContested, which NewSpans adds. An end before its start (the loader refuses
// it) is read as a point, never drawn backwards; an open start (also refused) begins at its
// end's first day.
func (e *Event) spanDays() (s0, s1, e0, e1 chrono.Day, f SpanFlags) {
	s0, s1 = e.dayBounds(e.StartDate)
	if e.StartDate.Qual != 0 {
		f |= SpanStartUncertain
	}
	if e.StartDate.Open && e.EndDate.IsValid() && !e.EndDate.Open {
		s0, _ = e.dayBounds(e.EndDate)
		s1 = s0
		f |= SpanStartUncertain
	}
	if s1 > s0 {
		f |= SpanStartCoarse
	}
	switch {
	case e.EndDate.Open:
		f |= SpanOpenEnd
		e0, e1 = s1, s1
	case e.EndDate == (chrono.Date{}):
		f |= SpanPoint
		e0, e1 = s0, s1
	default:
		e0, e1 = e.dayBounds(e.EndDate)
		if e.EndDate.Qual != 0 {
			f |= SpanEndUncertain
		}
		if e1 > e0 {
			f |= SpanEndCoarse
		}
		if e1 < s0 {
			e0, e1 = s0, s1
		}
	}
	return s0, s1, e0, e1, f
}

// dayBounds is DateBounds, with a plain day of an event whose calendar is stated computed
// once (the calendar arithmetic was a fifth of building the index), and clamped to
// chrono.MinDay..chrono.MaxDay.
func (e *Event) dayBounds(d chrono.Date) (lo, hi chrono.Day) {
	if d.Precision == chrono.PrecDay && !d.UnspecDay && !d.UnspecMonth && !d.Open && e.Calendar() != CalendarUnstated {
		lo = d.Earliest()
		hi = lo
	} else {
		lo, hi = e.DateBounds(d)
	}
	return min(max(lo, chrono.MinDay), chrono.MaxDay), min(max(hi, chrono.MinDay), chrono.MaxDay)
}

// NewSpans makes the span table of ds as its events are now (see Spans; the dataset keeps
// the one BuildSpans makes).
func NewSpans(ds *Dataset) *Spans {
	n, nl := len(ds.Events), len(ds.Lanes)
	s := &Spans{LaneRows: make([]int32, nl+1), Row: make([]int32, n), lanes: nl}
	for i := range ds.Events {
		if li := ds.Events[i].LaneIndex; li >= 0 && li < nl {
			s.LaneRows[li+1]++
		}
	}
	for li := range nl {
		s.LaneRows[li+1] += s.LaneRows[li]
	}
	rows := int(s.LaneRows[nl])
	s.Start, s.StartLate = make([]int32, rows), make([]int32, rows)
	s.EndEarly, s.End = make([]int32, rows), make([]int32, rows)
	s.Flags, s.Event = make([]SpanFlags, rows), make([]int32, rows)
	next := slices.Clone(s.LaneRows[:nl])
	first, last := chrono.MaxDay+1, chrono.MinDay
	for i := range ds.Events {
		e := &ds.Events[i]
		li := e.LaneIndex
		if li < 0 || li >= nl {
			s.Row[i] = -1
			continue
		}
		s0, s1, e0, e1, f := e.spanDays()
		if e.Contested() {
			f |= SpanContested
		}
		r := next[li]
		next[li]++
		s.Row[i] = r
		s.Start[r], s.StartLate[r], s.EndEarly[r], s.End[r] = int32(s0), int32(s1), int32(e0), int32(e1+1)
		s.Flags[r], s.Event[r] = f, int32(i)
		first, last = min(first, s0), max(last, e1+1)
	}
	if rows == 0 {
		return s
	}
	s.First, s.Last = int64(first), int64(last)
	// An open end runs to the last day of the other events (at least a day past its start).
	for r, f := range s.Flags {
		if f&SpanOpenEnd != 0 {
			s.End[r] = max(s.End[r], int32(last))
		}
	}
	var perm, tmp []int32
	var ftmp []SpanFlags
	for li := range nl {
		lo, hi := s.LaneRows[li], s.LaneRows[li+1]
		perm = spanOrder(s.Start[lo:hi], s.End[lo:hi], perm)
		tmp = slices.Grow(tmp[:0], int(hi-lo))[:hi-lo]
		for _, col := range [][]int32{s.Start, s.StartLate, s.EndEarly, s.End, s.Event} {
			c := col[lo:hi]
			for k, p := range perm {
				tmp[k] = c[p]
			}
			copy(c, tmp)
		}
		ftmp = slices.Grow(ftmp[:0], int(hi-lo))[:hi-lo]
		c := s.Flags[lo:hi]
		for k, p := range perm {
			ftmp[k] = c[p]
		}
		copy(c, ftmp)
	}
	for r, ev := range s.Event {
		s.Row[ev] = int32(r)
	}
	return s
}

// spanOrder returns (in dst's storage) the order of one lane's rows: start ascending, then
// end descending (longer first packs better), then the rows' order. The three keys are packed
// in one uint64, each offset from its least value in the lane so that they fit (days span a
// few tens of thousands, positions a million: about 50 bits), and radix-sorted on the day bits
// only: the sort is stable and the keys start in row order. That is several times faster than
// a comparison sort of (key, position) pairs, which was three quarters of building the index.
func spanOrder(start, end []int32, dst []int32) []int32 {
	n := len(start)
	perm := slices.Grow(dst[:0], n)[:n]
	if n == 0 {
		return perm
	}
	minS, maxS := start[0], start[0]
	minE, maxE := end[0], end[0]
	for i := range n {
		minS, maxS = min(minS, start[i]), max(maxS, start[i])
		minE, maxE = min(minE, end[i]), max(maxE, end[i])
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
			keys[i] = key{uint64(uint32(start[i])^0x80000000)<<32 | uint64(^(uint32(end[i]) ^ 0x80000000)), int32(i)}
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
		k := uint64(int64(start[i])-int64(minS))<<eBits | uint64(int64(maxE)-int64(end[i]))
		keys[i] = k<<pBits | uint64(i)
	}
	radix.Sort(keys, pBits, pBits+sBits+eBits)
	mask := uint64(1)<<pBits - 1
	for i, k := range keys {
		perm[i] = int32(k & mask)
	}
	return perm
}
