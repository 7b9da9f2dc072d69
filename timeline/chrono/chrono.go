// Package chrono is the program's idea of a historical date: EDTF (ISO 8601-2) level 0 and 1
// parsing with precision, uncertainty and unspecified digits, conversion to day numbers on the
// proleptic Gregorian calendar, the Julian (Old Style) equivalent of a day, and formatting for
// people in English, Italian and Portuguese.
package chrono

// Day is a day number: days since 1970-01-01 on the proleptic Gregorian calendar
// (negative before it). Day 0 is 1970-01-01; 1879-11-07 is -32927.
type Day int64

// Precision says how much of a date is given.
type Precision uint8

// The precisions a date can have, from coarsest to finest.
const (
	PrecYear Precision = iota + 1
	PrecMonth
	PrecDay
)

// Qualifier is the EDTF level 1 qualification of a date as a whole.
type Qualifier uint8

// Qualifier flags. UncertainApprox (%) is both.
const (
	Uncertain       Qualifier = 1 << iota // "?"
	Approximate                           // "~"
	UncertainApprox = Uncertain | Approximate
)

// Date is one EDTF date (not an interval), or an open or unknown interval end.
// The zero Date is invalid; use Parse.
type Date struct {
	Year      int16     // may be negative (astronomical numbering: 0 is 1 BCE); Parse reads -9999..9999
	Month     int8      // 1..12, or 0 when not given or unspecified
	DayOfMon  int8      // 1..31, or 0 when not given or unspecified
	Precision Precision // what was written: year, month or day
	Qual      Qualifier
	// UnspecYearDigits counts trailing X digits in the year ("192X" is 1, "19XX" is 2).
	UnspecYearDigits int8
	UnspecMonth      bool // "1917-XX"
	UnspecDay        bool // "1917-10-XX"
	Open             bool // ".." : an open interval end
	// Season is an EDTF level 1 season in place of the month (Precision is PrecMonth,
	// Month is 0): SeasonSpring (21) to SeasonWinter (24), or 0. A season spans three
	// months, as EDTF's reference implementations read it in the northern hemisphere:
	// spring March–May, summer June–August, autumn September–November, and winter
	// December of its year to February of the next ("1919-24" is the winter of 1919–20).
	//
	// The fields are as small as their ranges (Parse's years are -9999..9999, an int16): a
	// Date is 12 bytes, and every event and excerpt holds two (a million events once kept
	// 112 MB of dates at 56 bytes each).
	Season int8
}

// The EDTF level 1 season codes, written in place of the month ("1919-24").
const (
	SeasonSpring = 21
	SeasonSummer = 22
	SeasonAutumn = 23
	SeasonWinter = 24
)

// The API below is the contract the rest of the program codes against; it is implemented in
// day.go, parse.go, julian.go and format.go.
//
// func Parse(s string) (Date, error)            one date, or ".." (Open)
// func ParseInterval(s string) (start, end Date, err error)   "A/B", "../B", "A/.."
// func (d Date) Earliest() Day                  first day the date can mean
// func (d Date) Latest() Day                    last day the date can mean
// func (d Date) String() string                 canonical EDTF ("1928-01-17", "1917?", "192X", "..")
// func (d Date) IsQualified() bool              has ? ~ % or X digits
// func FromCivil(y, m, d int) Day               proleptic Gregorian -> Day
// func (d Day) Civil() (y, m, dd int)           Day -> proleptic Gregorian
// func (d Day) Julian() (y, m, dd int)          the Julian (Old Style) calendar date of that day
// func OldStyleApplies(d Day) bool              true before 1918-02-14 (Russia's switch)
// func Format(d Date, lang string) string       by precision: "17 Jan. 1928", "Jan. 1928", "1928",
//                                               "c. 1921", "1917?"; lang "en", "it", "pt"
// func FormatRange(start, end Date, lang string) string   "Jan. 1928 – Jan. 1929"
// func FormatDay(d Day, lang string) string     "17 January 1928" / "17 gennaio 1928" / "17 de janeiro de 1928"
// func FormatOldStyle(d Day, lang string) string "7 November 1879 (O.S. 26 October)"
//
// Added with the implementation:
//
// type Error struct{ Input, Reason string }     what Parse and ParseInterval return: `"1928-13": month 13 out of range`
// const MinDay, MaxDay Day                      -9999-01-01 and 9999-12-31: Earliest/Latest of an open end ("..")
// func (d Date) IsOpen() bool                   d is ".."
// func (d Date) IsValid() bool                  d came from Parse (the zero Date is not)
// func FromJulian(y, m, d int) Day              proleptic Julian -> Day
// func IsLeap(y int) bool; func DaysIn(y, m int) int   proleptic Gregorian calendar facts
// func MonthShort(m int, lang string) string    axis labels: "Jan", "gen", "jan"
// func MonthLong(m int, lang string) string     "January", "gennaio", "janeiro"
// func YearText(y int, lang string) string      "1928", "44 BC", "44 a.C."
// const OpenText = "…"                          how Format writes ".."
