// Command genjson assembles the built-in dataset: it reads parts/header.json and the
// event arrays parts/*.json and writes trotsky.json (run by `go generate ./data/`,
// from the data folder).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"trotskytimeline/data/internal/assemble"
)

func main() {
	parts := flag.String("parts", "parts", "folder of the header and event parts")
	out := flag.String("o", "trotsky.json", "output file")
	flag.Parse()
	data, err := assemble.Assemble(os.DirFS(*parts))
	if err != nil {
		fmt.Fprintln(os.Stderr, "genjson:", err)
		os.Exit(1)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genjson: writing", tmp+":", err)
		os.Exit(1)
	}
	if err := os.Rename(tmp, filepath.Clean(*out)); err != nil {
		fmt.Fprintln(os.Stderr, "genjson: renaming", tmp+":", err)
		os.Exit(1)
	}
}
