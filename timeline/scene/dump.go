package scene

import (
	"fmt"
	"io"
	"strings"
)

var kindNames = [...]string{
	KindBackground: "background", KindLaneBand: "laneband", KindLaneTitle: "lanetitle", KindGrid: "grid",
	KindAxis: "axis", KindTickLabel: "ticklabel", KindBar: "bar", KindUncertain: "uncertain", KindPoint: "point",
	KindLabel: "label", KindContested: "contested", KindCluster: "cluster", KindDensity: "density",
	KindSelection: "selection", KindTitle: "title", KindLegend: "legend", KindFooter: "footer",
	KindOverviewWindow: "overviewwindow", KindMatch: "match", KindBreak: "break", KindLand: "land",
	KindRoute: "route", KindPlace: "place", KindPlaceLabel: "placelabel",
}

// String is the kind's name ("bar", "label", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("kind%d", int(k))
}

var typeNames = [...]string{RectShape: "rect", LineShape: "line", MarkerShape: "marker", TextShape: "text", PathShape: "path"}

var styleNames = []string{"fadeL", "fadeR", "hatch", "dashed", "bold", "center", "right", "circle", "open", "closed"}

// Dump writes the scene as text, a shape a line with coordinates rounded to 0.1 px: for
// golden tests and for reading a scene while debugging.
func (s *Scene) Dump(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "scene %.1f x %.1f bg %s time-x0 %.1f axis %.1f\n", s.W, s.H, hexColor(s.Background), s.TimeX0, s.AxisH)
	for _, l := range s.Lanes {
		fmt.Fprintf(&b, "lane %d y %.1f h %.1f rows %d density %v visible %d\n", l.Lane, l.Y, l.H, l.Rows, l.Density, l.Visible)
	}
	for _, sh := range s.Shapes {
		tn := "?"
		if int(sh.Type) < len(typeNames) {
			tn = typeNames[sh.Type]
		}
		fmt.Fprintf(&b, "%s %s %.1f %.1f %.1f %.1f", sh.Kind, tn, sh.X, sh.Y, sh.W, sh.H)
		if sh.Radius != 0 {
			fmt.Fprintf(&b, " r%.1f", sh.Radius)
		}
		for i, n := range styleNames {
			if sh.Style&(1<<i) != 0 {
				b.WriteString(" " + n)
			}
		}
		if sh.Fade != 0 {
			fmt.Fprintf(&b, " fade%.1f", sh.Fade)
		}
		if sh.Fill.A != 0 {
			b.WriteString(" fill" + hexColor(sh.Fill))
		}
		if sh.StrokeW != 0 {
			fmt.Fprintf(&b, " stroke%.1f%s", sh.StrokeW, hexColor(sh.Stroke))
		}
		if sh.Event >= 0 {
			fmt.Fprintf(&b, " ev%d", sh.Event)
		}
		if sh.Lane >= 0 {
			fmt.Fprintf(&b, " lane%d", sh.Lane)
		}
		if sh.From != 0 || sh.To != 0 {
			fmt.Fprintf(&b, " days%d..%d", sh.From, sh.To)
		}
		for _, p := range sh.Points {
			fmt.Fprintf(&b, " %.1f,%.1f", p.X, p.Y)
		}
		if sh.Type == TextShape || sh.Text != "" {
			fmt.Fprintf(&b, " size%.1f %q", sh.Size, sh.Text)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func hexColor(c colorNRGBA) string {
	return fmt.Sprintf("#%02x%02x%02x%02x", c.R, c.G, c.B, c.A)
}
