package scale

import (
	"math"
	"strconv"

	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/textmetrics"
)

// Tick is one axis tick: the day it marks, its pixel position in the time area and its label.
type Tick struct {
	Day   float64
	X     float64
	Label string
}

// Unit is the calendar unit a tick step counts.
type Unit uint8

// The tick units, finest first.
const (
	UnitDay Unit = iota + 1
	UnitMonth
	UnitYear
)

// Step is one candidate tick step: N units, aligned on the calendar (days of the month
// 1, 1+N, ...; months 1, 1+N, ...; years divisible by N).
type Step struct {
	Unit Unit
	N    int
}

// approxDays is the shortest length in days of one step, for the spacing test.
func (s Step) approxDays() float64 {
	switch s.Unit {
	case UnitDay:
		return float64(s.N - s.N/5) // the month's end shortens the last interval (see next)
	case UnitMonth:
		return 28 * float64(s.N)
	default:
		return 365 * float64(s.N)
	}
}

// Steps is the table of candidate minor steps, finest first; Ticks takes the first whose
// labels keep MinLabelGap pixels apart. Context (major) steps are looked up in Context.
var Steps = []Step{
	{UnitDay, 1}, {UnitDay, 2}, {UnitDay, 5}, {UnitDay, 10},
	{UnitMonth, 1}, {UnitMonth, 3},
	{UnitYear, 1}, {UnitYear, 2}, {UnitYear, 5}, {UnitYear, 10}, {UnitYear, 20}, {UnitYear, 50},
	{UnitYear, 100}, {UnitYear, 200}, {UnitYear, 500}, {UnitYear, 1000}, {UnitYear, 2000},
	{UnitYear, 5000}, {UnitYear, 10000},
}

// Context returns the step of the context row above a minor step: the month above days, the
// year above months, the decade ("1910s") above single years, the century ("1800s") above
// steps of 2 to 50 years, the millennium above centuries. Its labels name a period, so
// they never repeat the tick row's ("1910s" above 1917, 1918…; not "1910").
func Context(minor Step) Step {
	switch {
	case minor.Unit == UnitDay:
		return Step{UnitMonth, 1}
	case minor.Unit == UnitMonth:
		return Step{UnitYear, 1}
	case minor.N == 1:
		return Step{UnitYear, 10}
	case minor.N < 100:
		return Step{UnitYear, 100}
	default:
		return Step{UnitYear, 1000 * int(math.Ceil(float64(minor.N)/1000))}
	}
}

// MinLabelGap is the least room in pixels kept between two tick labels of a row, and
// MinTickPx the least distance between two ticks whatever their labels.
const (
	MinLabelGap = 10
	MinTickPx   = 28
)

// Ticks returns the axis ticks of a view: the minor row (the finest step of Steps whose labels,
// at font size px measured by m, keep MinLabelGap apart) and the context row above it. The
// first context tick may lie left of the view (X < 0): it names the period the view starts in,
// and a painter pins its label to the left edge. Labels are in lang ("en", "it", "pt").
func Ticks(v View, lang string, m textmetrics.Measurer, size float64) (major, minor []Tick) {
	return AppendTicks(nil, nil, v, lang, m, size)
}

// AppendTicks is Ticks appending to major and minor (pass slices [:0] to reuse their memory).
func AppendTicks(major, minor []Tick, v View, lang string, m textmetrics.Measurer, size float64) ([]Tick, []Tick) {
	ppd := v.PxPerDay()
	if !(ppd > 0) || math.IsInf(ppd, 0) {
		return major, minor
	}
	st, long := ChooseStep(v, lang, m, size)
	minor = appendStepTicks(minor, v, st, lang, long, false)
	ctx := Context(st)
	major = appendStepTicks(major, v, ctx, lang, true, true)
	// The context row shortens its labels when the long ones would collide.
	if ctx.Unit == UnitMonth && len(major) > 1 {
		for i := 0; i+1 < len(major); i++ {
			if m.Width(major[i].Label, size, true)+MinLabelGap > major[i+1].X-math.Max(major[i].X, 0) {
				major = appendStepTicks(major[:0], v, ctx, lang, false, true)
				break
			}
		}
	}
	return major, minor
}

