/* entity_load.c: the data files of entity extraction read into the
 * extractor's tables (entity_data.c): gazetteers, cue phrases,
 * abbreviations, word kinds, Vietnamese names and given names,
 * administrative words (data/README says what each file holds). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "entity_int.h"
#include "util.h"

/* The kinds of cue phrases, as cues.tsv names them. */
static const struct {
	const char *name;
	unsigned kind;
} cue_names[] = {
    {"title", CUE_TITLE},
    {"honorific", CUE_HONORIFIC},
    {"org-head", CUE_ORG_HEAD},
    {"org-head+", CUE_ORG_HEAD_LOC},
    {"org-suffix", CUE_ORG_SUFFIX},
    {"org-pre", CUE_ORG_PRE},
    {"loc-head", CUE_LOC_HEAD},
    {"loc-cue", CUE_LOC_CUE},
    {"loc-suffix", CUE_LOC_SUFFIX},
    {"loc-prep", CUE_LOC_PREP},
    {"per-post", CUE_PER_POST},
    {"connector", CUE_CONNECTOR},
    {"stop", CUE_STOP},
    {"stop-acro", CUE_STOP_ACRO},
    {"particle", CUE_PARTICLE},
    {"misc-suffix", CUE_MISC_SUFFIX},
    {"function", CUE_FUNCTION},
    {"loc-admin", CUE_LOC_ADMIN},
    {"per-pre", CUE_PER_PRE},
    {"misc-head", CUE_MISC_HEAD},
    {"surname", CUE_SURNAME},
    {"common", CUE_COMMON},
    {"sport", CUE_SPORT},
    {"club-suffix", CUE_CLUB},
    {"road", CUE_ROAD},
    {"demonym", CUE_DEMONYM},
};

/* A kind of a data file of KIND<TAB>phrase lines, and the bit it sets. */
typedef struct word_kind {
	const char *name;
	uint32_t bit;
} word_kind;

/* Splits a tab-separated line in place. Returns the number of fields. */
static size_t split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line;
	while (n < max) {
		f[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

/* The type of a gazetteer line's TYPE field, with how its aliases are
 * added: PER, ORG, LOC, MISC (no entity), ORG@sport or LOC@country (a
 * country's reading: a national side stays a place), LOC@admin (only
 * after a unit word), MISC@word (a common word: its lower-case syllables
 * only in lower case); -1 for a type this extractor does not know. */
static int gaz_type(const char *s, int *how)
{
	*how = GAZ_PLAIN;
	if (strcmp(s, "MISC") == 0)
		return ENT_MISC;
	if (strcmp(s, "LOC@country") == 0) {
		*how = GAZ_COUNTRY;
		return ENT_LOC;
	}
	if (strcmp(s, "ORG@sport") == 0) {
		*how = GAZ_SPORT;
		return ENT_ORG;
	}
	if (strcmp(s, "LOC@admin") == 0) {
		*how = GAZ_ADMIN;
		return ENT_LOC;
	}
	if (strcmp(s, "MISC@word") == 0) {
		*how = GAZ_WORD;
		return ENT_MISC;
	}
	return entity_type_parse(s);
}

/* Loads the gazetteer file `name`: TYPE, canonical name, aliases. */
static void load_gazetteer(entity_extractor *ex, const char *name)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines(name, &lines);
	bool countries = strcmp(name, "countries.tsv") == 0;
	bool clubs = strcmp(name, "sport.tsv") == 0;
	for (size_t i = 0; i < lines.n; i++) {
		char *f[64];
		size_t n = split_tabs(lines.v[i], f, 64);
		int how = GAZ_PLAIN;
		int type = n >= 2 ? gaz_type(f[0], &how) : -1;
		if (type < 0)
			continue;
		if (countries && how == GAZ_PLAIN)
			how = GAZ_COUNTRY;
		else if (clubs && how == GAZ_PLAIN && type == ENT_ORG)
			how = GAZ_CLUB;
		const char *canonical = f[1][0] == '~' ? f[1] + 1 : f[1];
		if (strncmp(canonical, "vi:", 3) == 0)
			canonical += 3; /* a name read in Vietnamese only */
		if (!*canonical)
			continue;
		for (size_t k = 1; k < n; k++)
			if (*f[k])
				ent_add_phrase(ex, f[k], type, canonical, 0, how);
	}
	sl_free(&lines);
}

/* Loads the cue phrases of a cue file (entity-cues.txt, en-words.txt,
 * sport-words.txt): KIND, phrase. */
static void load_cues(entity_extractor *ex, const char *name)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines(name, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[2];
		if (split_tabs(lines.v[i], f, 2) != 2 || !*f[1])
			continue;
		for (size_t c = 0; c < sizeof cue_names / sizeof *cue_names; c++)
			if (strcmp(cue_names[c].name, f[0]) == 0)
				ent_add_phrase(ex, f[1], -1, NULL, cue_names[c].kind, GAZ_PLAIN);
	}
	sl_free(&lines);
}

