package assets

import _ "embed"

// Icon is the application icon, a 512×512 PNG drawn by packaging/mkicon
// (`go run ./packaging/mkicon -o assets/icon.png` regenerates it).
//
//go:embed icon.png
var Icon []byte
