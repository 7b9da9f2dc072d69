package app

import (
	"sort"
	"strings"

	"trotskytimeline/timeline"
)

// searchIndex matches a query against every event's titles (all languages), place and
// excerpt text, ignoring case and accents. The folded text is computed once.
// It is built in the background (folding a million events takes a second) and the first
// query waits for it.
type searchIndex struct {
	ready  chan struct{}
	text   []string // per event: folded searchable text, fields separated by "\n"
	starts []int64  // per event: earliest day, for date order
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
	ix.text, ix.starts = make([]string, len(ds.Events)), make([]int64, len(ds.Events))
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
		for _, x := range e.Excerpts {
			b.WriteString("\n")
			b.WriteString(x.Quote)
		}
		ix.text[i] = fold(b.String())
		a, _ := e.Span()
		ix.starts[i] = int64(a)
	}
}

// find returns the events matching every word of q, in date order, at most limit (0: all).
// An empty query matches nothing.
func (ix *searchIndex) find(q string, limit int) []int {
	words := strings.Fields(fold(q))
	if len(words) == 0 {
		return nil
	}
	<-ix.ready
	var out []int
	for i, t := range ix.text {
		ok := true
		for _, w := range words {
			if !strings.Contains(t, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return ix.starts[out[a]] < ix.starts[out[b]] })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