/* Whether an abbreviation has a capital after its first letter (HLV, ThS,
 * ĐBQH; not Dr, Sen.): anything but ASCII lower case and dots counts. */
static bool two_capitals(const char *s)
{
	const char *p = s + 1;
	while ((*p & 0xC0) == 0x80) /* the rest of a first letter like Đ */
		p++;
	for (; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && *p != '.')
			return true;
	return false;
}

/* Loads abbreviations.tsv: KIND, abbreviation, long forms. Each line adds
 * its kind to the abbreviation's set of cue kinds (ĐT is a common noun
 * and an organization's head); a "title" abbreviation (HLV, GS.TS) is a
 * title cue. Long forms are not read yet. */
static void load_abbreviations(entity_extractor *ex)
{
	static const struct {
		const char *name;
		unsigned kind;
	} kinds[] = {
	    {"common", CUE_ABBR_COMMON},         {"title", CUE_TITLE},
	    {"org-head", CUE_ABBR_ORG_HEAD},     {"org-part", CUE_ABBR_ORG_PART},
	    {"org-suffix", CUE_ABBR_ORG_SUFFIX},
	};
	strlist lines;
	sl_init(&lines);
	datafile_lines("abbreviations.tsv", &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[3];
		if (split_tabs(lines.v[i], f, 3) < 2 || !*f[1])
			continue;
		/* "Sen", "Gen", "St": a title written as a word is also a name's
		 * word (Làng Sen, St Louis); titles with two capitals only */
		if (strcmp(f[0], "title") == 0 && !two_capitals(f[1]))
			continue;
		for (size_t c = 0; c < sizeof kinds / sizeof *kinds; c++)
			if (strcmp(kinds[c].name, f[0]) == 0)
				ent_add_phrase(ex, f[1], -1, NULL, kinds[c].kind, GAZ_PLAIN);
	}
	sl_free(&lines);
}

/* Loads the lines of file whose KIND is one of kinds: each phrase joins
 * the phrase table (as a cue of kinds cue, or none) and gets the kind's
 * bit, in phrase.vi_name when vi, else in phrase.en_word. */
static void load_kinds(entity_extractor *ex, const char *file, const word_kind *kinds,
                       size_t nkinds, unsigned cue, bool vi)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines(file, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[2];
		if (split_tabs(lines.v[i], f, 2) != 2 || !*f[1])
			continue;
		for (size_t c = 0; c < nkinds; c++) {
			if (strcmp(kinds[c].name, f[0]) != 0)
				continue;
			phrase *p = ent_add_phrase(ex, f[1], -1, NULL, cue, GAZ_PLAIN);
			if (p && vi)
				p->vi_name |= (uint8_t)kinds[c].bit;
			else if (p)
				p->en_word |= kinds[c].bit;
		}
	}
	sl_free(&lines);
}

/* Loads vn-names.txt: KIND (surname, middle, given), syllable. Its family
 * names are evidence of a person, not the title rule's CUE_SURNAME. */
static void load_vi_names(entity_extractor *ex)
{
	static const word_kind kinds[] = {
	    {"surname", VN_FAMILY}, {"middle", VN_MIDDLE}, {"given", VN_GIVEN}};
	load_kinds(ex, "vn-names.txt", kinds, sizeof kinds / sizeof *kinds, CUE_VI_NAME, true);
}

/* Loads the kinds of a word file (en-words.txt, vi-words.txt) that are
 * no cue (entity_en.c, entity_vi.c): corp-pre, corp-post, corp-of
 * (business words before and after a company's name), work (a work's or
 * a product's noun before its title), work-in, work-after, work-post
 * (words around a work's title), band-post (a band's words after its
 * name), title-word, people, device (a device's noun before its brand
 * and model), surname-suffix (an organization's suffix that is a
 * surname too), kin (a relative's word around a person's name), temple
 * (a temple's word before "bà", "ông" in its name), shop (a shop's or a
 * brand's word before a business), given-place (a place's name that is a
 * given name too), club-word (a word of club sport), media (a
 * broadcaster's, a magazine's or a news agency's noun that is no part of
 * the foreign name after it), unit-head (a unit's noun that heads a name
 * only before a word of its domain), press-post (a paper's or an
 * agency's word after its name), club-pre and club-post (a team's words
 * before and after its name in sport news), not-team (a plural that is
 * no team's nickname), acro-post (a body's word after an acronym),
 * addr-title (a title after a form of address), national-body (a known
 * body's short name that every nation's body has), person-poss (what
 * only a person has: "X's wife"), loc-post (a place's common noun after
 * its name: "the X ward"), compound (a Vietnamese word of two syllables
 * whose second is a function word elsewhere: "hàng không"). */
