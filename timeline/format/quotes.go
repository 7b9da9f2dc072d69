package format

import (
	"context"
	"slices"
	"strings"
)

// findQuotes returns the byte offset of the first occurrence of each quote in text, or -1,
// in time linear in the text and the quotes: quotes[i] -> offs[i]. Quotes are not empty.
//
// A few quotes into a short text are found by strings.Index, one scan each (at most
// indexBudget bytes of scanning in all). Otherwise all the quotes are found in one pass over
// the text by an Aho-Corasick automaton of the quotes: O(text + quotes) whatever the text
// is. The suffix array this replaces was built after 256 scans of the text, which on a
// highly repetitive 10 MB source and 1,000 quotes it does not contain took 21-48 s; strings.Index
// alone would take 100,000 events quoting a 1 MB text half a minute.
//
// ctx is checked every 1 MiB of text; on cancellation findQuotes returns ctx's error.
func findQuotes(ctx context.Context, text string, quotes []string) ([]int, error) {
	offs := make([]int, len(quotes))
	if len(quotes) <= 2 || len(quotes)*len(text) <= indexBudget {
		for i, q := range quotes {
			if i%64 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			offs[i] = strings.Index(text, q)
		}
		return offs, nil
	}
	a := newMatcher(quotes)
	if err := a.scan(ctx, text); err != nil {
		return nil, err
	}
	for i := range quotes {
		offs[i] = int(a.first[a.nodeOf[i]])
	}
	return offs, nil
}

// indexBudget is how many bytes of strings.Index scanning findQuotes allows before it
// builds the automaton (about 5-30 ms of scanning).
const indexBudget = 16 << 20

// matcher is an Aho-Corasick automaton of a set of quotes, as compact arrays. Its nodes are
// the distinct prefixes of the quotes, numbered breadth first, so that the children of node
// v are the nodes kids[v]..kids[v+1]-1, in increasing order of their last byte (label): a
// child is found by binary search. Memory is 21 bytes a node, and there are at most as many
// nodes as bytes of quotes (texts are at most 1 GiB: offsets fit in int32).
type matcher struct {
	kids   []int32 // kids[v]: v's first child; kids[len] = number of nodes
	label  []byte  // the last byte of each node's prefix
	depth  []int32 // each node's prefix length
	fail   []int32 // the node of the longest proper suffix of v's prefix that is a node
	dict   []int32 // the nearest node on v's fail chain that ends a quote not yet found, or -1
	first  []int32 // for a node that ends a quote: its first offset in the text, or -1; -2 for other nodes
	nodeOf []int32 // quotes[i] ends at node nodeOf[i]
}

// noQuote marks a node that ends no quote in matcher.first.
const noQuote = -2

func newMatcher(quotes []string) *matcher {
	order := make([]int32, len(quotes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(quotes[a], quotes[b]) })
	size := 1 // an upper bound on the nodes, so that the arrays are allocated once
	for _, q := range quotes {
		size += len(q)
	}
	m := &matcher{nodeOf: make([]int32, len(quotes)), label: make([]byte, 1, size),
		depth: make([]int32, 1, size), kids: make([]int32, 0, size+1)}
	// Breadth first over ranges of the sorted quotes that share a prefix: a node is the
	// range [lo, hi) of order whose quotes start with its prefix of length depth.
	type span struct{ lo, hi int32 }
	cur := []span{{0, int32(len(order))}}
	var next []span
	for d := 0; len(cur) > 0; d++ {
		next = next[:0]
		base := int32(len(m.label)) - int32(len(cur)) // id of cur[0]
		for j, s := range cur {
			v := base + int32(j)
			// v's children will be numbered from here: after every node of this
			// level (all labelled already) and the children of the nodes before v.
			m.kids = append(m.kids, int32(len(m.label)+len(next)))
			lo := s.lo
			for lo < s.hi && len(quotes[order[lo]]) == d { // quotes that end here
				m.nodeOf[order[lo]] = v
				lo++
			}
			for lo < s.hi {
				c := quotes[order[lo]][d]
				hi := lo + 1
				for hi < s.hi && quotes[order[hi]][d] == c {
					hi++
				}
				next = append(next, span{lo, hi})
				lo = hi
			}
		}
		// Children are numbered after every node of this level, in order.
		for _, s := range next {
			m.label = append(m.label, quotes[order[s.lo]][d])
			m.depth = append(m.depth, int32(d+1))
		}
		cur, next = next, cur
	}
	n := len(m.label)
	m.kids = append(m.kids, int32(n))
	m.first = make([]int32, n)
	for i := range m.first {
		m.first[i] = noQuote
	}
	for _, v := range m.nodeOf {
		m.first[v] = -1
	}
	// Fail and dictionary links, breadth first (node order is breadth first).
	m.fail = make([]int32, n)
	m.dict = make([]int32, n)
	m.dict[0] = -1
	for v := int32(0); v < int32(n); v++ {
		for c := m.kids[v]; c < m.kids[v+1]; c++ {
			f := int32(0)
			if v != 0 {
				f = m.step(m.fail[v], m.label[c])
			}
			m.fail[c] = f
			if m.first[f] != noQuote {
				m.dict[c] = f
			} else {
				m.dict[c] = m.dict[f]
			}
		}
	}
	return m
}

// child returns v's child by byte c, or -1.
func (m *matcher) child(v int32, c byte) int32 {
	lo, hi := m.kids[v], m.kids[v+1]
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		if m.label[mid] < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < m.kids[v+1] && m.label[lo] == c {
		return lo
	}
	return -1
}

// step follows byte c from node v: the goto function, through fail links.
func (m *matcher) step(v int32, c byte) int32 {
	for {
		if k := m.child(v, c); k >= 0 {
			return k
		}
		if v == 0 {
			return 0
		}
		v = m.fail[v]
	}
}

// scan runs the text through the automaton, recording each quote's first end.
func (m *matcher) scan(ctx context.Context, text string) error {
	v := int32(0)
	for i := 0; i < len(text); i++ {
		if i&(1<<20-1) == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		v = m.step(v, text[i])
		if m.first[v] == -1 {
			m.first[v] = int32(i + 1 - int(m.depth[v]))
		}
		// Quotes ending here that are suffixes of v's prefix, skipping (and unlinking)
		// those found already, so that a chain is walked past a found quote once.
		for u := v; ; {
			w := m.dict[u]
			for w >= 0 && m.first[w] >= 0 { // dict links only lead to quote ends
				w = m.dict[w]
			}
			m.dict[u] = w
			if w < 0 {
				break
			}
			m.first[w] = int32(i + 1 - int(m.depth[w]))
			u = w
		}
	}
	return nil
}
