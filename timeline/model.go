// Package timeline is the model: a Dataset of lanes, sources and events, each event attested
// by excerpts quoted verbatim from its sources. Reading and writing files is package
// timeline/format (and its timelinejs and importer packages); nothing here reads a file.
package timeline

import (
	"bytes"
	"encoding/json"
	"strings"

	"trotskytimeline/timeline/chrono"
)

// FormatV1 is the format tag this program reads and writes.
const FormatV1 = "timeline/1"

// Dataset is a whole timeline.
type Dataset struct {
	Format  string   `json:"format"`
	Title   string   `json:"title"`
	Lanes   []Lane   `json:"lanes"`
	Sources []Source `json:"sources"`
	Events  []Event  `json:"events"`
	// Tour is an optional guided tour: its stops in the order a story mode visits them.
	Tour []TourStop `json:"tour,omitempty"`
	// Places is an optional table of places with coordinates, which events name by id
	// (Event.Places); Gazetteers names where their coordinates come from.
	Places     []Place     `json:"places,omitempty"`
	Gazetteers []Gazetteer `json:"gazetteers,omitempty"`

	// Path is the file the dataset came from ("" for one built in memory).
	Path string `json:"-"`

	// spans is the span table BuildSpans made (see Spans).
	spans *Spans
}

// TourStop is one stop of the guided tour: an event, and optionally the story's own text
// for the stop (its introduction), by language tag as Titles. In a file a stop is the
// event's id, or {"event": id, "text": {"en": ..., "it": ...}}.
type TourStop struct {
	Event string            `json:"event"`
	Text  map[string]string `json:"text,omitempty"`
}

// MarshalJSON writes a stop without text as its event id, the short form files use.
func (s TourStop) MarshalJSON() ([]byte, error) {
	if len(s.Text) == 0 {
		return json.Marshal(s.Event)
	}
	type stop TourStop // without this method
	return json.Marshal(stop(s))
}

// UnmarshalJSON reads either form of a stop (an event id, or an object), so that a dataset
// read with encoding/json (the tests that read trotsky.json so) gets the stops the format's
// loader reads.
func (s *TourStop) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		*s = TourStop{}
		return json.Unmarshal(b, &s.Event)
	}
	type stop TourStop // without this method
	var v stop
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = TourStop(v)
	return nil
}

// TextIn is the stop's text in lang, by the fallback of TitleIn (the language, its primary
// language, then English); "" when the stop has none.
func (s *TourStop) TextIn(lang string) string {
	return inLang(s.Text, lang, s.Text["en"])
}

// Lane is one horizontal band of the timeline.
type Lane struct {
	ID     string            `json:"id"`
	Title  string            `json:"title"`
	Titles map[string]string `json:"titles,omitempty"` // Title in other languages, by language tag
	Color  string            `json:"color,omitempty"`  // "#rrggbb"
	// Whereabouts marks a lane whose events say where the subject was (residence, exile):
	// their places, in time order, are the path the map draws.
	Whereabouts bool `json:"whereabouts,omitempty"`
}

// Place is a point on the map that events refer to by id. Its coordinates are geography,
// not a historical claim, but still say their origin: Gazetteer is the id of an entry of
// Dataset.Gazetteers, and Ref the name of the place in it.
type Place struct {
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Names map[string]string `json:"names,omitempty"` // translations of Name by language
	Lat   float64           `json:"lat"`             // degrees north, -90..90
	Lon   float64           `json:"lon"`             // degrees east, -180..180
	// Approx marks a point that only stands for a place: a region ("Siberia") or a
	// village no gazetteer of the dataset lists. The map draws it as uncertain.
	Approx    bool   `json:"approx,omitempty"`
	Gazetteer string `json:"gazetteer"`
	Ref       string `json:"ref,omitempty"`
}

// NameIn returns the place's name in language lang, else its Name.
func (p *Place) NameIn(lang string) string {
	if n := p.Names[lang]; n != "" {
		return n
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if n := p.Names[base]; n != "" {
			return n
		}
	}
	return p.Name
}

