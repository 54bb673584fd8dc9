/*
 * test_view.c: unit tests for the template engine (app/view.c).
 *
 * Fixtures live in $VIEW_FIXTURE_DIR (default tests/unit/views_fixture,
 * relative to the project root): good/ is a working view set, every bad_*
 * directory holds exactly one mistake that view_set_load() must report.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_limits.h"
#include "arena.h"
#include "str.h"
#include "view.h"

static struct arena arena;

static const char *
fixture_dir(void)
{
	const char *d = getenv("VIEW_FIXTURE_DIR");

	return d != NULL && d[0] != '\0' ? d : "tests/unit/views_fixture";
}

static const char *
fixture(const char *sub)
{
	static char path[1024];

	snprintf(path, sizeof(path), "%s/%s", fixture_dir(), sub);
	return path;
}

static int
setup(void **state)
{
	(void)state;
	return arena_init(&arena, 1024 * 1024) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	return 0;
}

static int
reset(void **state)
{
	(void)state;
	arena_reset(&arena);
	return 0;
}

/* Compile src, render it against ctx, return the output (arena). */
static const char *
render_str(const char *src, const struct view_ctx *ctx)
{
	struct view_tpl *t;
	struct buf b;
	char err[256];

	err[0] = '\0';
	if (view_compile(&t, "t.html", str_cstr(src), err, sizeof(err)) !=
	    APP_OK)
		fail_msg("compile failed: %s", err);
	buf_init(&b, &arena);
	assert_int_equal(view_tpl_render(t, ctx, &b), APP_OK);
	view_tpl_free(t);
	return buf_str(&b).p;
}

/* Compile n bytes of src; expect APP_EINPUT and exactly msg. */
static void
expect_compile_error(const char *src, size_t n, const char *msg)
{
	struct view_tpl *t = (struct view_tpl *)1;
	char err[256];

	memset(err, 0, sizeof(err));
	assert_int_equal(view_compile(&t, "t.html", (struct str){ src, n }, err,
	                     sizeof(err)),
	    APP_EINPUT);
	assert_null(t);
	assert_string_equal(err, msg);
}

#define EXPECT_ERR(src, msg) expect_compile_error(src, sizeof(src) - 1, msg)

/* Load fixture dir sub; expect rc and err == "<fixture>/<msg>". */
static void
expect_load_error(const char *sub, enum app_err rc, const char *msg)
{
	struct view_set *vs = (struct view_set *)1;
	char err[512], want[1024];

	memset(err, 0, sizeof(err));
	assert_int_equal(
	    view_set_load(fixture(sub), &vs, err, sizeof(err)), rc);
	assert_null(vs);
	snprintf(want, sizeof(want), "%s/%s", fixture_dir(), msg);
	assert_string_equal(err, want);
}

static struct view_set *
load_good(void)
{
	struct view_set *vs = NULL;
	char err[512];

	err[0] = '\0';
	if (view_set_load(fixture("good"), &vs, err, sizeof(err)) != APP_OK)
		fail_msg("load good: %s", err);
	return vs;
}

static void
test_escape(void **state)
{
	struct view_ctx *c = view_ctx_new(&arena);

	(void)state;
	assert_non_null(c);
	assert_int_equal(view_ctx_set_cstr(c, "v", "<script>&\"'"), APP_OK);
	assert_string_equal(render_str("<p title=\"{{v}}\">{{ v }}</p>", c),
	    "<p title=\"&lt;script&gt;&amp;&quot;&#39;\">"
	    "&lt;script&gt;&amp;&quot;&#39;</p>");
	/* The value is copied: the caller's buffer may change. */
	{
		char tmp[] = "a<b";

		assert_int_equal(
		    view_ctx_set_str(c, "w", (struct str){ tmp, 3 }), APP_OK);
		tmp[0] = 'X';
		assert_string_equal(render_str("{{w}}", c), "a&lt;b");
	}
	/* Numbers in decimal; bool and list print nothing; missing is "". */
	assert_int_equal(view_ctx_set_int(c, "n", -42), APP_OK);
	assert_int_equal(view_ctx_set_bool(c, "b", 1), APP_OK);
	assert_non_null(view_ctx_list_add(c, "l"));
	assert_string_equal(
	    render_str("[{{n}}|{{b}}|{{l}}|{{nope}}]", c), "[-42|||]");
}

