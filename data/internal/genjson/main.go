// Command genjson assembles the built-in dataset: it reads parts/header.json and the
// event arrays parts/*.json and writes trotsky.json (run by `go generate ./data/`,
// from the data folder).
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
	data, err := assemble.Assemble(os.DirFS(*parts))
	if err != nil {
		fmt.Fprintln(os.Stderr, "genjson:", err)
		os.Exit(1)
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
