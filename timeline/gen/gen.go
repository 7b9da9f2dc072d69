// Package gen generates the synthetic benchmark workload of docs/BENCH.md: N items in six
// lanes drawn from a mulberry32 generator, the same data vis-timeline is measured on, exposed
// as raw items (Items) and written as a dataset in the timeline/1 format (Write).
//
// Mapping of a BENCH range onto our format: BENCH gives a range the half-open instant interval
// [start, start+durDays days), that is durDays whole days. Our `end` is an inclusive day (a
// day-precision date covers the whole day), so a range is written with end = start + durDays − 1,
// its last day; the range then ends durDays days after it starts, exactly where vis-timeline's
// bar ends. A one-day range (durDays = 1) has end equal to start. Points have no `end`.
package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
)

// DefaultSeed is the seed of docs/BENCH.md.
const DefaultSeed uint32 = 20240601

// Lanes is the number of lanes of the workload; lane i has id strconv.Itoa(i) and title "Lane i+1".
const Lanes = 6

// EpochDay is 1879-01-01, BENCH's day 0, as days since 1970-01-01 (proleptic Gregorian).
const EpochDay = -33237

const (
	spanDays = 22644 // BENCH's range of start days
	msPerDay = 86400000
)

// Item is one item of the workload, as docs/BENCH.md defines it.
type Item struct {
	ID       int
	Lane     int  // 0..5
	Range    bool // a range; otherwise a point
	StartDay int  // days after 1879-01-01
	DurDays  int  // ranges: 1..1826; points: 0
	Letters  [8]byte
}

// Label returns the item's label, "Item %06d %s".
func (it Item) Label() string {
	return string(it.appendLabel(make([]byte, 0, 24)))
}

func (it Item) appendLabel(b []byte) []byte {
	b = append(b, "Item "...)
	b = appendPadded(b, it.ID, 6)
	b = append(b, ' ')
	return append(b, it.Letters[:]...)
}

// StartMs returns the item's start in Unix milliseconds (midnight UTC of its start day).
func (it Item) StartMs() int64 { return int64(EpochDay+it.StartDay) * msPerDay }

// EndMs returns a range's end in Unix milliseconds (exclusive: midnight UTC durDays days after
// the start); for a point it returns StartMs.
func (it Item) EndMs() int64 { return int64(EpochDay+it.StartDay+it.DurDays) * msPerDay }

// StartEDTF returns the item's `start` in the dataset: a day-precision EDTF date.
func (it Item) StartEDTF() string { return string(appendDate(nil, EpochDay+it.StartDay)) }

// EndEDTF returns a range's `end` in the dataset, its last (inclusive) day, or "" for a point.
func (it Item) EndEDTF() string {
	if !it.Range {
		return ""
	}
	return string(appendDate(nil, EpochDay+it.StartDay+it.DurDays-1))
}

// mulberry32 is docs/BENCH.md's generator.
type mulberry32 uint32

func (a *mulberry32) next() float64 {
	*a += 0x6D2B79F5
	t := uint32(*a)
	t = (t ^ t>>15) * (t | 1)
	t ^= t + (t^t>>7)*(t|61)
	return float64(t^t>>14) / 4294967296
}

var ln1826 = math.Log(1826)

// Items calls fn with the n items of the workload for seed, in id order.
func Items(n int, seed uint32, fn func(Item)) {
	r := mulberry32(seed)
	for id := 0; id < n; id++ {
		it := Item{ID: id}
		it.Lane = int(math.Floor(r.next() * Lanes))
		it.Range = r.next() < 0.7
		if it.Range {
			// JavaScript's Math.round: halves round up (all values here are positive).
			it.DurDays = max(1, int(math.Floor(math.Exp(r.next()*ln1826)+0.5)))
		}
		it.StartDay = int(math.Floor(r.next() * float64(spanDays-it.DurDays+1)))
		for i := range it.Letters {
			it.Letters[i] = 'a' + byte(math.Floor(r.next()*26))
		}
		fn(it)
	}
}