static void
test_list(void **state)
{
	struct view_ctx *c = view_ctx_new(&arena), *it;
	const char *src = "<ul>\n"
	                  "{{#items}}\n"
	                  "  <li>{{name}}: {{n}}</li>\n"
	                  "{{/items}}\n"
	                  "</ul>\n"
	                  "{{^items}}\n"
	                  "<p>Tom</p>\n"
	                  "{{/items}}\n";
	const char *names[] = { "a", "b&c", "d" };
	size_t i;

	(void)state;
	/* Never set: the inverted section shows. */
	assert_string_equal(render_str(src, c), "<ul>\n</ul>\n<p>Tom</p>\n");
	/* Bound to an empty list: the same. */
	assert_int_equal(view_ctx_set_list(c, "items"), APP_OK);
	assert_string_equal(render_str(src, c), "<ul>\n</ul>\n<p>Tom</p>\n");
	for (i = 0; i < 3; i++) {
		assert_non_null(it = view_ctx_list_add(c, "items"));
		assert_int_equal(
		    view_ctx_set_cstr(it, "name", names[i]), APP_OK);
		assert_int_equal(
		    view_ctx_set_int(it, "n", (long long)i + 1), APP_OK);
	}
	assert_string_equal(render_str(src, c),
	    "<ul>\n"
	    "  <li>a: 1</li>\n"
	    "  <li>b&amp;c: 2</li>\n"
	    "  <li>d: 3</li>\n"
	    "</ul>\n");
}

static void
test_bool_sections(void **state)
{
	struct view_ctx *c = view_ctx_new(&arena);
	const char *src = "{{#f}}yes{{/f}}{{^f}}no{{/f}}";

	(void)state;
	assert_string_equal(render_str(src, c), "no");
	assert_int_equal(view_ctx_set_bool(c, "f", 1), APP_OK);
	assert_string_equal(render_str(src, c), "yes");
	assert_int_equal(view_ctx_set_bool(c, "f", 0), APP_OK);
	assert_string_equal(render_str(src, c), "no");
	assert_int_equal(view_ctx_set_cstr(c, "f", ""), APP_OK);
	assert_string_equal(render_str(src, c), "no");
	assert_int_equal(view_ctx_set_cstr(c, "f", "x"), APP_OK);
	assert_string_equal(render_str(src, c), "yes");
	assert_int_equal(view_ctx_set_int(c, "f", 0), APP_OK);
	assert_string_equal(render_str(src, c), "no");
	assert_int_equal(view_ctx_set_int(c, "f", 7), APP_OK);
	/* A truthy non-list section keeps the context: {{f}} is 7. */
	assert_string_equal(render_str("{{#f}}<{{f}}>{{/f}}", c), "<7>");
}

