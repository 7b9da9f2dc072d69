package timelinejs

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
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
//
// The HTML is read by golang.org/x/net/html's tokenizer, which follows the HTML standard's
// tokenizing rules (unclosed tags, raw text in <script>, bogus comments) in one linear pass;
// the hand-written scanner it replaces took minutes on 200 KB of "<a" repeated.
func PlainText(s string) string {
	if !strings.ContainsAny(s, "<&") && !strings.ContainsAny(s, "\r\t\u00a0") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	isHTML := hasTag(s)
	t := newTokenizer(s)
	defer t.put()
	z := t.z
	var b strings.Builder
	// lineStart: nothing but spaces and tabs written since the last line break (or the
	// start), so that "</p><p>" makes one line break.
	lineStart := true
	write := func(t string) {
		if isHTML {
			// HTML: line breaks in the source are white space; only tags break lines.
			t = lineBreaksToSpaces.Replace(t)
		}
		b.WriteString(t)
		if trimmed := strings.TrimRight(t, " \t"); trimmed != "" {
			lineStart = strings.HasSuffix(trimmed, "\n") || strings.HasSuffix(trimmed, "\r")
		}
	}
	skip := false // in the raw text of <script> or <style>
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			// The end, or an unfinished tag ("a <b"), which is kept as text.
			write(string(z.Raw()))
			return normalizeSpace(b.String())
		case html.TextToken:
			if !skip {
				write(string(z.Text()))
			}
		case html.CommentToken:
			// A bogus comment left open at the end ("a </ b") was no tag: keep it.
			if raw := string(z.Raw()); !strings.HasPrefix(raw, "<!--") && !strings.HasSuffix(raw, ">") {
				write(html.UnescapeString(raw))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			skip = (tag == "script" || tag == "style") && tt == html.StartTagToken
			// <br> always breaks the line; other block boundaries break it once, so that
			// "</p><p>" is one line break and "<br><br>" leaves a blank line.
			if tag == "br" || blockTags[tag] && !lineStart {
				b.WriteByte('\n')
				lineStart = true
			}
		}
	}
}

// tokenizer is an html.Tokenizer used again for text after text: html.NewTokenizer makes a
// 4 KB buffer and a map, which were three quarters of what a spreadsheet of 100,000 rows of
// short HTML texts allocated (0.9 of 1.2 GB). fresh is the tokenizer as made, copied over
// it to start on the next text (what NewTokenizer would make, but for the buffer's memory,
// which a tokenizer only appends to from its start, and the map, cleared at every tag).
type tokenizer struct {
	z     *html.Tokenizer
	fresh html.Tokenizer
	r     strings.Reader
}

var tokenizers = sync.Pool{New: func() any {
	t := new(tokenizer)
	t.z = html.NewTokenizer(&t.r)
	t.fresh = *t.z
	return t
}}

// newTokenizer returns a tokenizer reading s, to be put back in tokenizers after use.
func newTokenizer(s string) *tokenizer {
	t := tokenizers.Get().(*tokenizer)
	t.r.Reset(s)
	*t.z = t.fresh
	return t
}

// put returns t to tokenizers, holding neither its text nor a buffer it grew.
func (t *tokenizer) put() {
	*t.z = t.fresh
	t.r.Reset("")
	tokenizers.Put(t)
}

var lineBreaksToSpaces = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// hasTag reports whether s contains at least one HTML tag or comment.
func hasTag(s string) bool {
	if !strings.Contains(s, "<") {
		return false
	}
	t := newTokenizer(s)
	defer t.put()
	z := t.z
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			return true
		case html.CommentToken, html.DoctypeToken:
			if strings.HasSuffix(string(z.Raw()), ">") {
				return true
			}
		}
	}
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
