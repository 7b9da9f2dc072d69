// Package assets holds the files the program embeds: the fonts used to measure and draw
// text (the same on screen and in exported figures) and the application icon.
package assets

import _ "embed"

// NotoSansRegular is the regular weight of Noto Sans (SIL Open Font License, fonts/LICENSE-NotoSans.txt).
//
//go:embed fonts/NotoSans-Regular.ttf
var NotoSansRegular []byte

// NotoSansBold is the bold weight of Noto Sans.
//
//go:embed fonts/NotoSans-Bold.ttf
var NotoSansBold []byte
