package timelinejs

import (
	"strings"
	"testing"
	"time"
)

// TestPlainTextHostile: texts built to make a hand-written HTML scanner quadratic take
// linear time (issue 13: 200 KB of "<a" took 30-40 s). 1 MB each, 0.1-0.8 s on a busy
// machine; the bound of 8 s leaves room for a busier one, and quadratic would be hours.
func TestPlainTextHostile(t *testing.T) {
	for _, tc := range []struct{ name, unit string }{
		{"open tags", "<a"},
		{"script pairs", "<SCRIPT></SCRIPT>"},
		{"unclosed comments", "<!--"},
		{"block tags between spaces", "<p>   "},
		{"attributes", `<a href="`},
		{"entities", "&amp;&#x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := strings.Repeat(tc.unit, (1<<20)/len(tc.unit))
			start := time.Now()
			PlainText(s)
			if d := time.Since(start); d > 8*time.Second {
				t.Errorf("PlainText of 1 MB of %q took %v", tc.unit, d)
			}
		})
	}
}