static void
test_nested_lookup(void **state)
{
	struct view_ctx *c = view_ctx_new(&arena), *g, *m;
	const char *src =
	    "{{#groups}}[{{name}}:"
	    "{{#members}}({{name}}/{{group}}/{{site}}){{/members}}"
	    "{{^members}}-{{/members}}]{{/groups}}";

	(void)state;
	assert_int_equal(view_ctx_set_cstr(c, "site", "S"), APP_OK);
	assert_int_equal(view_ctx_set_cstr(c, "name", "root"), APP_OK);
	assert_non_null(g = view_ctx_list_add(c, "groups"));
	assert_int_equal(view_ctx_set_cstr(g, "name", "g1"), APP_OK);
	assert_int_equal(view_ctx_set_cstr(g, "group", "G1"), APP_OK);
	assert_non_null(m = view_ctx_list_add(g, "members"));
	assert_int_equal(view_ctx_set_cstr(m, "name", "m1"), APP_OK);
	assert_non_null(m = view_ctx_list_add(g, "members"));
	/* m2 has no name: found in the group, not the root. */
	assert_non_null(g = view_ctx_list_add(c, "groups"));
	assert_int_equal(view_ctx_set_cstr(g, "group", "G2"), APP_OK);
	/* g2 has no name and no members (nor has the root): root name,
	 * inverted section. */
	assert_string_equal(
	    render_str(src, c), "[g1:(m1/G1/S)(g1/G1/S)][root:-]");
	/* An empty list in the item hides the outer one of the same name. */
	assert_non_null(m = view_ctx_list_add(c, "members"));
	assert_int_equal(view_ctx_set_cstr(m, "name", "outer"), APP_OK);
	assert_string_equal(
	    render_str(src, c), "[g1:(m1/G1/S)(g1/G1/S)][root:(outer/G2/S)]");
	assert_int_equal(view_ctx_set_list(g, "members"), APP_OK);
	assert_string_equal(
	    render_str(src, c), "[g1:(m1/G1/S)(g1/G1/S)][root:-]");
	/* A child context passed to render still sees its parents. */
	assert_string_equal(render_str("{{group}}{{site}}", g), "G2S");
}

static void
test_standalone(void **state)
{
	struct view_ctx *c = view_ctx_new(&arena);

	(void)state;
	assert_int_equal(view_ctx_set_bool(c, "t", 1), APP_OK);
	/* Lines holding only a section, close or comment tag vanish. */
	assert_string_equal(
	    render_str(
	        "a\n  {{#t}}  \nb\n{{! note\n more }}\n\t{{/t}}\r\nc", c),
	    "a\nb\nc");
	/* Not standalone: text or another tag on the line. */
	assert_string_equal(
	    render_str("a {{#t}}\nb{{/t}} c\n", c), "a \nb c\n");
	assert_string_equal(render_str("{{t}} {{#t}}\nx{{/t}}", c), " \nx");
}

static void
test_compile_errors(void **state)
{
	char *big;
	char deep[17 * 9 + 1];
	size_t i;

	(void)state;
	EXPECT_ERR("a\n{{#x}}\nb", "t.html:2: section 'x' is not closed");
	EXPECT_ERR("{{#x}}\n{{#y}}\n{{/x}}",
	    "t.html:3: '{{/x}}' closes section 'y' opened on line 2");
	EXPECT_ERR("\n\n{{/x}}", "t.html:3: '{{/x}}' without an open section");
	EXPECT_ERR("a\n{{&x}}",
	    "t.html:2: unknown tag sigil '&' (there is "
	    "no raw output tag; see view.h)");
	EXPECT_ERR("{{{x}}}",
	    "t.html:1: unknown tag sigil '{' (there is "
	    "no raw output tag; see view.h)");
	EXPECT_ERR("a\nb\n{{ Name }}",
	    "t.html:3: bad name in '{{ Name }}': use a-z, 0-9 and _");
	EXPECT_ERR("{{a b}}",
	    "t.html:1: bad name in '{{a b}}': use a-z, "
	    "0-9 and _");
	EXPECT_ERR("{{#}}",
	    "t.html:1: bad name in '{{#}}': use a-z, 0-9 "
	    "and _");
	EXPECT_ERR("{{a.b}}",
	    "t.html:1: bad name in '{{a.b}}': use a-z, "
	    "0-9 and _");
	EXPECT_ERR("x\n{{ }}", "t.html:2: empty tag '{{ }}'");
	EXPECT_ERR("x\ny {{name\n}", "t.html:2: '{{' without closing '}}'");
	EXPECT_ERR("{{! a\nb\n}}\n{{#x}}",
	    "t.html:4: section 'x' is not "
	    "closed");
	EXPECT_ERR("ok\n\xff\n", "t.html:2: invalid UTF-8");
	EXPECT_ERR("ok\n\xed\xa0\x80\n", "t.html:2: invalid UTF-8");
	EXPECT_ERR("a\nb\0c", "t.html:2: NUL byte in template");
	EXPECT_ERR(
	    "{{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaa}}",
	    "t.html:1: name longer than 64 bytes");

	/* 17 nested sections, one per line. */
	deep[0] = '\0';
	for (i = 0; i < 17; i++)
		snprintf(deep + strlen(deep), sizeof(deep) - strlen(deep),
		    "{{#s%02zu}}\n", i);
	expect_compile_error(
	    deep, strlen(deep), "t.html:17: sections nested deeper than 16");
	/* 16 are fine (the unclosed error comes from line 16). */
	deep[strlen(deep) - 9] = '\0';
	expect_compile_error(
	    deep, strlen(deep), "t.html:16: section 's15' is not closed");

	/* One byte over the size limit. */
	assert_non_null(big = malloc(MAX_TEMPLATE_SIZE + 1));
	memset(big, 'x', MAX_TEMPLATE_SIZE + 1);
	expect_compile_error(big, MAX_TEMPLATE_SIZE + 1,
	    "t.html:1: file larger than 262144 bytes");
	{
		struct view_tpl *t = NULL;

		assert_int_equal(
		    view_compile(&t, "t.html",
		        (struct str){ big, MAX_TEMPLATE_SIZE }, NULL, 0),
		    APP_OK);
		view_tpl_free(t);
	}
	free(big);
}

