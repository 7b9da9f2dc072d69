package app

import (
	"math"
	"slices"
	"strings"

	"trotskytimeline/timeline"
)

// searchIndex matches a query against every event's titles (all languages), place and
// excerpt text, ignoring case and accents. The folded text is computed once.
// It is built in the background (half a second for a million events) and the first
// query waits for it.
type searchIndex struct {
	ready chan struct{}
	// order is the event indices by earliest day (ties in dataset order), and text[k] the
	// folded searchable text of event order[k], fields separated by "\n": a query reads the
	// texts in the order it returns them, front to back in memory, and stops at its limit.
	order []int32
	text  []string
}

// newSearchIndex starts indexing ds in a goroutine of its own (no Fyne calls there).
func newSearchIndex(ds *timeline.Dataset) *searchIndex {
	ix := &searchIndex{ready: make(chan struct{})}
	go func() {
		defer close(ix.ready)
		ix.build(ds)
	}()
	return ix
}

func (ix *searchIndex) build(ds *timeline.Dataset) {
	// Date order: each event's earliest day (within ±5.8 million years, biased to be
	// unsigned, order kept) above its index in one uint64, so a plain sort of numbers
	// keeps ties in dataset order.
	keys := make([]uint64, len(ds.Events))
	for i := range ds.Events {
		a, _ := ds.Events[i].Span()
		d := int32(max(math.MinInt32, min(math.MaxInt32, int64(a))))
		keys[i] = uint64(uint32(d)^1<<31)<<32 | uint64(i)
	}
	slices.Sort(keys)
	ix.order = make([]int32, len(ds.Events))
	for k, key := range keys {
		ix.order[k] = int32(uint32(key))
	}
	// Fold in dataset order (reading the events front to back), then lay the texts out in
	// date order in one string, so that a query reads memory front to back too.
	folded := make([]string, len(ds.Events))
	total := 0
	var b strings.Builder
	for i := range ds.Events {
		e := &ds.Events[i]
		b.Reset()
		b.WriteString(e.Title)
		for _, t := range e.Titles {
			b.WriteString("\n")
			b.WriteString(t)
		}
		b.WriteString("\n")
		b.WriteString(e.Place)
		for _, p := range e.PlaceNames {
			b.WriteString("\n")
			b.WriteString(p)
		}
		for _, x := range e.Excerpts {
			b.WriteString("\n")
			b.WriteString(x.Quote)
		}
		folded[i] = fold(b.String())
		total += len(folded[i])
	}
	b.Reset()
	b.Grow(total)
	for _, i := range ix.order {
		b.WriteString(folded[i])
	}
	all := b.String()
	ix.text = make([]string, len(ds.Events))
	off := 0
	for k, i := range ix.order {
		n := len(folded[i])
		ix.text[k] = all[off : off+n]
		off += n
	}
}

// find returns the events matching every word of q, in date order, at most limit (0: all).
// An empty query matches nothing. It walks the events in date order and stops at the
// limit: a one-letter query that matches a million events costs no sort per keystroke.
func (ix *searchIndex) find(q string, limit int) []int {
	words := strings.Fields(fold(q))
	if len(words) == 0 {
		return nil
	}
	<-ix.ready
	var out []int
	for k, t := range ix.text {
		ok := true
		for _, w := range words {
			if !strings.Contains(t, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, int(ix.order[k]))
			if limit > 0 && len(out) == limit {
				break
			}
		}
	}
	return out
}