static void load_words(entity_extractor *ex, const char *file)
{
	static const word_kind kinds[] = {{"corp-pre", EN_CORP_PRE},
	                                  {"corp-post", EN_CORP_POST},
	                                  {"corp-of", EN_CORP_OF},
	                                  {"work", EN_WORK},
	                                  {"work-in", EN_WORK_IN},
	                                  {"work-after", EN_WORK_AFTER},
	                                  {"band-post", EN_BAND_POST},
	                                  {"title-word", EN_TITLE_WORD},
	                                  {"work-post", EN_WORK_POST},
	                                  {"people", EN_PEOPLE},
	                                  {"device", EN_DEVICE},
	                                  {"surname-suffix", EN_SURNAME},
	                                  {"kin", EN_KIN},
	                                  {"temple", EN_TEMPLE},
	                                  {"shop", EN_SHOP},
	                                  {"given-place", EN_GIVEN_PLACE},
	                                  {"club-word", EN_CLUB_WORD},
	                                  {"media", EN_MEDIA},
	                                  {"unit-head", EN_UNIT_HEAD},
	                                  {"press-post", EN_PRESS_POST},
	                                  {"club-pre", EN_CLUB_PRE},
	                                  {"club-post", EN_CLUB_POST},
	                                  {"not-team", EN_NOT_TEAM},
	                                  {"acro-post", EN_ACRO_POST},
	                                  {"addr-title", EN_ADDR_TITLE},
	                                  {"national-body", EN_NATIONAL},
	                                  {"person-poss", EN_PER_POSS},
	                                  {"loc-post", EN_LOC_POST},
	                                  {"compound", EN_COMPOUND}};
	load_kinds(ex, file, kinds, sizeof kinds / sizeof *kinds, 0, false);
}

/* Loads given-names.txt: one given name per line, kept by its matching
 * key (the key of its one token; a line of several tokens is skipped). */
static void load_given_names(entity_extractor *ex)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines("given-names.txt", &lines);
	for (size_t i = 0; i < lines.n; i++) {
		ctx x;
		memset(&x, 0, sizeof x);
		x.ex = ex;
		sb_init(&x.keys);
		x.text = lines.v[i];
		x.len = strlen(lines.v[i]);
		ent_tokenize(&x);
		if (x.nt == 1) {
			char *key = xstrndup(tkey(&x, 0), x.t[0].klen);
			sm_put(&ex->given, key, 1);
			free(key);
		}
		ent_ctx_free(&x);
	}
	sl_free(&lines);
}

/* Loads vn-admin-words.txt: LEVELS, the long form, short forms. A short
 * form written "~Q." is also an initial, and the words of level 4
 * (villages) are common words too: both CUE_ADMIN_WEAK. */
static void load_admin_words(entity_extractor *ex)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines("vn-admin-words.txt", &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[16];
		size_t n = split_tabs(lines.v[i], f, 16);
		bool village = strcmp(f[0], "4") == 0;
		for (size_t k = 1; k < n; k++) {
			const char *w = f[k];
			unsigned kind = village ? CUE_ADMIN_WEAK : CUE_LOC_ADMIN | CUE_LOC_CUE;
			if (*w == '~') {
				w++;
				kind = CUE_ADMIN_WEAK;
			}
			if (*w)
				ent_add_phrase(ex, w, -1, NULL, kind, GAZ_PLAIN);
		}
	}
	sl_free(&lines);
}

/* Loads the cue phrases and the gazetteers into ex. Vietnam's districts
 * come before the other places: a place of places.tsv with the same name
 * may be matched bare (the later file wins). */
void ent_load_data(entity_extractor *ex)
{
	load_cues(ex, "entity-cues.txt");
	load_cues(ex, "en-words.txt");
	load_cues(ex, "sport-words.txt");
	load_vi_names(ex);
	load_words(ex, "en-words.txt");
	load_words(ex, "vi-words.txt");
	load_given_names(ex);
	load_admin_words(ex);
	load_abbreviations(ex);
	load_gazetteer(ex, "vn-admin.tsv");
	load_gazetteer(ex, "countries.tsv");
	load_gazetteer(ex, "places.tsv");
	load_gazetteer(ex, "organizations.tsv");
	load_gazetteer(ex, "sport.tsv");
	load_gazetteer(ex, "events.tsv");
	load_gazetteer(ex, "people.tsv");
}
