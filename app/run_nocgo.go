//go:build !cgo

package app

import (
	"context"
	"errors"

	"trotskytimeline/timeline"
)

// ErrNoWindow is Run's answer in a build without cgo: Fyne's desktop driver needs cgo, so such
// a build (CGO_ENABLED=0) has the command line's headless commands but no window.
var ErrNoWindow = errors.New("app: this build has no window (built with CGO_ENABLED=0); the validate and export commands work without one")

// Run reports ErrNoWindow: see run.go for the desktop build. It keeps the package (and its
// tests, which use Fyne's software test driver) building without cgo.
func Run(ctx context.Context, ds *timeline.Dataset, opts Options) error {
	return ErrNoWindow
}
