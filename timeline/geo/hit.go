package geo

// Hit returns the index in pts (x, y pixel pairs of the places drawn, in drawing order) of
// the point nearest px, py within r pixels, preferring the one drawn last (on top); -1 when
// none is that close.
func Hit(pts []float64, px, py, r float64) int {
	best, bestD := -1, r*r
	for i := 0; i+1 < len(pts); i += 2 {
		dx, dy := pts[i]-px, pts[i+1]-py
		if d := dx*dx + dy*dy; d <= bestD {
			best, bestD = i/2, d
		}
	}
	return best
}
