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

// TestNumbers: a year is digits, with an optional sign and ".0"; not what strconv would
// also read (issue 13.13).
func TestNumbers(t *testing.T) {
	for s, want := range map[string]bool{"1917": true, " -500 ": true, "+7": true, "1917.0": true, "1917.": false,
		"1e3": false, "0x7p8": false, "1_917": false, "0x10": false, "1917.5": false, "": false, "-": false,
		"1234567890": false, "Inf": false, "NaN": false} {
		if _, ok := parseInt(s); ok != want {
			t.Errorf("parseInt(%q) ok = %v, want %v", s, ok, want)
		}
	}
}

// TestHugeYearEchoedShort: a million-digit year is named in a short message.
func TestHugeYearEchoedShort(t *testing.T) {
	doc := `{"events": [{"start_date": {"year": "` + strings.Repeat("9", 1_000_000) + `"}, "text": {"headline": "h"}}]}`
	_, err := ParseJSON("y.json", []byte(doc))
	if err == nil || len(err.Error()) > 300 || !strings.Contains(err.Error(), "…") {
		t.Errorf("error: %.300v", err)
	}
}

// TestCROnlyCSV: a spreadsheet saved with lone CR line ends reads as its rows.
func TestCROnlyCSV(t *testing.T) {
	data := "Year,Month,Day,Headline\r1917,11,7,October\r1929,2,12,Exile\r"
	d, err := ParseCSV("cr.csv", []byte(data))
	if err != nil || len(d.Events) != 2 || d.Events[1].Title != "Exile" {
		t.Fatalf("ParseCSV: %v, %+v", err, d)
	}
	_, err = ParseCSV("cr.csv", []byte("Year,Headline\r1917,A\rnope,B\r"))
	if err == nil || !strings.HasPrefix(err.Error(), "cr.csv:3:1: Year:") {
		t.Errorf("error %v, want one on line 3", err)
	}
}
