// Command trotsky-timeline shows the zoomable swim-lane timeline of Leon Trotsky's career
// (or of any dataset in the timeline/1 format), validates datasets, exports figures (PNG,
// SVG) and normalised JSON, and generates the synthetic benchmark workload.
//
// Usage:
//
//	trotsky-timeline [--kiosk] [--idle 3m] [--lang en|it|pt] [--theme light|dark|contrast] [FILE]
//	trotsky-timeline validate [FILE]
//	trotsky-timeline export --format png|svg|json [-o OUT] [--from Y] [--to Y] [--lanes a,b] ... [FILE]
//	trotsky-timeline gen --events N [--seed S] -o FILE
//
// Without FILE the built-in Trotsky dataset is used. Exit codes: 0 success (and --help),
// 1 a refused dataset or a failed command, 2 a usage error, 130 stopped by Ctrl-C or
// SIGTERM (nothing written).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// Ctrl-C and SIGTERM stop any command: loading, validating, writing (which then
	// removes its temporary file), the window. A second signal kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // the next signal is the default's: exit
	}()
	err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(ExitCode(err))
}
