package chrono

import (
	"strconv"
	"unicode/utf8"
)

// maxDateLen is the length of the longest date Parse accepts: "-9999-12-31%".
const maxDateLen = 12

// maxIntervalLen is the length of the longest interval ParseInterval accepts.
const maxIntervalLen = 2*maxDateLen + 1

// Error is the error Parse and ParseInterval return: the input, quoted (and cut
// short when long), then what is wrong with it, as in `"1928-13": month 13 out of range`.
// Callers prefix where the input came from.
type Error struct {
	Input  string // the text that was refused, possibly cut short
	Reason string // what is wrong with it
}

// Error returns the quoted input and the reason.
func (e *Error) Error() string {
	return strconv.Quote(e.Input) + ": " + e.Reason
}

// newError builds an *Error, cutting very long inputs so that messages stay short.
func newError(s, reason string) error {
	const keep = 24
	if len(s) > keep {
		cut := keep
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return &Error{Input: s, Reason: reason}
}

// unexpected describes the character at byte offset i of s.
func unexpected(s string, i int, want string) error {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return newError(s, "unexpected "+strconv.QuoteRune(r)+" at offset "+strconv.Itoa(i)+" (want "+want+")")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var monthNamesEn = [13]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// Parse reads one EDTF date of the subset this program uses (level 0 and 1):
//
//	YYYY, YYYY-MM, YYYY-MM-DD       1928, 1928-01, 1928-01-17
//	a leading minus for BCE years   -0044 (astronomical: 0000 is 1 BCE, -0044 is 45 BCE)
//	X for unspecified digits        192X, 19XX, 1917-XX, 1917-10-XX, 1917-XX-XX
//	a season in place of the month  1919-21 spring, 1919-22 summer, 1919-23 autumn,
//	                                1919-24 winter (December 1919 to February 1920)
//	one qualifier at the end        1917? (uncertain), 1921~ (approximate), 1905% (both)
//	".."                            an open interval end (Date.Open)
//
// Years have exactly four digits. X digits must be trailing digits of the year (at
// most two), a whole month or a whole day, and are not allowed in negative years; a
// year with X digits has no month, and a season has no day. Times and level 2 features
// (seasons 25-41 among them) are refused. Every
// refusal is an *Error naming the input and what is wrong with it. Parse does not
// allocate for a valid date.
func Parse(s string) (Date, error) {
	n := len(s)
	if n == 0 {
		return Date{}, newError(s, "empty date")
	}
	if n > maxDateLen {
		return Date{}, newError(s, "too long ("+strconv.Itoa(n)+" bytes; a date has at most "+strconv.Itoa(maxDateLen)+")")
	}
	if s == ".." {
		return Date{Open: true}, nil
	}
	var d Date
	switch s[n-1] {
	case '?':
		d.Qual = Uncertain
		n--
	case '~':
		d.Qual = Approximate
		n--
	case '%':
		d.Qual = UncertainApprox
		n--
	}
	if n == 0 {
		return Date{}, newError(s, "qualifier without a date")
	}
	i := 0
	neg := false
	if s[0] == '-' {
		neg = true
		i = 1
	}

	// Year: exactly four characters, digits then trailing X.
	year := 0
	for j := 0; j < 4; j++ {
		if i+j >= n {
			return Date{}, newError(s, "too short: a year has four digits (YYYY)")
		}
		c := s[i+j]
		switch {
		case isDigit(c):
			if d.UnspecYearDigits > 0 {
				return Date{}, newError(s, "a digit after X in the year: only trailing digits can be unspecified")
			}
			year = year*10 + int(c-'0')
		case c == 'X':
			d.UnspecYearDigits++
			year *= 10
		default:
			return Date{}, unexpected(s, i+j, "a digit or X in the year")
		}
	}
	i += 4
	if d.UnspecYearDigits > 2 {
		return Date{}, newError(s, "at most two unspecified digits in a year (19XX)")
	}
	if neg {
		if year == 0 {
			return Date{}, newError(s, "-0000 is not a year (write 0000)")
		}
		if d.UnspecYearDigits > 0 {
			return Date{}, newError(s, "unspecified digits in a negative year are not supported")
		}
		year = -year
	}
	d.Year = int16(year)
	d.Precision = PrecYear
	if i == n {
		return d, nil
	}
	if s[i] != '-' {
		if isDigit(s[i]) || s[i] == 'X' {
			return Date{}, newError(s, "a year has four digits (YYYY)")
		}
		if s[i] == 'T' {
			return Date{}, newError(s, "times are not supported")
		}
		return Date{}, unexpected(s, i, "'-' before the month")
	}
	i++
	if d.UnspecYearDigits > 0 {
		return Date{}, newError(s, "a year with unspecified digits cannot have a month")
	}

	// Month: two digits or XX.
	if i+2 > n || !(isDigit(s[i]) || s[i] == 'X') || !(isDigit(s[i+1]) || s[i+1] == 'X') {
		if i < n && !(isDigit(s[i]) || s[i] == 'X') {
			return Date{}, unexpected(s, i, "a two-digit month")
		}
		return Date{}, newError(s, "a month has two digits (MM)")
	}
	switch {
	case s[i] == 'X' && s[i+1] == 'X':
		if neg {
			return Date{}, newError(s, "unspecified digits in a negative year are not supported")
		}
		d.UnspecMonth = true
	case isDigit(s[i]) && isDigit(s[i+1]):
		m := int(s[i]-'0')*10 + int(s[i+1]-'0')
		switch {
		case m >= SeasonSpring && m <= SeasonWinter:
			if m == SeasonWinter && year == 9999 {
				return Date{}, newError(s, "the winter of 9999 runs past the last year (9999)")
			}
			d.Season = int8(m)
		case m >= 25 && m <= 41:
			return Date{}, newError(s, "month "+strconv.Itoa(m)+" out of range (seasons 25-41 are EDTF level 2, not supported; 21-24 are)")
		case m < 1 || m > 12:
			return Date{}, newError(s, "month "+strconv.Itoa(m)+" out of range")
		default:
			d.Month = int8(m)
		}
	default:
		return Date{}, newError(s, "a month is two digits or XX")
	}
	i += 2
	d.Precision = PrecMonth
	if i == n {
		return d, nil
	}
	if s[i] != '-' {
		if isDigit(s[i]) || s[i] == 'X' {
			return Date{}, newError(s, "a month has two digits (MM)")
		}
		return Date{}, unexpected(s, i, "'-' before the day")
	}
	if d.Season != 0 {
		return Date{}, newError(s, "a season has no day")
	}
	i++

	// Day: two digits or XX.
	if i+2 > n || !(isDigit(s[i]) || s[i] == 'X') || !(isDigit(s[i+1]) || s[i+1] == 'X') {
		if i < n && !(isDigit(s[i]) || s[i] == 'X') {
			return Date{}, unexpected(s, i, "a two-digit day")
		}
		return Date{}, newError(s, "a day has two digits (DD)")
	}
	switch {
	case s[i] == 'X' && s[i+1] == 'X':
		if neg {
			return Date{}, newError(s, "unspecified digits in a negative year are not supported")
		}
		d.UnspecDay = true
	case isDigit(s[i]) && isDigit(s[i+1]):
		if d.UnspecMonth {
			return Date{}, newError(s, "a day cannot be given when the month is unspecified")
		}
		dd := int(s[i]-'0')*10 + int(s[i+1]-'0')
		if dd < 1 || dd > DaysIn(int(d.Year), int(d.Month)) {
			return Date{}, newError(s, "day "+strconv.Itoa(dd)+" out of range for "+monthNamesEn[int(d.Month)]+" "+strconv.Itoa(int(d.Year)))
		}
		d.DayOfMon = int8(dd)
	default:
		return Date{}, newError(s, "a day is two digits or XX")
	}
	i += 2
	d.Precision = PrecDay
	if i != n {
		if s[i] == 'T' {
			return Date{}, newError(s, "times are not supported")
		}
		return Date{}, unexpected(s, i, "the end of the date or a qualifier ? ~ %")
	}
	return d, nil
}

// ParseInterval reads an EDTF interval "A/B" where A and B are dates Parse accepts,
// or ".." for an open end ("../1917", "1928/.."). Both ends cannot be open, and the
// end may not lie wholly before the start (its Latest day before the start's
// Earliest day). A text without '/' is refused: it is a date, not an interval.
func ParseInterval(s string) (start, end Date, err error) {
	if len(s) == 0 {
		return Date{}, Date{}, newError(s, "empty interval")
	}
	if len(s) > maxIntervalLen {
		return Date{}, Date{}, newError(s, "too long ("+strconv.Itoa(len(s))+" bytes; an interval has at most "+strconv.Itoa(maxIntervalLen)+")")
	}
	slash := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			if slash >= 0 {
				return Date{}, Date{}, newError(s, "more than one '/' in an interval")
			}
			slash = i
		}
	}
	if slash < 0 {
		return Date{}, Date{}, newError(s, "not an interval: no '/' between start and end")
	}
	a, b := s[:slash], s[slash+1:]
	if a == "" {
		return Date{}, Date{}, newError(s, "missing start (write \"..\" for an open start)")
	}
	if b == "" {
		return Date{}, Date{}, newError(s, "missing end (write \"..\" for an open end)")
	}
	if start, err = Parse(a); err != nil {
		return Date{}, Date{}, newError(s, "start: "+err.Error())
	}
	if end, err = Parse(b); err != nil {
		return Date{}, Date{}, newError(s, "end: "+err.Error())
	}
	if start.Open && end.Open {
		return Date{}, Date{}, newError(s, "both ends open")
	}
	if !start.Open && !end.Open && end.Latest() < start.Earliest() {
		return Date{}, Date{}, newError(s, "end "+end.String()+" before start "+start.String())
	}
	return start, end, nil
}

