/* entity_int.h: what the modules of entity extraction share (entity.c,
 * entity_tok.c, entity_data.c, entity_rules.c, entity_scan.c,
 * entity_names.c, entity_org.c, entity_roads.c, entity_type.c,
 * entity_link.c); not for
 * other modules: they use entity.h.
 * The module map is in HACKING, section "Entities". */
#ifndef LEDE_ENTITY_INT_H
#define LEDE_ENTITY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "entity.h"
#include "util.h"

/* ---- character classes and matching keys (entity_tok.c) -------------- */

/* Matching keys keep diacritics (so "bà" is not "Ba" and "Mỹ" is not
 * "My") but not where they sit: the key of a word is its lower-case base
 * letters, then, if it has any, a 0x01 byte and its marks in sorted order.
 * "hòa" and "hoà" (two spelling conventions) share the key. */

#define CP_TABLE 0x2000 /* code points below this have a precomputed entry */
#define MAXMARKS 3

enum { C_ALPHA = 1, C_UPPER = 2, C_LOWER = 4, C_MARK = 8, C_DIGIT = 16 };

typedef struct cp_info {
	uint32_t base;            /* lower-case base letter, 0 for a lone mark */
	uint16_t marks[MAXMARKS]; /* combining marks of the decomposition */
	uint8_t nmarks;
	uint8_t cls;
} cp_info;

/* ---- phrase tables (entity_data.c) ---------------------------------- */

/* Gazetteer entries and cue phrases both live in one open-addressing hash
 * table keyed by the matching key of their whole token sequence. */

enum cue_kind {
	CUE_TITLE = 1u << 0,
	CUE_HONORIFIC = 1u << 1,
	CUE_ORG_HEAD = 1u << 2,
	CUE_ORG_HEAD_LOC = 1u << 3,
	CUE_ORG_SUFFIX = 1u << 4,
	CUE_ORG_PRE = 1u << 5,
	CUE_LOC_HEAD = 1u << 6,
	CUE_LOC_CUE = 1u << 7,
	CUE_LOC_SUFFIX = 1u << 8,
	CUE_LOC_PREP = 1u << 9,
	CUE_PER_POST = 1u << 10,
	CUE_CONNECTOR = 1u << 11,
	CUE_STOP = 1u << 12,
	CUE_STOP_ACRO = 1u << 13,
	CUE_PARTICLE = 1u << 14,
	CUE_MISC_SUFFIX = 1u << 15,
	CUE_FUNCTION = 1u << 16,
	CUE_LOC_ADMIN = 1u << 17,
	CUE_PER_PRE = 1u << 18,
	CUE_MISC_HEAD = 1u << 19,
	CUE_SURNAME = 1u << 20,
	CUE_COMMON = 1u << 21, /* English common word: in capitals no name */
	CUE_SPORT = 1u << 22,  /* a word of sport news (sport context) */
	CUE_CLUB = 1u << 23,   /* a club name's last word (United, Rovers) */
	/* abbreviations.tsv: one abbreviation may have several kinds */
	CUE_ABBR_COMMON = 1u << 24,     /* a common noun, never an entity (SN) */
	CUE_ABBR_ORG_HEAD = 1u << 25,   /* starts an organization's name (UBND) */
	CUE_ABBR_ORG_PART = 1u << 26,   /* inside an organization's name (GTVT) */
	CUE_ABBR_ORG_SUFFIX = 1u << 27, /* ends an organization's name (FC) */
	/* Vietnamese names and units (entity_vi.c) */
	CUE_VI_NAME = 1u << 28,    /* a syllable of vn-names.txt: phrase.vi_name */
	CUE_ADMIN_WEAK = 1u << 29, /* a unit word that is something else too:
	                              a short form that is an initial ("Q.",
	                              "H."), a village's word ("thôn", "bản") */
	CUE_ROAD = 1u << 30,       /* a road before its name ("xa lộ") */
	CUE_DEMONYM = 1u << 31,    /* makes a place's name a language
	                              ("tiếng Anh") */
};

/* The type of a gazetteer name that is no entity (events.tsv: a
 * competition, holiday, work): internal, never an entity_type. */
#define ENT_MISC ENT_NTYPES