/* A file at the size limit full of tags compiles and renders quickly
 * (line counting and tag scanning stay linear). */
static void
test_big(void **state)
{
	static const char unit[] = "{{#s}}<{{a}}>{{/s}}\n";
	const size_t ul = sizeof(unit) - 1, reps = MAX_TEMPLATE_SIZE / ul;
	struct view_ctx *c = view_ctx_new(&arena);
	struct view_tpl *t = NULL;
	struct buf b;
	char *src;
	size_t i;

	(void)state;
	assert_non_null(src = malloc(reps * ul));
	for (i = 0; i < reps; i++)
		memcpy(src + i * ul, unit, ul);
	assert_int_equal(view_compile(&t, "big.html",
	                     (struct str){ src, reps * ul }, NULL, 0),
	    APP_OK);
	assert_int_equal(view_ctx_set_bool(c, "s", 1), APP_OK);
	assert_int_equal(view_ctx_set_cstr(c, "a", "&"), APP_OK);
	buf_init(&b, &arena);
	assert_int_equal(view_tpl_render(t, c, &b), APP_OK);
	assert_int_equal(b.len, reps * sizeof("<&amp;>\n") - reps);
	assert_memory_equal(b.p, "<&amp;>\n<&amp;>\n", 16);
	view_tpl_free(t);
	/* The last line unclosed: the error names it. */
	memcpy(src + (reps - 1) * ul, "{{#s}}<{{a}}>{{/t}}\n", ul);
	{
		char err[128], want[128];

		snprintf(want, sizeof(want),
		    "big.html:%zu: '{{/t}}' closes "
		    "section 's' opened on line %zu",
		    reps, reps);
		assert_int_equal(
		    view_compile(&t, "big.html", (struct str){ src, reps * ul },
		        err, sizeof(err)),
		    APP_EINPUT);
		assert_string_equal(err, want);
	}
	free(src);
}

static void
test_load_errors(void **state)
{
	(void)state;
	expect_load_error("bad_missing_partial", APP_EINPUT,
	    "bad_missing_partial/index.html:2: partial 'nope' not found "
	    "(no partials/nope.html)");
	expect_load_error("bad_recursion", APP_EINPUT,
	    "bad_recursion/partials/b.html:2: partial 'a' includes itself");
	expect_load_error("bad_depth", APP_EINPUT,
	    "bad_depth/index.html:11: sections and partials nested deeper "
	    "than 16");
	expect_load_error("bad_syntax", APP_EINPUT,
	    "bad_syntax/partials/p.html:3: '{{/lsit}}' closes section "
	    "'list' opened on line 2");
	expect_load_error("bad_filename", APP_EINPUT,
	    "bad_filename/Index.html:1: file name must be [a-z0-9_]+.html, "
	    "at most 64 characters before .html");
	expect_load_error(
	    "bad_utf8", APP_EINPUT, "bad_utf8/index.html:2: invalid UTF-8");
	expect_load_error("bad_nul", APP_EINPUT,
	    "bad_nul/index.html:3: NUL byte in template");
	expect_load_error(
	    "no_such_dir", APP_EIO, "no_such_dir: No such file or directory");
}