// ChooseStep returns the minor step Ticks uses for a view, and whether its month labels are
// long ("January") rather than short ("Jan").
func ChooseStep(v View, lang string, m textmetrics.Measurer, size float64) (Step, bool) {
	ppd := v.PxPerDay()
	yearW := m.Width(yearLabel(int(math.Floor(v.End/DaysPerYear))+1970, lang), size, false)
	if w := m.Width(yearLabel(int(math.Floor(v.Start/DaysPerYear))+1970, lang), size, false); w > yearW {
		yearW = w
	}
	dayW := m.Width("28", size, false)
	shortW, longW := 0.0, 0.0
	for mo := 1; mo <= 12; mo++ {
		shortW = math.Max(shortW, m.Width(MonthShort(mo, lang), size, false))
		longW = math.Max(longW, m.Width(MonthLong(mo, lang), size, false))
	}
	for _, s := range Steps {
		var w float64
		switch s.Unit {
		case UnitDay:
			w = dayW
		case UnitMonth:
			w = shortW
		default:
			w = yearW
		}
		room := s.approxDays() * ppd
		if room >= w+MinLabelGap && room >= MinTickPx {
			return s, s.Unit == UnitMonth && room >= longW+MinLabelGap
		}
	}
	return Steps[len(Steps)-1], false
}

// appendStepTicks appends the ticks of step s inside the view; with lead, also the last tick
// at or before the view's start (the context label of the period the view starts in).
func appendStepTicks(dst []Tick, v View, s Step, lang string, long, context bool) []Tick {
	// Align the first candidate at or before the start.
	y, mo, d := alignDay(int64(math.Floor(v.Start)), s)
	lead := context
	for i := 0; i < 10000; i++ {
		day := float64(fromCivil(y, mo, d))
		if day > v.End {
			break
		}
		if b, ok := v.Axis.breakAt(day); ok {
			// No tick inside a break. Where the axis resumes on a boundary of the unit (a
			// year's, a month's first day), a tick there says when; then go on from the
			// first tick of the step after it.
			to := int64(math.Ceil(b.To))
			ty, tm, td := civil(to)
			if !context && float64(to) >= v.Start && float64(to) <= v.End && (s.Unit == UnitDay || s.Unit == UnitMonth && td == 1 || tm == 1 && td == 1) {
				dst = append(dst, Tick{Day: float64(to), X: v.X(float64(to)), Label: label(ty, tm, td, s, lang, long, false)})
			}
			y, mo, d = alignDay(to, s)
			for float64(fromCivil(y, mo, d)) <= float64(to) {
				y, mo, d = next(y, mo, d, s)
			}
			continue
		}
		keep := day >= v.Start
		if !keep && lead {
			// Only the last tick before the start is kept: peek at the next one.
			ny, nm, nd := next(y, mo, d, s)
			keep = float64(fromCivil(ny, nm, nd)) > v.Start
		}
		if keep {
			dst = append(dst, Tick{Day: day, X: v.X(day), Label: label(y, mo, d, s, lang, long, context)})
		}
		y, mo, d = next(y, mo, d, s)
	}
	return dst
}

// alignDay is the tick of step s at or before day z.
func alignDay(z int64, s Step) (int, int, int) {
	y, mo, d := civil(z)
	switch s.Unit {
	case UnitDay:
		d = 1 + (d-1)/s.N*s.N
	case UnitMonth:
		mo = 1 + (mo-1)/s.N*s.N
		d = 1
	case UnitYear:
		y = alignYear(y, s.N)
		mo, d = 1, 1
	}
	return y, mo, d
}

