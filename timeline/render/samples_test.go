package render

import (
	"os"
	"testing"

	"trotskytimeline/timeline/chrono"
)

// TestSamples writes sample figures to $RENDER_OUT for a person to look at (skipped without it).
func TestSamples(t *testing.T) {
	if outDir == "" {
		t.Skip()
	}
	ds := smallDataset(t)
	b := render(t, ds, Options{Format: PNG, Theme: "print", Lang: "it", HasRange: true, From: chrono.FromCivil(1917, 1, 1), To: chrono.FromCivil(1930, 12, 31)})
	os.WriteFile(outDir+"/print-it.png", b, 0o644)
	bi := builtinDataset(t)
	os.WriteFile(outDir+"/builtin.png", render(t, bi, Options{Format: PNG}), 0o644)
	os.WriteFile(outDir+"/builtin.svg", render(t, bi, Options{Format: SVG}), 0o644)
	os.WriteFile(outDir+"/builtin-dark.png", render(t, bi, Options{Format: PNG, Theme: "dark", Lang: "pt"}), 0o644)
	os.WriteFile(outDir+"/synth10k.png", render(t, synthDataset(t, 10000), Options{Format: PNG}), 0o644)
}