static void
test_partials_and_set(void **state)
{
	struct view_set *vs = load_good();
	struct view_ctx *c = view_ctx_new(&arena), *it;
	struct buf b;

	(void)state;
	assert_true(view_set_has(vs, "layout"));
	assert_true(view_set_has(vs, "index"));
	assert_true(view_set_has(vs, "escape"));
	assert_false(view_set_has(vs, "row")); /* a partial, not a page */
	assert_false(view_set_has(vs, "nope"));
	assert_false(view_set_has(NULL, "index"));

	assert_int_equal(view_ctx_set_cstr(c, "title", "Ärenden"), APP_OK);
	assert_int_equal(view_ctx_set_cstr(c, "owner", "o"), APP_OK);
	assert_non_null(it = view_ctx_list_add(c, "items"));
	assert_int_equal(view_ctx_set_cstr(it, "name", "<a>"), APP_OK);
	assert_int_equal(view_ctx_set_int(it, "n", 1), APP_OK);
	assert_non_null(it = view_ctx_list_add(c, "items"));
	assert_int_equal(view_ctx_set_cstr(it, "name", "b"), APP_OK);
	assert_int_equal(view_ctx_set_int(it, "n", 2), APP_OK);
	assert_int_equal(view_ctx_set_cstr(it, "owner", "p"), APP_OK);
	buf_init(&b, &arena);
	assert_int_equal(view_render(vs, "index", c, &b), APP_OK);
	assert_string_equal(buf_str(&b).p,
	    "<h1>Ärenden</h1>\n"
	    "<ul>\n"
	    "<li>&lt;a&gt; (1) o</li>\n"
	    "<li>b (2) p</li>\n"
	    "</ul>\n");

	/* Unknown template: APP_ENOTFOUND and nothing written. */
	buf_init(&b, &arena);
	assert_int_equal(view_render(vs, "nope", c, &b), APP_ENOTFOUND);
	assert_int_equal(view_render(vs, "row", c, &b), APP_ENOTFOUND);
	assert_int_equal(b.len, 0);
	view_set_free(vs);
	view_set_free(NULL);
}

static void
test_layout_page(void **state)
{
	struct view_set *vs = load_good();
	struct view_ctx *c = view_ctx_new(&arena);
	const struct view_html *h;
	struct buf b;

	(void)state;
	assert_int_equal(view_ctx_set_cstr(c, "title", "Start & mål"), APP_OK);
	/* A string called content is escaped: only engine output is raw. */
	assert_int_equal(view_ctx_set_cstr(c, "content", "<b>"), APP_OK);
	buf_init(&b, &arena);
	assert_int_equal(
	    view_render_page(vs, "layout", "index", c, &b), APP_OK);
	assert_string_equal(buf_str(&b).p,
	    "<!doctype html>\n"
	    "<html lang=\"sv\">\n"
	    "<head><title>Start &amp; mål</title></head>\n"
	    "<body>\n"
	    "<nav>Logga in</nav>\n"
	    "<main>\n"
	    "<h1>Start &amp; mål</h1>\n"
	    "<ul>\n"
	    "</ul>\n"
	    "<p>Inga ärenden.</p>\n"
	    "\n"
	    "</main>\n"
	    "</body>\n"
	    "</html>\n");

	/* The caller's ctx was not changed: its content is still escaped. */
	assert_string_equal(render_str("{{content}}", c), "&lt;b&gt;");

	/* view_render_html + view_ctx_set_html: emitted unescaped. */
	assert_int_equal(view_ctx_set_cstr(c, "v", "\"q\""), APP_OK);
	assert_int_equal(view_render_html(vs, "escape", c, &arena, &h), APP_OK);
	assert_non_null(h);
	assert_int_equal(view_ctx_set_html(c, "frag", h), APP_OK);
	assert_string_equal(render_str("<div>{{frag}}</div>", c),
	    "<div><p title=\"&quot;q&quot;\">&quot;q&quot;</p></div>");
	assert_int_equal(
	    view_render_html(vs, "nope", c, &arena, &h), APP_ENOTFOUND);
	assert_null(h);

	/* Missing layout or page: APP_ENOTFOUND, out untouched. */
	buf_init(&b, &arena);
	assert_int_equal(
	    view_render_page(vs, "nope", "index", c, &b), APP_ENOTFOUND);
	assert_int_equal(
	    view_render_page(vs, "layout", "nope", c, &b), APP_ENOTFOUND);
	assert_int_equal(b.len, 0);
	view_set_free(vs);
}

