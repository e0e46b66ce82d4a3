import Testing

@testable import Site

/// Descriptions from shop exports: the allow-list, balance, and what is dropped.
@Suite struct DescriptionHTMLTests {
    @Test(
        arguments: [
            ("Plain words & more", "<p>Plain words &amp; more</p>"),
            ("One.\n\nTwo,\nstill two.", "<p>One.</p><p>Two, still two.</p>"),
            ("<p>A <strong>bold</strong> claim", "<p>A <strong>bold</strong> claim</p>"),
            ("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>"),
            ("loose <em>text</em>", "<p>loose <em>text</em></p>"),
            ("<p>in <b>bold<p>new", "<p>in <b>bold</b></p><p>new</p>"),
            ("<div class=x>kept text</div>", "<p>kept text</p>"),
            ("<a href=\"javascript:x()\">link</a>", "<p>link</p>"),
            ("<script>alert(1)</script>after", "<p>after</p>"),
            ("<style>p{}</style><p>after</p>", "<p>after</p>"),
            ("<p title='a>b'>quoted</p>", "<p>quoted</p>"),
            ("<p>&eacute; &#233; &#x41; & &bogus</p>", "<p>&eacute; &#233; &#x41; &amp; &amp;bogus</p>"),
            ("<p>line<br>break</p>", "<p>line<br>break</p>"),
            ("</p></li>stray closers", "<p>stray closers</p>"),
            ("<!-- hidden --><p>shown</p>", "<p>shown</p>"),
            ("a < b > c", "<p>a &lt; b &gt; c</p>"),
        ])
    func sanitised(input: String, expected: String) {
        #expect(DescriptionHTML.render(input) == expected)
    }

    @Test func plainTextForJSONLD() {
        #expect(DescriptionHTML.plainText("<p>One</p><p>Two<script>x()</script></p>") == "One Two")
    }
}
