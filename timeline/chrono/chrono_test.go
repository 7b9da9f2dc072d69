package chrono

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

func TestFromCivilKnownDays(t *testing.T) {
	tests := []struct {
		name    string
		y, m, d int
		want    Day
	}{
		{"unix epoch", 1970, 1, 1, 0},
		{"day after epoch", 1970, 1, 2, 1},
		{"day before epoch", 1969, 12, 31, -1},
		{"trotsky born", 1879, 11, 7, -32927},
		{"y2k", 2000, 1, 1, 10957},
		{"leap day 2000", 2000, 2, 29, 11016},
		{"gregorian reform", 1582, 10, 15, -141427},
		{"year zero", 0, 1, 1, -719528},
		{"min day", -9999, 1, 1, MinDay},
		{"max day", 9999, 12, 31, MaxDay},
		{"month carries into year", 1928, 13, 1, FromCivil(1929, 1, 1)},
		{"day zero is last of previous month", 1928, 3, 0, FromCivil(1928, 2, 29)},
		{"month zero is previous december", 1928, 0, 1, FromCivil(1927, 12, 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FromCivil(tc.y, tc.m, tc.d); got != tc.want {
				t.Errorf("FromCivil(%d, %d, %d) = %d, want %d", tc.y, tc.m, tc.d, got, tc.want)
			}
		})
	}
}

// TestCivilRoundTrip walks every day from -10000 to 10000 and checks that
// Civil and FromCivil agree and that consecutive days are consecutive dates.
func TestCivilRoundTrip(t *testing.T) {
	start := FromCivil(-10000, 1, 1)
	end := FromCivil(10000, 12, 31)
	py, pm, pd := (start - 1).Civil()
	if py != -10001 || pm != 12 || pd != 31 {
		t.Fatalf("day before %d is %d-%d-%d", start, py, pm, pd)
	}
	for d := start; d <= end; d++ {
		y, m, dd := d.Civil()
		if back := FromCivil(y, m, dd); back != d {
			t.Fatalf("FromCivil(Civil(%d)) = %d (%d-%d-%d)", d, back, y, m, dd)
		}
		// Successor check.
		switch {
		case y == py && m == pm && dd == pd+1:
		case y == py && m == pm+1 && dd == 1 && pd == DaysIn(py, pm):
		case y == py+1 && m == 1 && dd == 1 && pm == 12 && pd == 31:
		default:
			t.Fatalf("day %d is %d-%d-%d after %d-%d-%d", d, y, m, dd, py, pm, pd)
		}
		py, pm, pd = y, m, dd
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		want       Date
		early, end string // Earliest and Latest as YYYY-MM-DD
	}{
		{"year", "1928", Date{Year: 1928, Precision: PrecYear}, "1928-01-01", "1928-12-31"},
		{"month", "1928-01", Date{Year: 1928, Month: 1, Precision: PrecMonth}, "1928-01-01", "1928-01-31"},
		{"leap february", "1928-02", Date{Year: 1928, Month: 2, Precision: PrecMonth}, "1928-02-01", "1928-02-29"},
		{"day", "1928-01-17", Date{Year: 1928, Month: 1, DayOfMon: 17, Precision: PrecDay}, "1928-01-17", "1928-01-17"},
		{"leap day", "1928-02-29", Date{Year: 1928, Month: 2, DayOfMon: 29, Precision: PrecDay}, "1928-02-29", "1928-02-29"},
		{"leap day 2000", "2000-02-29", Date{Year: 2000, Month: 2, DayOfMon: 29, Precision: PrecDay}, "2000-02-29", "2000-02-29"},
		{"uncertain", "1917?", Date{Year: 1917, Precision: PrecYear, Qual: Uncertain}, "1917-01-01", "1917-12-31"},
		{"approximate", "1921~", Date{Year: 1921, Precision: PrecYear, Qual: Approximate}, "1921-01-01", "1921-12-31"},
		{"both", "1905%", Date{Year: 1905, Precision: PrecYear, Qual: UncertainApprox}, "1905-01-01", "1905-12-31"},
		{"uncertain day", "1917-10-25?", Date{Year: 1917, Month: 10, DayOfMon: 25, Precision: PrecDay, Qual: Uncertain}, "1917-10-25", "1917-10-25"},
		{"decade", "192X", Date{Year: 1920, Precision: PrecYear, UnspecYearDigits: 1}, "1920-01-01", "1929-12-31"},
		{"century", "19XX", Date{Year: 1900, Precision: PrecYear, UnspecYearDigits: 2}, "1900-01-01", "1999-12-31"},
		{"approximate decade", "192X~", Date{Year: 1920, Precision: PrecYear, UnspecYearDigits: 1, Qual: Approximate}, "1920-01-01", "1929-12-31"},
		{"unspecified month", "1917-XX", Date{Year: 1917, Precision: PrecMonth, UnspecMonth: true}, "1917-01-01", "1917-12-31"},
		{"unspecified day", "1917-10-XX", Date{Year: 1917, Month: 10, Precision: PrecDay, UnspecDay: true}, "1917-10-01", "1917-10-31"},
		{"unspecified month and day", "1917-XX-XX", Date{Year: 1917, Precision: PrecDay, UnspecMonth: true, UnspecDay: true}, "1917-01-01", "1917-12-31"},
		{"negative year", "-0044", Date{Year: -44, Precision: PrecYear}, "-0044-01-01", "-0044-12-31"},
		{"ides of march", "-0043-03-15", Date{Year: -43, Month: 3, DayOfMon: 15, Precision: PrecDay}, "-0043-03-15", "-0043-03-15"},
		{"year zero", "0000", Date{Year: 0, Precision: PrecYear}, "0000-01-01", "0000-12-31"},
		{"year zero is leap", "0000-02-29", Date{Year: 0, Month: 2, DayOfMon: 29, Precision: PrecDay}, "0000-02-29", "0000-02-29"},
		{"open", "..", Date{Open: true}, "-9999-01-01", "9999-12-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Fatalf("Parse(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
			if s := got.String(); s != tc.in {
				t.Errorf("String() = %q, want %q", s, tc.in)
			}
			if e := ymd(got.Earliest()); e != tc.early {
				t.Errorf("Earliest() = %s, want %s", e, tc.early)
			}
			if l := ymd(got.Latest()); l != tc.end {
				t.Errorf("Latest() = %s, want %s", l, tc.end)
			}
		})
	}
}

