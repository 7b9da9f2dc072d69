package layout

import "trotskytimeline/timeline/scale"

// startHist counts the events starting in each of scale.HistBins equal bins of the
// dataset's days (First..Last), from each lane's starts in order: what scale.NewAxis's rule
// for sparse stretches measures density by. Bins*lanes binary searches, no pass over events.
func (ix *Index) startHist() []int {
	span := float64(ix.Last - ix.First)
	if span <= 0 || ix.N == 0 {
		return nil
	}
	h := make([]int, scale.HistBins)
	for li := range ix.Lanes {
		l := &ix.Lanes[li]
		prev := l.searchStart(float64(ix.First))
		for i := range h {
			at := len(l.Start)
			if i+1 < len(h) {
				at = l.searchStart(float64(ix.First) + span*float64(i+1)/scale.HistBins)
			}
			h[i] += at - prev
			prev = at
		}
	}
	return h
}