/*
 * Render page in the layout (the good fixture set; strict views on (1),
 * off (0) or left as they are (-1)) with c, stderr sent to a file; returns
 * what was logged (static), and the output in *html (arena).
 */
static const char *
render_logged(struct view_set *vs, int strict, const char *page,
    const struct view_ctx *c, const char **html)
{
	static char logged[2048];
	FILE *f = tmpfile();
	struct buf b;
	size_t n;
	int saved;

	assert_non_null(f);
	if (strict >= 0)
		view_set_strict(vs, strict);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(f), 2) >= 0);
	buf_init(&b, &arena);
	assert_int_equal(view_render_page(vs, "layout", page, c, &b), APP_OK);
	fflush(stderr);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	rewind(f);
	n = fread(logged, 1, sizeof(logged) - 1, f);
	logged[n] = '\0';
	fclose(f);
	*html = buf_str(&b).p;
	return logged;
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)) != NULL; hay++)
		n++;
	return n;
}

static void
test_strict(void **state)
{
	struct view_set *vs = load_good();
	struct view_ctx *c = view_ctx_new(&arena), *it;
	const char *log, *html, *plain;

	(void)state;
	/* {{title}} bound, items a list: nothing to report. The unbound
	 * {{#user}}/{{^user}} in the nav partial is a flag left unset. */
	assert_int_equal(view_ctx_set_cstr(c, "title", "T"), APP_OK);
	assert_int_equal(view_ctx_set_list(c, "items"), APP_OK);
	log = render_logged(vs, 1, "index", c, &html);
	assert_string_equal(log, "");

	/* A row whose {{owner}} nobody bound, in a partial: one BUG line per
	 * tag, however many rows, naming the partial, the line and the page.
	 * {{n}} bound to 0 and {{name}} to "" are bound. */
	for (int i = 0; i < 3; i++) {
		assert_non_null(it = view_ctx_list_add(c, "items"));
		assert_int_equal(view_ctx_set_cstr(it, "name", ""), APP_OK);
		assert_int_equal(view_ctx_set_int(it, "n", 0), APP_OK);
	}
	log = render_logged(vs, 1, "index", c, &html);
	assert_int_equal(count(log, "BUG: "), 1);
	assert_non_null(strstr(log,
	    " error req=-: BUG: view partials/row key 'owner' not bound "
	    "(line 1, rendering index)\n"));
	/* The page renders as it would without strict views. */
	plain = html;
	log = render_logged(vs, 0, "index", c, &html);
	assert_string_equal(log, "");
	assert_string_equal(html, plain);
	/* Reported once per tag and worker: not again. */
	log = render_logged(vs, 1, "index", c, &html);
	assert_string_equal(log, "");

	/* An outer binding satisfies an inner tag. */
	assert_int_equal(view_ctx_set_cstr(c, "owner", "o"), APP_OK);
	log = render_logged(vs, 1, "index", c, &html);
	assert_string_equal(log, "");
	view_set_free(vs);

	/* A tag of the template asked for, a fresh set: no "rendering". */
	vs = load_good();
	c = view_ctx_new(&arena);
	assert_int_equal(view_ctx_set_cstr(c, "title", "T"), APP_OK);
	assert_int_equal(view_ctx_set_bool(c, "v", 0), APP_OK);
	log = render_logged(vs, 1, "escape", c, &html);
	assert_string_equal(log, ""); /* a boolean is bound */
	c = view_ctx_new(&arena);
	assert_int_equal(view_ctx_set_cstr(c, "title", "T"), APP_OK);
	log = render_logged(vs, 1, "escape", c, &html);
	/* escape.html has two {{v}} tags: a line for each. */
	assert_int_equal(
	    count(log, "BUG: view escape key 'v' not bound (line 1)\n"), 2);
	assert_int_equal(count(log, "BUG: "), 2);
	/* Off by default: a new set reports nothing. */
	view_set_free(vs);
	vs = load_good();
	c = view_ctx_new(&arena);
	log = render_logged(vs, -1, "escape", c, &html);
	assert_string_equal(log, "");
	view_set_free(vs);
}