// ymd formats a day as (-)YYYY-MM-DD for test messages.
func ymd(d Day) string {
	y, m, dd := d.Civil()
	return Date{Year: int16(y), Month: int8(m), DayOfMon: int8(dd), Precision: PrecDay}.String()
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the whole error message
	}{
		{"empty", "", `"": empty date`},
		{"month out of range", "1928-13", `"1928-13": month 13 out of range`},
		{"month zero", "1928-00", `"1928-00": month 0 out of range`},
		{"level 2 season", "2001-25", `"2001-25": month 25 out of range (seasons 25-41 are EDTF level 2, not supported; 21-24 are)`},
		{"season with a day", "2001-21-05", `"2001-21-05": a season has no day`},
		{"day out of range for february", "1928-02-30", `"1928-02-30": day 30 out of range for February 1928`},
		{"not a leap year", "1900-02-29", `"1900-02-29": day 29 out of range for February 1900`},
		{"day zero", "1928-01-00", `"1928-01-00": day 0 out of range for January 1928`},
		{"april 31", "1917-04-31", `"1917-04-31": day 31 out of range for April 1917`},
		{"too short", "19", `"19": too short: a year has four digits (YYYY)`},
		{"five digit year", "19280", `"19280": a year has four digits (YYYY)`},
		{"one digit month", "1928-1-5", `"1928-1-5": a month has two digits (MM)`},
		{"one digit day", "1928-01-5", `"1928-01-5": a day has two digits (DD)`},
		{"three digit month", "1928-011", `"1928-011": a month has two digits (MM)`},
		{"leading space", " 1928", `" 1928": unexpected ' ' at offset 0 (want a digit or X in the year)`},
		{"trailing space", "1928 ", `"1928 ": unexpected ' ' at offset 4 (want '-' before the month)`},
		{"slash", "1928/1929", `"1928/1929": unexpected '/' at offset 4 (want '-' before the month)`},
		{"two qualifiers", "1928?~", `"1928?~": unexpected '?' at offset 4 (want '-' before the month)`},
		{"qualifier only", "?", `"?": qualifier without a date`},
		{"lone minus", "-", `"-": too short: a year has four digits (YYYY)`},
		{"minus zero", "-0000", `"-0000": -0000 is not a year (write 0000)`},
		{"x in the middle", "19X8", `"19X8": a digit after X in the year: only trailing digits can be unspecified`},
		{"three x", "1XXX", `"1XXX": at most two unspecified digits in a year (19XX)`},
		{"negative decade", "-004X", `"-004X": unspecified digits in a negative year are not supported`},
		{"negative unspecified month", "-0044-XX", `"-0044-XX": unspecified digits in a negative year are not supported`},
		{"negative unspecified day", "-0044-03-XX", `"-0044-03-XX": unspecified digits in a negative year are not supported`},
		{"decade with month", "192X-05", `"192X-05": a year with unspecified digits cannot have a month`},
		{"day of unspecified month", "1917-XX-05", `"1917-XX-05": a day cannot be given when the month is unspecified`},
		{"half x month", "1917-1X", `"1917-1X": a month is two digits or XX`},
		{"time", "1928-01-17T10:00:00", `"1928-01-17T10:00:00": too long (19 bytes; a date has at most 12)`},
		{"short time", "1928-01-17T1", `"1928-01-17T1": times are not supported`},
		{"lower case x", "192x", `"192x": unexpected 'x' at offset 3 (want a digit or X in the year)`},
		{"non ascii", "１９２８", `"１９２８": unexpected '１' at offset 0 (want a digit or X in the year)`},
		{"interval given to Parse", "1928/..", `"1928/..": unexpected '/' at offset 4 (want '-' before the month)`},
		{"too long", strings.Repeat("1", 10000), `"111111111111111111111111…": too long (10000 bytes; a date has at most 12)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want error %s", tc.in, d, tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("Parse(%q) error\n got %s\nwant %s", tc.in, err, tc.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not a *chrono.Error", err)
			}
		})
	}
}

func TestParseInterval(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		start, end string // String() of each end
		early, lat string // start.Earliest and end.Latest
	}{
		{"years", "1928/1929", "1928", "1929", "1928-01-01", "1929-12-31"},
		{"day to month", "1928-01-17/1929-01", "1928-01-17", "1929-01", "1928-01-17", "1929-01-31"},
		{"same year", "1928/1928", "1928", "1928", "1928-01-01", "1928-12-31"},
		{"month within year", "1928/1928-03", "1928", "1928-03", "1928-01-01", "1928-03-31"},
		{"open end", "1928/..", "1928", "..", "1928-01-01", "9999-12-31"},
		{"open start", "../1917", "..", "1917", "-9999-01-01", "1917-12-31"},
		{"qualified ends", "1917?/1921~", "1917?", "1921~", "1917-01-01", "1921-12-31"},
		{"bce to ce", "-0043/0014", "-0043", "0014", "-0043-01-01", "0014-12-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e, err := ParseInterval(tc.in)
			if err != nil {
				t.Fatalf("ParseInterval(%q): %v", tc.in, err)
			}
			if s.String() != tc.start || e.String() != tc.end {
				t.Errorf("ParseInterval(%q) = %s, %s; want %s, %s", tc.in, s, e, tc.start, tc.end)
			}
			if got := ymd(s.Earliest()); got != tc.early {
				t.Errorf("start.Earliest() = %s, want %s", got, tc.early)
			}
			if got := ymd(e.Latest()); got != tc.lat {
				t.Errorf("end.Latest() = %s, want %s", got, tc.lat)
			}
		})
	}
}

func TestParseIntervalErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"end before start", "1928/1927", `"1928/1927": end 1927 before start 1928`},
		{"day before day", "1928-01-17/1928-01-16", `"1928-01-17/1928-01-16": end 1928-01-16 before start 1928-01-17`},
		{"empty", "", `"": empty interval`},
		{"no slash", "1928", `"1928": not an interval: no '/' between start and end`},
		{"two slashes", "1928/1929/1930", `"1928/1929/1930": more than one '/' in an interval`},
		{"missing start", "/1928", `"/1928": missing start (write ".." for an open start)`},
		{"missing end", "1928/", `"1928/": missing end (write ".." for an open end)`},
		{"both open", "../..", `"../..": both ends open`},
		{"bad start", "1928-13/1929", `"1928-13/1929": start: "1928-13": month 13 out of range`},
		{"bad end", "1928/1929-02-29", `"1928/1929-02-29": end: "1929-02-29": day 29 out of range for February 1929`},
		{"too long", strings.Repeat("1928/", 2000), `"1928/1928/1928/1928/1928…": too long (10000 bytes; an interval has at most 25)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e, err := ParseInterval(tc.in)
			if err == nil {
				t.Fatalf("ParseInterval(%q) = %s, %s; want error %s", tc.in, s, e, tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("ParseInterval(%q) error\n got %s\nwant %s", tc.in, err, tc.want)
			}
		})
	}
}

