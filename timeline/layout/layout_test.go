package layout

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"trotskytimeline/timeline"
	"trotskytimeline/timeline/chrono"
	"trotskytimeline/timeline/format"
	"trotskytimeline/timeline/gen"
	"trotskytimeline/timeline/scale"
	"trotskytimeline/timeline/textmetrics"
)

// randomDataset has n events in lanes lanes between 1879 and 1940, with day, month and year
// precision, points, qualifiers and open ends.
func randomDataset(r *rand.Rand, n, lanes int) *timeline.Dataset {
	ds := &timeline.Dataset{}
	for l := 0; l < lanes; l++ {
		ds.Lanes = append(ds.Lanes, timeline.Lane{ID: fmt.Sprintf("l%d", l), Title: fmt.Sprintf("Lane %d", l)})
	}
	base := int(chrono.FromCivil(1879, 1, 1))
	date := func(day int) chrono.Date {
		y, m, d := chrono.Day(day).Civil()
		dt := chrono.Date{Year: int16(y), Month: int8(m), DayOfMon: int8(d), Precision: chrono.PrecDay}
		switch r.IntN(6) {
		case 0:
			dt.Precision, dt.DayOfMon = chrono.PrecMonth, 0
		case 1:
			dt.Precision, dt.Month, dt.DayOfMon = chrono.PrecYear, 0, 0
		}
		if r.IntN(5) == 0 {
			dt.Qual = chrono.Qualifier(1 + r.IntN(3))
		}
		return dt
	}
	words := []string{"Congress", "exile", "of the Soviet", "Trotsky", "Coyoacán", "a", "very long title indeed that will not fit"}
	for i := 0; i < n; i++ {
		s := base + r.IntN(22644)
		e := timeline.Event{ID: fmt.Sprint(i), LaneIndex: r.IntN(lanes), StartDate: date(s)}
		e.Title = words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]
		switch k := r.IntN(10); {
		case k < 3: // point
		case k == 3:
			e.EndDate = chrono.Date{Open: true}
		default:
			end := e.StartDate.Latest() + chrono.Day(math.Exp(r.Float64()*math.Log(3000)))
			e.EndDate = date(int(end))
		}
		if r.IntN(8) == 0 {
			e.WithMore().Excerpts = []timeline.Excerpt{
				{Date: "1900", DateParsed: chrono.Date{Year: 1900, Precision: chrono.PrecYear}},
				{Date: "1901", DateParsed: chrono.Date{Year: 1901, Precision: chrono.PrecYear}},
			}
		}
		ds.Events = append(ds.Events, e)
	}
	return ds
}

// bruteVisible is the dataset events of a lane meeting [t0, t1), by scanning.
func bruteVisible(ix *Index, lane int, t0, t1 float64) []int32 {
	var out []int32
	l := &ix.Lanes[lane]
	for p := range l.Start {
		if float64(l.Start[p]) < t1 && float64(l.End[p]) > t0 {
			out = append(out, l.Event[p])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func TestVisibleAndCountMatchBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		ix := NewIndex(randomDataset(r, 1+r.IntN(400), 1+r.IntN(4)))
		for q := 0; q < 40; q++ {
			t0 := float64(ix.First) + r.Float64()*float64(ix.Last-ix.First) - 100
			t1 := t0 + math.Exp(r.Float64()*math.Log(30000))
			for lane := range ix.Lanes {
				want := bruteVisible(ix, lane, t0, t1)
				var got []int32
				prev := int32(math.MinInt32)
				for _, p := range ix.Visible(lane, t0, t1, nil) {
					if ix.Lanes[lane].Start[p] < prev {
						t.Fatalf("Visible not in start order")
					}
					prev = ix.Lanes[lane].Start[p]
					got = append(got, ix.Lanes[lane].Event[p])
				}
				sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("trial %d lane %d [%v,%v): Visible = %v, want %v", trial, lane, t0, t1, got, want)
				}
				if c := ix.Count(lane, t0, t1); c != len(want) {
					t.Fatalf("trial %d lane %d: Count = %d, want %d", trial, lane, c, len(want))
				}
			}
		}
	}
}

