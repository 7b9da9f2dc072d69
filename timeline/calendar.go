package timeline

import "trotskytimeline/timeline/chrono"

// The values of Event.Calendar.
const (
	CalendarGregorian = "gregorian" // the default: no Old Style date is shown
	CalendarJulian    = "julian"    // Old Style where the event happened, until Russia's switch
)

// OldStyle is the one rule for showing the Old Style (Julian) date of one of the event's
// dates: the dataset declares that the event happened where the Julian calendar was in
// use (Calendar "julian"), the date is a certain day (no ? ~ % or X: an uncertain day may
// already be Old Style, and converting it again would be a guess), and the day is before
// 14 February 1918, when Russia moved to the Gregorian calendar. A dataset that says
// nothing about calendars (a TimelineJS import, say) never shows an Old Style date.
func (e *Event) OldStyle(d chrono.Date) bool {
	if e.Calendar != CalendarJulian || !d.IsValid() || d.Open {
		return false
	}
	if d.Precision != chrono.PrecDay || d.IsQualified() {
		return false
	}
	return chrono.OldStyleApplies(d.Earliest())
}
