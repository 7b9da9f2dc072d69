// Package format reads and writes the program's dataset format, timeline/1: Load, LoadFS
// and Parse read a file (its problems reported at once, each as FILE:LINE:COL: field:
// message in an *ErrorList, the first MaxProblems listed and the rest counted), in time and
// memory in proportion to its size whatever it holds, and stop when their context is done
// (LoadContext, ...); WriteNormalized writes the normalised form. Package
// format/timelinejs imports TimelineJS files and package format/importer opens any file by
// recognising its format; both report problems in the same *ErrorList, with positions from
// the one position helper here (Lines).
//
// The files:
//
//	scan.go    the JSON scanner: tokens, strings, numbers, skipping, syntax errors
//	decode.go  the tables of fields of each object, and the one loop that reads them
//	load.go    reading files (1 GiB in all per dataset, each source file once), and the
//	           checks decoding alone cannot make (ids, references, source files, quotes)
//	quotes.go  finding every quote in its source in one pass (Aho-Corasick)
//	idset.go   the duplicate-id table
//	errors.go  Error, ErrorList, the cap on problems (MaxProblems), Quote for values in
//	           messages, locating late problems
//	pos.go     Lines: byte offsets to lines and columns
//	marshal.go WriteNormalized
//
// # Adding a field
//
// A field of the format is one row in the table of its object in decode.go, after adding
// it to the model's struct in package timeline (with its json tag, which WriteNormalized
// uses; an event's field that most events leave empty goes in timeline.EventMore, with a
// method of Event that reads it and a member of eventJSON that writes it in its place):
//
//	{"place", false, text(func(e *timeline.Event) *string { return &e.WithMore().Place }, nil)},
//
// The row gives the field's name as written in files, whether it is required ("missing
// required field" when absent), and how its value is read, by one of the kinds: text (a
// non-empty string), optText (a string, possibly empty), date (EDTF, parsed into the
// model's chrono.Date beside the text), texts (an array of non-empty strings), langTexts
// (an object of language tag to text, like "titles"), objects (an array of objects with a
// table of their own). text and optText take a check, func(string) string, that returns a
// problem's message or "". Unknown and duplicated fields, the field's path in messages
// (events[3].place) and its position are handled by the one loop, decodeObject. A rule
// between fields of one object (a source has a "file" or a "text") goes in the table's
// check function, which sees which fields were read and where. A kind of value none of
// these reads is a func(d *decoder, v *T, off int) written beside them.
//
// Then: a valid example in testdata/valid.json, a refused one in testdata/bad (its .err
// golden file regenerated with -update and read), and the format's reference in docs/.
package format
