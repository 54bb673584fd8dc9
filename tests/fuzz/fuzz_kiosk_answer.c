/*
 * fuzz_kiosk_answer.c: libFuzzer target for the kiosk's answer parsing:
 * quest_answer_parse() (a screen's "svar" and "special" fields against
 * its item), with quest_text_too_long(), quest_go_from_form(),
 * quest_key_from_form(), quest_key_judge() and quest_step_decide() on the
 * same form.
 *
 * Links: app/quest_response.c and what it uses (plus the shared replay
 * main, or clang -fsanitize=fuzzer). Input: bytes 0-3 make the item as
 * the questionnaire schema allows it (kind; scale 0|1..2-11; vet ej / ej
 * aktuellt; 2-30 options; a text of at most 1-2000 characters), then
 * records [key][len][len bytes] of the form (svar, special, ga, nyckel).
 * Invariants checked with abort():
 *  - parsed: at most QUEST_ANSWER_ROWS rows (and shown values); a special
 *    answer stands alone, is one the item allows, with no value; else a
 *    scale value in the item's scale, a VAS value 0..100, an option
 *    position 1..options with the option's value, never twice, one only
 *    unless flerval; a text non-empty, within its limit, without NUL or
 *    CR; a scale, VAS, text or enval gives at most one row.
 *  - quest_text_too_long() only for a free text, and then parse refuses.
 *  - quest_step_decide(): skip exactly on "hoppa"; an answer that did not
 *    parse is never stored (no REPLACE), one that did is never an error.
 *  - quest_key_from_form(): accepted keys are 1-9 digits (or none) and
 *    their value; quest_key_judge() is CURRENT for none or the same.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "quest.h"
#include "quest_response.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_keys[] = { "svar", "special", "ga", "nyckel",
	"annat" };

static void
fuzz_rows(const struct quest_item_rec *it, const struct quest_option_rec *o,
    size_t nopts, const struct quest_answer_row *rows, size_t nrows,
    const struct quest_shown *sh)
{
	if (nrows > QUEST_ANSWER_ROWS || sh->nints > QUEST_ANSWER_ROWS)
		abort();
	if (nrows == 1 && rows[0].special != QSPECIAL_NONE) {
		if (rows[0].vint != -1 || rows[0].vtext.p != NULL ||
		    (rows[0].special == QSPECIAL_VET_EJ && !it->allow_vet_ej) ||
		    (rows[0].special == QSPECIAL_EJ_AKTUELLT &&
		        !it->allow_ej_aktuellt) ||
		    rows[0].special >= QSPECIAL__MAX ||
		    sh->special != rows[0].special)
			abort();
		return;
	}
	if (nrows > 1 && it->kind != QK_FLERVAL)
		abort();
	for (size_t i = 0; i < nrows; i++) {
		const struct quest_answer_row *w = &rows[i];

		if (w->special != QSPECIAL_NONE)
			abort();
		switch (it->kind) {
		case QK_SKALA:
			if (w->vint < it->scale_min || w->vint > it->scale_max)
				abort();
			break;
		case QK_VAS:
			if (w->vint < 0 || w->vint > 100)
				abort();
			break;
		case QK_FRITEXT:
			if (w->vint != -1 || w->vtext.len == 0 ||
			    str_has_nul(w->vtext) ||
			    memchr(w->vtext.p, '\r', w->vtext.len) != NULL ||
			    (long long)form_text_chars(w->vtext) >
			        it->max_length)
				abort();
			break;
		case QK_ENVAL:
		case QK_FLERVAL:
			if (w->vint < 1 || (size_t)w->vint > nopts ||
			    !str_eq(w->vtext, o[w->vint - 1].value))
				abort();
			for (size_t j = 0; j < i; j++)
				if (rows[j].vint == w->vint)
					abort();
			break;
		default: abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char values[30][4];
	struct quest_option_rec opts[30];
	struct quest_answer_row rows[QUEST_ANSWER_ROWS];
	struct quest_item_rec it;
	struct quest_shown sh;
	struct arena a;
	struct kv_list l = { NULL, 0 };
	struct kv kvs[64];
	size_t nopts, nrows = 99, at = 4;
	long long key;
	int parsed, too_long;
	enum quest_go go;
	enum quest_step step;

	if (size < 4)
		return 0;
	memset(&it, 0, sizeof(it));
	it.kind = (enum quest_kind)(data[0] % QK__MAX);
	it.scale_min = data[1] & 1;
	it.scale_max = 2 + (data[1] >> 1) % 10;
	it.allow_vet_ej = it.kind != QK_FRITEXT && (data[2] & 1);
	it.allow_ej_aktuellt = it.kind != QK_FRITEXT && (data[2] & 2);
	it.max_length = 1 + (long long)data[3] * 2000 / 255;
	nopts = 2 + (size_t)(data[2] >> 2) % 29;
	for (size_t i = 0; i < nopts; i++) {
		/* i < 30: "v1".."v30"; the modulo tells gcc it fits. */
		snprintf(values[i], sizeof(values[i]), "v%u",
		    (unsigned)(i + 1) % 100u);
		opts[i] = (struct quest_option_rec){ (long long)i + 1,
			str_cstr(values[i]), STR_LIT("Ett alternativ") };
	}
	if (!arena_init(&a, 1u << 20))
		return 0;
	while (at + 2 <= size && l.n < sizeof(kvs) / sizeof(kvs[0])) {
		size_t len = data[at + 1];
		char *vp;

		kvs[l.n].key = str_cstr(fuzz_keys[data[at] % 5]);
		at += 2;
		if (len > size - at)
			len = size - at;
		if ((vp = arena_alloc(&a, len + 1)) == NULL)
			break;
		memcpy(vp, data + at, len);
		vp[len] = '\0';
		kvs[l.n++].val = (struct str){ vp, len };
		at += len;
	}
	l.v = l.n > 0 ? kvs : NULL;

	memset(&sh, 0, sizeof(sh));
	parsed =
	    quest_answer_parse(&a, &it, opts, nopts, &l, rows, &nrows, &sh);
	if (parsed)
		fuzz_rows(&it, opts, nopts, rows, nrows, &sh);
	too_long = quest_text_too_long(&it, kv_get(&l, "svar"));
	if (too_long && it.kind != QK_FRITEXT)
		abort();
	/* A text over its limit is never taken (a free text allows no
	 * special answer, so nothing before it can stand instead). */
	if (too_long && parsed)
		abort();
	go = quest_go_from_form(kv_get(&l, "ga"));
	step = quest_step_decide(
	    it.kind, go, data[0] >> 7, parsed, too_long, parsed ? nrows : 0);
	if ((step == QSTEP_SKIP) != (go == QGO_SKIP) ||
	    (step == QSTEP_REPLACE && (!parsed || nrows == 0)) ||
	    (parsed && (step == QSTEP_ERROR || step == QSTEP_TOO_LONG)))
		abort();
	if (quest_key_from_form(kv_get(&l, "nyckel"), &key)) {
		const struct str *k = kv_get(&l, "nyckel");

		if (k == NULL ? key != QUEST_KEY_NONE
		              : (key < 0 || key > 999999999 || k->len == 0 ||
		                    k->len > 9 || str_to_ll(*k) != key))
			abort();
		if (quest_key_judge(key, key) != QKEY_CURRENT ||
		    quest_key_judge(QUEST_KEY_NONE, key + 1) != QKEY_CURRENT ||
		    (key > 0 && quest_key_judge(key - 1, key) != QKEY_STALE) ||
		    quest_key_judge(key + 1, key) != QKEY_UNKNOWN)
			abort();
	}
	arena_free(&a);
	return 0;
}
