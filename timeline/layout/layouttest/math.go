package layouttest

import "math"

var ln1826 = math.Log(1826)

func exp(x float64) float64 { return math.Exp(x) }

// roundHalfAwayFromZero is JavaScript's Math.round for the positive numbers used here.
func roundHalfAwayFromZero(x float64) float64 { return math.Floor(x + 0.5) }
