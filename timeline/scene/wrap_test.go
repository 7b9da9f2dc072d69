package scene

import (
	"strings"
	"testing"

	"trotskytimeline/timeline/textmetrics"
)

func TestWrapTitle(t *testing.T) {
	m := textmetrics.Default()
	const size = 12
	wide := m.Width("Residence, exile and emigration", size, true) + 1
	tests := []struct {
		name     string
		title    string
		room     float64
		maxLines int
		want     []string
	}{
		{"fits", "Party and state posts", wide, 3, []string{"Party and state posts"}},
		{"wraps at a space", "Residence, exile and emigration", m.Width("Residence, exile and", size, true) + 1, 3,
			[]string{"Residence, exile and", "emigration"}},
		{"one line allowed: elided", "Residence, exile and emigration", m.Width("Residence, exile and", size, true) + 1, 1,
			[]string{"Residence, exile a…"}},
		{"last line elided", "Arrests, prisons, trials and attempts", m.Width("Arrests, prisons,", size, true) + 1, 2,
			[]string{"Arrests, prisons,", "trials and atte…"}},
		{"a long word alone", "Revolutionsandwarsandcongresses", 60, 3, nil},
		{"empty", "  ", 100, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := wrapTitle(m, tt.title, size, tt.room, tt.maxLines)
			var got []string
			for _, l := range lines {
				got = append(got, l.text)
				if l.w > tt.room {
					t.Errorf("line %q is %v px, wider than %v", l.text, l.w, tt.room)
				}
			}
			if len(got) > tt.maxLines {
				t.Errorf("%d lines, want at most %d", len(got), tt.maxLines)
			}
			if tt.want != nil && strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines = %q, want %q", got, tt.want)
			}
			if tt.want == nil && tt.name == "empty" && len(got) != 0 {
				t.Errorf("lines = %q, want none", got)
			}
			if tt.name == "a long word alone" && (len(got) != 1 || !strings.HasSuffix(got[0], "…")) {
				t.Errorf("lines = %q, want one elided line", got)
			}
		})
	}
}