// next is the calendar position one step after y-mo-d.
func next(y, mo, d int, s Step) (int, int, int) {
	switch s.Unit {
	case UnitDay:
		d += s.N
		dim := daysIn(y, mo)
		// Skip a tick too close before the next month's 1st (the 31st after the 26th, ...):
		// intervals stay at least N - N/5 days (4 for N=5, 8 for N=10).
		if d > dim || (s.N > 1 && 4*(dim-d+1) < 3*s.N) {
			d = 1
			mo++
			if mo > 12 {
				mo = 1
				y++
			}
		}
	case UnitMonth:
		mo += s.N
		for mo > 12 {
			mo -= 12
			y++
		}
	default:
		if y <= 0 && y+s.N > 0 {
			// Across the era boundary (there is no year 0 in "BC"/"AD" counting) the next
			// round year is N AD: "100 BC" (year -99) is followed by "100", not "1".
			y = s.N
		} else {
			y += s.N
		}
	}
	return y, mo, d
}

// alignYear is the last tick year at or before astronomical year y for a step of n years:
// a multiple of n from 1 AD on, and a round year BC before it, where people count backwards
// ("500 BC" is year -499), so that BC ticks read 500 BC, 400 BC… rather than 501 BC, 401 BC.
func alignYear(y, n int) int {
	if n == 1 {
		return y
	}
	if y > 0 {
		if a := floorDiv(y, n) * n; a > 0 {
			return a
		}
		y = 0 // years 1..n-1 AD: the last round year before them is n BC
	}
	bc := 1 - y             // the year as written BC: year 0 is 1 BC
	return 1 - (bc+n-1)/n*n // the round BC year at or before it
}

// label is a tick's label: a day of the month, a month, or a year; in the context row the
// month carries its year ("January 1917").
func label(y, mo, d int, s Step, lang string, long, context bool) string {
	switch s.Unit {
	case UnitDay:
		return smallInt(d)
	case UnitMonth:
		name := MonthShort(mo, lang)
		if long {
			name = MonthLong(mo, lang)
		}
		if context {
			if lang == "pt" && long {
				return name + " de " + yearLabel(y, lang)
			}
			return name + " " + yearLabel(y, lang)
		}
		return name
	default:
		if context && y >= 1000 && (s.N == 10 || s.N == 100) {
			return periodLabel(y, s.N, lang)
		}
		return yearLabel(y, lang)
	}
}

// periodLabel names the decade or century starting in year y (AD) in lang: "1910s", "anni
// 1910", "anos 1910"; "1800s", "XIX secolo", "século XIX".
func periodLabel(y, n int, lang string) string {
	ys := yearLabel(y, lang)
	if n == 10 {
		switch lang {
		case "it":
			return "anni " + ys
		case "pt":
			return "anos " + ys
		}
		return ys + "s"
	}
	switch lang {
	case "it":
		return roman(y/100+1) + " secolo"
	case "pt":
		return "século " + roman(y/100+1)
	}
	return ys + "s"
}

// roman writes n (1..3999) in Roman numerals.
func roman(n int) string {
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b []byte
	for i, v := range vals {
		for n >= v {
			b = append(b, syms[i]...)
			n -= v
		}
	}
	return string(b)
}

var smallInts = func() (a [32]string) {
	for i := range a {
		a[i] = strconv.Itoa(i)
	}
	return
}()

func smallInt(i int) string {
	if i >= 0 && i < len(smallInts) {
		return smallInts[i]
	}
	return strconv.Itoa(i)
}

var yearCache = func() (a [3000]string) {
	for i := range a {
		a[i] = strconv.Itoa(i)
	}
	return
}()

// yearLabel is a year as people write it in lang: "1917"; before 1 CE "44 BC" or "44 a.C."
// (year -43 in astronomical numbering).
func yearLabel(y int, lang string) string {
	if y > 0 && y < len(yearCache) {
		return yearCache[y]
	}
	return chrono.YearText(y, lang)
}

// MonthShort is the short name of month m (1..12) in lang for axis labels ("Jan", "gen", "jan").
func MonthShort(m int, lang string) string { return chrono.MonthShort(m, lang) }

// MonthLong is the full name of month m (1..12) in lang ("January", "gennaio", "janeiro").
func MonthLong(m int, lang string) string { return chrono.MonthLong(m, lang) }

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func daysIn(y, m int) int { return chrono.DaysIn(y, m) }

func fromCivil(y, m, d int) int64 { return int64(chrono.FromCivil(y, m, d)) }

func civil(z int64) (y, m, d int) { return chrono.Day(z).Civil() }
