package timelinejs

import (
	"html"
	"strings"
)

// blockTags end a line when they open or close.
var blockTags = map[string]bool{
	"br": true, "p": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"table": true, "hr": true, "pre": true,
}

// PlainText turns the HTML of a TimelineJS text into plain text: tags are removed (block
// elements such as <p> and <br> become line breaks; the contents of <script> and <style> are
// dropped), character references are decoded, runs of spaces become one space and blank lines
// at most one. A '<' that does not start a tag is kept. Text without any tag is taken as plain
// text whose line breaks are kept; in HTML, line breaks of the source are spaces.
func PlainText(s string) string {
	if !strings.ContainsAny(s, "<&") && !strings.ContainsAny(s, "\r\t\u00a0") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	if hasTag(s) {
		// HTML: line breaks in the source are white space; only tags break lines.
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' || i+1 >= len(s) || !isTagStart(s[i+1]) {
			b.WriteByte(c)
			i++
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		end := tagEnd(s, i+1)
		if end < 0 { // no closing '>': not a tag
			b.WriteByte(c)
			i++
			continue
		}
		closing := s[i+1] == '/'
		name := tagName(s[i+1 : end])
		i = end + 1
		if !closing && (name == "script" || name == "style") {
			if close := strings.Index(strings.ToLower(s[i:]), "</"+name); close >= 0 {
				i += close
			} else {
				i = len(s)
			}
			continue
		}
		// <br> always breaks the line; other block boundaries break it once, so that
		// "</p><p>" is one line break and "<br><br>" leaves a blank line.
		if name == "br" || blockTags[name] && !strings.HasSuffix(strings.TrimRight(b.String(), " \t"), "\n") {
			b.WriteByte('\n')
		}
	}
	return normalizeSpace(html.UnescapeString(b.String()))
}

// hasTag reports whether s contains at least one HTML tag.
func hasTag(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' && isTagStart(s[i+1]) && tagEnd(s, i+1) >= 0 {
			return true
		}
	}
	return false
}

func isTagStart(c byte) bool {
	return c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// tagEnd returns the index of the '>' closing the tag whose body starts at i, skipping
// quoted attribute values, or -1.
func tagEnd(s string, i int) int {
	var quote byte
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// tagName returns the lower-case element name of a tag body such as "/p" or "a href=…".
func tagName(body string) string {
	body = strings.TrimPrefix(body, "/")
	end := 0
	for end < len(body) && (body[end] >= 'a' && body[end] <= 'z' || body[end] >= 'A' && body[end] <= 'Z' || body[end] >= '0' && body[end] <= '9') {
		end++
	}
	return strings.ToLower(body[:end])
}

// normalizeSpace collapses spaces within lines, trims every line, keeps at most one blank
// line in a row and trims the whole.
func normalizeSpace(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.Join(strings.FieldsFunc(l, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\u00a0' || r == '\f' || r == '\v'
		}), " ")
		if l == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// mediaURL returns the link a TimelineJS media url stands for, if it is an absolute http or
// https URL (the only links a dataset keeps): the url itself, or for an HTML embed (an
// iframe, a blockquote) its first src or href. A protocol-relative "//host/…" becomes
// https. Anything else (a path relative to a web page, an embed without a link) gives "".
func mediaURL(s string) string {
	u := embeddedURL(strings.TrimSpace(s))
	if strings.HasPrefix(u, "//") {
		u = "https:" + u
	}
	rest, ok := strings.CutPrefix(u, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(u, "http://")
	}
	if !ok || rest == "" || strings.ContainsAny(u, " \t\n\r\"<>") {
		return ""
	}
	return u
}

func embeddedURL(s string) string {
	if !strings.HasPrefix(s, "<") {
		return s
	}
	lower := strings.ToLower(s)
	for _, attr := range []string{"src=", "href="} {
		i := strings.Index(lower, attr)
		if i < 0 {
			continue
		}
		v := s[i+len(attr):]
		if v == "" {
			continue
		}
		if q := v[0]; q == '"' || q == '\'' {
			if end := strings.IndexByte(v[1:], q); end >= 0 {
				return html.UnescapeString(strings.TrimSpace(v[1 : 1+end]))
			}
			continue
		}
		end := strings.IndexAny(v, " \t\n>")
		if end < 0 {
			end = len(v)
		}
		return html.UnescapeString(v[:end])
	}
	return ""
}
