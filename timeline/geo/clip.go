package geo

// clipPolygon clips the polygon pts (x, y pairs) to the box x0,y0..x1,y1 (Sutherland and
// Hodgman, one edge of the box at a time), appending the result to out[:0] and using tmp
// as scratch; it returns both for reuse. A polygon wholly inside comes back as it was.
func clipPolygon(pts []float64, x0, y0, x1, y1 float64, out, tmp []float64) ([]float64, []float64) {
	in := pts
	inside := true
	for i := 0; i+1 < len(pts); i += 2 {
		if pts[i] < x0 || pts[i] > x1 || pts[i+1] < y0 || pts[i+1] > y1 {
			inside = false
			break
		}
	}
	if inside {
		return append(out[:0], pts...), tmp
	}
	bufs := [2][]float64{out[:0], tmp[:0]}
	for edge := 0; edge < 4; edge++ {
		dst := bufs[edge%2][:0]
		n := len(in) / 2
		if n == 0 {
			bufs[edge%2] = dst
			in = dst
			continue
		}
		keep := func(x, y float64) bool {
			switch edge {
			case 0:
				return x >= x0
			case 1:
				return x <= x1
			case 2:
				return y >= y0
			}
			return y <= y1
		}
		cross := func(ax, ay, bx, by float64) (float64, float64) {
			var t float64
			switch edge {
			case 0:
				t = (x0 - ax) / (bx - ax)
			case 1:
				t = (x1 - ax) / (bx - ax)
			case 2:
				t = (y0 - ay) / (by - ay)
			default:
				t = (y1 - ay) / (by - ay)
			}
			return ax + t*(bx-ax), ay + t*(by-ay)
		}
		px, py := in[2*(n-1)], in[2*(n-1)+1]
		pin := keep(px, py)
		for i := 0; i < n; i++ {
			cx, cy := in[2*i], in[2*i+1]
			cin := keep(cx, cy)
			if cin != pin {
				ix, iy := cross(px, py, cx, cy)
				dst = append(dst, ix, iy)
			}
			if cin {
				dst = append(dst, cx, cy)
			}
			px, py, pin = cx, cy, cin
		}
		bufs[edge%2] = dst
		in = dst
	}
	// After four edges the result is in bufs[1] (edges 1 and 3 write there).
	return bufs[1], bufs[0]
}

// clipSegment clips the segment a-b to the box (Liang and Barsky); ok is false when none
// of it is inside.
func clipSegment(ax, ay, bx, by, x0, y0, x1, y1 float64) (cax, cay, cbx, cby float64, ok bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := bx-ax, by-ay
	for _, c := range [4][2]float64{{-dx, ax - x0}, {dx, x1 - ax}, {-dy, ay - y0}, {dy, y1 - ay}} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			if r > t1 {
				return 0, 0, 0, 0, false
			}
			t0 = max(t0, r)
		} else {
			if r < t0 {
				return 0, 0, 0, 0, false
			}
			t1 = min(t1, r)
		}
	}
	return ax + t0*dx, ay + t0*dy, ax + t1*dx, ay + t1*dy, true
}
