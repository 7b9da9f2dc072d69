package chrono

import "testing"

func TestFormat(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		en, it, pt string
	}{
		{"day", "1928-01-17", "17 Jan. 1928", "17 gennaio 1928", "17 de janeiro de 1928"},
		{"first of month", "1917-11-01", "1 Nov. 1917", "1º novembre 1917", "1º de novembro de 1917"},
		{"may unabbreviated", "1928-05-03", "3 May 1928", "3 maggio 1928", "3 de maio de 1928"},
		{"september", "1928-09", "Sept. 1928", "settembre 1928", "setembro de 1928"},
		{"month", "1928-01", "Jan. 1928", "gennaio 1928", "janeiro de 1928"},
		{"june", "1928-06", "June 1928", "giugno 1928", "junho de 1928"},
		{"march", "1928-03", "Mar. 1928", "marzo 1928", "março de 1928"},
		{"year", "1928", "1928", "1928", "1928"},
		{"small year", "0014", "14", "14", "14"},
		{"approximate", "1921~", "c. 1921", "c. 1921", "c. 1921"},
		{"uncertain", "1917?", "1917?", "1917?", "1917?"},
		{"both", "1917%", "c. 1917?", "c. 1917?", "c. 1917?"},
		{"uncertain day", "1917-10-25?", "25 Oct. 1917?", "25 ottobre 1917?", "25 de outubro de 1917?"},
		{"decade", "192X", "1920s", "anni 1920", "década de 1920"},
		{"approximate decade", "192X~", "c. 1920s", "c. anni 1920", "c. década de 1920"},
		{"hundred years", "18XX", "1800s", "XIX secolo", "século XIX"},
		{"twentieth", "19XX", "1900s", "XX secolo", "século XX"},
		{"unspecified month", "1917-XX", "1917", "1917", "1917"},
		{"unspecified day", "1917-10-XX", "Oct. 1917", "ottobre 1917", "outubro de 1917"},
		{"unspecified month and day", "1917-XX-XX", "1917", "1917", "1917"},
		{"bce year", "-0043", "44 BC", "44 a.C.", "44 a.C."},
		{"year zero", "0000", "1 BC", "1 a.C.", "1 a.C."},
		{"bce day", "-0043-03-15", "15 Mar. 44 BC", "15 marzo 44 a.C.", "15 de março de 44 a.C."},
		{"open", "..", "…", "…", "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct{ lang, want string }{{"en", tc.en}, {"it", tc.it}, {"pt", tc.pt}} {
				if got := Format(d, c.lang); got != c.want {
					t.Errorf("Format(%s, %s) = %q, want %q", tc.in, c.lang, got, c.want)
				}
			}
		})
	}
}

func TestFormatLanguageFallback(t *testing.T) {
	d, _ := Parse("1928-01")
	tests := []struct{ lang, want string }{
		{"", "Jan. 1928"}, {"de", "Jan. 1928"}, {"en-GB", "Jan. 1928"},
		{"pt-BR", "janeiro de 1928"}, {"IT", "gennaio 1928"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			if got := Format(d, tc.lang); got != tc.want {
				t.Errorf("Format(1928-01, %q) = %q, want %q", tc.lang, got, tc.want)
			}
		})
	}
	if got := Format(Date{}, "en"); got != "" {
		t.Errorf("Format(zero Date) = %q, want empty", got)
	}
}

func TestFormatRange(t *testing.T) {
	tests := []struct {
		name       string
		start, end string // "" means the zero Date
		en, it, pt string
	}{
		{"months of different years", "1928-01", "1929-01", "Jan. 1928 – Jan. 1929", "gennaio 1928 – gennaio 1929", "janeiro de 1928 – janeiro de 1929"},
		{"years", "1928", "1929", "1928–1929", "1928–1929", "1928–1929"},
		{"months of one year", "1928-01", "1928-03", "Jan.–Mar. 1928", "gennaio–marzo 1928", "janeiro–março de 1928"},
		{"days of one month", "1928-01-17", "1928-01-20", "17–20 Jan. 1928", "17–20 gennaio 1928", "17–20 de janeiro de 1928"},
		{"days of one year", "1928-01-17", "1928-03-03", "17 Jan. – 3 Mar. 1928", "17 gennaio – 3 marzo 1928", "17 de janeiro – 3 de março de 1928"},
		{"day to month", "1928-01-17", "1929-01", "17 Jan. 1928 – Jan. 1929", "17 gennaio 1928 – gennaio 1929", "17 de janeiro de 1928 – janeiro de 1929"},
		{"qualified not compacted", "1928-01?", "1928-03", "Jan. 1928? – Mar. 1928", "gennaio 1928? – marzo 1928", "janeiro de 1928? – março de 1928"},
		{"open end", "1928", "..", "1928 – …", "1928 – …", "1928 – …"},
		{"open start", "..", "1917", "… – 1917", "… – 1917", "… – 1917"},
		{"same date", "1928-01", "1928-01", "Jan. 1928", "gennaio 1928", "janeiro de 1928"},
		{"no start", "", "1928-01", "Jan. 1928", "gennaio 1928", "janeiro de 1928"},
		{"no end", "1928-01", "", "Jan. 1928", "gennaio 1928", "janeiro de 1928"},
		{"across the era", "-0043", "0014", "44 BC – 14", "44 a.C. – 14", "44 a.C. – 14"},
		{"decades", "191X", "192X", "1910s–1920s", "anni 1910 – anni 1920", "década de 1910 – década de 1920"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s, e Date
			var err error
			if tc.start != "" {
				if s, err = Parse(tc.start); err != nil {
					t.Fatal(err)
				}
			}
			if tc.end != "" {
				if e, err = Parse(tc.end); err != nil {
					t.Fatal(err)
				}
			}
			for _, c := range []struct{ lang, want string }{{"en", tc.en}, {"it", tc.it}, {"pt", tc.pt}} {
				if got := FormatRange(s, e, c.lang); got != c.want {
					t.Errorf("FormatRange(%s, %s, %s) = %q, want %q", tc.start, tc.end, c.lang, got, c.want)
				}
			}
		})
	}
}