static void
test_enomem(void **state)
{
	struct view_set *vs = load_good();
	struct arena tiny;
	size_t cap;
	int ok = 0, nomem = 0;

	(void)state;
	/* Every arena size from nothing to enough: OK or ENOMEM, no crash. */
	for (cap = 0; cap <= 4096; cap += 16) {
		struct view_ctx *c, *it;
		struct buf b;
		enum app_err e = APP_OK;
		int i;

		assert_true(arena_init(&tiny, cap == 0 ? 1 : cap));
		if (cap == 0)
			tiny.cap = 0;
		if ((c = view_ctx_new(&tiny)) == NULL) {
			nomem++;
			arena_free(&tiny);
			continue;
		}
		e = view_ctx_set_cstr(c, "title", "En lång titel <med> tecken");
		for (i = 0; i < 5 && e == APP_OK; i++) {
			if ((it = view_ctx_list_add(c, "items")) == NULL) {
				e = APP_ENOMEM;
				break;
			}
			e = view_ctx_set_cstr(it, "name", "namn & namn");
			if (e == APP_OK)
				e = view_ctx_set_int(it, "n", i);
		}
		if (e == APP_OK) {
			buf_init(&b, &tiny);
			e = view_render_page(vs, "layout", "index", c, &b);
		}
		assert_true(e == APP_OK || e == APP_ENOMEM);
		if (e == APP_OK)
			ok++;
		else
			nomem++;
		arena_free(&tiny);
	}
	assert_true(ok > 0);
	assert_true(nomem > 0);

	/* A context in a full arena: setters fail cleanly. */
	assert_true(arena_init(&tiny, 256));
	{
		struct view_ctx *c = view_ctx_new(&tiny);

		assert_non_null(c);
		assert_int_equal(view_ctx_set_int(c, "k", 1), APP_OK);
		while (arena_alloc(&tiny, 1) != NULL)
			;
		assert_int_equal(view_ctx_set_int(c, "k", 1), APP_ENOMEM);
		assert_int_equal(view_ctx_set_cstr(c, "k", "x"), APP_ENOMEM);
		assert_int_equal(view_ctx_set_bool(c, "k", 1), APP_ENOMEM);
		assert_int_equal(view_ctx_set_list(c, "k"), APP_ENOMEM);
		assert_null(view_ctx_list_add(c, "k"));
		assert_null(view_ctx_new(&tiny));
	}
	arena_free(&tiny);
	view_set_free(vs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_escape, reset),
		cmocka_unit_test_setup(test_list, reset),
		cmocka_unit_test_setup(test_bool_sections, reset),
		cmocka_unit_test_setup(test_nested_lookup, reset),
		cmocka_unit_test_setup(test_standalone, reset),
		cmocka_unit_test_setup(test_compile_errors, reset),
		cmocka_unit_test_setup(test_big, reset),
		cmocka_unit_test_setup(test_load_errors, reset),
		cmocka_unit_test_setup(test_partials_and_set, reset),
		cmocka_unit_test_setup(test_layout_page, reset),
		cmocka_unit_test_setup(test_strict, reset),
		cmocka_unit_test_setup(test_enomem, reset),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
