// Package trace is the app's timing log: when TT_TRACE=1, the app and its timeline log when
// the first frame is painted and how long each frame took, so launch and frame times can be
// measured in a real window (scripts/measure-app.sh reads it).
package trace

import (
	"fmt"
	"log"
	"os"
	"time"
)

// On is true when TT_TRACE=1. Callers test it before building a line's arguments (they
// would be boxed even when Printf drops them).
var On = os.Getenv("TT_TRACE") == "1"

// Started is when the program started (package initialisation): the first-frame time
// includes loading the dataset.
var Started = time.Now()

// traceLog writes the trace where the standard logger writes, each line stamped with the
// milliseconds since Started instead of the wall clock's whole seconds, so that the rate of
// frames during a drag can be read from the log ("+  1843.217 ms trace: frame 2.4 ms (...)").
var traceLog = log.New(log.Writer(), "", 0)

// Printf logs one line when tracing is on.
func Printf(format string, args ...any) {
	if On {
		traceLog.Print(Line(time.Since(Started), format, args...))
	}
}

// Line is one trace line at elapsed time d since the start.
func Line(d time.Duration, format string, args ...any) string {
	return fmt.Sprintf("+%10.3f ms trace: ", float64(d.Microseconds())/1000) + fmt.Sprintf(format, args...)
}