// AppendChecksumLine appends BENCH's checksum line of it: `id,lane,type,startMs,endMs,label\n`.
func AppendChecksumLine(b []byte, it Item) []byte {
	b = strconv.AppendInt(b, int64(it.ID), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(it.Lane), 10)
	if it.Range {
		b = append(b, ",range,"...)
	} else {
		b = append(b, ",point,"...)
	}
	b = strconv.AppendInt(b, it.StartMs(), 10)
	b = append(b, ',')
	if it.Range {
		b = strconv.AppendInt(b, it.EndMs(), 10)
	}
	b = append(b, ',')
	b = it.appendLabel(b)
	return append(b, '\n')
}

// Checksum returns BENCH's FNV-1a 32-bit checksum of the first n items for seed, as 8 lowercase
// hex digits.
func Checksum(n int, seed uint32) string {
	h := uint32(2166136261)
	var line []byte
	Items(n, seed, func(it Item) {
		line = AppendChecksumLine(line[:0], it)
		for _, c := range line {
			h ^= uint32(c)
			h *= 16777619
		}
	})
	return fmt.Sprintf("%08x", h)
}

// Title returns the dataset title Write gives the workload.
func Title(n int, seed uint32) string {
	return fmt.Sprintf("Synthetic benchmark workload: %d events, seed %d", n, seed)
}

// Write writes the n-item workload for seed to w as a timeline/1 dataset: six lanes "0".."5",
// one inline source describing the workload, one event per line with id, lane, title, start
// and (ranges) end, and no excerpts. It streams: memory does not grow with n.
func Write(w io.Writer, n int, seed uint32) error {
	if n < 0 {
		return fmt.Errorf("gen: negative number of events %d", n)
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	head := func(v any) []byte { b, _ := json.Marshal(v); return b }
	bw.WriteString("{\n\"format\": \"timeline/1\",\n\"title\": ")
	bw.Write(head(Title(n, seed)))
	bw.WriteString(",\n\"lanes\": [\n")
	for i := 0; i < Lanes; i++ {
		fmt.Fprintf(bw, "{\"id\": \"%d\", \"title\": \"Lane %d\"}", i, i+1)
		if i < Lanes-1 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("],\n\"sources\": [\n{\"id\": \"bench\", \"title\": \"Benchmark workload\", \"lang\": \"en\", \"text\": ")
	bw.Write(head(fmt.Sprintf("Synthetic benchmark workload (docs/BENCH.md), seed %d, %d events. "+
		"Generated data: the events are not historical.", seed, n)))
	bw.WriteString("}\n],\n\"events\": [")
	var b []byte
	var err error
	Items(n, seed, func(it Item) {
		if err != nil {
			return
		}
		b = b[:0]
		if it.ID > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{\"id\": \""...)
		b = strconv.AppendInt(b, int64(it.ID), 10)
		b = append(b, "\", \"lane\": \""...)
		b = strconv.AppendInt(b, int64(it.Lane), 10)
		b = append(b, "\", \"title\": \""...)
		b = it.appendLabel(b)
		b = append(b, "\", \"start\": \""...)
		b = appendDate(b, EpochDay+it.StartDay)
		if it.Range {
			b = append(b, "\", \"end\": \""...)
			b = appendDate(b, EpochDay+it.StartDay+it.DurDays-1)
		}
		b = append(b, "\"}"...)
		_, err = bw.Write(b)
	})
	if err != nil {
		return fmt.Errorf("gen: writing events: %w", err)
	}
	bw.WriteString("\n]\n}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: writing events: %w", err)
	}
	return nil
}

// appendDate appends day (days since 1970-01-01) as YYYY-MM-DD on the proleptic Gregorian
// calendar, for years 0..9999 (Howard Hinnant's civil_from_days).
func appendDate(b []byte, day int) []byte {
	z := day + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, m, 2)
	b = append(b, '-')
	return appendPadded(b, d, 2)
}

// appendPadded appends a non-negative v zero-padded to width digits.
func appendPadded(b []byte, v, width int) []byte {
	var buf [20]byte
	s := strconv.AppendInt(buf[:0], int64(v), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