/* The kinds of abbreviations.tsv: none of them is an entity alone. */
#define CUE_ABBR (CUE_ABBR_COMMON | CUE_ABBR_ORG_HEAD | CUE_ABBR_ORG_PART | CUE_ABBR_ORG_SUFFIX)

/* The country whose state bodies the gazetteers name bare ("Bộ Ngoại
 * giao", "Quốc hội"): written after one, it names the same body. */
#define HOME_COUNTRY "Việt Nam"

/* What a syllable of vn-names.txt is (phrase.vi_name). */
enum { VN_FAMILY = 1, VN_MIDDLE = 2, VN_GIVEN = 4 };

/* What an English word of en-words.txt says of a name next to it
 * (phrase.en_word, entity_en.c). */
enum {
	EN_CORP_PRE = 1,
	EN_CORP_POST = 2,
	EN_CORP_OF = 4,
	EN_WORK = 8,
	EN_WORK_IN = 16,        /* "starred in X" */
	EN_WORK_AFTER = 32,     /* "X, starring Y" */
	EN_BAND_POST = 64,      /* "X frontman" */
	EN_TITLE_WORD = 128,    /* "Dancer In The Dark" */
	EN_WORK_POST = 256,     /* "X star Y" */
	EN_PEOPLE = 512,        /* "Scots" */
	EN_DEVICE = 1024,       /* "smartphone | LG G6" (vi-words.txt) */
	EN_SURNAME = 2048,      /* an organization's suffix that is a surname too */
	EN_KIN = 4096,          /* a relative's word: "vợ", "bạn gái" (vi-words.txt) */
	EN_TEMPLE = 8192,       /* a temple's word: "chùa", "đền" (vi-words.txt) */
	EN_SHOP = 16384,        /* a shop's word: "cửa hàng" (vi-words.txt) */
	EN_GIVEN_PLACE = 32768, /* a place's name that is a given name too ("Sofia") */
	EN_CLUB_WORD = 65536,   /* a word of club sport ("striker", "league") */
	EN_MEDIA = 131072,      /* "Đài | BBC", "Tạp chí | Forbes" (vi-words.txt) */
	EN_UNIT_HEAD = 262144,  /* "Vụ Kế hoạch", "Đội Quản lý" (vi-words.txt) */
	EN_PRESS_POST = 524288, /* "X newspaper", "X news agency" */
	EN_CLUB_PRE = 1048576,  /* "club X", "side X" in sport news */
	EN_CLUB_POST = 2097152, /* "X striker Y", "X fans" in sport news */
	EN_NOT_TEAM = 4194304,  /* "Hills", "Marathons": no team's nickname */
	EN_ACRO_POST = 8388608, /* "USDA officials": an acronym's body */
	EN_ADDR_TITLE = 1u << 24, /* "Mr Justice Eady": a title after a form of address */
	EN_NATIONAL = 1u << 25,   /* "FA": a body every nation has ("the Scottish FA") */
	EN_PER_POSS = 1u << 26,   /* "X's wife", "X's regime": only a person has one */
	EN_LOC_POST = 1u << 27,   /* "the X ward": a place's common noun after it */
	EN_COMPOUND = 1u << 28    /* "hàng không": a function word ends the word (vi-words.txt) */
};

#define MAXPHRASE 12 /* tokens in the longest phrase looked up */

typedef struct phrase {
	char *key; /* matching key of the token sequence */
	uint32_t keylen;
	uint8_t ntok;
	/* gazetteer part */
	int8_t type;         /* entity_type, or -1 when only a cue */
	bool not_initial;    /* common word too: not at a sentence start */
	uint32_t need_cap;   /* bit i: token i must start upper case */
	uint32_t need_all;   /* bit i: token i must be all capitals */
	uint32_t need_lower; /* bit i: token i must start lower case (MISC@word) */
	char *canonical;
	bool country;          /* from countries.tsv */
	bool club;             /* from sport.tsv: a team, no place nested in it */
	struct phrase *sport;  /* the reading in a sport context (ORG@sport) */
	uint32_t plain;        /* of a sport reading: index + 1 of its phrase */
	bool admin_only;       /* LOC@admin: only right after a unit word */
	bool vi_only;          /* "vi:" alias: Vietnamese articles only (Roma) */
	struct phrase *other;  /* of a "vi:" alias, the reading it took over
	                          from an earlier file, for English articles */
	uint8_t vi_name;       /* VN_FAMILY, VN_MIDDLE, VN_GIVEN (vn-names.txt) */
	uint32_t en_word;      /* EN_CORP_PRE ... EN_ACRO_POST (en-words.txt, vi-words.txt) */
	/* cue part */
	unsigned cue_any; /* cue kinds matching in any case */
	unsigned cue_cap; /* cue kinds matching only when capitalized */
} phrase;