// seasonFirst is the first month of each season, spring to winter.
var seasonFirst = [4]int{3, 6, 9, 12}

// pow10 holds 10^k for the unspecified year digits.
var pow10 = [3]int{1, 10, 100}

// yearRange returns the first and last year the date can fall in.
func (d Date) yearRange() (int, int) {
	return int(d.Year), int(d.Year) + pow10[int(d.UnspecYearDigits)%3] - 1
}

// IsOpen reports whether d is an open interval end ("..").
func (d Date) IsOpen() bool { return d.Open }

// IsValid reports whether d is a date Parse could return (the zero Date is not).
func (d Date) IsValid() bool { return d.Open || d.Precision >= PrecYear && d.Precision <= PrecDay }

// Earliest returns the first day d can mean: 1928 gives 1928-01-01, 1928-02 gives
// 1928-02-01, 192X gives 1920-01-01. Qualifiers (? ~ %) do not widen the range; the
// view shows uncertainty separately. An open date gives MinDay, and an invalid
// (zero) Date gives 0.
func (d Date) Earliest() Day {
	if d.Open {
		return MinDay
	}
	switch {
	case d.Precision == PrecYear || d.UnspecMonth && d.Precision != 0:
		return FromCivil(int(d.Year), 1, 1)
	case d.Season != 0:
		return FromCivil(int(d.Year), seasonFirst[int(d.Season)-SeasonSpring], 1)
	case d.Precision == PrecMonth || d.Precision == PrecDay && d.UnspecDay:
		return FromCivil(int(d.Year), int(d.Month), 1)
	case d.Precision == PrecDay:
		return FromCivil(int(d.Year), int(d.Month), int(d.DayOfMon))
	}
	return 0
}

