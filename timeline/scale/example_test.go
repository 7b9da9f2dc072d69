package scale_test

import (
	"fmt"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/textmetrics"
)

// A view of Trotsky's life zoomed four times about the October Revolution, then dragged,
// clamped to the dataset's limits, and its axis ticks.
func Example() {
	first, last := float64(chrono.FromCivil(1879, 11, 7)), float64(chrono.FromCivil(1940, 8, 22))
	lim := scale.NewLimits(first, last)
	v := scale.Fit(first, last, 1600)
	october := float64(chrono.FromCivil(1917, 11, 7))
	v = v.Zoom(4, v.X(october)).Clamp(lim)
	fmt.Printf("October stays at %.0f px; %.1f years across\n", v.X(october), v.Span()/scale.DaysPerYear)
	v = v.Pan(-400).Clamp(lim)
	fmt.Printf("after a drag to the left, %.0f px\n", v.X(october))
	major, minor := scale.Ticks(v, "it", textmetrics.Default(), 12)
	fmt.Println(major[0].Label, minor[0].Label, minor[1].Label)
	// Output:
	// October stays at 992 px; 15.8 years across
	// after a drag to the left, 592 px
	// anni 1910 1912 1913
}