func TestIndexDates(t *testing.T) {
	parse := func(s string) chrono.Date {
		d, err := chrono.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	day := func(y, m, d int) int32 { return int32(chrono.FromCivil(y, m, d)) }
	tests := []struct {
		name       string
		start, end string
		s, sl      int32 // Start, StartLate
		ee, e      int32 // EndEarly, End (exclusive)
		flags      Flags
	}{
		{"day point", "1879-11-07", "", day(1879, 11, 7), day(1879, 11, 7), day(1879, 11, 7), day(1879, 11, 8), FlagPoint},
		{"month point", "1928-01", "", day(1928, 1, 1), day(1928, 1, 31), day(1928, 1, 1), day(1928, 2, 1), FlagPoint | FlagStartCoarse},
		{"period to a month", "1928-01-17", "1929-01", day(1928, 1, 17), day(1928, 1, 17), day(1929, 1, 1), day(1929, 2, 1), FlagEndCoarse},
		{"uncertain years", "1898?", "1902~", day(1898, 1, 1), day(1898, 12, 31), day(1902, 1, 1), day(1903, 1, 1),
			FlagStartCoarse | FlagEndCoarse | FlagStartUncertain | FlagEndUncertain},
		{"decade", "192X", "", day(1920, 1, 1), day(1929, 12, 31), day(1920, 1, 1), day(1930, 1, 1), FlagPoint | FlagStartCoarse},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := &timeline.Dataset{Lanes: []timeline.Lane{{ID: "a"}}}
			e := timeline.Event{StartDate: parse(tc.start)}
			if tc.end != "" {
				e.EndDate = parse(tc.end)
			}
			ds.Events = []timeline.Event{e}
			l := NewIndex(ds).Lanes[0]
			got := [4]int32{l.Start[0], l.StartLate[0], l.EndEarly[0], l.End[0]}
			if want := [4]int32{tc.s, tc.sl, tc.ee, tc.e}; got != want || l.Flags[0] != tc.flags {
				t.Errorf("got %v flags %b, want %v flags %b", got, l.Flags[0], want, tc.flags)
			}
		})
	}
}

func TestOpenEndRunsToTheLastDay(t *testing.T) {
	ds := &timeline.Dataset{Lanes: []timeline.Lane{{ID: "a"}}}
	ds.Events = []timeline.Event{
		{StartDate: chrono.Date{Year: 1937, Month: 1, DayOfMon: 9, Precision: chrono.PrecDay}, EndDate: chrono.Date{Open: true}},
		{StartDate: chrono.Date{Year: 1940, Month: 8, DayOfMon: 21, Precision: chrono.PrecDay}},
	}
	ix := NewIndex(ds)
	l := ix.Lanes[0]
	if l.End[0] != int32(ix.Last) || l.Flags[0]&FlagOpenEnd == 0 {
		t.Errorf("open end = %d flags %b, want %d with FlagOpenEnd", l.End[0], l.Flags[0], ix.Last)
	}
}