// Latest returns the last day d can mean: 1928 gives 1928-12-31, 1928-02 gives
// 1928-02-29, 192X gives 1929-12-31, 1917-10-XX gives 1917-10-31, 1919-24 (winter)
// gives 1920-02-29. Qualifiers do not
// widen the range. An open date gives MaxDay, and an invalid (zero) Date gives 0.
func (d Date) Latest() Day {
	if d.Open {
		return MaxDay
	}
	switch {
	case d.Precision == PrecYear || d.UnspecMonth && d.Precision != 0:
		_, y1 := d.yearRange()
		return FromCivil(y1+1, 1, 1) - 1
	case d.Season != 0:
		// FromCivil carries month 15 into March of the next year: winter ends with February.
		return FromCivil(int(d.Year), seasonFirst[int(d.Season)-SeasonSpring]+3, 1) - 1
	case d.Precision == PrecMonth || d.Precision == PrecDay && d.UnspecDay:
		return FromCivil(int(d.Year), int(d.Month)+1, 1) - 1
	case d.Precision == PrecDay:
		return FromCivil(int(d.Year), int(d.Month), int(d.DayOfMon))
	}
	return 0
}

// IsQualified reports whether d is anything less than a plain date: uncertain,
// approximate, or with unspecified (X) digits.
func (d Date) IsQualified() bool {
	return d.Qual != 0 || d.UnspecYearDigits > 0 || d.UnspecMonth || d.UnspecDay
}

// String returns d in canonical EDTF, the form Parse reads back to the same Date:
// "1928-01-17", "1917?", "192X", "1917-XX", "-0044", "..". The zero Date gives "".
func (d Date) String() string {
	var b [maxDateLen]byte
	return string(b[:d.format(&b)])
}

// IsString reports whether s is d.String(), without making the string: a loader keeps a
// date's text only when it is not (timeline.Event.SetStart).
func (d Date) IsString(s string) bool {
	var b [maxDateLen]byte
	return string(b[:d.format(&b)]) == s
}

// format writes d.String() into b and returns its length.
func (d Date) format(b *[maxDateLen]byte) int {
	if d.Open {
		return copy(b[:], "..")
	}
	if !d.IsValid() {
		return 0
	}
	i := 0
	y := int(d.Year)
	if y < 0 {
		b[i] = '-'
		i++
		y = -y
	}
	b[i] = byte('0' + y/1000%10)
	b[i+1] = byte('0' + y/100%10)
	b[i+2] = byte('0' + y/10%10)
	b[i+3] = byte('0' + y%10)
	for k := 0; k < int(d.UnspecYearDigits) && k < 4; k++ {
		b[i+3-k] = 'X'
	}
	i += 4
	if d.Precision >= PrecMonth {
		b[i] = '-'
		if d.UnspecMonth {
			b[i+1], b[i+2] = 'X', 'X'
		} else if d.Season != 0 {
			b[i+1], b[i+2] = byte('0'+int(d.Season)/10), byte('0'+int(d.Season)%10)
		} else {
			b[i+1], b[i+2] = byte('0'+int(d.Month)/10%10), byte('0'+int(d.Month)%10)
		}
		i += 3
	}
	if d.Precision >= PrecDay {
		b[i] = '-'
		if d.UnspecDay {
			b[i+1], b[i+2] = 'X', 'X'
		} else {
			b[i+1], b[i+2] = byte('0'+int(d.DayOfMon)/10%10), byte('0'+int(d.DayOfMon)%10)
		}
		i += 3
	}
	switch d.Qual {
	case Uncertain:
		b[i] = '?'
		i++
	case Approximate:
		b[i] = '~'
		i++
	case UncertainApprox:
		b[i] = '%'
		i++
	}
	return i
}
