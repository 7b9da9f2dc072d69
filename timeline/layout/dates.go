package layout

import "trotskytimeline/timeline"

// eventTitle is the event's title in lang (its English title when it has none there).
func eventTitle(e *timeline.Event, lang string) string { return e.TitleIn(lang) }