// checkFrame checks the layout properties of one frame.
func checkFrame(t *testing.T, ix *Index, f *Frame, v scale.View, p *Params) {
	t.Helper()
	q := p.withDefaults()
	const eps = 1e-6
	for _, lf := range f.Lanes {
		want := bruteVisible(ix, lf.Lane, v.Start, v.End)
		if lf.Visible != len(want) {
			t.Fatalf("lane %d: Visible = %d, want %d", lf.Lane, lf.Visible, len(want))
		}
		if lf.Density {
			// Every visible event is counted: the groups cover the view and count exactly.
			covered := 0.0
			for _, c := range lf.Clusters {
				if got := len(bruteVisible(ix, lf.Lane, v.Day(c.X0), v.Day(c.X1))); got != c.Count {
					t.Fatalf("lane %d density group %v..%v: count %d, want %d", lf.Lane, c.X0, c.X1, c.Count, got)
				}
				covered += c.X1 - c.X0
			}
			if len(want) > 0 && math.Abs(covered-v.Width) > 1 && len(lf.Clusters) == int(math.Ceil(v.Width/q.ClusterPx)) {
				t.Fatalf("lane %d: density groups cover %v px of %v", lf.Lane, covered, v.Width)
			}
			continue
		}
		// Every visible event is drawn once or counted in a cluster.
		seen := map[int32]bool{}
		for _, it := range lf.Items {
			if seen[it.Event] {
				t.Fatalf("lane %d: event %d drawn twice", lf.Lane, it.Event)
			}
			seen[it.Event] = true
		}
		clustered := 0
		base := int32(0)
		for _, c := range lf.Clusters {
			clustered += c.Count
			if c.Ongoing {
				if !lf.Ongoing || c.Row != 0 || c.X0 != 0 || c.X1 != v.Width {
					t.Fatalf("lane %d: ongoing cluster %+v in a lane with Ongoing %v", lf.Lane, c, lf.Ongoing)
				}
				base = 1
				continue
			}
			if c.Row != int32(lf.Rows-1) {
				t.Fatalf("lane %d: cluster in row %d, want the last row %d", lf.Lane, c.Row, lf.Rows-1)
			}
		}
		if len(lf.Items)+clustered != len(want) {
			t.Fatalf("lane %d: %d drawn + %d clustered != %d visible", lf.Lane, len(lf.Items), clustered, len(want))
		}
		for _, e := range want {
			_ = e // the count check above and no duplicates make the sets equal when all drawn are visible
		}
		for _, it := range lf.Items {
			if i := sort.Search(len(want), func(i int) bool { return want[i] >= it.Event }); i == len(want) || want[i] != it.Event {
				t.Fatalf("lane %d: drawn event %d is not visible", lf.Lane, it.Event)
			}
		}
		// Within a row, no two boxes (with their labels) overlap; labels stay in the view.
		type span struct {
			x0, x1 float64
			ev     int32
		}
		rows := map[int32][]span{}
		for _, it := range lf.Items {
			// An event is in a row of events, or alone in the count row (a count of one
			// is drawn as its event: countRow).
			if it.Row < base || int(it.Row-base) >= q.MaxRows && it.Row != int32(lf.Rows-1) {
				t.Fatalf("lane %d: event %d in row %d", lf.Lane, it.Event, it.Row)
			}
			x0, x1 := it.X0, it.X1
			if it.Label != "" {
				if it.LabelX < -eps || it.LabelX+it.LabelW > v.Width+eps {
					t.Fatalf("lane %d: label %q at %v..%v outside the view", lf.Lane, it.Label, it.LabelX, it.LabelX+it.LabelW)
				}
				if w := q.Measurer.Width(it.Label, q.FontSize, false); math.Abs(w-it.LabelW) > eps {
					t.Fatalf("label %q: LabelW %v, measured %v", it.Label, it.LabelW, w)
				}
				if it.Inside {
					if it.LabelX < math.Max(x0, 0)-eps || it.LabelX+it.LabelW > math.Min(x1, v.Width)+eps {
						t.Fatalf("inside label %q at %v..%v leaves its bar %v..%v", it.Label, it.LabelX, it.LabelX+it.LabelW, x0, x1)
					}
				}
				x0, x1 = math.Min(x0, it.LabelX), math.Max(x1, it.LabelX+it.LabelW)
			}
			rows[it.Row] = append(rows[it.Row], span{x0, x1, it.Event})
			for _, c := range lf.Clusters {
				if !c.Ongoing && c.Row == it.Row && x0 < c.X1-eps && x1 > c.X0+eps {
					t.Fatalf("lane %d row %d: event %d (%v..%v) overlaps the count %v..%v", lf.Lane, it.Row, it.Event, x0, x1, c.X0, c.X1)
				}
			}
		}
		for r, ss := range rows {
			sort.Slice(ss, func(i, j int) bool { return ss[i].x0 < ss[j].x0 })
			for i := 1; i < len(ss); i++ {
				if ss[i].x0 < ss[i-1].x1+q.Gap-eps {
					t.Fatalf("lane %d row %d: event %d (%v..%v) overlaps event %d (%v..%v)",
						lf.Lane, r, ss[i].ev, ss[i].x0, ss[i].x1, ss[i-1].ev, ss[i-1].x0, ss[i-1].x1)
				}
			}
		}
	}
}

func TestFrameProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	m := textmetrics.Default()
	var f Frame
	for trial := 0; trial < 60; trial++ {
		ix := NewIndex(randomDataset(r, 1+r.IntN(600), 1+r.IntN(5)))
		for q := 0; q < 15; q++ {
			span := math.Exp(r.Float64() * math.Log(40000))
			t0 := float64(ix.First) + r.Float64()*float64(ix.Last-ix.First) - span/2
			v := scale.View{Start: t0, End: t0 + span, Width: 200 + r.Float64()*1500}
			p := Params{Measurer: m, MaxRows: 1 + r.IntN(10), MaxDetail: 50 + r.IntN(1000), Lang: "en"}
			if r.IntN(3) == 0 {
				p.Hidden = []bool{true}
			}
			if r.IntN(3) == 0 {
				p.RowBudget = 1 + r.IntN(30)
			}
			f.Layout(ix, v, &p)
			checkFrame(t, ix, &f, v, &p)
			checkBudget(t, &f, &p)
			for _, lf := range f.Lanes {
				if len(p.Hidden) > 0 && lf.Lane == 0 {
					t.Fatal("hidden lane laid out")
				}
			}
		}
	}
}

func TestDensityWhenTooMany(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ix := NewIndex(randomDataset(r, 3000, 1))
	v := scale.Fit(float64(ix.First), float64(ix.Last), 1000)
	var f Frame
	p := Params{}
	f.Layout(ix, v, &p)
	if !f.Lanes[0].Density || len(f.Lanes[0].Bins) == 0 {
		t.Fatalf("3000 events in 1000 px: Density %v with %d bins, want density bins", f.Lanes[0].Density, len(f.Lanes[0].Bins))
	}
	checkFrame(t, ix, &f, v, &p)
}

func TestCounterMatchesCount(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 30; trial++ {
		ix := NewIndex(randomDataset(r, 1+r.IntN(2000), 1))
		l := &ix.Lanes[0]
		c := l.NewCounter()
		t0 := float64(ix.First) - 50
		for step := 0; step < 300; step++ {
			w := math.Exp(r.Float64() * math.Log(500))
			if r.IntN(20) == 0 {
				t0 -= w * 3 // now and then a step back, which must still be right
			}
			if got, want := c.Count(t0, t0+w), l.Count(t0, t0+w); got != want {
				t.Fatalf("trial %d step %d [%v,%v): Counter %d, Count %d", trial, step, t0, t0+w, got, want)
			}
			t0 += w * r.Float64() * 2
		}
	}
}

// TestRowsStayWhilePanning pans in small steps and counts the events that change rows.
func TestRowsStayWhilePanning(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	ix := NewIndex(randomDataset(r, 400, 2))
	v := scale.View{Start: float64(ix.First), End: float64(ix.First) + 3000, Width: 1200}
	var f Frame
	p := Params{}
	rows := map[int32]int32{}
	moved, kept := 0, 0
	for step := 0; step < 200; step++ {
		f.Layout(ix, v, &p)
		checkFrame(t, ix, &f, v, &p)
		for _, lf := range f.Lanes {
			for _, it := range lf.Items {
				if r, ok := rows[it.Event]; ok {
					if r != it.Row {
						moved++
					} else {
						kept++
					}
				}
			}
		}
		clear(rows)
		for _, lf := range f.Lanes {
			for _, it := range lf.Items {
				rows[it.Event] = it.Row
			}
		}
		v = v.Pan(-12)
	}
	t.Logf("rows kept %d times, changed %d times", kept, moved)
	if moved*50 > kept {
		t.Errorf("events changed rows %d times against %d kept: more than 2%%", moved, kept)
	}
}

