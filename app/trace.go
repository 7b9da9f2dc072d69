package app

import (
	"fmt"
	"log"
	"os"
	"time"
)

// tracing is on when TT_TRACE=1: the app logs when its first frame is painted and how long
// each frame of the timeline took, so launch and frame times can be measured in a real window.
var tracing = os.Getenv("TT_TRACE") == "1"

// started is when the program started (package initialisation): the first-frame time
// includes loading the dataset.
var started = time.Now()

// traceLog writes the trace where the standard logger writes, each line stamped with the
// milliseconds since started instead of the wall clock's whole seconds, so that the rate of
// frames during a drag can be read from the log ("+  1843.217 ms trace: frame 2.4 ms (...)").
var traceLog = log.New(log.Writer(), "", 0)

func tracef(format string, args ...any) {
	if tracing {
		traceLog.Print(traceLine(time.Since(started), format, args...))
	}
}

// traceLine is one trace line at elapsed time d since the start.
func traceLine(d time.Duration, format string, args ...any) string {
	return fmt.Sprintf("+%10.3f ms trace: ", float64(d.Microseconds())/1000) + fmt.Sprintf(format, args...)
}
