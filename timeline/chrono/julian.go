package chrono

// julianEpochShift is the number of days from 0000-03-01 of the Julian calendar to
// 1970-01-01 (Gregorian): Julian Day Numbers 2440588 - 1721118.
const julianEpochShift = 719470

// oldStyleEnd is 1918-02-14, the first day Soviet Russia counted in the Gregorian
// calendar (the day after 31 January 1918 Old Style).
var oldStyleEnd = FromCivil(1918, 2, 14)

// FromJulian returns the day number of the date y-m-d of the proleptic Julian (Old
// Style) calendar. Like FromCivil, months outside 1..12 carry into the year and days
// outside the month carry into neighbouring months.
func FromJulian(y, m, d int) Day {
	yy := int64(y)
	mm := int64(m) - 1
	yy += floorDiv(mm, 12)
	mm -= floorDiv(mm, 12) * 12
	mp := (mm + 10) % 12 // March is 0
	if mm < 2 {
		yy--
	}
	era := floorDiv(yy, 4) // four-year cycles of 1461 days
	yoe := yy - era*4      // [0, 3]
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + doy
	return Day(era*1461 + doe - julianEpochShift)
}

// Julian returns the year, month (1..12) and day of the month of d in the proleptic
// Julian (Old Style) calendar: 1879-11-07 (Gregorian) is 26 October 1879 Old Style.
func (d Day) Julian() (y, m, dd int) {
	z := int64(d) + julianEpochShift
	era := floorDiv(z, 1461)
	doe := z - era*1461           // [0, 1460]
	yoe := (doe - doe/1460) / 365 // [0, 3]
	doy := doe - 365*yoe          // [0, 365]
	mp := (5*doy + 2) / 153       // [0, 11], March is 0
	dd = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	yr := yoe + era*4
	if m <= 2 {
		yr++
	}
	return int(yr), m, dd
}

// OldStyleApplies reports whether d falls before 1918-02-14, when Russia moved from
// the Julian to the Gregorian calendar, so that Russian sources of the time date it
// in the Old Style.
func OldStyleApplies(d Day) bool {
	return d < oldStyleEnd
}