func TestOngoingWhenZoomedIntoLongEvents(t *testing.T) {
	// 3000 events of ten years and a few short ones, seen through a week: the long ones are
	// counted in one ongoing cluster, the short ones drawn.
	ds := &timeline.Dataset{Lanes: []timeline.Lane{{ID: "a"}}}
	base := chrono.FromCivil(1900, 1, 1)
	day := func(d chrono.Day) chrono.Date {
		y, m, dd := d.Civil()
		return chrono.Date{Year: int16(y), Month: int8(m), DayOfMon: int8(dd), Precision: chrono.PrecDay}
	}
	for i := 0; i < 3000; i++ {
		s := base + chrono.Day(i)
		ds.Events = append(ds.Events, timeline.Event{Title: "long", StartDate: day(s), EndDate: day(s + 3650)})
	}
	mid := base + 3200
	for i := 0; i < 5; i++ {
		ds.Events = append(ds.Events, timeline.Event{Title: "short", StartDate: day(mid + chrono.Day(i))})
	}
	ix := NewIndex(ds)
	v := scale.View{Start: float64(mid) - 0.5, End: float64(mid) + 6.5, Width: 1000}
	var f Frame
	p := Params{}
	f.Layout(ix, v, &p)
	lf := f.Lanes[0]
	checkFrame(t, ix, &f, v, &p)
	if !lf.Ongoing || lf.Density {
		t.Fatalf("Ongoing %v Density %v, want an ongoing lane", lf.Ongoing, lf.Density)
	}
	// 2,451 long events (started 1900-01-01 + 750 .. 3199) run through the window, plus the
	// ones starting in it.
	var ongoing int
	for _, c := range lf.Clusters {
		if c.Ongoing {
			ongoing = c.Count
		}
	}
	shorts := 0
	for _, it := range lf.Items {
		if ds.Events[it.Event].Title == "short" {
			shorts++
		}
	}
	if shorts != 5 || ongoing == 0 || ongoing+len(lf.Items) < lf.Visible-20 {
		t.Errorf("drawn %d (%d short), ongoing %d, visible %d", len(lf.Items), shorts, ongoing, lf.Visible)
	}
}

// checkBudget checks that the lanes laid out one by one take no more than Params.RowBudget
// rows together, unless even one row a lane (of events, or of "+N" counts under the events
// that began before the view) is more.
func checkBudget(t *testing.T, f *Frame, p *Params) {
	t.Helper()
	if p.RowBudget <= 0 {
		return
	}
	rows, lanes := 0, 0
	for _, lf := range f.Lanes {
		if !lf.Density && lf.Visible > 0 {
			rows += lf.Rows
			lanes++
		}
	}
	if rows > p.RowBudget && rows > 2*lanes {
		t.Fatalf("%d lanes take %d rows, more than the budget of %d", lanes, rows, p.RowBudget)
	}
}

func TestRowBudgetUsesTheRoom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	ix := NewIndex(randomDataset(r, 600, 4))
	v := scale.Fit(float64(ix.First), float64(ix.Last), 1200)
	tests := []struct {
		name   string
		budget int
	}{{"tight", 10}, {"some", 20}, {"roomy", 30}, {"more than needed", 400}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var f Frame
			p := Params{RowBudget: tc.budget}
			f.Layout(ix, v, &p)
			checkFrame(t, ix, &f, v, &p)
			checkBudget(t, &f, &p)
			var free Frame
			free.Layout(ix, v, &Params{})
			rows, want := 0, 0
			for i, lf := range f.Lanes {
				rows += lf.Rows
				want += free.Lanes[i].Rows
			}
			// The budget is used: all of it, or all the lanes need.
			if rows < min(tc.budget, want)-len(f.Lanes) {
				t.Fatalf("budget %d: the lanes take %d rows (uncapped they need %d)", tc.budget, rows, want)
			}
		})
	}
}

// TestCompactAfterAJump checks that rows kept from earlier frames do not survive a jump:
// a view reached by a fit packs as a fresh Frame does.
func TestCompactAfterAJump(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	ix := NewIndex(randomDataset(r, 60, 2))
	full := scale.Fit(float64(ix.First), float64(ix.Last), 1200)
	var f Frame
	p := Params{}
	// First narrower, as a window is before its first real size.
	f.Layout(ix, scale.Fit(float64(ix.First), float64(ix.Last), 300), &p)

	f.Layout(ix, full, &p)
	var fresh Frame
	fresh.Layout(ix, full, &p)
	for i := range f.Lanes {
		if f.Lanes[i].Rows != fresh.Lanes[i].Rows {
			t.Fatalf("lane %d: %d rows after a jump, %d packed afresh", i, f.Lanes[i].Rows, fresh.Lanes[i].Rows)
		}
	}
}

