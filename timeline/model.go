// Package timeline is the model: a Dataset of lanes, sources and events, each event attested
// by excerpts quoted verbatim from its sources; loading, validation and normalised export of
// the dataset format of shared/DATASET.md.
package timeline

import "trotskytimeline/timeline/chrono"

// FormatV1 is the format tag this program reads and writes.
const FormatV1 = "timeline/1"

// Dataset is a whole timeline.
type Dataset struct {
	Format  string   `json:"format"`
	Title   string   `json:"title"`
	Lanes   []Lane   `json:"lanes"`
	Sources []Source `json:"sources"`
	Events  []Event  `json:"events"`
	// Tour is an optional guided tour: event ids in the order a story mode visits them.
	Tour []string `json:"tour,omitempty"`

	// Path is the file the dataset came from ("" for one built in memory).
	Path string `json:"-"`
}

// Lane is one horizontal band of the timeline.
type Lane struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Color string `json:"color,omitempty"` // "#rrggbb"
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

// Event is one thing that happened: a point (no End) or a period.
type Event struct {
	ID          string            `json:"id"`
	Lane        string            `json:"lane"`
	Title       string            `json:"title"`
	Titles      map[string]string `json:"titles,omitempty"`
	Start       string            `json:"start"`
	End         string            `json:"end,omitempty"`
	Place       string            `json:"place,omitempty"`
	Tags        []string          `json:"tags,omitempty"`
	Description string            `json:"description,omitempty"`
	Excerpts    []Excerpt         `json:"excerpts,omitempty"`
	Media       []Media           `json:"media,omitempty"`

	// Parsed by Load; not in the file.
	StartDate chrono.Date `json:"-"`
	EndDate   chrono.Date `json:"-"` // zero when End is ""
	LaneIndex int         `json:"-"` // index into Dataset.Lanes

	// openEnd is the day an open end ("..") stands for in Span: the dataset's last
	// definite day, set by Load when hasOpenEnd.
	openEnd    chrono.Day
	hasOpenEnd bool
}

// Excerpt is a verbatim passage of a source that attests an event.
type Excerpt struct {
	Source string `json:"source"`
	Quote  string `json:"quote"`
	Date   string `json:"date,omitempty"` // the date this source gives for the event's start

	DateParsed chrono.Date `json:"-"` // zero when Date is ""
	Offset     int         `json:"-"` // byte offset of Quote in the source's text, set by Load
}

// Media is an image or a link shown in an event's details.
type Media struct {
	File    string `json:"file,omitempty"`
	URL     string `json:"url,omitempty"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// The loading API (load.go):
//
// func Load(path string) (*Dataset, error)               read, parse and validate a file
// func Parse(name string, data []byte, fsys fs.FS) (*Dataset, error)  fsys resolves source files
// error type *ErrorList: every problem, each "FILE:LINE:COL: field: message"
// func (d *Dataset) MarshalNormalized(w io.Writer) error  the normalised JSON with texts inline
// func (e *Event) Span() (chrono.Day, chrono.Day)          earliest start day .. latest end day (inclusive)
// func (e *Event) IsPoint() bool
// func (e *Event) Contested() bool                         excerpts give different dates
// func (e *Event) TitleIn(lang string) string
// func (d *Dataset) Lane(id string) (int, bool)
// func (d *Dataset) Source(id string) (*Source, bool)
