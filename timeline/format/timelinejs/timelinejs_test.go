package timelinejs

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/format"
)

// brief is the part of an event the tests compare.
type brief struct {
	ID, Lane, Title, Start, End, Description string
	Media                                    []timeline.Media
}

func briefs(d *timeline.Dataset) []brief {
	var out []brief
	for _, e := range d.Events {
		out = append(out, brief{e.ID, e.Lane, e.Title, e.Start(), e.End(), e.Description(), e.Media()})
	}
	return out
}

func laneIDs(d *timeline.Dataset) []string {
	var out []string
	for _, l := range d.Lanes {
		out = append(out, l.ID+"="+l.Title)
	}
	return out
}

// checkDataset checks what every imported dataset must satisfy.
func checkDataset(t *testing.T, d *timeline.Dataset) {
	t.Helper()
	if d.Format != timeline.FormatV1 {
		t.Errorf("format %q", d.Format)
	}
	ids := map[string]bool{}
	for _, l := range d.Lanes {
		if l.ID == "" || strings.Trim(l.ID, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Errorf("lane id %q is not [a-z0-9-]+", l.ID)
		}
	}
	for i, e := range d.Events {
		if ids[e.ID] {
			t.Errorf("events[%d]: duplicate id %q", i, e.ID)
		}
		ids[e.ID] = true
		if e.LaneIndex < 0 || e.LaneIndex >= len(d.Lanes) || d.Lanes[e.LaneIndex].ID != e.Lane {
			t.Errorf("events[%d]: lane %q index %d", i, e.Lane, e.LaneIndex)
		}
		if e.StartDate.Precision == 0 || e.StartDate.String() != e.Start() {
			t.Errorf("events[%d]: start %q parsed as %+v", i, e.Start(), e.StartDate)
		}
		if !e.IsPoint() && (e.EndDate.String() != e.End() || e.EndDate.Latest() < e.StartDate.Earliest()) {
			t.Errorf("events[%d]: end %q parsed as %+v", i, e.End(), e.EndDate)
		}
		if e.IsPoint() && e.EndDate.Precision != 0 {
			t.Errorf("events[%d]: EndDate set without End", i)
		}
		// A literal '<' may remain (from "&lt;" or a '<' that starts no tag), so only
		// emptiness is checked here; TestPlainText covers the stripping.
		if e.Title == "" {
			t.Errorf("events[%d]: title %q description %q", i, e.Title, e.Description())
		}
	}
}

var exampleWant = []brief{
	{"opening", "the-building", "The library opens", "1905-05-03", "", "In a former grain store on Mill Street.\nThe council minutes say April 1905.",
		[]timeline.Media{{URL: "https://example.org/library.jpg", Caption: "A placeholder image link", Credit: "example.org"}}},
	{"event-2", "people", "Ada Example is librarian", "1905-05-03", "1931", "A fictional person.", nil},
	{"event-3", "the-building", "Reading room rebuilt after the flood", "1921", "", "", nil},
	{"event-4", "events", "New wing built", "1962", "1964", "", nil},
	{"event-5", "events", "A legend says a scribe lived on the hill", "-0500", "", "A fictional legend, to show a negative (BCE) year.", nil},
	{"era-1", "eras", "The first librarian's years", "1905", "1931", "", nil},
}