/* A first-token key of the phrases, with its length, the longest phrase
 * length and the lengths there are (ns: bit n set when a phrase of n
 * tokens starts with the key; lengths from 32 on share bit 0), and the
 * key's first bytes: side by side, in 32 bytes, as every word of every
 * article looks one up. */
#define FIRST_HEAD 15
typedef struct first_entry {
	char *key;
	uint32_t len;
	uint32_t ns;
	uint8_t max;
	char head[FIRST_HEAD]; /* the key's first bytes: most keys whole */
} first_entry;

struct entity_extractor {
	cp_info *cp; /* CP_TABLE entries */
	phrase *ph;  /* all phrases */
	size_t nph, capph;
	/* hash slots: phrase index + 1, and the key's hash in the high 32
	 * bits (a probe meeting another key skips it without reading the
	 * phrase); 0 when empty */
	uint64_t *slots;
	size_t nslots;
	/* first-token keys of all phrases (first_entry) */
	struct first_entry *first;
	uint64_t *fslots; /* as slots, for the first-token keys */
	size_t nfirst, capfirst, nfslots;
	/* matching keys of given-names.txt (ent_given_name) */
	strmap given;
};

#define FNV_BASIS 2166136261u

/* Continues a 32-bit FNV-1a hash over n more bytes: the scanner hashes a
 * growing sequence of tokens once, not once per length. */
