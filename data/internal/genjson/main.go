// Command genjson assembles the built-in dataset: it reads parts/header.json, the
// event arrays parts/*.json and the translations parts/i18n/*.json and writes
// trotsky.json (run by `go generate ./data/`, from the data folder). It prints a note
// for each translation it left out because its English changed.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"trotskytimeline/data/internal/assemble"
	"trotskytimeline/timeline/fileutil"
)

func main() {
	parts := flag.String("parts", "parts", "folder of the header and event parts")
	out := flag.String("o", "trotsky.json", "output file")
	flag.Parse()
	data, notes, err := assemble.AssembleNotes(os.DirFS(*parts))
	if err != nil {
		fmt.Fprintln(os.Stderr, "genjson:", err)
		os.Exit(1)
	}
	for _, n := range notes {
		fmt.Fprintln(os.Stderr, "genjson: note:", n)
	}
	// Atomically, as every file the program writes: a failed run leaves the old
	// trotsky.json (which data embeds) whole and no temporary file behind.
	err = fileutil.WriteAtomic(*out, true, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "genjson:", err)
		os.Exit(1)
	}
}
