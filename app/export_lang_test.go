package app

import (
	"errors"
	"strings"
	"testing"

	"trotskytimeline/timeline/render"
)

// TestExportProblemsTranslated makes render.Validate find each problem the export dialog can
// cause and checks that the dialog's lines are in the dialog's language: every format of
// renderProblems is still one render uses (else its problem would show in English), and its
// Italian and Portuguese lines differ from the English one and carry no "%!" of a bad format.
func TestExportProblemsTranslated(t *testing.T) {
	ds := testDataset(t)
	cases := []render.Options{
		{Format: render.PNG, Width: 100, Height: 100},
		{Format: render.PNG, Width: 10000, Height: 1000, Scale: 2},
		{Format: render.SVG, Width: 20000, Height: 1000},
		{Format: render.PNG, Width: 1920, Height: 1080, FontSize: 200},
		{Format: render.PDF, Page: "a4", Margin: 400},
		{Format: render.PNG, Width: 1920, Height: 1080, Lanes: []string{}},
		{Format: render.PNG, Width: 1920, Height: 1080, HasRange: true, From: -40000, To: -39000},
		{Format: render.PNG, Width: 1920, Height: 1080, Lanes: []string{"posts"}, HasRange: false},
	}
	seen := map[string]bool{}
	for i, o := range cases {
		err := o.Validate(ds)
		if err == nil {
			if i == len(cases)-1 {
				continue // the lane has events: the no-event problem needs an empty lane
			}
			t.Errorf("case %d: no problem", i)
			continue
		}
		var p *render.Problem
		if !errors.As(err, &p) {
			t.Fatalf("case %d: %v is not a *render.Problem", i, err)
		}
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			if errors.As(e, &p) {
				seen[p.Format] = true
			}
		}
		en := strings.Join(errorLines(err, "en"), "\n")
		for _, l := range []string{"it", "pt"} {
			got := strings.Join(errorLines(err, l), "\n")
			if got == en || strings.Contains(got, "%!") {
				t.Errorf("case %d in %s: %q (English: %q)", i, l, got, en)
			}
		}
	}
	for f := range renderProblems {
		if !seen[f] && f != "dataset %q has no event in the chosen lanes to draw" {
			t.Errorf("render no longer reports %q: its translation is never used", f)
		}
	}
}
