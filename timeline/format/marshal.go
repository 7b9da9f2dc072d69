package format

import (
	"encoding/json"
	"io"

	"trotskytimeline/timeline"
)

// WriteNormalized writes the dataset d to w in the normalised form of the format: format
// "timeline/1", fields in the order of the model's declarations (map keys sorted),
// two-space indentation, lanes, sources and events always present (possibly empty), and
// each source's text inline with no "file", so that the document stands alone.
// Parse reads it back to an equal dataset (but for Path and the sources' File).
func WriteNormalized(w io.Writer, d *timeline.Dataset) error {
	out := *d
	out.Format = timeline.FormatV1
	if out.Lanes == nil {
		out.Lanes = []timeline.Lane{}
	}
	if out.Events == nil {
		out.Events = []timeline.Event{}
	}
	out.Sources = make([]timeline.Source, len(d.Sources))
	for i, s := range d.Sources {
		s.File = ""
		out.Sources[i] = s
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(&out)
}
