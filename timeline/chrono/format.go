package chrono

import (
	"strconv"
	"strings"
)

// Languages Format and its relatives know. Any other language tag gets English; a
// tag is matched by its first two letters, so "pt-BR" is Portuguese.
const (
	LangEnglish    = "en"
	LangItalian    = "it"
	LangPortuguese = "pt"
)

// OpenText is how Format writes an open interval end ("..") in every language:
// an ellipsis, so that an open range reads "1928 – …".
const OpenText = "…"

type lang uint8

const (
	en lang = iota
	it
	pt
)

// langOf maps a BCP 47 tag to one of the languages known here, English by default.
func langOf(tag string) lang {
	if len(tag) >= 2 {
		switch strings.ToLower(tag[:2]) {
		case "it":
			return it
		case "pt":
			return pt
		}
	}
	return en
}

var monthLong = [3][13]string{
	en: {"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	it: {"", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	pt: {"", "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
}

var monthShort = [3][13]string{
	en: {"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	it: {"", "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"},
	pt: {"", "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"},
}

// monthProseEn are the English abbreviations of running text (Chicago style): short
// names are written out, the others end with a period.
var monthProseEn = [13]string{"", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// MonthLong returns the full name of month m (1..12) in the language lang, in the
// case it takes inside a date: "January", "gennaio", "janeiro". It returns "" for a
// month out of range.
func MonthLong(m int, lang string) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthLong[langOf(lang)][m]
}

// MonthShort returns the short name of month m (1..12) for axis labels, without a
// period: "Jan", "gen", "jan". It returns "" for a month out of range.
func MonthShort(m int, lang string) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthShort[langOf(lang)][m]
}

// monthProse is the month name Format uses: abbreviated in English, full in Italian
// and Portuguese (which rarely abbreviate months in prose).
func monthProse(m int, l lang) string {
	if l == en {
		return monthProseEn[m]
	}
	return monthLong[l][m]
}

// YearText returns year y (astronomical numbering) as people write it: "1928",
// "14", and for years before 1 CE "44 BC" (English) or "44 a.C." (Italian and
// Portuguese); year 0 is 1 BC and year -43 is 44 BC.
func YearText(y int, lang string) string {
	return yearText(y, langOf(lang))
}

func yearText(y int, l lang) string {
	if y > 0 {
		return strconv.Itoa(y)
	}
	if l == en {
		return strconv.Itoa(1-y) + " BC"
	}
	return strconv.Itoa(1-y) + " a.C."
}

// dayOfMonth writes the day number, with the ordinal "1º" Italian and Portuguese
// use for the first of the month.
func dayOfMonth(d int, l lang) string {
	if d == 1 && l != en {
		return "1º"
	}
	return strconv.Itoa(d)
}

// dayText writes a full day with the given month name style.
func dayText(y, m, d int, l lang, month string) string {
	switch l {
	case pt:
		return dayOfMonth(d, l) + " de " + month + " de " + yearText(y, l)
	default:
		return dayOfMonth(d, l) + " " + month + " " + yearText(y, l)
	}
}

// monthText writes a month of a year: "Jan. 1928", "gennaio 1928", "janeiro de 1928".
func monthText(y, m int, l lang) string {
	if l == pt {
		return monthProse(m, l) + " de " + yearText(y, l)
	}
	return monthProse(m, l) + " " + yearText(y, l)
}

// roman writes 1..3999 in Roman numerals.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// unspecYearText writes a year with unspecified digits: a decade for one X
// ("1920s", "anni 1920", "década de 1920") and a span of a hundred years for two
// ("1800s" in English; "XIX secolo" and "século XIX" in Italian and Portuguese,
// which name such spans by century).
func unspecYearText(d Date, l lang) string {
	y := strconv.Itoa(int(d.Year))
	if d.UnspecYearDigits == 1 {
		switch l {
		case it:
			return "anni " + y
		case pt:
			return "década de " + y
		}
		return y + "s"
	}
	switch l {
	case it:
		return roman(int(d.Year)/100+1) + " secolo"
	case pt:
		return "século " + roman(int(d.Year)/100+1)
	}
	return y + "s"
}

// Format writes d for people in the language lang ("en", "it" or "pt"; others get
// English), at the precision it was given:
//
//	1928-01-17  "17 Jan. 1928"   "17 gennaio 1928"   "17 de janeiro de 1928"
//	1928-01     "Jan. 1928"      "gennaio 1928"      "janeiro de 1928"
//	1928        "1928"
//	-0043       "44 BC"          "44 a.C."           "44 a.C."
//	192X        "1920s"          "anni 1920"         "década de 1920"
//	18XX        "1800s"          "XIX secolo"        "século XIX"
//	1917-XX     "1917"; 1917-10-XX as 1917-10
//	1919-22     "summer 1919"    "estate 1919"       "verão de 1919"
//	1919-24     "winter 1919–20" "inverno 1919-20"   "inverno de 1919-20"
//	1921~       "c. 1921"; 1917? "1917?"; 1917% "c. 1917?"
//	..          OpenText ("…")
//
// English abbreviates months in the Chicago style (Jan., Feb., Mar., Apr., May, June,
// July, Aug., Sept., Oct., Nov., Dec.); Italian and Portuguese write them out and
// write the first of a month "1º". An invalid (zero) Date gives "".
func Format(d Date, lang string) string {
	if d.Open {
		return OpenText
	}
	if !d.IsValid() {
		return ""
	}
	l := langOf(lang)
	var s string
	switch {
	case d.UnspecYearDigits > 0:
		s = unspecYearText(d, l)
	case d.Precision == PrecYear || d.UnspecMonth:
		s = yearText(int(d.Year), l)
	case d.Season != 0:
		s = seasonText(int(d.Year), int(d.Season), l)
	case d.Precision == PrecMonth || d.UnspecDay:
		s = monthText(int(d.Year), int(d.Month), l)
	default:
		s = dayText(int(d.Year), int(d.Month), int(d.DayOfMon), l, monthProse(int(d.Month), l))
	}
	return qualify(s, d.Qual)
}

var seasonNames = [3][4]string{
	en: {"spring", "summer", "autumn", "winter"},
	it: {"primavera", "estate", "autunno", "inverno"},
	pt: {"primavera", "verão", "outono", "inverno"},
}

// seasonText writes a season of a year; a winter, which runs into the next year,
// names both: "winter 1919–20", "inverno 1919-20", "inverno de 1919-20".
func seasonText(y, season int, l lang) string {
	s := seasonNames[l][season-SeasonSpring]
	if l == pt {
		s += " de"
	}
	s += " " + yearText(y, l)
	if season == SeasonWinter && y > 0 {
		sep := "–"
		if l != en {
			sep = "-"
		}
		s += sep + fmt2(y+1)
	}
	return s
}

// fmt2 writes the last two digits of a year: 1920 gives "20".
func fmt2(y int) string {
	return strconv.Itoa(y/10%10) + strconv.Itoa(y%10)
}

// qualify adds the marks of a qualifier: "c. " in front for approximate, "?" after
// for uncertain.
func qualify(s string, q Qualifier) string {
	if q&Approximate != 0 {
		s = "c. " + s
	}
	if q&Uncertain != 0 {
		s += "?"
	}
	return s
}

// FormatDay writes day d in full in the language lang: "17 January 1928",
// "17 gennaio 1928", "17 de janeiro de 1928" ("1º gennaio", "1º de janeiro" on the
// first of a month).
func FormatDay(d Day, lang string) string {
	l := langOf(lang)
	y, m, dd := d.Civil()
	return dayText(y, m, dd, l, monthLong[l][m])
}

// FormatOldStyle writes day d in full as FormatDay does and, when OldStyleApplies,
// adds its Old Style (Julian) date, with the year only when it differs:
//
//	en  "7 November 1879 (O.S. 26 October)", "12 January 1900 (O.S. 31 December 1899)"
//	it  "7 novembre 1879 (26 ottobre del calendario giuliano)"
//	pt  "7 de novembro de 1879 (26 de outubro no calendário juliano)"
//
// From 1918-02-14 on it is FormatDay.
func FormatOldStyle(d Day, lang string) string {
	s := FormatDay(d, lang)
	if !OldStyleApplies(d) {
		return s
	}
	l := langOf(lang)
	gy, _, _ := d.Civil()
	y, m, dd := d.Julian()
	var os string
	switch l {
	case pt:
		os = dayOfMonth(dd, l) + " de " + monthLong[l][m]
		if y != gy {
			os += " de " + yearText(y, l)
		}
		return s + " (" + os + " no calendário juliano)"
	case it:
		os = dayOfMonth(dd, l) + " " + monthLong[l][m]
		if y != gy {
			os += " " + yearText(y, l)
		}
		return s + " (" + os + " del calendario giuliano)"
	}
	os = strconv.Itoa(dd) + " " + monthLong[l][m]
	if y != gy {
		os += " " + yearText(y, l)
	}
	return s + " (O.S. " + os + ")"
}

// FormatRange writes the span from start to end in the language lang, joined by an
// en dash, spaced when either side has a space in it ("1928–1929",
// "Jan. 1928 – Jan. 1929", "1928 – …" for an open end). Plain dates (no qualifier,
// no X digits) of the same year and precision share the year:
//
//	"Jan.–Mar. 1928", "gennaio–marzo 1928", "janeiro–março de 1928"
//	"17 Jan. – 3 Mar. 1928", "17–20 Jan. 1928"
//
// Equal dates, or an invalid (zero) end, give Format(start, lang); an invalid start
// gives Format(end, lang).
func FormatRange(start, end Date, lang string) string {
	if !end.IsValid() || start == end {
		return Format(start, lang)
	}
	if !start.IsValid() {
		return Format(end, lang)
	}
	l := langOf(lang)
	if !start.Open && !end.Open && !start.IsQualified() && !end.IsQualified() && int(start.Season) == 0 && int(end.Season) == 0 &&
		start.Year == end.Year && start.Precision == end.Precision && start.Precision >= PrecMonth {
		y := yearText(int(start.Year), l)
		yearSep := " "
		if l == pt {
			yearSep = " de "
		}
		if start.Precision == PrecMonth {
			return monthProse(int(start.Month), l) + "–" + monthProse(int(end.Month), l) + yearSep + y
		}
		if start.Month == end.Month {
			return dayOfMonth(int(start.DayOfMon), l) + "–" + dayOfMonth(int(end.DayOfMon), l) + " " +
				monthSep(l) + monthProse(int(start.Month), l) + yearSep + y
		}
		return dayMonth(int(start.DayOfMon), int(start.Month), l) + " – " + dayMonth(int(end.DayOfMon), int(end.Month), l) + yearSep + y
	}
	a, b := Format(start, lang), Format(end, lang)
	if start.Open || end.Open || strings.Contains(a, " ") || strings.Contains(b, " ") {
		return a + " – " + b
	}
	return a + "–" + b
}

// monthSep is what stands between a day and its month: " de " in Portuguese.
func monthSep(l lang) string {
	if l == pt {
		return "de "
	}
	return ""
}

// dayMonth writes a day and month without the year: "17 Jan.", "17 gennaio", "17 de janeiro".
func dayMonth(d, m int, l lang) string {
	return dayOfMonth(d, l) + " " + monthSep(l) + monthProse(m, l)
}

var orWord = [3]string{en: " or ", it: " o ", pt: " ou "}

// FormatEitherDay writes two readings of one day, a and b (a before b), as alternatives
// with the year once where they share it:
//
//	en  "8 or 21 Oct. 1917", "26 Nov. or 9 Dec. 1905", "22 Dec. 1917 or 4 Jan. 1918"
//	it  "26 novembre o 9 dicembre 1905"
//	pt  "26 de novembro ou 9 de dezembro de 1905"
//
// It is how a day whose source names no calendar is shown: as written (New Style) or
// read as Old Style.
func FormatEitherDay(a, b Day, lang string) string {
	l := langOf(lang)
	ay, am, ad := a.Civil()
	by, bm, bd := b.Civil()
	yearSep := " "
	if l == pt {
		yearSep = " de "
	}
	switch {
	case a == b:
		return dayText(ay, am, ad, l, monthProse(am, l))
	case ay == by && am == bm:
		return dayOfMonth(ad, l) + orWord[l] + dayMonth(bd, bm, l) + yearSep + yearText(by, l)
	case ay == by:
		return dayMonth(ad, am, l) + orWord[l] + dayMonth(bd, bm, l) + yearSep + yearText(by, l)
	}
	return dayText(ay, am, ad, l, monthProse(am, l)) + orWord[l] + dayText(by, bm, bd, l, monthProse(bm, l))
}

var calendarNotStated = [3]string{en: "calendar not stated", it: "calendario non indicato", pt: "calendário não indicado"}

// CalendarNotStated is the note that follows FormatEitherDay's alternatives in lang:
// "calendar not stated", "calendario non indicato", "calendário não indicado".
func CalendarNotStated(lang string) string { return calendarNotStated[langOf(lang)] }
