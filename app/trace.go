package app

import (
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

func tracef(format string, args ...any) {
	if tracing {
		log.Printf("trace: "+format, args...)
	}
}
