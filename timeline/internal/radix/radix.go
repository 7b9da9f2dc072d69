// Package radix sorts uint64 keys by some of their bits: the one sort behind the span
// table's order (timeline.BuildSpans) and the loader's duplicate-id check (format's idSet).
package radix

import "slices"

// Sort sorts a stably by its bits [lo, hi) (least significant digit first, 11 bits a
// pass); the other bits do not take part. Short slices are sorted whole by comparison,
// which gives the same order when the bits below lo are the elements' initial order (as the
// span order and the id set put them) and there are no bits at or above hi.
func Sort(a []uint64, lo, hi uint) {
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
