package chrono_test

import (
	"fmt"

	"trotskytimeline/timeline/chrono"
)

func ExampleParse() {
	d, err := chrono.Parse("192X~")
	if err != nil {
		panic(err)
	}
	fmt.Println(d.String(), d.IsQualified())
	fmt.Println(chrono.FormatDay(d.Earliest(), "en"), "to", chrono.FormatDay(d.Latest(), "en"))
	_, err = chrono.Parse("1928-02-30")
	fmt.Println(err)
	// Output:
	// 192X~ true
	// 1 January 1920 to 31 December 1929
	// "1928-02-30": day 30 out of range for February 1928
}

func ExampleParseInterval() {
	start, end, err := chrono.ParseInterval("1928-01-17/1929-01")
	if err != nil {
		panic(err)
	}
	fmt.Println(chrono.FormatRange(start, end, "en"))
	fmt.Println(chrono.FormatRange(start, end, "pt"))
	// Output:
	// 17 Jan. 1928 – Jan. 1929
	// 17 de janeiro de 1928 – janeiro de 1929
}

func ExampleFormat() {
	for _, s := range []string{"1928-01-17", "1928-01", "1921~", "1917%", "192X", "-0043"} {
		d, _ := chrono.Parse(s)
		fmt.Printf("%-10s | %s | %s | %s\n", s, chrono.Format(d, "en"), chrono.Format(d, "it"), chrono.Format(d, "pt"))
	}
	// Output:
	// 1928-01-17 | 17 Jan. 1928 | 17 gennaio 1928 | 17 de janeiro de 1928
	// 1928-01    | Jan. 1928 | gennaio 1928 | janeiro de 1928
	// 1921~      | c. 1921 | c. 1921 | c. 1921
	// 1917%      | c. 1917? | c. 1917? | c. 1917?
	// 192X       | 1920s | anni 1920 | década de 1920
	// -0043      | 44 BC | 44 a.C. | 44 a.C.
}

func ExampleFormatOldStyle() {
	fmt.Println(chrono.FormatOldStyle(chrono.FromCivil(1879, 11, 7), "en"))
	fmt.Println(chrono.FormatOldStyle(chrono.FromCivil(1900, 1, 12), "en"))
	fmt.Println(chrono.FormatOldStyle(chrono.FromCivil(1917, 11, 7), "it"))
	fmt.Println(chrono.FormatOldStyle(chrono.FromCivil(1928, 1, 17), "en"))
	// Output:
	// 7 November 1879 (O.S. 26 October)
	// 12 January 1900 (O.S. 31 December 1899)
	// 7 novembre 1917 (25 ottobre del calendario giuliano)
	// 17 January 1928
}