// Gazetteer is a gazetteer or atlas that places' coordinates come from.
type Gazetteer struct {
	ID      string            `json:"id"`
	Title   string            `json:"title"`
	Titles  map[string]string `json:"titles,omitempty"` // Title in other languages, by language tag
	URL     string            `json:"url,omitempty"`
	License string            `json:"license,omitempty"`
}

// Source is one document that events quote.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Author    string `json:"author,omitempty"`
	Date      string `json:"date,omitempty"`
	File      string `json:"file,omitempty"` // relative to the dataset file
	Text      string `json:"text,omitempty"` // inline text, or the loaded contents of File
}

// The values of Event.Whereabouts.
const (
	WhereaboutsStay    = "stay"
	WhereaboutsJourney = "journey"
	WhereaboutsNone    = "none"
)

// Event is one thing that happened: a point (no End) or a period.
//
// The fields every event has are fields of Event; the ones most events leave empty (in a
// large file, all of them) are in More, nil when the event has none of them, so that a
// million events do not carry a million sets of empty string, map and slice headers (216
// bytes an event). Read those through Event's methods of the same names (Titles, Excerpts,
// ...), which are nil-safe; set them through WithMore. In a file, and in the JSON that
// MarshalJSON and UnmarshalJSON read and write, they are members of the event as before
// (eventJSON lists them in the file's order). A copy of an Event shares its More: copy
// the EventMore too before changing one of them.
//
// The start and end are kept parsed (StartDate, EndDate); their text (Start, End) is the
// dates' canonical form (chrono.Date.String), unless the file wrote them otherwise, when
// More keeps the text as written (SetStart, SetEnd): 32 bytes of string headers and about
// 17 of text an event less.
type Event struct {
	ID    string `json:"id"`
	Lane  string `json:"lane"`
	Title string `json:"title"`

	// More is the event's other fields, nil when all of them are empty.
	More *EventMore `json:"-"`

	StartDate chrono.Date `json:"-"`
	EndDate   chrono.Date `json:"-"` // zero when the event has no end
	LaneIndex int         `json:"-"` // index into Dataset.Lanes, set by Load
}