// TestExamples loads the examples in data/examples; the JSON and the CSV example hold the
// same timeline.
func TestExamples(t *testing.T) {
	tests := []struct {
		name string
		file string
		load func(string) (*timeline.Dataset, error)
	}{
		{"json", "example-timelinejs.json", LoadJSON},
		{"csv", "example-timelinejs.csv", LoadCSV},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join("..", "..", "..", "data", "examples", tc.file)
			d, err := tc.load(path)
			if err != nil {
				t.Fatal(err)
			}
			checkDataset(t, d)
			if d.Title != "Example (fictional): the Exampleton Public Library" || d.Path != path {
				t.Errorf("title %q path %q", d.Title, d.Path)
			}
			if got, want := laneIDs(d), []string{"eras=Eras", "the-building=The building", "people=People", "events=Events"}; !reflect.DeepEqual(got, want) {
				t.Errorf("lanes = %q, want %q", got, want)
			}
			want := exampleWant
			if tc.name == "csv" { // the template has no unique_id column
				want = append([]brief{}, want...)
				want[0].ID = "event-1"
			}
			if got := briefs(d); !reflect.DeepEqual(got, want) {
				t.Errorf("events:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		title string
		lanes []string
		want  []brief
	}{
		{"minimal", `{"events":[{"start_date":{"year":"2012"},"text":{"headline":"A"}}]}`,
			"minimal", []string{"events=Events"}, []brief{{"event-1", "events", "A", "2012", "", "", nil}}},
		{"numbers and strings", `{"events":[{"start_date":{"year":1917,"month":"3","day":8.0,"hour":10},"end_date":{"year":"1917","month":11}}]}`,
			"numbers and strings", []string{"events=Events"}, []brief{{"event-1", "events", "(untitled)", "1917-03-08", "1917-11", "", nil}}},
		{"empty parts are absent", `{"events":[{"start_date":{"year":"1917","month":"","day":null}}]}`,
			"empty parts are absent", []string{"events=Events"}, []brief{{"event-1", "events", "(untitled)", "1917", "", "", nil}}},
		{"groups slugged and deduplicated", `{"title":{"text":{"headline":"<i>T</i> &amp; co"}},"events":[
			{"start_date":{"year":1},"group":"Party posts!"},
			{"start_date":{"year":2},"group":"party-posts"},
			{"start_date":{"year":3},"group":"Россия"},
			{"start_date":{"year":4},"group":"Party posts!"}]}`,
			"T & co", []string{"party-posts=Party posts!", "party-posts-2=party-posts", "group-3=Россия"},
			[]brief{
				{"event-1", "party-posts", "(untitled)", "0001", "", "", nil},
				{"event-2", "party-posts-2", "(untitled)", "0002", "", "", nil},
				{"event-3", "group-3", "(untitled)", "0003", "", "", nil},
				{"event-4", "party-posts", "(untitled)", "0004", "", "", nil},
			}},
		{"unique ids kept, repeats and clashes renamed", `{"events":[
			{"start_date":{"year":1},"unique_id":"event-2"},
			{"start_date":{"year":2}},
			{"start_date":{"year":3},"unique_id":"event-2"}]}`,
			"unique ids kept, repeats and clashes renamed", []string{"events=Events"},
			[]brief{
				{"event-2", "events", "(untitled)", "0001", "", "", nil},
				{"event-2-2", "events", "(untitled)", "0002", "", "", nil},
				{"event-3", "events", "(untitled)", "0003", "", "", nil},
			}},
		{"iframe media", `{"events":[{"start_date":{"year":2000},"media":{"url":"<iframe src=\"https://example.org/v?a=1&amp;b=2\"></iframe>","caption":"<b>c</b>"}}]}`,
			"iframe media", []string{"events=Events"},
			[]brief{{"event-1", "events", "(untitled)", "2000", "", "", []timeline.Media{{URL: "https://example.org/v?a=1&b=2", Caption: "c"}}}}},
		{"no events", `{"events":[]}`, "no events", nil, nil},
		{"byte order mark", "\xEF\xBB\xBF{\"events\":[{\"start_date\":{\"year\":-44,\"month\":3,\"day\":15}}]}",
			"byte order mark", []string{"events=Events"}, []brief{{"event-1", "events", "(untitled)", "-0044-03-15", "", "", nil}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseJSON(tc.name+".json", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			checkDataset(t, d)
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if got := laneIDs(d); !reflect.DeepEqual(got, tc.lanes) {
				t.Errorf("lanes %q, want %q", got, tc.lanes)
			}
			if got := briefs(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("events:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // every problem, in order
	}{
		{"syntax", "{\n \"events\": [,]}", []string{`f.json:2:13: invalid JSON: invalid character ',' looking for beginning of value`}},
		{"truncated", "{\"events\": [", []string{`f.json:1:13: invalid JSON: unexpected end of file`}},
		{"trailing data", `{"events":[]} {}`, []string{`f.json:1:15: invalid JSON: unexpected data after the top-level value`}},
		{"not an object", `[1]`, []string{`f.json:1:1: want a JSON object with "events", got an array`}},
		{"no events", `{"title":{}}`, []string{`f.json:1:1: events: missing: not a TimelineJS timeline`}},
		{"events not array", `{"events":{}}`, []string{`f.json:1:11: events: want an array, got an object`}},
		{"every problem at once", "{\"events\": [\n" +
			"{\"start_date\": {\"year\": \"19x7\"}},\n" +
			"{\"start_date\": {\"year\": 1917, \"month\": 13}},\n" +
			"{\"text\": {\"headline\": \"no date\"}},\n" +
			"{\"start_date\": {\"year\": 1917, \"day\": 3}},\n" +
			"{\"start_date\": {\"year\": 1917, \"month\": 2, \"day\": 30}},\n" +
			"{\"start_date\": {\"year\": 1918}, \"end_date\": {\"year\": 1917}},\n" +
			"{\"start_date\": {\"year\": 12000000}},\n" +
			"{\"start_date\": {\"year\": true}, \"text\": \"x\", \"media\": [], \"group\": {}}\n" +
			"], \"eras\": [{\"start_date\": {\"year\": 1}}]}",
			[]string{
				`f.json:2:25: events[0].start_date.year: "19x7" is not a whole number`,
				`f.json:3:40: events[1].start_date.month: month 13 out of range 1..12`,
				`f.json:4:1: events[2].start_date: missing (a start date with at least a year is required)`,
				`f.json:5:16: events[3].start_date.day: a day without a month`,
				`f.json:6:16: events[4].start_date: "1917-02-30": day 30 out of range for February 1917`,
				`f.json:7:44: events[5].end_date: ends (1917) before it starts (1918)`,
				`f.json:8:25: events[6].start_date.year: year 12000000 is outside -9999..9999 (TimelineJS's cosmological scale is not supported)`,
				`f.json:9:25: events[7].start_date.year: want a number, got true or false`,
				`f.json:9:40: events[7].text: want an object, got a string`,
				`f.json:9:54: events[7].media: want an object, got an array`,
				`f.json:9:67: events[7].group: want a string, got an object`,
				`f.json:10:13: eras[0].end_date: missing (an era needs an end date)`,
			}},
		{"invalid UTF-8", "{\"events\":[{\"text\":{\"headline\":\"a\xffb\"}}]}", []string{`f.json:1:34: invalid UTF-8 (save the file as UTF-8)`}},
		{"cosmological", `{"scale":"cosmological","events":[]}`, []string{`f.json:1:10: scale: the cosmological scale is not supported (dates must be years -9999..9999)`}},
		{"too deep", strings.Repeat("[", 300) + strings.Repeat("]", 300), []string{`f.json:1:202: invalid JSON: nested deeper than 200 levels`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseJSON("f.json", []byte(tc.in))
			checkProblems(t, d, err, tc.want)
		})
	}
}

func checkProblems(t *testing.T, d *timeline.Dataset, err error, want []string) {
	t.Helper()
	if d != nil {
		t.Errorf("a dataset came back with the error")
	}
	var list *format.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T), want a *format.ErrorList", err, err)
	}
	var got []string
	for _, p := range list.Errors {
		got = append(got, p.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestParseCSV(t *testing.T) {
	const head = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
	tests := []struct {
		name  string
		in    string
		title string
		lanes []string
		want  []brief
	}{
		{"template header", head + "1917,3,8,10:00,1917,11,,,,Feb.,\"<p>a</p>\n<p>b</p>\",,,,,,Posts,\n",
			"template header", []string{"posts=Posts"}, []brief{{"event-1", "posts", "Feb.", "1917-03-08", "1917-11", "a\nb", nil}}},
		{"other column order, case and spaces; blank rows", " headline , YEAR,group\n\n,,\nA,1905,\n",
			"other column order, case and spaces; blank rows", []string{"events=Events"}, []brief{{"event-1", "events", "A", "1905", "", "", nil}}},
		{"CRLF and BOM", "\xEF\xBB\xBFYear,Headline,Type\r\n,The title,Title\r\n1,One,\r\n",
			"The title", []string{"events=Events"}, []brief{{"event-1", "events", "One", "0001", "", "", nil}}},
		{"short rows", "Year,Headline,Text,Media\n1900,A\n",
			"short rows", []string{"events=Events"}, []brief{{"event-1", "events", "A", "1900", "", "", nil}}},
		{"only a header", head, "only a header", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseCSV(tc.name+".csv", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			checkDataset(t, d)
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if got := laneIDs(d); !reflect.DeepEqual(got, tc.lanes) {
				t.Errorf("lanes %q, want %q", got, tc.lanes)
			}
			if got := briefs(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("events:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParseCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{`f.csv: empty: no header row`}},
		{"no Year column", "Date,Headline\n1917,A\n", []string{`f.csv:1:1: no "Year" column: not a TimelineJS spreadsheet (its header is Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background)`}},
		{"repeated column", "Year,Headline,year\n", []string{`f.csv:1:15: column "year" repeats column 1`}},
		{"every problem at once", "Year,Month,Day,End Year,Headline,Type\n" +
			"19x7,,,,A,\n" +
			"1917,13,,,B,\n" +
			",,,,C,\n" +
			"1917,,3,,D,\n" +
			"1918,,,1917,E,\n" +
			"1917,,,,F,slide\n" +
			",,,,T1,title\n" +
			",,,,T2,title\n" +
			"1917,2,30,,G,\n" +
			"1900,,,,H,era\n",
			[]string{
				`f.csv:2:1: Year: "19x7" is not a whole number`,
				`f.csv:3:6: Month: month 13 out of range 1..12`,
				`f.csv:4:1: Year: missing (a start date with at least a year is required)`,
				`f.csv:5:7: Day: a day without a month`,
				`f.csv:6:8: End Year: ends (1917) before it starts (1918)`,
				`f.csv:7:11: Type: "slide": want "title", "era" or nothing`,
				`f.csv:9:8: Type: a second title row (the first is on line 8)`,
				`f.csv:10:1: Year: "1917-02-30": day 30 out of range for February 1917`,
				`f.csv:11:1: End Year: missing (an era needs an end date)`,
			}},
		{"bad quotes", "Year,Headline\n1917,\"A\"x\n1918,B\n", []string{`f.csv:2:8: invalid CSV: extraneous or missing " in quoted-field`}},
		{"invalid UTF-8", "Year,Headline\n1917,\xc3\x28\n", []string{`f.csv:2:6: invalid UTF-8 (save the file as UTF-8)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseCSV("f.csv", []byte(tc.in))
			checkProblems(t, d, err, tc.want)
		})
	}
}

func TestTooLarge(t *testing.T) {
	big := make([]byte, MaxSize+1)
	for name, parse := range map[string]func(string, []byte) (*timeline.Dataset, error){"json": ParseJSON, "csv": ParseCSV} {
		t.Run(name, func(t *testing.T) {
			d, err := parse("big", big)
			checkProblems(t, d, err, []string{"big: file is 33554433 bytes; the limit is 33554432"})
		})
	}
	t.Run("load", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "big.json")
		if err := os.WriteFile(path, big, 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := LoadJSON(path)
		checkProblems(t, d, err, []string{path + ": file is larger than the limit of 33554432 bytes"})
	})
}

func TestLooksLikeCSVHeader(t *testing.T) {
	tests := []struct {
		name string
		line string
		want bool
	}{
		{"template", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text", true},
		{"bom and case", "\xEF\xBB\xBFyear, HEADLINE ", true},
		{"no headline", "Year,Month", false},
		{"json", `{"events": []}`, false},
		{"broken quotes", `"Year,Headline`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LooksLikeCSVHeader([]byte(tc.line)); got != tc.want {
				t.Errorf("got %v", got)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "  Hello  ", "Hello"},
		{"paragraphs", "<p>One</p><p>Two <b>bold</b></p>", "One\nTwo bold"},
		{"br and blank lines", "a<br>b<br/><br /><br>c", "a\nb\n\nc"},
		{"entities", "Tom &amp; Jerry &lt;3 &#8212; &nbsp;x", "Tom & Jerry <3 — x"},
		{"less-than kept", "1 < 2 and 3<4", "1 < 2 and 3<4"},
		{"unclosed tag kept", "a <b", "a <b"},
		{"attribute with >", `<a href="x>y" title='>'>link</a>`, "link"},
		{"script dropped", "a<script>alert('<p>')</script>b", "ab"},
		{"comment dropped", "a<!-- <p> -->b", "ab"},
		{"whitespace runs", "a \t\u00a0 b\r\n\r\n\r\nc", "a b\n\nc"},
		{"newlines in HTML are spaces", "<p>a\nb</p>\n<p>c</p>", "a b\nc"},
		{"newlines in plain text kept", "a\nb", "a\nb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := PlainText(tc.in); got != tc.want {
				t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMediaURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"https", " https://example.org/a.jpg ", "https://example.org/a.jpg"},
		{"http", "http://example.org/", "http://example.org/"},
		{"protocol-relative", "//example.org/a.jpg", "https://example.org/a.jpg"},
		{"iframe", `<iframe width="5" src='https://example.org/v'></iframe>`, "https://example.org/v"},
		{"blockquote href", `<blockquote><a href=https://example.org/t>t</a></blockquote>`, "https://example.org/t"},
		{"relative path dropped", "images/a.jpg", ""},
		{"embed without link dropped", "<div>text</div>", ""},
		{"spaces dropped", "https://example.org/a b.jpg", ""},
		{"other scheme dropped", "javascript:alert(1)", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mediaURL(tc.in); got != tc.want {
				t.Errorf("mediaURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCharColumns(t *testing.T) {
	d, err := ParseJSON("f.json", []byte("{\"events\": [{\"group\": \"Россия\", \"start_date\": {\"year\": \"x\"}}]}"))
	checkProblems(t, d, err, []string{`f.json:1:56: events[0].start_date.year: "x" is not a whole number`})
	d, err = ParseCSV("f.csv", []byte("Headline,Year\nРоссия,x\n"))
	checkProblems(t, d, err, []string{`f.csv:2:8: Year: "x" is not a whole number`})
}

func TestSlug(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"words", "Party and state posts", "party-and-state-posts"},
		{"punctuation", "  --Exile! (1928)-- ", "exile-1928"},
		{"non-ASCII", "Россия", ""},
		{"long", strings.Repeat("ab ", 30), "ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := slug(tc.in); got != tc.want {
				t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzParseJSON checks that the JSON importer never panics, that what it accepts is a
// consistent dataset, and that its JSON reader reads every document as encoding/json does
// (checkTree).
func FuzzParseJSON(f *testing.F) {
	if b, err := os.ReadFile("../../../data/examples/example-timelinejs.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"events":[{"start_date":{"year":"1917","month":3},"end_date":{"year":1918},"group":"G","text":{"headline":"<b>x</b>"}}]}`))
	f.Add([]byte(`{"events":[{"start_date":{"year":-1}}],"eras":[{"start_date":{"year":1},"end_date":{"year":2}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkTree(t, data)
		d, err := ParseJSON("f.json", data)
		fuzzCheck(t, d, err)
	})
}

// FuzzParseCSV is FuzzParseJSON for spreadsheets.
func FuzzParseCSV(f *testing.F) {
	if b, err := os.ReadFile("../../../data/examples/example-timelinejs.csv"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("Year,Month,Day,Headline,Type,Group,End Year\n1917,3,8,A,,G,1918\n,,,T,title,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseCSV("f.csv", data)
		fuzzCheck(t, d, err)
	})
}

func fuzzCheck(t *testing.T, d *timeline.Dataset, err error) {
	if err != nil {
		var list *format.ErrorList
		if d != nil || !errors.As(err, &list) || len(list.Errors) == 0 {
			t.Fatalf("dataset %v with error %v", d != nil, err)
		}
		return
	}
	checkDataset(t, d)
}

func TestLineCol(t *testing.T) {
	ps := &problems{}
	ps.setData([]byte("ab\n\ncdé\nf"))
	tests := []struct {
		name            string
		off, line, col  int
		start, startArg int // lineStart(startArg)
	}{
		{"first byte", 0, 1, 1, 0, 1},
		{"end of line 1", 2, 1, 3, 3, 2},
		{"empty line", 3, 2, 1, 4, 3},
		{"after a two-byte character", 8, 3, 5, 9, 4},
		{"past the end", 99, 4, 2, -1, 5},
		{"negative", -3, 1, 1, -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if line, col := ps.lineCol(tt.off); line != tt.line || col != tt.col {
				t.Errorf("lineCol(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
			}
			if got := ps.lineStart(tt.startArg); got != tt.start {
				t.Errorf("lineStart(%d) = %d, want %d", tt.startArg, got, tt.start)
			}
		})
	}
}

// BenchmarkParseJSONLarge imports 20,000 events: positions were found by scanning the
// file from its start for every event and date (4 s for this file; 0.2 s with a line table).
func BenchmarkParseJSONLarge(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`{"title": {"text": {"headline": "T"}}, "events": [`)
	for i := range 20000 {
		if i > 0 {
			buf.WriteString(",\n")
		}
		fmt.Fprintf(&buf, `{"start_date": {"year": "%d", "month": "3", "day": "4"}, "end_date": {"year": "1950"}, "text": {"headline": "h%d"}}`, 1900+i%40, i)
	}
	buf.WriteString("]}")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseJSON("big.json", buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestKeepsDisplayDateMediaAndIDs: display_date (the slide's, else its dates') is kept as
// written, media credit and caption as text, and unique_id as the event's id, in both
// formats.
func TestKeepsDisplayDateMediaAndIDs(t *testing.T) {
	js := `{"events": [
	 {"unique_id": "petrograd-soviet", "start_date": {"year": "1917", "month": "9", "display_date": "Autumn 1917"},
	  "text": {"headline": "Chairman"}, "media": {"url": "https://example.org/p.jpg", "caption": "<i>The</i> Soviet", "credit": "Photo &amp; archive"}},
	 {"unique_id": "war", "display_date": "From spring 1918", "start_date": {"year": "1918"}, "end_date": {"year": "1925", "display_date": "1925"}, "text": {"headline": "War"}},
	 {"start_date": {"year": "1929", "display_date": "Early 1929"}, "end_date": {"year": "1929", "display_date": "1929"}, "text": {"headline": "Exile"}}]}`
	d, err := ParseJSON("t.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ id, display string }{{"petrograd-soviet", "Autumn 1917"}, {"war", "From spring 1918"}, {"event-3", "Early 1929 – 1929"}}
	for i, w := range want {
		if e := d.Events[i]; e.ID != w.id || e.DisplayDate() != w.display {
			t.Errorf("events[%d]: id %q display %q, want %q %q", i, e.ID, e.DisplayDate(), w.id, w.display)
		}
	}
	if m := d.Events[0].Media(); len(m) != 1 || m[0].Caption != "The Soviet" || m[0].Credit != "Photo & archive" {
		t.Errorf("media %+v", m)
	}
	csv := "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption\n" +
		"1917,9,,,,,,,Autumn 1917,Chairman,,https://example.org/p.jpg,Archive,The Soviet\n"
	d, err = ParseCSV("t.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	if e := d.Events[0]; e.DisplayDate() != "Autumn 1917" || len(e.Media()) != 1 || e.Media()[0].Credit != "Archive" || e.Media()[0].Caption != "The Soviet" {
		t.Errorf("CSV event %+v", e)
	}
}
