package app

import "trotskytimeline/app/internal/trace"

// tracing is on when TT_TRACE=1 (app/internal/trace, shared with the timeline's package).
var tracing = trace.On

func tracef(format string, args ...any) { trace.Printf(format, args...) }

// started is when the program started (package initialisation).
var started = trace.Started