// EventMore is the fields of an Event that most events leave empty (Event.More).
type EventMore struct {
	Titles map[string]string `json:"titles,omitempty"`
	Place  string            `json:"place,omitempty"`
	// PlaceNames is Place in other languages, by language tag, as Titles is for Title.
	PlaceNames map[string]string `json:"placeNames,omitempty"`
	// Places are ids of Dataset.Places where the event happened, in the order it went
	// there; Place stays its free-text description.
	Places []string `json:"places,omitempty"`
	// Whereabouts says, for an event of a whereabouts lane (Lane.Whereabouts), what its
	// places say of where the subject was: "" or WhereaboutsStay, he was there (in order)
	// from its start to its end; WhereaboutsJourney, a journey: he set out from the first
	// at its start and reached the last by its end, through the others in order;
	// WhereaboutsNone, they are not where he was (the country that granted him asylum
	// while he lived elsewhere). The map's path is made of the stays and journeys.
	Whereabouts string `json:"whereabouts,omitempty"`
	// Calendar is the civil calendar where the event happened: "" (unsaid) or "gregorian",
	// or "julian" (Old Style), as in the Russian Empire and Soviet Russia before 14
	// February 1918. Only a "julian" event shows the Old Style date of its days (OldStyle).
	// "julian?" (CalendarUnstated): Julian where it happened, but the source does not say
	// which calendar its days are in, so each day covers both readings (DateBounds).
	Calendar    string   `json:"calendar,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Description string   `json:"description,omitempty"`
	// DisplayDate is the date as the source file writes it for people ("Spring 1917",
	// TimelineJS's display_date), shown as written beside the date computed from Start/End.
	DisplayDate string `json:"displayDate,omitempty"`
	// Descriptions is Description in other languages, as Titles is for Title.
	Descriptions map[string]string `json:"descriptions,omitempty"`
	Excerpts     []Excerpt         `json:"excerpts,omitempty"`
	Media        []Media           `json:"media,omitempty"`

	// PlaceIndex are indexes into Dataset.Places of Places, set by Load; not in the file.
	PlaceIndex []int32 `json:"-"`
	// RawStart and RawEnd are the start and end as written, when that is not their
	// parsed date's canonical form (or for an event built in memory without parsed
	// dates); "" otherwise (Event.Start, Event.End).
	RawStart string `json:"-"`
	RawEnd   string `json:"-"`

	// openEnd is the day an open end ("..") stands for in Span: the dataset's last
	// definite day, set by BuildSpans when hasOpenEnd (a day fits in 32 bits). Here, not
	// in Event: few events have an open end.
	openEnd    int32
	hasOpenEnd bool
}

// Start is the event's start as the file writes it: EDTF, "1917-10-25".
func (e *Event) Start() string {
	if e.More != nil && e.More.RawStart != "" {
		return e.More.RawStart
	}
	return e.StartDate.String()
}

// End is the event's end as the file writes it, "" for a point.
func (e *Event) End() string {
	if e.More != nil && e.More.RawEnd != "" {
		return e.More.RawEnd
	}
	return e.EndDate.String()
}

// SetStart sets the start: its text s and its parsed date d (zero when s is not a date).
// The text is kept only when it is not d's canonical form.
func (e *Event) SetStart(s string, d chrono.Date) {
	e.StartDate = d
	if !d.IsString(s) {
		e.WithMore().RawStart = s
	} else if e.More != nil {
		e.More.RawStart = ""
	}
}

// SetEnd sets the end as SetStart the start; "" and a zero d for a point.
func (e *Event) SetEnd(s string, d chrono.Date) {
	e.EndDate = d
	if !d.IsString(s) {
		e.WithMore().RawEnd = s
	} else if e.More != nil {
		e.More.RawEnd = ""
	}
}

// WithMore returns e.More, made first when nil: for setting one of its fields.
func (e *Event) WithMore() *EventMore {
	if e.More == nil {
		e.More = new(EventMore)
	}
	return e.More
}

// The fields of EventMore, "" or nil when the event has no More.

func (e *Event) Titles() map[string]string {
	if e.More == nil {
		return nil
	}
	return e.More.Titles
}

func (e *Event) Place() string {
	if e.More == nil {
		return ""
	}
	return e.More.Place
}

func (e *Event) PlaceNames() map[string]string {
	if e.More == nil {
		return nil
	}
	return e.More.PlaceNames
}

func (e *Event) Places() []string {
	if e.More == nil {
		return nil
	}
	return e.More.Places
}

func (e *Event) Whereabouts() string {
	if e.More == nil {
		return ""
	}
	return e.More.Whereabouts
}

func (e *Event) Calendar() string {
	if e.More == nil {
		return ""
	}
	return e.More.Calendar
}

func (e *Event) Tags() []string {
	if e.More == nil {
		return nil
	}
	return e.More.Tags
}

func (e *Event) Description() string {
	if e.More == nil {
		return ""
	}
	return e.More.Description
}

func (e *Event) DisplayDate() string {
	if e.More == nil {
		return ""
	}
	return e.More.DisplayDate
}

func (e *Event) Descriptions() map[string]string {
	if e.More == nil {
		return nil
	}
	return e.More.Descriptions
}

func (e *Event) Excerpts() []Excerpt {
	if e.More == nil {
		return nil
	}
	return e.More.Excerpts
}

func (e *Event) Media() []Media {
	if e.More == nil {
		return nil
	}
	return e.More.Media
}

func (e *Event) PlaceIndex() []int32 {
	if e.More == nil {
		return nil
	}
	return e.More.PlaceIndex
}

// eventJSON is an event as the file has it: its members in the order of the format
// (README's "The data"), which the normalised export keeps.
type eventJSON struct {
	ID           string            `json:"id"`
	Lane         string            `json:"lane"`
	Title        string            `json:"title"`
	Titles       map[string]string `json:"titles,omitempty"`
	Start        string            `json:"start"`
	End          string            `json:"end,omitempty"`
	Place        string            `json:"place,omitempty"`
	PlaceNames   map[string]string `json:"placeNames,omitempty"`
	Places       []string          `json:"places,omitempty"`
	Whereabouts  string            `json:"whereabouts,omitempty"`
	Calendar     string            `json:"calendar,omitempty"`
	Tags         []string          `json:"tags,omitempty"`
	Description  string            `json:"description,omitempty"`
	DisplayDate  string            `json:"displayDate,omitempty"`
	Descriptions map[string]string `json:"descriptions,omitempty"`
	Excerpts     []Excerpt         `json:"excerpts,omitempty"`
	Media        []Media           `json:"media,omitempty"`
}

// MarshalJSON writes the event with its More's members in the file's order. It does not
// escape <, > and &: the encoder that called it does when asked to (SetEscapeHTML).
func (e Event) MarshalJSON() ([]byte, error) {
	j := eventJSON{ID: e.ID, Lane: e.Lane, Title: e.Title, Start: e.Start(), End: e.End()}
	if m := e.More; m != nil {
		j.Titles, j.Place, j.PlaceNames, j.Places = m.Titles, m.Place, m.PlaceNames, m.Places
		j.Whereabouts, j.Calendar, j.Tags, j.Description = m.Whereabouts, m.Calendar, m.Tags, m.Description
		j.DisplayDate, j.Descriptions, j.Excerpts, j.Media = m.DisplayDate, m.Descriptions, m.Excerpts, m.Media
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&j); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads an event as MarshalJSON writes it (for tests that read a file with
// encoding/json; the program's loader is timeline/format), with More nil when all of its
// members are empty. As with encoding/json before, the dates are kept as text, not parsed
// (RawStart, RawEnd).
func (e *Event) UnmarshalJSON(b []byte) error {
	var j eventJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*e = Event{ID: j.ID, Lane: j.Lane, Title: j.Title}
	m := EventMore{Titles: j.Titles, Place: j.Place, PlaceNames: j.PlaceNames, Places: j.Places,
		Whereabouts: j.Whereabouts, Calendar: j.Calendar, Tags: j.Tags, Description: j.Description,
		DisplayDate: j.DisplayDate, Descriptions: j.Descriptions, Excerpts: j.Excerpts, Media: j.Media,
		RawStart: j.Start, RawEnd: j.End}
	if !m.empty() {
		e.More = &m
	}
	return nil
}

// empty reports whether every field of m is empty.
func (m *EventMore) empty() bool {
	return len(m.Titles) == 0 && m.Place == "" && len(m.PlaceNames) == 0 && len(m.Places) == 0 &&
		m.Whereabouts == "" && m.Calendar == "" && len(m.Tags) == 0 && m.Description == "" &&
		m.DisplayDate == "" && len(m.Descriptions) == 0 && len(m.Excerpts) == 0 && len(m.Media) == 0 &&
		len(m.PlaceIndex) == 0 && m.RawStart == "" && m.RawEnd == ""
}

// Excerpt is a verbatim passage of a source that attests an event.
type Excerpt struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
	Date   string `json:"date,omitempty"` // the date this source gives for the event's start
	End    string `json:"end,omitempty"`  // the date this source gives for the event's end

	DateParsed chrono.Date `json:"-"` // zero when Date is ""
	EndParsed  chrono.Date `json:"-"` // zero when End is ""
	Offset     int         `json:"-"` // byte offset of Quote in the source's text, set by Load
}

// Media is an image or a link shown in an event's details.
type Media struct {
	File    string `json:"file,omitempty"`
	URL     string `json:"url,omitempty"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// The model's API:
//
// func (e *Event) Span() (chrono.Day, chrono.Day)          earliest start day .. latest end day (inclusive)
// func (e *Event) IsPoint() bool
// func (e *Event) Contested() bool                         excerpts give different start or end dates
// func (e *Event) OldStyle(d chrono.Date) bool             show d's Old Style date (calendar.go)
// func (e *Event) DateBounds(d chrono.Date) (lo, hi chrono.Day) a date's days, both readings where the calendar is not stated
// func (e *Event) DatesText(lang string) string             the dates as the details, tour and figures write them
// func (e *Event) TitleIn(lang string) string
// func (d *Dataset) Lane(id string) (int, bool)
// func (d *Dataset) Source(id string) (*Source, bool)
// func (d *Dataset) Bounds() (first, last chrono.Day, ok bool)
// func (d *Dataset) BuildSpans()                           the loaders call it on every accepted dataset
// func (d *Dataset) Spans() *Spans                         the span table: every event's days, by lane (spans.go)
//
// Loading is format.Load, format.LoadFS and format.Parse; writing, format.WriteNormalized.