func TestFormatDayAndOldStyle(t *testing.T) {
	tests := []struct {
		name          string
		y, m, d       int
		lang          string
		day, oldStyle string
	}{
		{"birth en", 1879, 11, 7, "en", "7 November 1879", "7 November 1879 (O.S. 26 October)"},
		{"birth it", 1879, 11, 7, "it", "7 novembre 1879", "7 novembre 1879 (26 ottobre del calendario giuliano)"},
		{"birth pt", 1879, 11, 7, "pt", "7 de novembro de 1879", "7 de novembro de 1879 (26 de outubro no calendário juliano)"},
		{"year differs en", 1900, 1, 12, "en", "12 January 1900", "12 January 1900 (O.S. 31 December 1899)"},
		{"year differs it", 1900, 1, 12, "it", "12 gennaio 1900", "12 gennaio 1900 (31 dicembre 1899 del calendario giuliano)"},
		{"year differs pt", 1900, 1, 12, "pt", "12 de janeiro de 1900", "12 de janeiro de 1900 (31 de dezembro de 1899 no calendário juliano)"},
		{"first of month it", 1917, 11, 14, "it", "14 novembre 1917", "14 novembre 1917 (1º novembre del calendario giuliano)"},
		{"revolution", 1917, 11, 7, "en", "7 November 1917", "7 November 1917 (O.S. 25 October)"},
		{"last old style day", 1918, 2, 13, "en", "13 February 1918", "13 February 1918 (O.S. 31 January)"},
		{"new style only", 1918, 2, 14, "en", "14 February 1918", "14 February 1918"},
		{"exile", 1928, 1, 17, "pt", "17 de janeiro de 1928", "17 de janeiro de 1928"},
		{"first of month pt", 1940, 8, 1, "pt", "1º de agosto de 1940", "1º de agosto de 1940"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromCivil(tc.y, tc.m, tc.d)
			if got := FormatDay(d, tc.lang); got != tc.day {
				t.Errorf("FormatDay = %q, want %q", got, tc.day)
			}
			if got := FormatOldStyle(d, tc.lang); got != tc.oldStyle {
				t.Errorf("FormatOldStyle = %q, want %q", got, tc.oldStyle)
			}
		})
	}
}

func TestMonthNames(t *testing.T) {
	tests := []struct {
		m          int
		lang       string
		short, lng string
	}{
		{1, "en", "Jan", "January"}, {9, "en", "Sep", "September"},
		{1, "it", "gen", "gennaio"}, {6, "it", "giu", "giugno"},
		{2, "pt", "fev", "fevereiro"}, {3, "pt", "mar", "março"},
		{0, "en", "", ""}, {13, "it", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.lng, func(t *testing.T) {
			if got := MonthShort(tc.m, tc.lang); got != tc.short {
				t.Errorf("MonthShort(%d, %s) = %q, want %q", tc.m, tc.lang, got, tc.short)
			}
			if got := MonthLong(tc.m, tc.lang); got != tc.lng {
				t.Errorf("MonthLong(%d, %s) = %q, want %q", tc.m, tc.lang, got, tc.lng)
			}
		})
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{1, "I"}, {4, "IV"}, {9, "IX"}, {19, "XIX"}, {20, "XX"}, {40, "XL"}, {99, "XCIX"}, {1994, "MCMXCIV"}}
	for _, tc := range tests {
		if got := roman(tc.n); got != tc.want {
			t.Errorf("roman(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestFormatEitherDay(t *testing.T) {
	for _, c := range []struct {
		a, b       Day
		lang, want string
	}{
		{FromCivil(1917, 10, 8), FromJulian(1917, 10, 8), "en", "8 or 21 Oct. 1917"},
		{FromCivil(1905, 11, 26), FromJulian(1905, 11, 26), "en", "26 Nov. or 9 Dec. 1905"},
		{FromCivil(1905, 11, 26), FromJulian(1905, 11, 26), "it", "26 novembre o 9 dicembre 1905"},
		{FromCivil(1905, 11, 26), FromJulian(1905, 11, 26), "pt", "26 de novembro ou 9 de dezembro de 1905"},
		{FromCivil(1917, 12, 22), FromJulian(1917, 12, 22), "en", "22 Dec. 1917 or 4 Jan. 1918"},
		{FromCivil(1899, 5, 1), FromJulian(1899, 5, 1), "it", "1º o 13 maggio 1899"},
	} {
		if got := FormatEitherDay(c.a, c.b, c.lang); got != c.want {
			t.Errorf("FormatEitherDay(%v, %v, %s) = %q, want %q", c.a, c.b, c.lang, got, c.want)
		}
	}
}
