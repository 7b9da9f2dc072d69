package geo

import (
	"sort"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
)

// Stay is a time the subject spent at one or more places: an event of a whereabouts lane
// (timeline.Lane.Whereabouts) that names places, or a journey between places (an event
// whose Whereabouts is timeline.WhereaboutsJourney). An event whose places are not where he
// was (timeline.WhereaboutsNone: the country that granted him asylum) is none.
type Stay struct {
	Event    int     // index in Dataset.Events
	Places   []int32 // indexes in Dataset.Places, in the order the event names them
	From, To chrono.Day
	// Uncertain is set when the stay's start or end is qualified (approximate, uncertain,
	// unspecified digits: "1889~", "1936?"), or when
	// one of its places is only an approximate point (a region).
	Uncertain bool
	// Journey: he set out from the first place at From and reached the last by To,
	// through the others in order; he did not stay at them.
	Journey bool
}

// Stays returns the stays of ds in time order (by start, then by end). Events whose
// PlaceIndex Load has not resolved are skipped.
func Stays(ds *timeline.Dataset) []Stay {
	var out []Stay
	for i := range ds.Events {
		e := &ds.Events[i]
		if e.LaneIndex < 0 || e.LaneIndex >= len(ds.Lanes) || !ds.Lanes[e.LaneIndex].Whereabouts || len(e.PlaceIndex()) == 0 ||
			e.Whereabouts() == timeline.WhereaboutsNone {
			continue
		}
		from, to := e.Span()
		unc := e.StartDate.IsQualified() || (!e.IsPoint() && e.EndDate.IsQualified())
		for _, p := range e.PlaceIndex() {
			if int(p) < len(ds.Places) && ds.Places[p].Approx {
				unc = true
			}
		}
		out = append(out, Stay{Event: i, Places: e.PlaceIndex(), From: from, To: to, Uncertain: unc, Journey: e.Whereabouts() == timeline.WhereaboutsJourney})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].From != out[b].From {
			return out[a].From < out[b].From
		}
		return out[a].To < out[b].To
	})
	return out
}

// At returns the index in stays of where the subject was on day: the shortest stay that
// covers it (a trip within a longer residence wins over the residence), the earlier on a
// tie; false when no stay covers the day. A journey is no place to be: on its days he was
// between its places.
func At(stays []Stay, day chrono.Day) (int, bool) {
	best, bestLen := -1, chrono.Day(0)
	for i := range stays {
		s := &stays[i]
		if s.From > day {
			break
		}
		if s.To < day || s.Journey {
			continue
		}
		if l := s.To - s.From; best < 0 || l < bestLen {
			best, bestLen = i, l
		}
	}
	return best, best >= 0
}

// In returns the indexes in stays of the stays that meet from..to (inclusive), in time order.
func In(stays []Stay, from, to chrono.Day) []int {
	var out []int
	for i := range stays {
		if stays[i].From > to {
			break
		}
		if stays[i].To >= from {
			out = append(out, i)
		}
	}
	return out
}

// Stop is one place on the path of the subject's moves: a place reached, with the day
// he got there.
type Stop struct {
	Place     int32
	Day       chrono.Day // the start of the stay that reached it; a journey's last place, its end
	Stay      int        // index in the stays
	Uncertain bool
	// Later is set for a place after the first of its stay ("Petrograd; Moscow"): the
	// dataset says only that he was there within the stay, not from its start.
	Later bool
	// Journey is set for a place a journey set out from, went through or reached: he
	// passed there, he did not stay.
	Journey bool
	// Return is set for a stop back at a stay's place after a trip made from it: the
	// stay's own stop dates it, this one draws the way back.
	Return bool
}

// Path returns the stops of the stays that meet from..to, in time order: each stay's
// places in order, leaving out a place the path is already at. A stay within a longer one
// that outlasts it (a trip: the Balkans from Vienna, the Caucasus from Moscow) is followed
// by a stop back at the longer stay's last place when the trip ends (Return). A journey's
// places are stops of the journey: the last reached at its end; the first, where it set
// out from, only when the path has no stop before it (else the stop before is where he set
// out from, as the stays say: "near Oslo" before "Norway to Tampico").
func Path(stays []Stay, from, to chrono.Day) []Stop {
	var out []Stop
	var open []int // the stays begun and not known to be over, in the order begun
	add := func(st Stop) {
		if len(out) > 0 && out[len(out)-1].Place == st.Place {
			return
		}
		out = append(out, st)
	}
	// end closes the stays that are over by day: after a trip, back to the stay it was
	// made from, while that one lasts.
	end := func(day chrono.Day) {
		for len(open) > 0 {
			top := &stays[open[len(open)-1]]
			if top.To >= day {
				return
			}
			open = open[:len(open)-1]
			if len(open) == 0 || top.To >= to {
				continue
			}
			k := open[len(open)-1]
			if under := &stays[k]; under.To > top.To && !under.Journey {
				add(Stop{Place: under.Places[len(under.Places)-1], Day: top.To, Stay: k,
					Uncertain: under.Uncertain, Return: true})
			}
		}
	}
	for _, i := range In(stays, from, to) {
		s := &stays[i]
		end(s.From)
		for k, p := range s.Places {
			st := Stop{Place: p, Day: s.From, Stay: i, Uncertain: s.Uncertain, Later: k > 0}
			if s.Journey {
				if k == 0 && len(out) > 0 {
					continue
				}
				st.Journey, st.Later = true, false
				if k == len(s.Places)-1 && k > 0 {
					st.Day = s.To
				}
			}
			add(st)
		}
		open = append(open, i)
	}
	end(chrono.MaxDay)
	return out
}
