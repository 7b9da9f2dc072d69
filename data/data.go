// Package data is the built-in Trotsky dataset: trotsky.json, in the format of
// docs/FORMAT.md, and the source texts it quotes (sources/*.txt), embedded in
// the program. The document is assembled from the editable parts in parts/
// (a header and event arrays) by `go generate ./data/`; split_seeds.py records
// how the source texts were cut, verbatim, from the seed documents.
package data

import "embed"

//go:generate go run ./internal/genjson -parts parts -o trotsky.json

// FS holds the dataset document (Name) and its sources/ folder, at the paths the
// document's "file" fields use.
//
//go:embed trotsky.json sources
var FS embed.FS

// Name is the dataset document's path in FS.
const Name = "trotsky.json"