// TestIndexMatchesSpan: for a loaded dataset the index draws each event over the days
// timeline.Event.Span gives (the details, the app's zoom to an event and the figure's
// range use Span): three places once computed an event's last day, or an open end's,
// three ways.
func TestIndexMatchesSpan(t *testing.T) {
	var synth bytes.Buffer
	if err := gen.Write(&synth, 2000, 7); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  []byte
	}{
		{"tricky dates", []byte(`{"format": "timeline/1", "title": "T", "lanes": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}], "events": [
{"id": "open", "lane": "a", "title": "O", "start": "1917-03", "end": ".."},
{"id": "finer-end", "lane": "b", "title": "F", "start": "1920", "end": "1920-08"},
{"id": "decade", "lane": "a", "title": "D", "start": "192X"},
{"id": "uncertain", "lane": "b", "title": "U", "start": "1898?", "end": "1902~"},
{"id": "unspec-day", "lane": "a", "title": "X", "start": "1917-10-XX", "end": "1918-XX-XX"}]}`)},
		{"synthetic", synth.Bytes()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := format.Parse(tc.name, tc.doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			ix := NewIndex(ds)
			for li := range ix.Lanes {
				l := &ix.Lanes[li]
				for p, ev := range l.Event {
					e := &ds.Events[ev]
					first, last := e.Span()
					if int64(l.Start[p]) != int64(first) || int64(l.End[p])-1 != int64(last) {
						t.Errorf("%s (%s – %s): index days %d..%d, Span %d..%d", e.ID, e.Start(), e.End(), l.Start[p], l.End[p]-1, first, last)
					}
				}
			}
		})
	}
}

// TestPinnedEventGetsARow: an event that would be counted in a "+N" cluster (its lane's
// rows are full of events that started earlier) gets a row when pinned, and the frame
// stays sound; an event that has a row anyway keeps the same layout.
func TestPinnedEventGetsARow(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	ix := NewIndex(randomDataset(r, 400, 1))
	v := scale.Fit(float64(ix.First), float64(ix.Last), 1000)
	p := Params{MaxRows: 3, MaxPerPx: 10, MaxDetail: 10000}
	var f Frame
	f.Layout(ix, v, &p)
	if f.Lanes[0].Density {
		t.Fatal("the lane is drawn as density; the test needs it laid out one by one")
	}
	placed := map[int32]bool{}
	for _, it := range f.Lanes[0].Items {
		placed[it.Event] = true
	}
	var hidden, shown int32 = -1, -1
	for _, pos := range ix.Lanes[0].Visible(v.Start, v.End, nil) {
		ev := ix.Lanes[0].Event[pos]
		switch {
		case !placed[ev] && hidden < 0:
			hidden = ev
		case placed[ev] && shown < 0:
			shown = ev
		}
	}
	if hidden < 0 || shown < 0 {
		t.Fatal("the test needs an event in a cluster and one in a row")
	}
	before := fmt.Sprint(f.Lanes[0].Items)
	var g Frame
	pin := Params{MaxRows: 3, MaxPerPx: 10, MaxDetail: 10000, Pin: []int32{shown}}
	g.Layout(ix, v, &pin)
	if after := fmt.Sprint(g.Lanes[0].Items); after != before {
		t.Error("pinning an event that had a row changed the layout")
	}
	var h Frame
	pin.Pin = []int32{hidden}
	h.Layout(ix, v, &pin)
	found := false
	for _, it := range h.Lanes[0].Items {
		found = found || it.Event == hidden
	}
	if !found {
		t.Errorf("pinned event %d has no row", hidden)
	}
	checkFrame(t, ix, &h, v, &pin)

	// A row budget that leaves the lane a row of events and one of counts draws the pinned
	// event; one that has room for the counts alone keeps the lane within it (every lane in
	// sight comes first), the pinned event counted with the rest.
	for _, tc := range []struct {
		budget int
		drawn  bool
	}{{2, true}, {1, false}} {
		var b Frame
		tight := Params{MaxRows: 3, MaxPerPx: 10, MaxDetail: 10000, RowBudget: tc.budget, Pin: []int32{hidden}}
		b.Layout(ix, v, &tight)
		found = false
		for _, it := range b.Lanes[0].Items {
			found = found || it.Event == hidden
		}
		if found != tc.drawn {
			t.Errorf("with a row budget of %d the pinned event %d drawn: %v, want %v", tc.budget, hidden, found, tc.drawn)
		}
		if b.Lanes[0].Rows > tc.budget {
			t.Errorf("with a row budget of %d the lane takes %d rows", tc.budget, b.Lanes[0].Rows)
		}
	}
}
