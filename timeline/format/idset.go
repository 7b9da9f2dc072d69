package format

import (
	"hash/maphash"
	"slices"

	"trotskytimeline/timeline/internal/radix"
)

// idSet finds duplicate ids among many (a 1M-event dataset) by sorting them by hash: each
// id's 32-bit hash sits above its index in one uint64, and a radix sort of the hash bits
// (stable, so the indexes of equal hashes stay in order) puts equal ids side by side, where
// they are compared only when their hashes match. The sort reads and writes its 8 MB
// front to back; a probe per id into a 16 MB hash table, the version before, was a cache
// miss each (94 ms of BenchmarkLoad's CPU at 1M, pprof, against 20 ms for this).
type idSet struct {
	seed maphash.Seed
	keys []uint64 // hash<<32 | index, sorted; ids "" are left out
	ids  func(int) string
	// first[i] is the first item with item i's id when that is not i; nil when no id is
	// repeated.
	first []int32
}

// newIDSet sorts the ids of items 0..n-1 (ids(i)) and finds the repeated ones.
func newIDSet(n int, ids func(int) string) *idSet {
	s := &idSet{seed: maphash.MakeSeed(), ids: ids, keys: make([]uint64, 0, n)}
	for i := range n {
		if id := ids(i); id != "" {
			s.keys = append(s.keys, s.hash(id)<<32|uint64(uint32(i)))
		}
	}
	// By hash; the indexes below it keep equal hashes in their order.
	radix.Sort(s.keys, 32, 64)
	var distinct []int32 // the items of one run of equal hashes with different ids
	for a := 0; a < len(s.keys); {
		b := a + 1
		for b < len(s.keys) && s.keys[b]>>32 == s.keys[a]>>32 {
			b++
		}
		if b-a > 1 { // a run: equal hashes, in index order
			distinct = distinct[:0]
		run:
			for _, k := range s.keys[a:b] {
				i := int32(uint32(k))
				for _, d := range distinct {
					if ids(int(d)) == ids(int(i)) {
						if s.first == nil {
							s.first = make([]int32, n)
							for j := range s.first {
								s.first[j] = -1
							}
						}
						s.first[i] = d
						continue run
					}
				}
				distinct = append(distinct, i)
			}
		}
		a = b
	}
	return s
}

func (s *idSet) hash(id string) uint64 { return maphash.String(s.seed, id) >> 32 }

// firstOf returns the first item with item i's id when that is an item before i, or -1.
func (s *idSet) firstOf(i int) int {
	if s.first == nil {
		return -1
	}
	return int(s.first[i])
}

// find returns the first item with the given id, or -1.
func (s *idSet) find(id string) int {
	if id == "" {
		return -1
	}
	h := s.hash(id)
	k, _ := slices.BinarySearch(s.keys, h<<32)
	for ; k < len(s.keys) && s.keys[k]>>32 == h; k++ {
		if i := int(uint32(s.keys[k])); s.ids(i) == id {
			return i
		}
	}
	return -1
}