static inline uint32_t fnv_more(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* FNV-1a over a key: spreads short keys well enough for a few thousand. */
static inline uint32_t key_hash(const char *s, size_t n)
{
	return fnv_more(FNV_BASIS, s, n);
}

/* The hash of one word's key for phrase_hash_more: four bytes at a time,
 * as every token of every article is hashed. */
static inline uint32_t word_hash(const char *s, size_t n)
{
	uint32_t h = FNV_BASIS ^ (uint32_t)n;
	for (; n >= 4; s += 4, n -= 4) {
		uint32_t v;
		memcpy(&v, s, 4);
		h = (h ^ v) * 0x9E3779B1u;
		h ^= h >> 16;
	}
	return fnv_more(h, s, n);
}

/* The hash of a phrase key ("k1 k2 k3", its words' keys) is made from its
 * words' word_hash, one word at a time: from FNV_BASIS, h is
 * phrase_hash_more(h, word_hash of the word). The phrase lookup at each
 * word hashes the token sequences after it from their tokens' hashes
 * (tok.hash) without reading their keys again. */
static inline uint32_t phrase_hash_more(uint32_t h, uint32_t word)
{
	h = (h ^ word) * 0x9E3779B1u;
	return h ^ (h >> 15);
}

/* ---- tokens (entity_tok.c) ------------------------------------------ */

enum tok_flag {
	T_WORD = 1u << 0,
	T_CAP = 1u << 1,     /* first letter upper case */
	T_ALLCAPS = 1u << 2, /* two or more letters, none lower case */
	T_LOWER = 1u << 3,   /* first letter lower case */
	T_DIGIT = 1u << 4,
	T_INITIAL = 1u << 5, /* starts a sentence, a quote or a paragraph */
	T_VI = 1u << 6,      /* spelled like a Vietnamese syllable */
	T_BREAK = 1u << 7,   /* sentence-ending punctuation or a line end */
	T_OPEN = 1u << 8,    /* opening quote or bracket */
	T_PARA = 1u << 9,    /* first token of a line */
	T_SPACE = 1u << 10,  /* white space before the token */
	T_DOMAIN = 1u << 11, /* "APnews.com" */
	T_DASH = 1u << 12,
	T_SEP = 1u << 13, /* '/', ',' or ';' */
	T_LPAREN = 1u << 14,
	T_SPORTALT = 1u << 15, /* a phrase here reads otherwise in sport news */
};

typedef struct tok {
	uint32_t start, end; /* bytes in the field */
	uint32_t key, klen;  /* matching key in the context's key arena */
	uint32_t flags;
	/* the phrase lookups starting here, done together once when first
	 * asked for (memo) */
	bool memo;
	uint8_t gaz_n, cue_n;
	unsigned cue_kinds;
	uint32_t hash; /* word_hash of the key (phrase_hash_more) */
	const phrase *gaz, *cue;
} tok;

/* ---- per-call state ------------------------------------------------- */

/* Per-call state: the extractor is shared and read-only, so everything an
 * extraction writes lives here. */
/* The fields an article has (article_field). */
#define FIELDS 5

typedef struct cand cand;
typedef struct uniq uniq;
typedef struct cref cref;

typedef struct ctx {
	const entity_extractor *ex;
	const char *text; /* current field */
	size_t len;
	size_t off; /* bytes of the field before text (its window) */
	int field;
	bool en;        /* English article */
	bool titlecase; /* English headline in Title Case: capitals prove nothing */
	bool sport;     /* the article is about sport (ent_sport_context) */
	bool clubs;     /* English sport news about clubs: ORG@sport readings
	                   apply (ent_sport_context) */
	strbuf keys;    /* arena of token keys */
	tok *t;
	size_t nt, capt;
	cand *c; /* the candidates of the window being scanned */
	size_t nc, capc;
	/* the unique names found so far (see ent_fold_cands), their hash table
	 * (index + 1, 0 empty), and the candidates of finished windows */
	uniq *u;
	size_t nu, capu;
	uint32_t *slots;
	size_t nslots;
	cref *r;
	size_t nr, capr;
	/* the fields of the crefs, in the order scanned: crefs from
	 * field_end[i - 1] (0 for i = 0) to field_end[i] are field_of[i]'s */
	size_t field_end[FIELDS];
	uint8_t field_of[FIELDS];
	size_t nfields;
	/* the crefs whose candidate names another in brackets (or the reverse) */
	struct cref_link *links;
	size_t nlinks, caplinks;
} ctx;

static inline const char *tkey(const ctx *x, size_t k)
{
	return x->keys.s + x->t[k].key;
}

typedef struct match {
	const phrase *p;
	size_t ntok; /* tokens covered */
} match;

/* ---- candidates (entity_rules.c, entity_scan.c) ---------------------- */

struct cand {
	int field;
	size_t start, end; /* bytes in the field */
	uint32_t lead;     /* bytes from start to the name's first token: a
	                      unit word highlighted with its place */
	size_t t0, t1;     /* tokens of the field (while it is scanned) */
	uint8_t ntok;
	bool strong;    /* written as a name where capitals are evidence */
	bool nodefault; /* no type without evidence (products, events) */
	bool acro;      /* an acronym alone: an organization as a guess */
	bool misc;      /* a treaty or plan: no entity, but its acronym follows it */
	bool given;     /* a one-word place that is a given name too ("Đức"), no cue before it */
	bool road;      /* a road's name ("đường Lê Lợi", and the roads listed after it) */
	bool work;      /* a work's title: no entity, nor a name linked to it */
	int score[3];   /* type evidence */
	const char *gaz; /* gazetteer canonical, borrowed */
	char *name;      /* the name as written, spaces normalized */
	char *lkey;      /* joined token keys, for linking (in name's block) */
	size_t lklen;    /* strlen(lkey) */
	int link;        /* candidate this one is the acronym or full name of, or -1 */
};

/* Evidence weights: a definite cue outweighs any number of weak ones. */
enum { EV_DEF = 100, EV_CUE = 10, EV_WEAK = 1 };

/* ---- unique names and linking (entity_link.c) ------------------------ */

struct uniq {
	/* what makes it one: a gazetteer name's canonical and type, else the
	 * joined keys (lkey) */
	const char *lkey;
	size_t lklen;
	const char *gaz;
	int gtype;        /* best type of a gazetteer name's first mention */
	const char *name; /* the first spelling */
	int ntok;
	int count;
	int given; /* mentions that are cand.given */
	int score[3];
	bool strong;
	bool nodefault;
	bool acro;
	bool work;    /* a work's title (cand.work) */
	bool vi_word; /* one Vietnamese syllable, not in capitals ("Nội", "Nam") */
	int root;     /* unique this one links to */
	/* a royal or noble title written before it ("Prince" of "Prince
	 * Charles"): a given or title name, no one else's last word */
	const char *title;
};

/* A candidate of a finished window, folded into its unique name: all that
 * linking needs of it, an eighth of a candidate's size (a line of one
 * capital letter is a candidate per two bytes). Its field is known from
 * its place (ctx field_end), its bracket link from a cref_link. */
struct cref {
	uint32_t start, end; /* bytes in the field */
	int32_t uid;         /* its unique name, -1 for a misc candidate */
	uint32_t lead;       /* cand.lead */
};

/* A cref whose candidate names another in brackets (or the reverse). */
struct cref_link {
	size_t cref;
	int32_t uid; /* the other candidate's unique name */
};

/* ---- functions of the modules ---------------------------------------- */

/* entity_tok.c */
cp_info *ent_cp_table_new(void);
void ent_tokenize(ctx *x);
bool ent_camel_word(const ctx *x, size_t k);

/* entity_data.c */
/* How a gazetteer alias is added (ent_add_phrase). */
enum { GAZ_PLAIN = 0, GAZ_COUNTRY = 1, GAZ_SPORT = 2, GAZ_CLUB = 3, GAZ_ADMIN = 4, GAZ_WORD = 5 };
/* Adds one phrase (a gazetteer alias when type >= 0, else a cue of kind
 * `kind`) to the extractor's table (entity_data.c); how: GAZ_*. The
 * phrase written, or NULL when the text is none. */
phrase *ent_add_phrase(entity_extractor *ex, const char *text, int type, const char *canonical,
                       unsigned kind, int how);
/* entity_load.c: reads the data files into the tables. */
void ent_load_data(entity_extractor *ex);
void ent_data_free(entity_extractor *ex);
void ent_lookup(ctx *x, size_t k);
/* The cue kinds of the phrase with this matching key, whatever its case
 * (0 when none). */
unsigned ent_cue_kinds(const entity_extractor *ex, const char *key, size_t n);
/* Whether the phrase with this matching key is a country of
 * countries.tsv. */
bool ent_key_country(const entity_extractor *ex, const char *key, size_t n);
/* What the one syllable with this matching key is in vn-names.txt
 * (VN_FAMILY, VN_MIDDLE, VN_GIVEN), or 0. */
unsigned ent_key_vi_name(const entity_extractor *ex, const char *key, size_t n);

/* entity_data.c: a sport reading's ordinary reading (the city), or NULL */
const phrase *ent_plain(const ctx *x, const phrase *p);

/* entity_rules.c */
cand *ent_add_cand(ctx *x, size_t a, size_t b);
void ent_add_gaz(ctx *x, size_t k, const match *m);
bool ent_acronym(ctx *x, size_t k);
bool ent_caps_acronym(const ctx *x, size_t a, size_t b);
unsigned ent_abbr_kinds(const ctx *x, size_t k, size_t n, unsigned kinds);
bool ent_korean_name(const ctx *x, size_t j);
bool ent_initial(ctx *x, size_t j);
size_t ent_name_run(ctx *x, size_t k, bool *has_org, bool *has_loc, bool *misc);
size_t ent_dateline(ctx *x, size_t k);

/* entity_org.c */
size_t ent_org_tail(ctx *x, size_t k, size_t h, bool keep_loc, bool after_title);
size_t ent_school_person(ctx *x, size_t k, size_t j);

/* entity_vi.c */
size_t ent_vi_person(ctx *x, size_t k, bool *middle);
size_t ent_admin_word(ctx *x, size_t k);
bool ent_after_admin(ctx *x, size_t k);
bool ent_vi_name_syllable(ctx *x, size_t k);
/* entity_data.c: whether the capitalized token k is a given name of
 * given-names.txt ("Monica", "Todd"). */
bool ent_given_name(const ctx *x, size_t k);
bool ent_vi_family(ctx *x, size_t k);
bool ent_name_not_place(ctx *x, size_t k, const match *g);
bool ent_vi_name_break(ctx *x, size_t k, size_t j);
bool ent_vi_glued_start(ctx *x, size_t j);
size_t ent_vi_region_country(ctx *x, size_t k);
bool ent_vi_title_prefix(ctx *x, size_t k);
size_t ent_vi_initial_name(const ctx *x, size_t k);
bool ent_vi_given_pair(ctx *x, size_t k, size_t j);
size_t ent_vi_acronym_brand(ctx *x, size_t k, size_t e);
bool ent_vi_model_brand(ctx *x, size_t k);
bool ent_vi_byline(const ctx *x, size_t k, size_t e);
bool ent_written(const ctx *x, size_t k, const char *s);
bool ent_vi_person_after(const ctx *x, size_t e);
bool ent_vi_byline_source(const ctx *x, size_t k, size_t e);
size_t ent_vi_byline_paper(const ctx *x, size_t k);
bool ent_vi_given_alone(ctx *x, size_t k);
bool ent_vi_initials(const ctx *x, size_t k);
bool ent_vi_house_number(const ctx *x, size_t k);
bool ent_vi_direction(const ctx *x, size_t k);
bool ent_vi_work(ctx *x, size_t k);
bool ent_vi_compass(ctx *x, size_t k, size_t e);
size_t ent_vi_product(ctx *x, size_t k, const match *g);
size_t ent_vi_acronym_product(ctx *x, size_t k);
bool ent_vi_feature_head(const ctx *x, size_t k, size_t n);
size_t ent_vi_facility_head(const ctx *x, size_t k);
bool ent_vi_branch_name(ctx *x, size_t k, size_t e);

/* entity_vinear.c: whether a relative's word (vi-words.txt kin: "vợ",
 * "người yêu", "bạn gái"), maybe with "của", ends right before token k
 * ("vợ | Suarez"); whether a spaced dash or a comma at token e, then such
 * a word and a name, follow a name ending before e ("Sofia | - vợ
 * Suarez"): either makes the name a person's */
bool ent_vi_kin_before(ctx *x, size_t k);
/* Whether tokens k..e-1 of a Vietnamese article are "Tây" (Western) as
 * an adjective after a relative's word, a spouse's or a guest's
 * ("chồng Tây", "ông xã Tây", "khách Tây"), with the relative's word in a
 * heading ("Chồng Tây"): no entity. */
bool ent_vi_western(ctx *x, size_t k, size_t e);
/* Whether token k..e-1 of a Vietnamese article is the spring written
 * with a capital after a word of the season ("du Xuân", "đón Xuân",
 * "sang Xuân") or a time of day before "nay", "qua", "mai" ("Sáng nay"):
 * no person nor place. */
bool ent_vi_season(ctx *x, size_t k, size_t e);
/* entity_vinear.c: whether a shop's or a brand's word (vi-words.txt
 * shop: "cửa hàng", "thương hiệu"), maybe with "của", ends right before
 * token k: the name there is a business */
bool ent_vi_shop_before(ctx *x, size_t k);
bool ent_vi_kin_after(ctx *x, size_t e);
/* entity_vinear.c: whether the run k..e-1 of foreign words stands alone
 * between quotes ("mang tên "Lyrics Spoiler""): a title */
bool ent_vi_quoted_title(ctx *x, size_t k, size_t e);
/* entity_vinear.c: whether a Vietnamese name at token k comes right
 * after a brand written with a dot inside ("Co.opmart | Nguyễn Kiệm"):
 * the chain's shop there, named by its street, a place */
bool ent_vi_branch_street(ctx *x, size_t k);
/* entity_vinear.c: whether "Bà" or "Ông" at token k, capitalized inside
 * a sentence or in any case after a temple's word, before a name that is
 * no full Vietnamese name, starts a place's name ("chùa Bà Đanh", "phố Bà
 * Triệu", "chợ Ông Lãnh", "chùa bà Đanh") */
bool ent_vi_elder_place(ctx *x, size_t k);

/* Whether token k is the one-character punctuation c. */
static inline bool ent_punct_is(const ctx *x, size_t k, char c)
{
	return k < x->nt && !(x->t[k].flags & T_WORD) && x->t[k].end - x->t[k].start == 1 &&
	       x->text[x->t[k].start] == c;
}

/* Whether the business word at token q is followed by what ends a
 * noun phrase: the company is described, not its staff ("X, a
 * tourism firm," but not "X, a company director"). */
static inline bool ent_phrase_ends(const ctx *x, size_t q)
{
	return q >= x->nt || !(x->t[q].flags & T_WORD) || (x->t[q].flags & T_BREAK);
}

/* entity_en.c */
int ent_en_org_evidence(ctx *x, size_t k, size_t e);
bool ent_en_acro_body(ctx *x, size_t e);
bool ent_en_work(ctx *x, size_t k, size_t *e);
bool ent_en_work_after(ctx *x, size_t e);
bool ent_en_sponsor(ctx *x, size_t e);
bool ent_en_bill(ctx *x, size_t k, size_t e);
bool ent_en_band(ctx *x, size_t k, size_t e);
bool ent_en_title(ctx *x, size_t k, size_t *e);
bool ent_en_bang(const ctx *x, size_t e);
size_t ent_en_number_name(ctx *x, size_t k, size_t e);
bool ent_en_award_for(ctx *x, const cand *p, size_t k, size_t e);
size_t ent_en_station(ctx *x, size_t k, size_t e);
bool ent_en_plural_verb(ctx *x, size_t k, size_t e);
size_t ent_en_trim(ctx *x, size_t k, size_t e);
bool ent_en_given(ctx *x, size_t k);
bool ent_en_given_place(ctx *x, size_t k, const match *g);
bool ent_en_surname_suffix(ctx *x, size_t k, size_t e);
bool ent_en_listed_work(ctx *x, size_t k, size_t e);
bool ent_en_persons_thing(ctx *x, const cand *p, size_t k, size_t e);
/* entity_enedge.c: English names' edges and names given no type as a guess */
bool ent_en_person_of(ctx *x, size_t k, size_t j);
bool ent_en_person_at(ctx *x, size_t k);
bool ent_en_lead_word(ctx *x, size_t k);
bool ent_en_prefix(ctx *x, size_t k);
bool ent_en_event_after(ctx *x, size_t e);
bool ent_en_the_head(ctx *x, size_t k, size_t e);
bool ent_en_common_phrase(ctx *x, size_t k, size_t e);
size_t ent_en_branch(ctx *x, size_t k, const match *g);
bool ent_en_possessive(const ctx *x, size_t e);
bool ent_en_club_context(ctx *x);
/* entity_data.c: the EN_* bits of the lower-case word at token k */
unsigned ent_en_word(ctx *x, size_t k);
unsigned ent_words_before(ctx *x, size_t k, size_t n);
/* entity_data.c: the EN_* bits of the phrase of exactly n words from
 * token k, whatever their case */
unsigned ent_words_at(ctx *x, size_t k, size_t n);
/* entity_data.c: the EN_* bits of the one-word phrase at token k,
 * whatever its case */
unsigned ent_en_bits(ctx *x, size_t k);
/* entity_data.c: whether token k is a compass word (north, west,
 * central ...) */
bool ent_compass_word(const ctx *x, size_t k);
/* entity_en.c: whether the capitalized token k is a title-word of
 * en-words.txt ("In", "The" inside "Dancer In The Dark") */
bool ent_en_title_word(ctx *x, size_t k);
/* entity_en.c: whether the English run [k, e) is a nation's people in
 * the plural ("Scots", "Canadians"): no entity */
bool ent_en_people(ctx *x, size_t k, size_t e);
/* entity_en.c: whether the name ending before token e is followed by a
 * possessive and what only a person has ("X's wife", "X's regime",
 * en-words.txt person-poss) */
bool ent_en_person_possessive(ctx *x, size_t e);
/* entity_en.c: the end of a player's name in a line-up of a sport
 * article when token k is the player's initial without its dot (or two
 * in capitals): after a comma or a semicolon, before one or two
 * capitalized words that the list's next mark, a bracket or the line's
 * end follows ("; A Lo Cicero, F Ongaro", ", KP Robertson."); 0 when it
 * is not */
size_t ent_en_lineup_end(ctx *x, size_t k);
/* entity_en.c: whether the run [k, e) of a sport article is an initial
 * without its dot and a surname, a player ("C Paterson") */
bool ent_en_player_initial(ctx *x, size_t k, size_t e);
/* entity_en.c: whether the capitalized token k is a judge's title
 * (en-words.txt addr-title) before a name, after a form of address or a
 * title (person_cue: "Mr Justice Eady") or before a full name ("Justice
 * Anne Boyd"); alone it is a name's word ("Justice Department") */
bool ent_en_addr_title(ctx *x, size_t k, bool person_cue);
/* entity_en.c: whether token q is a known body's short name that every
 * nation has one of (en-words.txt national-body: "the Scottish FA") */
bool ent_en_national_body(ctx *x, size_t q);
/* entity_en.c: what the name [k, e) is before the title at token e: the
 * employer (ENT_ORG) before a capitalized title and a person's name
 * ("Carnegie Mellon Professor Raj Reddy"), the constituency (ENT_LOC)
 * between "the" and a member's title in capitals ("the Glasgow Kelvin
 * MP"), else -1 */
int ent_en_before_title(ctx *x, size_t k, size_t e);
/* entity_en.c: whether the English run [k, e) is an adjective of nations
 * joined by a hyphen ("Anglo-American", "Sino-Japanese"): no entity */
bool ent_en_nations_adjective(ctx *x, size_t k, size_t e);

/* entity_sport.c: the sides of a result's or a league table's line */
typedef struct team_line {
	size_t s[2], e[2]; /* each side's tokens */
	int n;
} team_line;
int ent_team_line(ctx *x, size_t k, team_line *tl);
bool ent_team_words(ctx *x, size_t k, size_t e);
bool ent_team_nickname(ctx *x, size_t q, size_t e);
bool ent_team_plural(ctx *x, size_t k, size_t e);
bool ent_team_bracket(ctx *x, const cand *prev, size_t k, size_t e);

/* entity_roads.c */
bool ent_road_start(ctx *x, size_t e);
bool ent_road_listed(ctx *x, size_t road_list, const cand *p, size_t k, size_t e);
size_t ent_road_intro(ctx *x, size_t h, size_t k);
size_t ent_scan_road_item(ctx *x, size_t road_list, size_t k);
bool ent_among_cities(ctx *x, size_t k, size_t e);

/* entity_scan.c */
void ent_scan_field(ctx *x);
bool ent_title_case(ctx *x);
void ent_sport_context(ctx *x);

/* entity_names.c */
void ent_scan_credit(ctx *x);
void ent_link_brackets(ctx *x, size_t c0);
void ent_nest_places(ctx *x, size_t c0);

/* entity_type.c */
int ent_best_type(const int *score);
int ent_mention_type(const uniq *r);

/* entity_link.c */
void ent_fold_cands(ctx *x);
void ent_resolve(ctx *x, const article *a, mention_list *out);

/* entity_marks.c: the marks that tell Vietnamese names apart */
#define ENT_MARKS_MAX 15
/* The marks code of the word s (n bytes) into code ("dduws" for Đức,
 * "aaf" for Trần), and its length; 0 when the word is not
 * Vietnamese-marked (José, Hà, Duc). */
size_t ent_word_marks(const char *s, size_t n, char code[ENT_MARKS_MAX + 1]);

/* entity.c */
void ent_ctx_free(ctx *x);

/* ---- phrase lookup, asked for per token (here to stay inline) ------------ */

/* The phrase lookups at token k, remembered: the scanner asks the same
 * question about a token several times. want_gaz: the gazetteer name,
 * else the cue phrase with its kinds in *kinds. */
static inline match find_phrase(ctx *x, size_t k, bool want_gaz, unsigned *kinds)
{
	if (!x->t[k].memo)
		ent_lookup(x, k);
	const tok *t = &x->t[k];
	if (want_gaz)
		return (match){t->gaz, t->gaz ? t->gaz_n : 0};
	*kinds = t->cue_kinds;
	return (match){t->cue, t->cue ? t->cue_n : 0};
}

/* Cue kinds of the phrase starting at token k and its length (0 if none). */
static inline size_t cue_at(ctx *x, size_t k, unsigned *kinds)
{
	*kinds = 0;
	if (k >= x->nt)
		return 0;
	match m = find_phrase(x, k, false, kinds);
	return m.p ? m.ntok : 0;
}

/* A gazetteer match at token k, or ntok 0. */
static inline match gaz_at(ctx *x, size_t k)
{
	if (k >= x->nt || !(x->t[k].flags & T_WORD))
		return (match){NULL, 0};
	unsigned dummy;
	return find_phrase(x, k, true, &dummy);
}

/* Whether token k can be part of a proper name run. */
static inline bool namey(const ctx *x, size_t k)
{
	if (k >= x->nt)
		return false;
	uint32_t f = x->t[k].flags;
	return (f & T_WORD) && (f & T_CAP) && !(f & T_DIGIT) && !(f & T_DOMAIN);
}

#endif
