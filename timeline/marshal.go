package timeline

import (
	"encoding/json"
	"io"
)

// MarshalNormalized writes the dataset in the normalised form of the format: format
// "timeline/1", fields in the order of the model's declarations (map keys sorted),
// two-space indentation, lanes, sources and events always present (possibly empty), and
// each source's text inline with no "file", so that the document stands alone.
// Parse reads it back to an equal dataset (but for Path and the sources' File).
func (d *Dataset) MarshalNormalized(w io.Writer) error {
	out := *d
	out.Format = FormatV1
	if out.Lanes == nil {
		out.Lanes = []Lane{}
	}
	if out.Events == nil {
		out.Events = []Event{}
	}
	out.Sources = make([]Source, len(d.Sources))
	for i, s := range d.Sources {
		s.File = ""
		out.Sources[i] = s
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(&out)
}