func TestIsQualified(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1928", false}, {"1928-01-17", false}, {"-0044", false},
		{"1917?", true}, {"1921~", true}, {"1905%", true},
		{"192X", true}, {"1917-XX", true}, {"1917-10-XX", true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.IsQualified(); got != tc.want {
				t.Errorf("Parse(%q).IsQualified() = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestZeroDate(t *testing.T) {
	var d Date
	if d.IsValid() || d.String() != "" || d.Earliest() != 0 || d.Latest() != 0 {
		t.Errorf("zero Date: IsValid %v String %q Earliest %d Latest %d", d.IsValid(), d.String(), d.Earliest(), d.Latest())
	}
}

// TestSeasons pins the EDTF level 1 seasons: the days each one spans (winter runs
// from December into the next February), the canonical string, and the text.
func TestSeasons(t *testing.T) {
	tests := []struct {
		in, first, last, en, it, pt string
	}{
		{"1919-21", "1919-03-01", "1919-05-31", "spring 1919", "primavera 1919", "primavera de 1919"},
		{"1902-22", "1902-06-01", "1902-08-31", "summer 1902", "estate 1902", "verão de 1902"},
		{"1918-23", "1918-09-01", "1918-11-30", "autumn 1918", "autunno 1918", "outono de 1918"},
		{"1919-24", "1919-12-01", "1920-02-29", "winter 1919–20", "inverno 1919-20", "inverno de 1919-20"},
		{"1920-24", "1920-12-01", "1921-02-28", "winter 1920–21", "inverno 1920-21", "inverno de 1920-21"},
		{"1999-24?", "1999-12-01", "2000-02-29", "winter 1999–00?", "inverno 1999-00?", "inverno de 1999-00?"},
	}
	day := func(d Day) string {
		y, m, dd := d.Civil()
		return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
	}
	for _, tc := range tests {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.in, err)
		}
		if d.Precision != PrecMonth || d.Month != 0 || d.Season == 0 {
			t.Errorf("Parse(%q) = %+v, want a season", tc.in, d)
		}
		if got := day(d.Earliest()); got != tc.first {
			t.Errorf("%s: Earliest %s, want %s", tc.in, got, tc.first)
		}
		if got := day(d.Latest()); got != tc.last {
			t.Errorf("%s: Latest %s, want %s", tc.in, got, tc.last)
		}
		if got := d.String(); got != tc.in {
			t.Errorf("String() = %q, want %q", got, tc.in)
		}
		for lang, want := range map[string]string{"en": tc.en, "it": tc.it, "pt": tc.pt} {
			if got := Format(d, lang); got != want {
				t.Errorf("Format(%s, %s) = %q, want %q", tc.in, lang, got, want)
			}
		}
	}
	start, _ := Parse("1919-24")
	end, _ := Parse("1920-22")
	if got := FormatRange(start, end, "en"); got != "winter 1919–20 – summer 1920" {
		t.Errorf("FormatRange = %q", got)
	}
	if _, err := Parse("9999-24"); err == nil {
		t.Error("Parse(9999-24) accepted a winter that runs past 9999")
	}
}

func TestIsString(t *testing.T) {
	for _, s := range []string{"1917", "1917-03", "1917-03-05", "192X", "1917-21", "1917?", "1917~", "1917%", "-0044", "1917-XX", "1917-03-XX", ".."} {
		d, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsString(s) || d.IsString(s+" ") || d.IsString("") {
			t.Errorf("%q: IsString wrong (String %q)", s, d.String())
		}
	}
	if !(Date{}).IsString("") || (Date{}).IsString("1917") {
		t.Error("the zero Date is the empty string")
	}
}

// TestDateSize: every event and excerpt holds two Dates; a million events pay each byte
// twice a million times.
func TestDateSize(t *testing.T) {
	if n := unsafe.Sizeof(Date{}); n > 12 {
		t.Errorf("Date is %d bytes, want at most 12", n)
	}
}
