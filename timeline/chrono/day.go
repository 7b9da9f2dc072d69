package chrono

// MinDay and MaxDay are the first and last days of the years Parse accepts
// (-9999-01-01 and 9999-12-31). They are what an open interval end reports as its
// Earliest and Latest day, and they are far enough from the limits of int64 that
// differences of days never overflow.
const (
	MinDay Day = -4371587 // -9999-01-01
	MaxDay Day = 2932896  // 9999-12-31
)

// unixEpochShift is the number of days from 0000-03-01 to 1970-01-01 (proleptic Gregorian).
const unixEpochShift = 719468

// floorDiv returns a/b rounded towards negative infinity (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// FromCivil returns the day number of the proleptic Gregorian date y-m-d. Months
// outside 1..12 carry into the year and days outside the month carry into the
// neighbouring months, so FromCivil(1928, 13, 1) is 1929-01-01 and
// FromCivil(1928, 3, 0) is 1928-02-29. The algorithm is Howard Hinnant's
// days_from_civil, exact for every year including negative (astronomical) ones.
func FromCivil(y, m, d int) Day {
	yy := int64(y)
	mm := int64(m) - 1
	yy += floorDiv(mm, 12)
	mm -= floorDiv(mm, 12) * 12 // 0..11, January is 0
	// Count from March so that the leap day is the last day of the year.
	mp := (mm + 10) % 12 // March is 0
	if mm < 2 {
		yy--
	}
	era := floorDiv(yy, 400)
	yoe := yy - era*400                    // [0, 399]
	doy := (153*mp+2)/5 + int64(d) - 1     // day of the March-based year
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the 400-year era
	return Day(era*146097 + doe - unixEpochShift)
}

// Civil returns the proleptic Gregorian year, month (1..12) and day of the month of d
// (Howard Hinnant's civil_from_days).
func (d Day) Civil() (y, m, dd int) {
	z := int64(d) + unixEpochShift
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11], March is 0
	dd = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	yr := yoe + era*400
	if m <= 2 {
		yr++
	}
	return int(yr), m, dd
}

// IsLeap reports whether y is a leap year of the proleptic Gregorian calendar.
func IsLeap(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// DaysIn returns the number of days of month m (1..12) of year y in the proleptic
// Gregorian calendar, or 0 if m is out of range.
func DaysIn(y, m int) int {
	switch m {
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	case 4, 6, 9, 11:
		return 30
	case 2:
		if IsLeap(y) {
			return 29
		}
		return 28
	}
	return 0
}
